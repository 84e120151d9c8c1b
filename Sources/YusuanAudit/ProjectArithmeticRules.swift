import YusuanModel

public enum ProjectArithmeticRules: RuleSet {
    public static let rules: [Rule] = []
    public static func check(_ context: AuditContext) -> [Finding] { [] }
}
