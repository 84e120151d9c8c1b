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
/// is bold and frozen and the autofilter spans the records. Texts wrap in their
/// columns and each record's row is as tall as its longest (`RowHeights`), so that
/// a long project name prints whole instead of cut off at the next column.
enum DataSheet {
    /// The sheet's name.
    static let name = "数据"

    /// The header row, in column order.
    static let columns = ["表", "行键", "代码", "名称", "层级", "单位", "列键", "金额"]

    /// Column widths, in column-width units.
    static let widths: [Double] = [6, 44, 10, 40, 8, 8, 30, 14]

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
        let style = XLSXParts.Style.plainText.rawValue
        for (i, record) in records.enumerated() {
            let r = i + 2
            let row = rowsByKey[record.table]?[record.row]
            let texts = [record.row.rawValue, row?.code, row.map { $0.role == .project ? ($0.project ?? $0.name) : $0.name },
                         row.map { $0.role.level }, unit, record.column.rawValue]
            let lines = texts.enumerated().map { c, value in RowHeights.lines(value ?? "", width: widths[c + 1]) }.max() ?? 1
            rows += "<row r=\"\(r)\"\(RowHeights.attributes(lines: lines))>"
            rows += "<c r=\"A\(r)\" s=\"\(style)\"><v>\(record.table)</v></c>"
            for (c, value) in texts.enumerated() {
                guard let value, !value.isEmpty else { continue }
                rows += "<c r=\"\(XLSXParts.column(c + 1))\(r)\" s=\"\(style)\" t=\"s\"><v>\(strings.index(value))</v></c>"
            }
            rows += "<c r=\"H\(r)\" s=\"\(XLSXParts.Style.dataAmount.rawValue)\"><v>\(record.value.description)</v></c>"
            rows += "</row>"
        }

        let end = records.count + 1
        return XLSXParts.worksheet(dimension: "A1:\(last)\(end)", frozenRows: 1, widths: widths.map { Int($0) },
                                   rows: rows, autoFilter: filterRange(records: records.count), landscape: true)
    }

    /// The range the autofilter covers: the header and every record (`A1:H1` with none).
    static func filterRange(records: Int) -> String {
        "A1:\(XLSXParts.column(columns.count - 1))\(records + 1)"
    }
}
