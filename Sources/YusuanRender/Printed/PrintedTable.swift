import YusuanModel

/// 表样 — a table laid out the way it is printed: header rows with merged cells
/// above body rows whose label cells (类 / 款 / 项 codes in their own columns, the
/// name, the project) come before the amounts.
///
/// Every page format draws the same `PrintedTable`, so HTML, Markdown, DOCX and
/// XLSX agree cell for cell. `PrintedTable(_:unit:)` lays out a `BudgetTable`;
/// the performance-target tables are laid out in `Outline`.
public struct PrintedTable: Sendable, Hashable {
    /// 表 N, for the eleven standard tables; nil for other tables.
    public var number: Int?
    /// The title printed above the table.
    public var title: String
    /// 编制部门 / 编制单位.
    public var preparer: String?
    /// 金额单位 (万元), where the table holds amounts.
    public var unit: String?
    /// The number of grid columns.
    public var width: Int
    /// The header cells, each at its top-left grid position with its spans.
    public var header: [HeaderCell]
    /// How many grid rows the header takes.
    public var headerRows: Int
    /// The body rows, each `width` cells long.
    public var body: [PrintedRow]
    /// What each column holds.
    public var columnKinds: [ColumnKind]
    /// A statement printed under the header, such as a 空表 statement.
    public var note: String?

    public init(number: Int?, title: String, preparer: String? = nil, unit: String? = nil, header: [HeaderCell],
                headerRows: Int, body: [PrintedRow], columnKinds: [ColumnKind], note: String? = nil) {
        self.number = number
        self.title = title
        self.preparer = preparer
        self.unit = unit
        self.width = columnKinds.count
        self.header = header
        self.headerRows = headerRows
        self.body = body
        self.columnKinds = columnKinds
        self.note = note
    }

    /// Tables too wide for a portrait page (tables 2 and 7, 11) are printed landscape.
    public var isWide: Bool { width > 9 }

    /// `表N 标题`, or the title alone.
    public var caption: String { number.map { "表\($0) \(title)" } ?? title }

    /// The header laid out as a full grid: the text of each cell at its top-left
    /// position, nil where a merged cell covers the position.
    public var headerGrid: [[String?]] {
        var grid = Array(repeating: Array(repeating: String?.none, count: width), count: headerRows)
        for cell in header { grid[cell.row][cell.column] = cell.text }
        return grid
    }

    /// The header cell covering a grid position, and whether the position is its top-left.
    public func headerCell(coveringRow row: Int, column: Int) -> (cell: HeaderCell, isOrigin: Bool)? {
        for cell in header
        where (cell.row..<cell.row + cell.rowSpan).contains(row) && (cell.column..<cell.column + cell.colSpan).contains(column) {
            return (cell, cell.row == row && cell.column == column)
        }
        return nil
    }

    /// The leaf label of each column: the text of the lowest header cell over it,
    /// joined with the groups above (`基本支出 人员经费`).
    public var columnLabels: [String] {
        (0..<width).map { column in
            var parts: [String] = []
            var row = 0
            while row < headerRows, let (cell, _) = headerCell(coveringRow: row, column: column) {
                if parts.last != cell.text { parts.append(cell.text) }
                row = cell.row + cell.rowSpan
            }
            return parts.joined(separator: " ")
        }
    }
}

/// 表头单元格 — a header cell and the grid rows and columns it spans.
public struct HeaderCell: Sendable, Hashable {
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var colSpan: Int
    public var text: String

    public init(row: Int, column: Int, rowSpan: Int = 1, colSpan: Int = 1, text: String) {
        self.row = row
        self.column = column
        self.rowSpan = rowSpan
        self.colSpan = colSpan
        self.text = text
    }

