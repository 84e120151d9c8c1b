import Foundation
import SQLKit
import YusuanModel

/// 报表 — a question asked of the whole library, answered as one table: the same
/// shape for the command line (text, CSV, JSON), the API and the workbench.
public struct Report: Sendable, Hashable, Codable {
    /// The report's name (`years`, `ranking`, `findings`, `totals`).
    public var name: String
    /// Its title, in Chinese.
    public var title: String
    public var columns: [String]
    public var rows: [[Value]]

    public init(name: String, title: String, columns: [String], rows: [[Value]]) {
        self.name = name
        self.title = title
        self.columns = columns
        self.rows = rows
    }

    /// One value of a report.
    public enum Value: Sendable, Hashable, Codable, CustomStringConvertible {
        case text(String)
        case integer(Int)
        case amount(Amount)
        /// A percentage, to two places.
        case percent(Amount)
        case none

        public var description: String {
            switch self {
            case .text(let text): text
            case .integer(let n): String(n)
            case .amount(let amount): amount.description
            case .percent(let percent): percent.formatted(minimumDecimals: 2) + "%"
            case .none: ""
            }
        }

        /// Numbers as JSON numbers (amounts exact, as decimal text would lose nothing),
        /// text as strings, nothing as null.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .integer(let n): try container.encode(n)
            case .amount(let amount): try container.encode(amount)
            case .percent(let percent): try container.encode(percent)
            case .none: try container.encodeNil()
            }
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .none }
            else if let n = try? container.decode(Int.self) { self = .integer(n) }
            else if let amount = try? container.decode(Amount.self) { self = .amount(amount) }
            else { self = .text(try container.decode(String.self)) }
        }
    }

    /// The report as CSV, a header line first.
    public var csv: String {
        var out = columns.map(CSV.field).joined(separator: ",") + "\n"
        for row in rows { out += row.map { CSV.field($0.description) }.joined(separator: ",") + "\n" }
        return out
    }

    /// The report as aligned text for a terminal, its title first.
    public var text: String {
        let cells = [columns] + rows.map { $0.map(\.description) }
        let widths = columns.indices.map { c in cells.map { Self.width($0[c]) }.max() ?? 0 }
        var out = title + "\n"
        for (n, row) in cells.enumerated() {
            out += row.enumerated().map { c, text in
                let pad = String(repeating: " ", count: widths[c] - Self.width(text))
                return n > 0 && Self.isNumeric(rows[n - 1][c]) ? pad + text : text + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }
        if rows.isEmpty { out += "（无）\n" }
        return out
    }

    /// The report as JSON: its name, title, columns and one object per row.
    public var json: Data {
        struct Shape: Encodable {
            var name: String
            var title: String
            var columns: [String]
            var rows: [[String: Value]]
        }
        let shape = Shape(name: name, title: title, columns: columns,
                          rows: rows.map { Dictionary(uniqueKeysWithValues: zip(columns, $0)) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(shape)) ?? Data()
    }

    private static func isNumeric(_ value: Value) -> Bool {
        switch value { case .integer, .amount, .percent: true; default: false }
    }

    /// Display width: a CJK character takes two columns.
    private static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && $1.properties.isIdeographic || (0xFF00...0xFFEF).contains($1.value) ? 2 : 1) }
    }
}

/// A cell of the standard tables, as a report names it: `3/合计/合计` (table, row key, column key).
public struct CellAddress: Sendable, Hashable, CustomStringConvertible {
    public var table: Int
    public var row: RowKey
    public var column: ColumnKey

    public init(table: Int, row: RowKey, column: ColumnKey) {
        self.table = table
        self.row = row
        self.column = column
    }

    /// `TABLE/ROW/COLUMN`; the row key may itself hold slashes, the column key is the last part.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, let table = Int(parts[0]), (1...11).contains(table),
              !parts[1].isEmpty, !parts.last!.isEmpty else { return nil }
        self.init(table: table, row: RowKey(rawValue: parts[1..<(parts.count - 1)].joined(separator: "/")),
                  column: ColumnKey(rawValue: parts.last!))
    }

    public var description: String { "\(table)/\(row.rawValue)/\(column.rawValue)" }

    /// 支出总计 of table 1 (收支总体情况表), 预算数: what a department spends in all
    /// (present in every template's first table).
    public static let totalSpending = CellAddress(table: 1, row: .expenditureTotal, column: .budgeted)
}

extension Library {
    /// 文件清单 — the stored documents that pass `filter`.
    public func documentsReport(_ filter: DocumentFilter = DocumentFilter()) async throws -> Report {
        let rows = try await documents(filter).map { d -> [Report.Value] in
            [.integer(d.id), .text(d.department), .integer(d.year), .text(d.kind), .text(d.region), .text(d.level),
             .text(d.template), .integer(d.errors), .integer(d.warnings), .integer(d.notes), .text(d.fileName)]
        }
        return Report(name: "documents", title: "文库中的文件",
                      columns: ["编号", "部门", "年度", "类型", "地区", "级次", "模板", "错误", "警告", "提示", "文件"], rows: rows)
    }

