import YusuanModel

public enum YearOnYearRules: RuleSet {
    public static let rules: [Rule] = []
    public static func check(_ context: AuditContext) -> [Finding] { [] }
}
