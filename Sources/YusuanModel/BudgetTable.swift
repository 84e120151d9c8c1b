/// 预算公开表 — one of the standard tables as published: its printed title, the
/// preparing department (编制部门/编制单位), the unit, and its rows.
///
/// Cells are addressed by the row and column keys of `spec/tables.md`:
///
/// ```swift
/// table5[.code("2101202"), .total]   // Amount("921.93")
/// ```
public struct BudgetTable: Sendable, Hashable, Codable {
    /// Which table (表 N).
    public var kind: StandardTable
    /// The title as printed (部门收支总体情况表, 单位收支总体情况表, …).
    public var title: String
    /// 编制部门 / 编制单位 as printed.
    public var preparer: String?
    /// The column keys, in printed order.
    public var columns: [ColumnKey]
    /// The rows in printed order (for table 1 and 4: the income side, then the
    /// expenditure side).
    public var rows: [TableRow]
    /// 空表说明 — the statement printed in place of rows when the table is empty
    /// (…为空表).
    public var emptyStatement: Located<String>?
    /// Where the table starts (its 表 N line).
    public var source: SourceLocation?
    /// 金额单位 as the table printed it; its cells are always in 万元. Nil where the
    /// document states one unit for every table (the seeds' 万元).
    public var printedUnit: MoneyUnit?
    /// The identities inside a row where the table's template states its own (a
    /// regional table with other columns); nil for the contract's own
    /// (`StandardTable.rowIdentities(in:)`).
    public var identities: [SumRelation]?

    public init(kind: StandardTable, title: String, preparer: String? = nil, columns: [ColumnKey],
                rows: [TableRow] = [], emptyStatement: Located<String>? = nil, source: SourceLocation? = nil) {
        self.kind = kind
        self.title = title
        self.preparer = preparer
        self.columns = columns
        self.rows = rows
        self.emptyStatement = emptyStatement
        self.source = source
    }

    /// The row with this key (looked for by index: `first(where:)` copies every row it passes over).
    public func row(_ key: RowKey) -> TableRow? {
        for i in rows.indices where rows[i].key == key { return rows[i] }
        return nil
    }

    /// The index of a column key.
    public func columnIndex(_ key: ColumnKey) -> Int? { columns.firstIndex(of: key) }

    /// The amount in a cell; nil where the cell is empty or absent.
    public subscript(row: RowKey, column: ColumnKey) -> Amount? {
        guard let r = self.row(row), let c = columnIndex(column) else { return nil }
        return r.cells[c]?.value
    }

    /// True when no row carries a value.
    public var isEmpty: Bool { rows.allSatisfy { $0.cells.allSatisfy { $0 == nil } } }
}

/// 表行 — one printed row.
public struct TableRow: Sendable, Hashable, Codable {
    /// The row key of `spec/tables.md` (`总计`, `2101202`, `本年收入/单位资金`,
    /// `乌鲁木齐市医疗保障局/2101502|2025 年综合业务费`).
    public var key: RowKey
    /// The classification code (功能分类 or 经济分类), written without spaces.
    public var code: String?
    /// The printed name: 科目名称, the income line's label, or the unit's name.
    public var name: String
    /// 项目名称 for a project row of table 7, or a carried-over item in table 11.
    public var project: String?
    /// The unit (单位) a row of table 7 is listed under, where the table lists units.
    public var unit: String?
    /// What the row is.
    public var role: RowRole
    /// One slot per column of the table: nil where the printed cell is empty.
    public var cells: [Cell?]
    /// Where the row was printed (its first line).
    public var source: SourceLocation?

    public init(key: RowKey, code: String? = nil, name: String, project: String? = nil, unit: String? = nil,
                role: RowRole, cells: [Cell?], source: SourceLocation? = nil) {
        self.key = key
        self.code = code
        self.name = name
        self.project = project
        self.unit = unit
        self.role = role
        self.cells = cells
        self.source = source
    }

    /// The printed amounts, in column order (empty cells left out).
    public var values: [Amount] { cells.compactMap { $0?.value } }
}

/// What a table row stands for.
public enum RowRole: String, Sendable, Hashable, Codable {
    /// 总计 / 合计 — a table's total row, wherever it is printed.
    case total
    /// 类 — a functional (3-digit) or economic (3-digit) class.
    case classLevel = "class"
    /// 款 — a functional (5-digit) or economic (5-digit) section.
    case section
    /// 项 — a functional item (7 digits).
    case item
    /// 项目 — a project (table 7) or a carried-over item (table 11).
    case project
    /// 单位 — a unit's own row (tables 7 and 11).
    case unit
    /// A labelled line of table 1, 4 or 10 (income lines, 三公 items).
    case line
    /// 附列 — a figure printed with a table that is not part of its sums
    /// (机关运行经费 in Shanghai's "三公" table).
    case memo
}

extension RowRole {
    /// 层级 — the level word of a row, as the tidy records print it: 合计 (a total),
    /// 类, 款, 项, 项目, 单位, 行 (a labelled line of table 1, 4 or 10), 附列 (a memo figure).
    public var level: String {
        switch self {
        case .total: "合计"
        case .classLevel: "类"
        case .section: "款"
        case .item: "项"
        case .project: "项目"
        case .unit: "单位"
        case .line: "行"
        case .memo: "附列"
        }
    }
}

/// 单元格 — one printed amount and where it was printed.
public struct Cell: Sendable, Hashable, Codable {
    public var value: Amount
    public var source: SourceLocation?

    public init(_ value: Amount, at source: SourceLocation? = nil) {
        self.value = value
        self.source = source
    }
}

/// 歧义 — a choice the reader could not settle from the document.
///
/// In the flattened text an empty cell leaves no trace, so the reader assigns each
/// printed value to a column from the identities the tables obey. Where more than
/// one assignment satisfies them equally and the classification does not decide,
/// the reader keeps its best choice and records the alternatives here.
public struct Ambiguity: Sendable, Hashable, Codable {
    /// The table (1–11), where the ambiguity is in a table.
    public var table: Int?
    /// The row key.
    public var row: RowKey?
    /// What was undecided, in words.
    public var message: String
    /// The columns chosen for the printed values, in order.
    public var chosen: [ColumnKey]
    /// Other column assignments that satisfy the identities as well.
    public var alternatives: [[ColumnKey]]
    public var source: SourceLocation?

    public init(table: Int?, row: RowKey?, message: String, chosen: [ColumnKey], alternatives: [[ColumnKey]],
                source: SourceLocation?) {
        self.table = table
        self.row = row
        self.message = message
        self.chosen = chosen
        self.alternatives = alternatives
        self.source = source
    }
}