    /// Lays out a header from each column's path of labels, top group first:
    /// adjacent columns that share a group are merged under it, and a label that
    /// ends its path early reaches down to the last header row.
    ///
    /// `[["合计"], ["基本支出", "人员经费"], ["基本支出", "公用经费"]]` gives 合计
    /// over two rows and 基本支出 over two columns.
    public static func layout(_ paths: [[String]]) -> (cells: [HeaderCell], rows: Int) {
        let depth = paths.map(\.count).max() ?? 0
        var cells: [HeaderCell] = []
        for level in 0..<depth {
            var column = 0
            while column < paths.count {
                let path = paths[column]
                guard level < path.count else { column += 1; continue }
                let isLeaf = level == path.count - 1
                var span = 1
                if !isLeaf {
                    let group = path[...level]
                    while column + span < paths.count, paths[column + span].count > level + 1,
                          paths[column + span][...level] == group {
                        span += 1
                    }
                }
                cells.append(HeaderCell(row: level, column: column, rowSpan: isLeaf ? depth - level : 1,
                                        colSpan: span, text: path[level]))
                column += span
            }
        }
        return (cells, depth)
    }
}

/// 表行 — one printed body row.
public struct PrintedRow: Sendable, Hashable {
    /// One entry per grid column; nil where the printed cell is empty.
    public var cells: [PrintedCell?]
    /// How the row is set: totals and group rows (类, 款, a unit) in bold.
    public var emphasis: Emphasis
    /// Indentation of the label, in steps (income lines of table 1, 其中 items).
    public var indent: Int
    /// The columns the emphasis and indent apply to (the income side of table 1);
    /// nil for the whole row.
    public var span: Range<Int>?
    /// The contract's keys of each amount cell (nil for labels), so that a finding
    /// about a cell can be shown on it; empty for tables that are not standard tables.
    public var keys: [CellKey?]

    public init(cells: [PrintedCell?], emphasis: Emphasis = .plain, indent: Int = 0, span: Range<Int>? = nil,
                keys: [CellKey?] = []) {
        self.cells = cells
        self.emphasis = emphasis
        self.indent = indent
        self.span = span
        self.keys = keys
    }

    /// The keys of the cell in this column, if it is an amount of a standard table.
    public func key(_ column: Int) -> CellKey? { column < keys.count ? keys[column] : nil }

    /// True when the cell in this column is set in bold.
    public func isBold(_ column: Int) -> Bool {
        emphasis != .plain && (span?.contains(column) ?? true)
    }

    /// The indent of the cell in this column.
    public func indent(_ column: Int) -> Int {
        span?.contains(column) ?? true ? indent : 0
    }

    public enum Emphasis: String, Sendable, Hashable {
        case total, group, plain
    }
}

/// The row and column keys of one cell of a standard table.
public struct CellKey: Sendable, Hashable {
    public var row: RowKey
    public var column: ColumnKey

    public init(row: RowKey, column: ColumnKey) {
        self.row = row
        self.column = column
    }
}

/// 单元格 — printed text or an exact amount.
public enum PrintedCell: Sendable, Hashable {
    case text(String)
    case amount(Amount)

    /// The cell as printed: amounts with at least two decimals (`77.00`, `0.00`).
    public var printed: String {
        switch self {
        case .text(let text): text
        case .amount(let amount): amount.printed
        }
    }

    /// The cell as a published page sets it: amounts with thousands separators
    /// as well (`1,297.28`).
    public var published: String {
        switch self {
        case .text(let text): text
        case .amount(let amount): amount.published
        }
    }
}

/// 列类型 — what a grid column holds.
public enum ColumnKind: String, Sendable, Hashable {
    /// A 类, 款 or 项 code part.
    case code
    /// A name or a label.
    case label
    /// Amounts.
    case amount
    /// Free text (performance-target tables).
    case text
}

extension Amount {
    /// The amount as a budget table prints it: at least two decimals, `0.00` for zero.
    public var printed: String { isZero ? "0.00" : formatted(minimumDecimals: 2) }

    /// 千分位 — the amount as a published page prints it: `printed` with thousands
    /// separators in the whole part (`1,297.28`, `-12,345.60`).
    public var published: String {
        let text = printed
        let negative = text.hasPrefix("-")
        let digits = negative ? text.dropFirst() : Substring(text)
        let whole = digits.prefix { $0 != "." }
        let fraction = digits.dropFirst(whole.count)
        var grouped = ""
        for (i, digit) in whole.enumerated() {
            if i > 0, (whole.count - i) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (negative ? "-" : "") + grouped + fraction
    }
}
