import YusuanModel

/// 数据表 — the **数据** sheet: every non-empty cell of every table as one tidy
/// record, ready for an autofilter and a pivot table.
///
/// The columns are 表, 行键, 代码, 名称, 层级, 单位, 列键, 金额: the table number, the
/// row key of `spec/tables.md`, the classification code (empty for lines without
/// one), the printed name (the project's name for a project row), the row's level
/// (`RowRole.level`), the unit (always 万元, as the records are), the column key and the
/// amount as a number. The records are `Cells.records` in the same order, so the
/// sheet and `yusuan read --format cells` agree record for record; the header row
/// is bold and frozen and the autofilter spans the records.
enum DataSheet {
    /// The sheet's name.
    static let name = "数据"

    /// The header row, in column order.
    static let columns = ["表", "行键", "代码", "名称", "层级", "单位", "列键", "金额"]

    /// The unit of every record (`Cells` holds amounts in 万元).
    static let unit = "万元"

    /// The worksheet XML.
    static func sheet(_ disclosure: Disclosure, strings: inout SharedStrings) -> String {
        let rowsByKey = Dictionary(disclosure.tables.map { table in
            (table.kind.rawValue, Dictionary(table.rows.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first }))
        }, uniquingKeysWith: { first, _ in first })
        let records = Cells.records(disclosure)
        let last = XLSXParts.column(columns.count - 1)

        var rows = "<row r=\"1\">"
        for (c, title) in columns.enumerated() {
            rows += "<c r=\"\(XLSXParts.column(c))1\" s=\"\(XLSXParts.Style.dataHeader.rawValue)\" t=\"s\"><v>\(strings.index(title))</v></c>"
        }
        rows += "</row>"
        for (i, record) in records.enumerated() {
            let r = i + 2
            let row = rowsByKey[record.table]?[record.row]
            func text(_ column: Int, _ value: String?) -> String {
                guard let value, !value.isEmpty else { return "" }
                return "<c r=\"\(XLSXParts.column(column))\(r)\" t=\"s\"><v>\(strings.index(value))</v></c>"
            }
            rows += "<row r=\"\(r)\">"
            rows += "<c r=\"A\(r)\"><v>\(record.table)</v></c>"
            rows += text(1, record.row.rawValue)
            rows += text(2, row?.code)
            rows += text(3, row.map { $0.role == .project ? ($0.project ?? $0.name) : $0.name })
            rows += text(4, row.map { $0.role.level })
            rows += text(5, unit)
            rows += text(6, record.column.rawValue)
            rows += "<c r=\"H\(r)\" s=\"\(XLSXParts.Style.dataAmount.rawValue)\"><v>\(record.value.description)</v></c>"
            rows += "</row>"
        }

        let end = records.count + 1
        return XLSXParts.worksheet(dimension: "A1:\(last)\(end)", frozenRows: 1, widths: [6, 44, 10, 40, 8, 8, 30, 14],
                                   rows: rows, autoFilter: filterRange(records: records.count), landscape: true)
    }

    /// The range the autofilter covers: the header and every record (`A1:H1` with none).
    static func filterRange(records: Int) -> String {
        "A1:\(XLSXParts.column(columns.count - 1))\(records + 1)"
    }
}
