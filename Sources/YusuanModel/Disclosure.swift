/// 部门预算公开 — a department's published budget disclosure, as a model.
///
/// The same type stands for a document read from published text and for one
/// composed from a budget's line items; the audit and every renderer take it.
/// Parts follow the printed document: 第一部分 概况 (`overview`), 第二部分 公开表
/// (`tables`), 第三部分 情况说明 (`sections` and the facts read from them, including
/// the performance-target tables), 第四部分 名词解释 (`glossary`).
public struct Disclosure: Sendable, Hashable, Codable {
    /// 部门（单位）名称 — the department the document is for.
    public var department: String
    /// 预算年度.
    public var year: Int
    /// 文件类型 — a budget (预算) disclosure; 决算 documents are out of scope.
    public var kind: DocumentKind
    /// Which layout of the standard tables the document follows.
    public var format: DisclosureFormat
    /// 部门 or 单位: the word the document uses for itself (2023 documents say 单位).
    public var entityWord: String
    /// 金额单位 as printed (万元 in every seed).
    public var unit: String
    /// 目录 — the table of contents, where printed.
    public var contents: [Located<String>]
    /// 第一部分 部门概况.
    public var overview: Overview
    /// 第二部分 — the standard tables, in printed order.
    public var tables: [BudgetTable]
    /// 第三部分 情况说明 — the numbered sections (一 … 十二).
    public var sections: [ExplanationSection]
    /// Facts the sections state (机关运行经费, 政府采购, 国有资产, 预算绩效, 项目).
    public var facts: ExplanationFacts
    /// 绩效目标表 — the 部门整体 table and each project's table.
    public var performance: PerformanceTargets
    /// 第四部分 名词解释.
    public var glossary: [GlossaryEntry]
    /// 落款 — the name and date at the end of the document.
    public var signature: Signature?
    /// Choices the reader could not settle (empty for a composed document).
    public var ambiguities: [Ambiguity]
    /// 表样 — the regional table template the document follows (`shanghai`); nil for
    /// the contract's own (the seeds' template).
    public var template: String?
    /// The contract tables the document's template publishes, where it is not the
    /// contract's own set: a table outside it is "not part of this template", which
    /// is neither missing nor published empty.
    public var templateTables: [StandardTable]?

    public init(department: String, year: Int, kind: DocumentKind = .budget, format: DisclosureFormat,
                entityWord: String = "部门", unit: String = "万元", contents: [Located<String>] = [],
                overview: Overview = Overview(), tables: [BudgetTable] = [], sections: [ExplanationSection] = [],
                facts: ExplanationFacts = ExplanationFacts(), performance: PerformanceTargets = PerformanceTargets(),
                glossary: [GlossaryEntry] = [], signature: Signature? = nil, ambiguities: [Ambiguity] = []) {
        self.department = department
        self.year = year
        self.kind = kind
        self.format = format
        self.entityWord = entityWord
        self.unit = unit
        self.contents = contents
        self.overview = overview
        self.tables = tables
        self.sections = sections
        self.facts = facts
        self.performance = performance
        self.glossary = glossary
        self.signature = signature
        self.ambiguities = ambiguities
    }

    /// The table 表 N, where published. Looked for by index: `first(where:)` copies every
    /// table it passes over, and the audit asks for tables thousands of times a document.
    public func table(_ kind: StandardTable) -> BudgetTable? {
        for i in tables.indices where tables[i].kind == kind { return tables[i] }
        return nil
    }

    /// The tables the document's template requires it to publish.
    public var requiredTables: [StandardTable] { templateTables ?? StandardTable.tables(in: format) }

    /// Whether a table is published, published empty, missing, or not part of the template.
    public func status(of kind: StandardTable) -> TableStatus {
        guard requiredTables.contains(kind) else { return .notInTemplate }
        guard let table = table(kind) else { return .missing }
        return table.isEmpty ? .publishedEmpty : .published
    }

    /// The section with this printed number (`"五"`).
    public func section(_ number: String) -> ExplanationSection? {
        for i in sections.indices where sections[i].number == number { return sections[i] }
        return nil
    }
}

/// 公开状态 — what a document does with one table of the contract.
public enum TableStatus: String, Sendable, Hashable, Codable {
    /// Printed with values.
    case published
    /// 空表 — printed without values (usually with a statement why).
    case publishedEmpty
    /// Required by the template but not printed: a completeness finding.
    case missing
    /// Not part of the document's template (Shanghai has no 项目支出 table).
    case notInTemplate
}

/// 文件类型.
public enum DocumentKind: String, Sendable, Hashable, Codable {
    /// 预算.
    case budget = "预算"
}

/// The layout of the standard tables, which changed in 2024.
public enum DisclosureFormat: String, Sendable, Hashable, Codable {
    /// 2023: ten tables; tables 8 and 9 with 合计/基本支出/项目支出 columns.
    case edition2023 = "2023"
    /// 2024 on: eleven tables (上年结转结余情况明细表 added); tables 8 and 9 split
    /// 基本支出 into 人员经费 and 公用经费.
    case edition2024 = "2024"

    /// The format in force for a budget year.
    public static func forYear(_ year: Int) -> DisclosureFormat { year <= 2023 ? .edition2023 : .edition2024 }
}

/// 落款 — signature block.
public struct Signature: Sendable, Hashable, Codable {
    public var name: String
    /// The date as printed, normalised to `YYYY-MM-DD` where it parses.
    public var date: String?
    public var source: SourceLocation?

    public init(name: String, date: String?, source: SourceLocation?) {
        self.name = name
        self.date = date
        self.source = source
    }
}

/// 名词解释 — one glossary entry.
public struct GlossaryEntry: Sendable, Hashable, Codable {
    /// The printed number (一, 二, …).
    public var number: String
    public var term: String
    public var definition: String
    public var source: SourceLocation?

    public init(number: String, term: String, definition: String, source: SourceLocation?) {
        self.number = number
        self.term = term
        self.definition = definition
        self.source = source
    }
}
