import YusuanModel

public enum TextRules: RuleSet {
    public static let rules: [Rule] = []
    public static func check(_ context: AuditContext) -> [Finding] { [] }
}
