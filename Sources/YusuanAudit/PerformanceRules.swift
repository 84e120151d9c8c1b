import YusuanModel

public enum PerformanceRules: RuleSet {
    public static let rules: [Rule] = []
    public static func check(_ context: AuditContext) -> [Finding] { [] }
}
