/// 表样 — a region's set of published tables, as data: for each printed table its
/// title, which table of the data contract it is, the header cells and the row
/// labels that map onto the contract's keys, its unit and the identities that hold.
///
/// A template is read from a data file (one per region, `Templates/*.json` in
/// YusuanRead); adding a region is adding a file and its tests.
public struct TableTemplate: Sendable, Hashable, Codable {
    /// A short identifier: `shanghai`.
    public var id: String
    /// The template's name: 上海市部门预算九张表.
    public var name: String
    /// The words a title uses for the budgeting entity, longest first (`预算单位`,
    /// `单位`, `部门`); the titles below are written with `部门`.
    public var entityWords: [String]
    /// The unit tables print their amounts in unless their unit line says otherwise.
    public var unit: MoneyUnit
    /// The printed tables, in printed order.
    public var tables: [PrintedTable] { didSet { normalTitles = tables.map { Self.normal($0.title) } } }
    /// Each table's title as `normal` makes it, kept: every line ending in 表 is
    /// compared with all of them.
    private var normalTitles: [String]

    public init(id: String, name: String, entityWords: [String], unit: MoneyUnit, tables: [PrintedTable]) {
        self.id = id
        self.name = name
        self.entityWords = entityWords
        self.unit = unit
        self.tables = tables
        normalTitles = tables.map { Self.normal($0.title) }
    }

    private enum CodingKeys: String, CodingKey { case id, name, entityWords, unit, tables }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
                  entityWords: try c.decode([String].self, forKey: .entityWords),
                  unit: try c.decode(MoneyUnit.self, forKey: .unit), tables: try c.decode([PrintedTable].self, forKey: .tables))
    }

    /// The contract tables this template publishes; the others are "not part of this template".
    public var contractTables: [StandardTable] { tables.map(\.contract).sorted() }

    /// The printed table a title line names (`2026年预算单位收入预算总表`), or nil.
    /// The year, the numbering and the entity word are not part of the match.
    public func table(titled line: String) -> PrintedTable? {
        guard Self.mayBeTitle(line) else { return nil }
        return table(strippedTitle: Self.strippedTitle(line))
    }

    /// Whether a line ends in 表, as every title does: most lines are turned away
    /// without normalising them.
    public static func mayBeTitle(_ line: String) -> Bool {
        line.unicodeScalars.last(where: { $0 != " " && $0 != "\u{3000}" && $0 != "\t" && $0 != "\u{0C}" }) == "表"
    }

    /// The printed table whose title, normalised and without numbering or year
    /// (`strippedTitle(_:)`), is `title`, or nil.
    public func table(strippedTitle title: String) -> PrintedTable? {
        var t = title
        if let word = entityWords.first(where: { t.begins(with: $0) }) { t = "部门" + t.dropFirst(word.count) }
        return normalTitles.firstIndex { $0.sameBytes(as: t) }.map { tables[$0] }
    }

    /// The entity word a title uses: `单位` for a 单位 budget's titles, else `部门`.
    public func entityWord(inTitle line: String) -> String {
        let t = Self.strippedTitle(line)
        return entityWords.contains { t.begins(with: $0) && $0.ends(with: "单位") } ? "单位" : "部门"
    }

    /// Printed text as templates compare it: no spaces, half-width brackets, colons and quotes.
    public static func normal(_ text: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            switch c {
            case " ", "\u{3000}", "\t", "\u{0C}": continue
            case "（": out.append("(")
            case "）": out.append(")")
            case "：": out.append(":")
            case "“", "”", "＂": out.append("\"")
            default: out.append(c)
            }
        }
        return String(out)
    }

    /// A title without numbering (`1.` `4．`) or year (`2026年`), normalised.
    public static func strippedTitle(_ line: String) -> String {
        var t = Substring(normal(line))
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 2, let mark = t.dropFirst(digits.count).first, ".．、".contains(mark) {
            t = t.dropFirst(digits.count + 1)
        }
        let year = t.prefix { $0.isASCII && $0.isNumber }
        if year.count == 4, t.dropFirst(4).first == "年" { t = t.dropFirst(5) }
        return String(t)
    }
}

/// 公开表（表样）— one printed table of a template.
public struct PrintedTable: Sendable, Hashable, Codable {
    /// The number printed before the title (1 … 9 in Shanghai).
    public var number: Int
    /// Which table of the data contract it is.
    public var contract: StandardTable
    /// The title, with `部门` for the entity word and without year or numbering.
    public var title: String
    /// How the table is laid out.
    public var layout: Layout
    /// Which classification its rows are coded in, for `rows` tables.
    public var codes: CodeKind?
    /// The unit, where the table always prints in one unit whatever the template's default.
    public var unit: MoneyUnit?
    /// The value columns, as alternatives tried in order: the first whose every
    /// header is found on the page is the table's.
    public var columnSets: [[HeaderColumn]]
    /// The identities inside a row (`总计 = 财政拨款小计 + 事业收入 + …`).
    public var identities: [ColumnIdentity]
    /// Printed row labels (numbering dropped) → row keys, for labelled rows
    /// (the income side of tables 1 and 4).
    public var rowLabels: [String: RowKey]
    /// The key of the row printed `合计`/`总计` (`总计`, `支出总计`).
    public var totalRow: RowKey?
    /// For `headerCells` tables: each header becomes a row; its value goes in this column.
    public var valueColumn: ColumnKey?
    /// For `twoSided` tables: income rows are keyed by their printed numbering
    /// (`一、本年收入` › `1.一般公共预算拨款` › `其中：一般财力`), as `spec/tables.md` says.
    public var incomeByNumbering: Bool?
    /// The header of a column holding project names (table 7's 项目名称), and of the
    /// name column left of it, whose right edge is where project names start.
    public var projectHeader: String?
    public var nameHeader: String?
    /// Rows without a code name units (单位) or, under them, items (table 7, table 11).
    public var units: Bool?

    /// How a printed table is laid out.
    public enum Layout: String, Sendable, Hashable, Codable {
        /// One row per classification code, values under the header's columns.
        case rows
        /// Income lines on the left, expenditure by 类 on the right, on the same lines
        /// (tables 1 and 4): the first column set's first column is the income value.
        case twoSided
        /// One printed row of values whose headers name the rows (the "三公" table).
        case headerCells
    }

    /// The classification of a table's codes.
    public enum CodeKind: String, Sendable, Hashable, Codable {
        /// 功能分类: 类 3 digits, 款 and 项 2 more each.
        case functional
        /// 经济分类: 类 3 digits, 款 2 more.
        case economic
    }
}

/// 表头 — one value column of a printed table: its header as printed (a wrapped
/// header's lines joined, no spaces) and the contract key it maps onto. In a
/// `headerCells` table, `row` is the row key the column's value becomes instead.
public struct HeaderColumn: Sendable, Hashable, Codable {
    public var header: String
    public var key: ColumnKey?
    public var row: RowKey?
    /// The income value of a two-sided table (its key is the income side's column).
    public var income: Bool?

    public init(header: String, key: ColumnKey? = nil, row: RowKey? = nil, income: Bool? = nil) {
        self.header = header
        self.key = key
        self.row = row
        self.income = income
    }
}

/// 行内勾稽 — one identity inside a row, by column keys: `total = Σ parts`.
public struct ColumnIdentity: Sendable, Hashable, Codable {
    public var total: ColumnKey
    public var parts: [ColumnKey]

    public init(total: ColumnKey, parts: [ColumnKey]) {
        self.total = total
        self.parts = parts
    }
}
