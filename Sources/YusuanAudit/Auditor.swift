import Foundation
import YusuanModel

/// 规则族 — a family of rules: its catalogue entries and the check that applies them.
/// Its metatype is sendable, so the list of families (`Auditor.ruleSets`) is a safe global.
public protocol RuleSet: SendableMetatype {
    /// The rules this set can report.
    static var rules: [Rule] { get }
    /// Every finding for the document.
    static func check(_ context: AuditContext) -> [Finding]
}

/// What a rule set sees: the model, and the source text for quoting lines.
public struct AuditContext: Sendable {
    public var disclosure: Disclosure {
        didSet {
            sections = Self.sections(disclosure)
            allocations = disclosure.facts.projects.map(ProjectArithmeticRules.Allocation.init)
        }
    }
    /// The document's lines as printed (index 0 is line 1); empty for a composed document.
    public var lines: [String]
    /// The explanation's sections as the text rules read them, each built once.
    private(set) var sections: [AuditSection]
    /// The 资金分配情况 of each described project (`Disclosure.facts.projects`, in order),
    /// read once for the project-arithmetic and performance rules.
    private(set) var allocations: [ProjectArithmeticRules.Allocation?]

    public init(disclosure: Disclosure, lines: [String] = []) {
        self.disclosure = disclosure
        self.lines = lines
        sections = Self.sections(disclosure)
        allocations = disclosure.facts.projects.map(ProjectArithmeticRules.Allocation.init)
    }

    static func sections(_ d: Disclosure) -> [AuditSection] { d.sections.map { AuditSection($0, format: d.format) } }

    /// The printed line, trimmed.
    public func quote(_ line: Int?) -> String? {
        guard let line, line >= 1, line <= lines.count else { return nil }
        let text = lines[line - 1].trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }
}

/// 审核报告 — the findings for one document.
public struct AuditReport: Sendable, Hashable, Codable {
    /// The document's name (its file).
    public var document: String
    public var department: String
    public var year: Int
    /// The engine version, so that a stored report says which rules judged it.
    public var engine: String
    public var findings: [Finding]

    public init(document: String, department: String, year: Int, engine: String, findings: [Finding]) {
        self.document = document
        self.department = department
        self.year = year
        self.engine = engine
        self.findings = findings
    }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
}

/// 审核 — audits a disclosure as a finance-bureau reviewer would.
///
/// ```swift
/// let report = Auditor.audit(disclosure, lines: text.components(separatedBy: "\n"), document: "000.txt")
/// report.findings.filter { $0.severity == .error }
/// ```
public enum Auditor {
    public static let version = "0.1.0"

    /// The rule sets, one per family, in the order findings are reported.
    public static let ruleSets: [any RuleSet.Type] = [
        CompletenessRules.self, ArithmeticRules.self, ReconciliationRules.self, TextRules.self,
        YearOnYearRules.self, WordingRules.self, PerformanceRules.self, ClassificationRules.self,
        ProjectArithmeticRules.self,
    ]

    /// The whole catalogue, in family order.
    public static var catalogue: [Rule] { ruleSets.flatMap { $0.rules } + PreviousYearRules.rules }

    /// `severities` sets the level of named rules for this run (`--severity RULE=LEVEL`).
    public static func audit(_ disclosure: Disclosure, lines: [String] = [], document: String,
                             severities: SeverityLevels = .defaults) -> AuditReport {
        let context = AuditContext(disclosure: disclosure, lines: lines)
        var findings = ruleSets.flatMap { $0.check(context) }
        for i in findings.indices where findings[i].quote == nil { findings[i].quote = context.quote(findings[i].line) }
        findings = severities.apply(Causes.group(findings))
        return AuditReport(document: document, department: disclosure.department, year: disclosure.year,
                           engine: version, findings: findings)
    }
}
