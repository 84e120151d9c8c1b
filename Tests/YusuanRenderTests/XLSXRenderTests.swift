import Foundation
import Testing
import YusuanModel
@testable import YusuanRender

/// A worksheet read back from the XML: each cell's value (shared strings resolved),
/// whether it is a number, its style, and the merged ranges.
struct ParsedSheet {
    var cells: [String: (value: String, isNumber: Bool, style: Int)] = [:]
    var merges: [String] = []
    var frozenRows = 0
    var rowCount = 0
    var columnCount = 0

    init(xml: Data, strings: [String]) throws {
        let root = try XMLNode.parse(xml)
        for row in root.descendants("row") {
            rowCount = max(rowCount, Int(row.attributes["r"] ?? "0") ?? 0)
            for c in row.all("c") {
                let ref = try #require(c.attributes["r"])
                let style = Int(c.attributes["s"] ?? "0") ?? 0
                guard let v = c.first("v")?.text else {
                    if let inline = c.first("is") { cells[ref] = (inline.allText("t"), false, style) }
                    continue
                }
                let isString = c.attributes["t"] == "s"
                cells[ref] = (isString ? strings[try #require(Int(v))] : v, !isString && c.attributes["t"] == nil, style)
            }
        }
        merges = root.descendants("mergeCell").compactMap { $0.attributes["ref"] }
        frozenRows = Int(root.descendants("pane").first?.attributes["ySplit"] ?? "0") ?? 0
        columnCount = root.descendants("col").count
    }

    func value(_ row: Int, _ column: Int) -> String? { cells[XLSXParts.column(column) + String(row)]?.value }
    func cell(_ row: Int, _ column: Int) -> (value: String, isNumber: Bool, style: Int)? { cells[XLSXParts.column(column) + String(row)] }
}

struct ParsedWorkbook {
    var sheetNames: [String]
    var sheets: [ParsedSheet]
    /// The number format code of each cell style.
    var formats: [String?]

    init(_ data: Data) throws {
        let parts = try unzip(data)
        let strings = try XMLNode.parse(try #require(parts["xl/sharedStrings.xml"])).all("si").map { $0.allText("t") }
        let workbook = try XMLNode.parse(try #require(parts["xl/workbook.xml"]))
        sheetNames = workbook.descendants("sheet").compactMap { $0.attributes["name"] }
        sheets = try sheetNames.indices.map { i in
            try ParsedSheet(xml: try #require(parts["xl/worksheets/sheet\(i + 1).xml"]), strings: strings)
        }
        let styles = try XMLNode.parse(try #require(parts["xl/styles.xml"]))
        var codes: [String: String] = ["0": "General", "49": "@"]
        for f in styles.descendants("numFmt") { codes[f.attributes["numFmtId"] ?? ""] = f.attributes["formatCode"] }
        formats = (styles.first("cellXfs")?.all("xf") ?? []).map { codes[$0.attributes["numFmtId"] ?? "0"] }
        #expect(parts["[Content_Types].xml"] != nil)
    }
}

@Suite struct XLSXRenderTests {
    @Test func aSmallTableRoundTripsWithNumbersAndMerges() throws {
        var t = BudgetTable(kind: .governmentFund, title: "政府性基金预算支出情况表", preparer: "示例局",
                            columns: StandardTable.governmentFund.columns(in: .edition2024))
        t.rows = [
            TableRow(key: .grandTotal, name: "总计", role: .total, cells: [Cell(Amount("12.5")!), Cell(Amount("2.5")!), nil, Cell(Amount("10")!)]),
            TableRow(key: .code("212"), code: "212", name: "城乡社区支出", role: .classLevel,
                     cells: [Cell(Amount("12.5")!), Cell(Amount("2.5")!), nil, Cell(Amount("10")!)]),
            TableRow(key: .code("21208"), code: "21208", name: "国有土地使用权出让收入安排的支出", role: .section,
                     cells: [Cell(Amount("12.5")!), Cell(Amount("2.5")!), nil, Cell(Amount("10")!)]),
            TableRow(key: .code("2120801"), code: "2120801", name: "征地和拆迁补偿支出", role: .item,
                     cells: [Cell(Amount("12.5")!), Cell(Amount("2.5")!), nil, Cell(Amount("0.0001")!)]),
        ]
        let d = Disclosure(department: "示例局", year: 2025, format: .edition2024, tables: [t])
        let book = try ParsedWorkbook(try XLSXRenderer().render(d))
        #expect(book.sheetNames == ["表8"])
        let sheet = book.sheets[0]
        #expect(sheet.value(1, 0) == "表8")
        #expect(sheet.value(2, 0) == "政府性基金预算支出情况表")
        // Header: 功能分类科目编码 over 类 款 项; 基本支出 over 人员经费 and 公用经费.
        #expect(sheet.value(4, 0) == "功能分类科目编码" && sheet.value(5, 0) == "类" && sheet.value(5, 2) == "项")
        #expect(sheet.value(4, 5) == "基本支出" && sheet.value(5, 5) == "人员经费" && sheet.value(5, 6) == "公用经费")
        #expect(Set(sheet.merges).isSuperset(of: ["A4:C4", "D4:D5", "E4:E5", "F4:G4", "H4:H5"]))
        #expect(sheet.frozenRows == 5)
        // 2120801 in 类 款 项, then its amounts as numbers with two decimals.
        #expect([sheet.value(9, 0), sheet.value(9, 1), sheet.value(9, 2)] == ["212", "08", "01"])
        let cell = try #require(sheet.cell(9, 4))
        #expect(cell.value == "12.50" && cell.isNumber && book.formats[cell.style] == "#,##0.00")
        #expect(sheet.value(9, 7) == "0.0001", "four decimals kept exactly")
        #expect(sheet.cell(9, 6)?.isNumber != true, "an empty cell holds no value")
    }

    @Test(.enabled(if: RenderSeeds.available, "../shared/seeds is absent"), arguments: RenderSeeds.prefixes)
    func seedTablesComeBackExactlyFromTheWorkbook(_ prefix: String) throws {
        let d = try RenderSeeds.read(prefix)
        let book = try ParsedWorkbook(try XLSXRenderer().render(d))
        #expect(book.sheetNames == d.tables.map { "表\($0.kind.rawValue)" })
        #expect(book.sheetNames.count == (d.format == .edition2023 ? 10 : 11))
        for (table, sheet) in zip(d.tables, book.sheets) {
            let n = table.kind.rawValue
            #expect(sheet.value(1, 0) == "表\(n)")
            #expect(sheet.value(2, 0) == table.title)
            let top = 4, headerRows = sheet.frozenRows - top + 1
            #expect(headerRows >= 1, "表\(n): the header rows are frozen")
            let width = sheet.columnCount
            let leaves = (0..<width).map { c in sheet.value(top + headerRows - 1, c) }
            var last = sheet.rowCount
            if let statement = table.emptyStatement?.value {
                #expect(sheet.value(last, 0) == statement, "表\(n): the 空表 statement")
                last -= 1
            }
            let first = top + headerRows
            let body = last >= first ? (first...last).map { r in (0..<width).map { sheet.value(r, $0) } } : []
            #expect(GridReader.records(body, leaves: leaves, table: table) == GridReader.expected(d, table), "表\(n)")
            // Every amount is a number in the two-decimal format; codes are text.
            for r in first...max(last, first) {
                for c in 0..<width {
                    guard let cell = sheet.cell(r, c), let amount = Amount(cell.value), cell.value.contains(".") else { continue }
                    #expect(cell.isNumber && book.formats[cell.style] == "#,##0.00", "表\(n) \(r),\(c): \(amount)")
                }
            }
            if [2, 3, 5, 7].contains(n) {
                #expect(sheet.merges.contains("A4:C4"), "表\(n): 科目编码 over 类 款 项")
                #expect([sheet.value(5, 0), sheet.value(5, 1), sheet.value(5, 2)] == ["类", "款", "项"])
            }
            if n == 11 {
                // 项目 | 合计 | 财政拨款 (小计, 基本支出 (人员经费, 公用经费), 项目支出) | 非财政拨款 (…)
                #expect(Set(sheet.merges).isSuperset(of: ["A4:A6", "B4:B6", "C4:F4", "D5:E5", "G4:J4", "H5:I5"]),
                        "财政拨款 over its four columns, 基本支出 over two")
            }
        }
    }
}
