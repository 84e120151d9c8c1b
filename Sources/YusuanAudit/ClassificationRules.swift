import YusuanModel

public enum ClassificationRules: RuleSet {
    public static let rules: [Rule] = []
    public static func check(_ context: AuditContext) -> [Finding] { [] }
}
