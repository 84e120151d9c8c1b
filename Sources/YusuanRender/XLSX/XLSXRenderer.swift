import Foundation
import YusuanModel

/// 电子表格 — the standard tables as an Excel workbook, one sheet a table (表1 … 表11).
///
/// Each sheet is laid out as printed: 表 N and the title, 编制部门 and 单位, the
/// header rows with their merged cells, then the rows with 类 / 款 / 项 as text in
/// their own columns and every amount a number (formatted `#,##0.00`), so that
/// the tables of a published document can be summed and pivoted at once. The
/// header is frozen on screen and repeated on printed pages; each row is as tall
/// as its wrapped text (`RowHeights`) and the print footer numbers the pages
/// (`1 / 5`). A last sheet, **数据**, holds every cell as a tidy record for a
/// pivot table (`DataSheet`); after it, where the disclosure has them, **绩效目标**
/// holds the performance-target tables as printed (`PerformanceSheet`) and
/// **情况说明** the explanation's text (`ExplanationSheet`); last, **审核** lists the
/// audit's findings (`FindingsSheet`).
public struct XLSXRenderer: Renderer {
    public init() {}
    public var name: String { "xlsx" }
    public var fileExtension: String { "xlsx" }
    public var isBinary: Bool { true }

    /// Rows above the header on each sheet: 表 N, the title, 编制部门 / 单位.
    public static let headerStartRow = 4

    public func render(_ disclosure: Disclosure) throws -> Data {
        let tables = disclosure.tables.map { PrintedTable($0, unit: disclosure.unit) }
        var strings = SharedStrings()
        var package = ZipPackage()
        var sheets = tables.map { Self.sheet($0, strings: &strings) }
        sheets.append(DataSheet.sheet(disclosure, strings: &strings))
        // After 数据, so that the sheets before keep their places and bytes.
        var following: [String] = []
        if PerformanceSheet.applies(disclosure) {
            following.append(PerformanceSheet.name)
            sheets.append(PerformanceSheet.sheet(disclosure, strings: &strings))
        }
        if ExplanationSheet.applies(disclosure) {
            following.append(ExplanationSheet.name)
            sheets.append(ExplanationSheet.sheet(disclosure, strings: &strings))
        }
        following.append(FindingsSheet.name)
        sheets.append(FindingsSheet.sheet(disclosure, strings: &strings))
        package.add("[Content_Types].xml", XLSXParts.contentTypes(sheets: sheets.count))
        package.add("_rels/.rels", XLSXParts.rootRelationships)
        package.add("docProps/core.xml", XLSXParts.coreProperties(title: "\(disclosure.department) \(Outline.documentName(disclosure))"))
        package.add("xl/workbook.xml", XLSXParts.workbook(tables, records: Cells.records(disclosure).count, following: following))
        package.add("xl/_rels/workbook.xml.rels", XLSXParts.workbookRelationships(sheets: sheets.count))
        package.add("xl/styles.xml", XLSXParts.styles)
        for (i, sheet) in sheets.enumerated() { package.add("xl/worksheets/sheet\(i + 1).xml", sheet) }
        package.add("xl/sharedStrings.xml", strings.xml)
        return try package.data()
    }

    /// The sheet name of a table: `表1`.
    public static func sheetName(_ table: PrintedTable) -> String { "表\(table.number ?? 0)" }

    /// The width of an A4 page between the print margins, in column-width units
    /// (a digit of the sheets' 10-point type, with the cell's spacing, is one, a
    /// Chinese character two): 297 − 2 × 10.2 mm across a landscape page, 210 − 2 × 10.2 mm
    /// down a portrait one, at about 2 mm a unit, less a little for the grid lines.
    static let landscapeUnits = 132.0, portraitUnits = 90.0

    /// The columns' widths, in whole column-width units: the printed widths of
    /// `PrintedTable.columnWidths` (names wide, amounts as wide as their widest,
    /// empty amount columns narrow), fitted to the page, so that a sheet prints at
    /// its size or close to it rather than shrunk to fit a fixed width a kind.
    static func columnWidths(_ t: PrintedTable) -> [Double] {
        // An em of the tables' text is two units.
        t.columnWidths(fitting: (t.isWide ? landscapeUnits : portraitUnits) / 2).map { ($0 * 2).rounded(.down) }
    }