    /// 逐年对比 — a department's years side by side: every table cell and every figure its
    /// explanation states, one column per year, then the change between the last two.
    public func yearsReport(department: String) async throws -> Report {
        let documents = latestPerYear(try await documents(DocumentFilter(department: department)))
        let years = documents.map(\.year)
        var columns = ["项目", "表/部分", "行", "名称", "列"] + years.map { "\($0)年" }
        if years.count >= 2 { columns += ["增减", "增减率"] }
        guard !documents.isEmpty else {
            return Report(name: "years", title: "\(department) 逐年对比", columns: columns, rows: [])
        }
        struct Key: Hashable { var kind: String; var place: String; var row: String; var name: String; var column: String }
        var order: [Key] = []
        var values: [Key: [Int: Amount]] = [:]
        func note(_ key: Key, _ year: Int, _ value: Amount) {
            if values[key] == nil { order.append(key) }
            values[key, default: [:]][year] = value
        }
        for document in documents {
            for cell in try await cells(id: document.id) {
                note(Key(kind: "表", place: String(cell.table), row: cell.row, name: cell.name, column: cell.column), document.year, cell.value)
            }
            let statements = try await sql.select().columns("section", "kind", "subject", "amount").from("statements")
                .where("document_id", .equal, document.id).all()
            var ordinal: [String: Int] = [:]
            for row in statements {
                let section = try row.decode(column: "section", as: String.self)
                let kind = try row.decode(column: "kind", as: String.self)
                let subject = try row.decode(column: "subject", as: String.self)
                let n = ordinal["\(section)/\(kind)", default: 0]
                ordinal["\(section)/\(kind)"] = n + 1
                note(Key(kind: kind == "change" ? "所述增减" : "所述金额", place: section, row: "#\(n + 1)",
                         name: subject, column: ""), document.year, Amount(units: try row.decode(column: "amount", as: Int64.self)))
            }
        }
        let rows: [[Report.Value]] = order.map { key in
            let byYear = values[key] ?? [:]
            var row: [Report.Value] = [.text(key.kind), .text(key.place), .text(key.row), .text(key.name), .text(key.column)]
            row += years.map { byYear[$0].map(Report.Value.amount) ?? .none }
            if years.count >= 2 {
                let last = byYear[years[years.count - 1]], before = byYear[years[years.count - 2]]
                if let last, let before {
                    row.append(.amount(last - before))
                    row.append(before.isZero ? .none : (last - before).percent(of: before, places: 2).map(Report.Value.percent) ?? .none)
                } else {
                    row += [.none, .none]
                }
            }
            return row
        }
        return Report(name: "years", title: "\(department) 逐年对比（\(years.map(String.init).joined(separator: "、"))年）",
                      columns: columns, rows: rows)
    }

    /// 排名 — every department of a year ranked by one cell, largest first; with `share`,
    /// by the cell's share of its table's total (合计/总计) row in the same column.
    public func rankingReport(year: Int, cell: CellAddress, share: Bool = false, limit: Int? = nil) async throws -> Report {
        // The share's denominator, the table's total row in the same column, is looked
        // up only when asked for.
        let total: SQLQueryString = share ? """
            (SELECT MAX(t.value) FROM cells t WHERE t.document_id = c.document_id AND t.table_no = c.table_no
                AND t.column_key = c.column_key AND t.level = \(bind: RowRole.total.level))
            """ : "NULL"
        let rows = try await sql.raw("""
            SELECT d.id, d.department, d.region, d.level, c.value, \(total) AS total
            FROM cells c JOIN documents d ON d.id = c.document_id
            WHERE d.year = \(bind: year) AND c.table_no = \(bind: cell.table) AND c.row_key = \(bind: cell.row.rawValue)
                AND c.column_key = \(bind: cell.column.rawValue)
            ORDER BY c.value DESC, d.department, d.id
            """).all()
        var ranked: [(id: Int, department: String, region: String, level: String, value: Amount, share: Amount?)] = []
        for row in rows {
            let value = Amount(units: try row.decode(column: "value", as: Int64.self))
            let total = try row.decode(column: "total", as: Int64?.self).map(Amount.init(units:))
            ranked.append((try row.decode(column: "id", as: Int.self), try row.decode(column: "department", as: String.self),
                           try row.decode(column: "region", as: String.self), try row.decode(column: "level", as: String.self),
                           value, total.flatMap { $0.isZero ? nil : value.percent(of: $0, places: 2) }))
        }
        if share { ranked.sort { ($0.share ?? Amount(units: .min)) > ($1.share ?? Amount(units: .min)) } }
        if let limit { ranked = Array(ranked.prefix(limit)) }
        var columns = ["名次", "部门", "地区", "级次", "文件", "金额（万元）"]
        if share { columns.append("占合计") }
        let table = ranked.enumerated().map { n, r -> [Report.Value] in
            var row: [Report.Value] = [.integer(n + 1), .text(r.department), .text(r.region), .text(r.level), .integer(r.id), .amount(r.value)]
            if share { row.append(r.share.map(Report.Value.percent) ?? .none) }
            return row
        }
        return Report(name: "ranking", title: "\(year)年各部门按 \(cell)\(share ? " 占合计比重" : "") 排名", columns: columns, rows: table)
    }

