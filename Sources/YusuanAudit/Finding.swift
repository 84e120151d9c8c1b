import YusuanModel

/// 严重程度 — how bad a finding is.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// The numbers cannot all be right.
    case error
    /// Suspicious, or only a rounding-level difference.
    case warning
    /// Worth knowing.
    case info

    private var rank: Int { self == .error ? 2 : self == .warning ? 1 : 0 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// 规则类别 — the families of rules, in the order a reviewer works through them.
public enum RuleFamily: String, Sendable, Hashable, Codable, CaseIterable {
    /// 完整性 — every part present.
    case completeness
    /// 表内运算 — arithmetic inside a table.
    case arithmetic
    /// 表间勾稽 — tables against each other.
    case reconciliation
    /// 文表一致 — the explanation against the tables.
    case text
    /// 同比 — year-on-year arithmetic stated in the text.
    case yearOnYear = "year-on-year"
    /// 表述矛盾 — wording that contradicts itself.
    case wording
    /// 绩效目标 — the performance-target tables.
    case performance
    /// 科目 — classification codes and names.
    case classification
    /// 项目测算 — arithmetic stated inside project descriptions.
    case projectArithmetic = "project-arithmetic"
    /// 跨年核对 — what a document says of the previous year against the previous
    /// year's own document (only where a library holds both).
    case previousYear = "previous-year"

    /// The family's name in Chinese.
    public var chinese: String {
        switch self {
        case .completeness: "完整性"
        case .arithmetic: "表内运算"
        case .reconciliation: "表间勾稽"
        case .text: "文表一致"
        case .yearOnYear: "同比增减"
        case .wording: "表述矛盾"
        case .performance: "绩效目标"
        case .classification: "分类科目"
        case .projectArithmetic: "项目测算"
        case .previousYear: "跨年核对"
        }
    }
}

/// 规则 — one rule of the catalogue: a stable id, its family, its severity and
/// what it checks, in Chinese and English.
public struct Rule: Sendable, Hashable, Codable {
    /// Stable id, `family.name` (e.g. `arithmetic.row-total`).
    public var id: String
    public var family: RuleFamily
    public var severity: Severity
    public var chinese: String
    public var english: String

    public init(_ id: String, _ family: RuleFamily, _ severity: Severity, zh: String, en: String) {
        self.id = id
        self.family = family
        self.severity = severity
        self.chinese = zh
        self.english = en
    }
}

/// 审核发现 — one finding: the rule, where it is, what is stated, what was
/// expected and how it was computed, and the source line quoted.
public struct Finding: Sendable, Hashable, Codable {
    public var rule: String
    public var family: RuleFamily
    public var severity: Severity
    /// What is wrong, in a sentence.
    public var message: String
    /// The table (1–11), where the finding is in a table.
    public var table: Int?
    /// The row key of `spec/tables.md`.
    public var row: String?
    /// The column key.
    public var column: String?
    /// The section number as printed (`五`).
    public var section: String?
    /// The line of the source text (1-based), and its page where it has pages.
    public var line: Int?
    public var page: Int?
    /// Where on the page the figure is printed (PDF only), to box it.
    public var box: Box?
    /// The figure as printed.
    public var stated: Amount?
    /// The figure the rule expected.
    public var expected: Amount?
    /// How `expected` was computed (`30.38 + 15.19 + 1.59`).
    public var computation: String?
    /// The source line, as printed.
    public var quote: String?
    /// 连带 — the other places the same cause shows (a rounding gap carried up the
    /// hierarchy, the totals and cross-table checks one misplaced amount breaks), each
    /// with its own place and figures; nil for a finding that shows in one place only.
    public var consequences: [Finding]?

    public init(rule: Rule, message: String, severity: Severity? = nil, table: Int? = nil, row: String? = nil,
                column: String? = nil, section: String? = nil, at source: SourceLocation? = nil,
                stated: Amount? = nil, expected: Amount? = nil, computation: String? = nil) {
        self.rule = rule.id
        self.family = rule.family
        self.severity = severity ?? rule.severity
        self.message = message
        self.table = table
        self.row = row
        self.column = column
        self.section = section
        self.line = source?.line
        self.page = source?.page
        self.box = source?.box
        self.stated = stated
        self.expected = expected
        self.computation = computation
    }
}

extension Finding {
    /// The finding and its consequences: every place its cause shows.
    public var everyPlace: [Finding] { [self] + (consequences ?? []) }

    /// A finding at a cell of a standard table, named by the row and column keys of
    /// `spec/tables.md`.
    init(rule: Rule, message: String, severity: Severity? = nil, table: Int, row: RowKey?, column: ColumnKey? = nil,
         section: String? = nil, at source: SourceLocation? = nil, stated: Amount? = nil, expected: Amount? = nil,
         computation: String? = nil) {
        self.init(rule: rule, message: message, severity: severity, table: table, row: row?.rawValue,
                  column: column?.rawValue, section: section, at: source, stated: stated, expected: expected,
                  computation: computation)
    }
}