    static func sheet(_ t: PrintedTable, strings: inout SharedStrings) -> String {
        var rows: [String] = []
        var merges: [String] = []
        let last = t.width - 1
        let widths = Self.columnWidths(t)
        func spanWidth(_ column: Int, _ span: Int) -> Double { widths[column..<min(column + span, widths.count)].reduce(0, +) }
        func ref(_ row: Int, _ column: Int) -> String { XLSXParts.column(column) + String(row) }
        func text(_ row: Int, _ column: Int, _ value: String, style: XLSXParts.Style) -> String {
            "<c r=\"\(ref(row, column))\" s=\"\(style.rawValue)\" t=\"s\"><v>\(strings.index(value))</v></c>"
        }
        func blank(_ row: Int, _ column: Int, style: XLSXParts.Style) -> String {
            "<c r=\"\(ref(row, column))\" s=\"\(style.rawValue)\"/>"
        }

        rows.append("<row r=\"1\">" + text(1, 0, "表\(t.number ?? 0)", style: .meta) + "</row>")
        rows.append("<row r=\"2\" ht=\"24\" customHeight=\"1\">" + text(2, 0, t.title, style: .title) + "</row>")
        if t.width > 1 { merges.append("\(ref(2, 0)):\(ref(2, last))") }
        var meta = "<row r=\"3\">"
        if let p = t.preparer { meta += text(3, 0, "编制部门：\(p)", style: .meta) }
        if let u = t.unit { meta += text(3, last, "单位：\(u)", style: .metaRight) }
        rows.append(meta + "</row>")

        // Header: every position gets a bordered cell; merged areas are listed.
        let top = Self.headerStartRow
        for r in 0..<t.headerRows {
            // A merged cell's lines are shared among the rows it spans.
            let lines = t.header.filter { $0.row <= r && r < $0.row + $0.rowSpan }.map { cell in
                let all = RowHeights.lines(cell.text, width: spanWidth(cell.column, cell.colSpan))
                return (all + cell.rowSpan - 1) / cell.rowSpan
            }.max() ?? 1
            var xml = "<row r=\"\(top + r)\"\(RowHeights.attributes(lines: lines))>"
            for c in 0..<t.width {
                if let (cell, isOrigin) = t.headerCell(coveringRow: r, column: c), isOrigin {
                    xml += text(top + r, c, cell.text, style: .header)
                } else {
                    xml += blank(top + r, c, style: .header)
                }
            }
            rows.append(xml + "</row>")
        }
        for cell in t.header where cell.rowSpan > 1 || cell.colSpan > 1 {
            merges.append("\(ref(top + cell.row, cell.column)):\(ref(top + cell.row + cell.rowSpan - 1, cell.column + cell.colSpan - 1))")
        }

        var r = top + t.headerRows
        for row in t.body {
            var lines = 1
            for (c, cell) in row.cells.enumerated() {
                guard case .text(let value)? = cell, t.columnKinds[c] == .label || t.columnKinds[c] == .text else { continue }
                lines = max(lines, RowHeights.lines(value, width: widths[c], indent: row.isBold(c) ? 0 : row.indent(c)))
            }
            var xml = "<row r=\"\(r)\"\(RowHeights.attributes(lines: lines))>"
            for (c, cell) in row.cells.enumerated() {
                let kind = t.columnKinds[c]
                let bold = row.isBold(c)
                switch cell {
                case .amount(let amount)?:
                    xml += "<c r=\"\(ref(r, c))\" s=\"\((bold ? XLSXParts.Style.amountBold : .amount).rawValue)\"><v>\(amount.description)</v></c>"
                case .text(let value)?:
                    var style: XLSXParts.Style = kind == .code ? (bold ? .codeBold : .code) : (bold ? .labelBold : .label)
                    if kind == .label, !bold, row.indent(c) > 0 { style = row.indent(c) == 1 ? .labelIndent1 : .labelIndent2 }
                    xml += text(r, c, value, style: style)
                case nil:
                    xml += blank(r, c, style: kind == .amount ? .amount : .label)
                }
            }
            rows.append(xml + "</row>")
            r += 1
        }
        if let note = t.note {
            let lines = max(RowHeights.lines(note, width: spanWidth(0, t.width)), t.body.isEmpty ? 2 : 1)
            let height = RowHeights.attributes(lines: lines)
            rows.append("<row r=\"\(r)\"\(height)>" + text(r, 0, note, style: .note) + "</row>")
            if t.width > 1 { merges.append("\(ref(r, 0)):\(ref(r, last))") }
        }

        return XLSXParts.worksheet(dimension: "A1:\(ref(max(r - 1, top + t.headerRows - 1), last))",
                                   frozenRows: top + t.headerRows - 1, widths: widths.map { Int($0) },
                                   rows: rows.joined(), merges: merges, landscape: t.isWide)
    }
}

/// 共享字符串表 — each distinct text once, cells refer to it by index.
struct SharedStrings {
    private var indices: [String: Int] = [:]
    private var list: [String] = []
    private var count = 0

    mutating func index(_ text: String) -> Int {
        count += 1
        if let i = indices[text] { return i }
        indices[text] = list.count
        list.append(text)
        return list.count - 1
    }

    var xml: String {
        var out = ZipPackage.declaration
        out += "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(count)\" uniqueCount=\"\(list.count)\">"
        for s in list { out += "<si><t xml:space=\"preserve\">\(escape(s))</t></si>" }
        return out + "</sst>"
    }
}