    /// 问题统计 — findings by rule across the library (or one year): how many, in how many documents.
    public func findingsReport(year: Int? = nil) async throws -> Report {
        let rows = try await sql.raw("""
            SELECT f.rule, f.family, f.severity, COUNT(*) AS n, COUNT(DISTINCT f.document_id) AS documents
            FROM findings f JOIN documents d ON d.id = f.document_id
            WHERE \(bind: year ?? 0) = 0 OR d.year = \(bind: year ?? 0)
            GROUP BY f.rule, f.family, f.severity
            ORDER BY n DESC, f.rule
            """).all()
        let table = try rows.map { row -> [Report.Value] in
            [.text(try row.decode(column: "rule", as: String.self)), .text(try row.decode(column: "family", as: String.self)),
             .text(try row.decode(column: "severity", as: String.self)), .integer(try row.decode(column: "n", as: Int.self)),
             .integer(try row.decode(column: "documents", as: Int.self))]
        }
        return Report(name: "findings", title: year.map { "\($0)年各规则发现的问题" } ?? "文库各规则发现的问题",
                      columns: ["规则", "类别", "级别", "问题数", "文件数"], rows: table)
    }

    /// 汇总 — the library by region and year: documents, total spending (table 1's
    /// 支出总计) and findings. Two queries, each driven by an index: the documents by
    /// region and year, and the one cell of every document summed the same way.
    public func totalsReport() async throws -> Report {
        struct Key: Hashable { var region: String; var year: Int }
        let cell = CellAddress.totalSpending
        var spending: [Key: Int64] = [:]
        for row in try await sql.raw("""
            SELECT d.region, d.year, CAST(SUM(c.value) AS BIGINT) AS spending
            FROM cells c JOIN documents d ON d.id = c.document_id
            WHERE c.table_no = \(bind: cell.table) AND c.row_key = \(bind: cell.row.rawValue) AND c.column_key = \(bind: cell.column.rawValue)
            GROUP BY d.region, d.year
            """).all() {
            let key = Key(region: try row.decode(column: "region", as: String.self), year: try row.decode(column: "year", as: Int.self))
            spending[key] = try row.decode(column: "spending", as: Int64.self)
        }
        let rows = try await sql.raw("""
            SELECT region, year, COUNT(*) AS documents, CAST(SUM(errors) AS BIGINT) AS errors, CAST(SUM(warnings) AS BIGINT) AS warnings
            FROM documents GROUP BY region, year ORDER BY region, year
            """).all()
        let table = try rows.map { row -> [Report.Value] in
            let key = Key(region: try row.decode(column: "region", as: String.self), year: try row.decode(column: "year", as: Int.self))
            return [.text(key.region), .integer(key.year), .integer(try row.decode(column: "documents", as: Int.self)),
                    .amount(Amount(units: spending[key] ?? 0)),
                    .integer(try row.decode(column: "errors", as: Int.self)), .integer(try row.decode(column: "warnings", as: Int.self))]
        }
        return Report(name: "totals", title: "文库按地区、年度汇总", columns: ["地区", "年度", "文件数", "支出合计（万元）", "错误", "警告"], rows: table)
    }

    /// The newest document of each year, oldest year first.
    func latestPerYear(_ documents: [DocumentSummary]) -> [DocumentSummary] {
        Dictionary(grouping: documents, by: \.year).values.compactMap { $0.max { $0.id < $1.id } }.sorted { $0.year < $1.year }
    }
}

/// 筛选项 — the values the library's documents take, for filter menus.
public struct Facets: Sendable, Hashable, Codable {
    public var regions: [String]
    public var years: [Int]
    public var levels: [String]
    public var kinds: [String]
    public var rules: [String]
}

extension Library {
    /// The distinct regions, years, levels, kinds and finding rules in the library.
    public func facets() async throws -> Facets {
        func distinct(_ column: String, from table: String) async throws -> [String] {
            try await sql.select().distinct().column(column).from(table).orderBy(column).all()
                .map { try $0.decode(column: column, as: String.self) }
        }
        let years = try await sql.select().distinct().column("year").from("documents").orderBy("year").all()
            .map { try $0.decode(column: "year", as: Int.self) }
        return Facets(regions: try await distinct("region", from: "documents"), years: years,
                      levels: try await distinct("level", from: "documents"), kinds: try await distinct("kind", from: "documents"),
                      rules: try await distinct("rule", from: "findings"))
    }
}
