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
    /// The custom height of each row that has one.
    var heights: [Int: Double] = [:]
    /// The autofilter's range, the print footer.
    var autoFilter: String?
    var footer: String?

    init(xml: Data, strings: [String]) throws {
        let root = try XMLNode.parse(xml)
        for row in root.descendants("row") {
            let number = Int(row.attributes["r"] ?? "0") ?? 0
            rowCount = max(rowCount, number)
            if row.attributes["customHeight"] == "1", let height = Double(row.attributes["ht"] ?? "") { heights[number] = height }
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
        autoFilter = root.descendants("autoFilter").first?.attributes["ref"]
        footer = root.descendants("oddFooter").first?.text
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
        #expect(book.sheetNames == ["表8", "数据", "审核"], "no explanation, no 情况说明; the findings always")
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
        #expect(sheet.footer == "&C&P / &N", "page numbers in the print footer")

        // 数据: one record per non-empty cell, with its code, name and level.
        let data = book.sheets[1]
        #expect((0..<8).map { data.value(1, $0) } == ["表", "行键", "代码", "名称", "层级", "单位", "列键", "金额"])
        #expect(data.frozenRows == 1 && data.autoFilter == "A1:H13" && data.footer == "&C&P / &N")
        #expect(data.rowCount == 13, "12 non-empty cells and the header")
        #expect((0..<8).map { data.value(2, $0) } == ["8", "总计", nil, "总计", "合计", "万元", "合计", "12.50"])
        #expect((0..<8).map { data.value(11, $0) } == ["8", "2120801", "2120801", "征地和拆迁补偿支出", "项", "万元", "合计", "12.50"])
        #expect(data.value(13, 7) == "0.0001" && data.cell(13, 7)?.isNumber == true && data.cell(13, 0)?.isNumber == true)
        #expect(data.value(5, 4) == "类" && data.value(8, 4) == "款")
    }

    @Test func wrappedTextGetsTallRows() throws {
        let name = String(repeating: "城乡居民基本医疗保险财政补助", count: 3)
        var t = BudgetTable(kind: .projects, title: "一般公共预算项目支出情况表", preparer: "示例局",
                            columns: StandardTable.projects.columns(in: .edition2024))
        let cells: [Cell?] = [Cell(Amount("1")!)] + Array(repeating: nil, count: t.columns.count - 1)
        t.rows = [
            TableRow(key: .grandTotal, name: "总计", role: .total, cells: cells),
            TableRow(key: RowKey(rawValue: "2101202|短"), code: "2101202", name: "城乡居民", project: "短", role: .project, cells: cells),
            TableRow(key: RowKey(rawValue: "2101202|\(name)"), code: "2101202", name: "城乡居民", project: name, role: .project, cells: cells),
        ]
        let d = Disclosure(department: "示例局", year: 2025, format: .edition2024, tables: [t])
        let sheet = try ParsedWorkbook(try XLSXRenderer().render(d)).sheets[0]
        let total = sheet.frozenRows + 1
        #expect(sheet.value(total + 2, 4) == name)
        #expect(sheet.heights[total + 1] == nil, "a one-line row keeps the default height")
        #expect((sheet.heights[total + 2] ?? 0) >= 40, "42 characters in a 34-wide column wrap to three lines")

        // Table 2's 上级一般公共预算安排的转移支付 takes three lines of a 13-wide column in one header row.
        let income = BudgetTable(kind: .income, title: "部门收入总体情况表", preparer: "示例局",
                                 columns: StandardTable.income.columns(in: .edition2024))
        let table2 = try ParsedWorkbook(try XLSXRenderer().render(
            Disclosure(department: "示例局", year: 2025, format: .edition2024, tables: [income]))).sheets[0]
        #expect(table2.value(5, 7) == "上级一般公共预算安排的转移支付")
        #expect((table2.heights[5] ?? 0) >= 40, "the wrapped header row is given its three lines")
    }

    @Test(.enabled(if: RenderSeeds.available, "../shared/seeds is absent"), arguments: RenderSeeds.prefixes)
    func dataSheetEqualsTheCellRecords(_ prefix: String) throws {
        let d = try RenderSeeds.read(prefix)
        let book = try ParsedWorkbook(try XLSXRenderer().render(d))
        let data = book.sheets[try #require(book.sheetNames.firstIndex(of: "数据"))]
        let expected = Cells.records(d)
        #expect(data.rowCount == expected.count + 1)
        #expect(data.autoFilter == "A1:H\(expected.count + 1)")
        var found: [Cells.Record] = []
        for r in 2...max(data.rowCount, 2) {
            guard let table = data.value(r, 0).flatMap(Int.init), let row = data.value(r, 1), let column = data.value(r, 6),
                  let value = data.value(r, 7).flatMap(Amount.init) else { continue }
            #expect(data.cell(r, 7)?.isNumber == true && data.value(r, 5) == "万元")
            found.append(Cells.Record(table: table, row: RowKey(rawValue: row), column: ColumnKey(rawValue: column), value: value))
        }
        #expect(found == expected, "数据 holds exactly the records of `read --format cells`")
        // Code, name and level are the row's own, so a pivot can filter on 层级 = 类.
        for r in 2...max(data.rowCount, 2) {
            guard let n = data.value(r, 0).flatMap(Int.init), let key = data.value(r, 1),
                  let row = d.tables.first(where: { $0.kind.rawValue == n })?.row(RowKey(rawValue: key)) else {
                Issue.record("数据 row \(r): no such table row"); continue
            }
            #expect(data.value(r, 2) == row.code)
            #expect(data.value(r, 3) == (row.role == .project ? (row.project ?? row.name) : row.name))
            #expect(data.value(r, 4) == row.role.level)
        }
    }

    @Test(.enabled(if: RenderSeeds.available, "../shared/seeds is absent"), arguments: RenderSeeds.prefixes)
    func seedTablesComeBackExactlyFromTheWorkbook(_ prefix: String) throws {
        let d = try RenderSeeds.read(prefix)
        let book = try ParsedWorkbook(try XLSXRenderer().render(d))
        let performance = PerformanceSheet.applies(d) ? ["绩效目标"] : []
        #expect(book.sheetNames == d.tables.map { "表\($0.kind.rawValue)" } + ["数据"] + performance + ["情况说明", "审核"],
                "the tables, then the 数据 sheet, then 绩效目标 where there are performance tables, the explanation and the findings")
        #expect(book.sheetNames.count == (d.format == .edition2023 ? 10 : 11) + 1 + performance.count + 2)
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

    @Test(.enabled(if: RenderSeeds.available, "../shared/seeds is absent"), arguments: RenderSeeds.prefixes)
    func performanceSheetHoldsEveryIndicatorInOrder(_ prefix: String) throws {
        let d = try RenderSeeds.read(prefix)
        let book = try ParsedWorkbook(try XLSXRenderer().render(d))
        guard PerformanceSheet.applies(d) else {
            #expect(!book.sheetNames.contains("绩效目标"), "no performance tables, no sheet")
            return
        }
        #expect(book.sheetNames[d.tables.count + 1] == "绩效目标", "after 数据, so the other sheets keep their places")
        let sheet = book.sheets[d.tables.count + 1]
        #expect(sheet.footer == "&C&P / &N", "page numbers in the print footer")
        let tables = (d.performance.department.map { [$0.indicators] } ?? []) + d.performance.projects.map(\.indicators)
        #expect((1...sheet.rowCount).filter { sheet.value($0, 2) == "三级指标" }.count == tables.filter { !$0.isEmpty }.count,
                "one indicator header a table")
        // Every indicator row, in order: 一级, 二级, 三级, 指标值, and the weight as a number.
        var found: [[String?]] = []
        var weights: [String?] = []
        for r in 1...sheet.rowCount where sheet.value(r, 0) != nil && sheet.value(r, 2) != nil && sheet.value(r, 3) != nil {
            guard sheet.value(r, 2) != "三级指标" else {
                #expect(sheet.cell(r, 0)?.style == XLSXParts.Style.header.rawValue, "the indicator header is bold")
                continue
            }
            found.append((0..<4).map { sheet.value(r, $0) })
            weights.append(sheet.cell(r, 4).flatMap { $0.isNumber ? $0.value : nil })
        }
        let indicators = tables.flatMap { $0 }
        #expect(found == indicators.map { [$0.level1, $0.level2, $0.name, $0.target.printed] })
        #expect(weights == indicators.map { $0.weight?.description }, "weights are numbers where the table gives one")
        // The goal text and each project's name are on the sheet.
        let texts = Set(sheet.cells.values.map(\.value))
        for p in d.performance.projects { #expect(texts.contains(p.project) && texts.contains(p.overallGoal)) }
        if let dept = d.performance.department { #expect(texts.contains(dept.annualGoal)) }
        // A wrapped goal gets a tall row.
        for r in 1...sheet.rowCount where (sheet.value(r, 2).map { RowHeights.lines($0, width: PerformanceSheet.widths[2...].reduce(0, +)) } ?? 1) > 1 && sheet.value(r, 3) == nil {
            #expect((sheet.heights[r] ?? 0) > 15, "row \(r): wrapped text is given its lines")
        }
    }

    @Test(.enabled(if: RenderSeeds.available, "../shared/seeds is absent"), arguments: RenderSeeds.prefixes)
    func performanceSheetLeavesTheOtherSheetsAsTheyWere(_ prefix: String) throws {
        let d = try RenderSeeds.read(prefix)
        var without = d
        without.performance = PerformanceTargets()
        let with = try unzip(try XLSXRenderer().render(d)), plain = try unzip(try XLSXRenderer().render(without))
        // Every table sheet and 数据 of the workbook without performance tables is there byte for byte.
        let sheets = (1...d.tables.count + 1).map { "xl/worksheets/sheet\($0).xml" }
        #expect(sheets.allSatisfy { plain[$0] != nil })
        for part in sheets { #expect(with[part] == plain[part], "\(part) unchanged") }
        // Nothing links to 绩效目标: no defined name, no hyperlink, no formula refers to it.
        let workbook = String(decoding: try #require(with["xl/workbook.xml"]), as: UTF8.self)
        let definedNames = workbook.components(separatedBy: "<definedNames>").last ?? ""
        #expect(!definedNames.contains(PerformanceSheet.name))
        for part in sheets {
            let xml = String(decoding: try #require(with[part]), as: UTF8.self)
            #expect(!xml.contains("<hyperlink") && !xml.contains("<f>") && !xml.contains(PerformanceSheet.name), "\(part)")
        }
    }

    @Test(.enabled(if: RenderSeeds.available, "../shared/seeds is absent"), arguments: RenderSeeds.prefixes)
    func findingsSheetListsTheAudit(_ prefix: String) throws {
        let d = try RenderSeeds.read(prefix)
        let book = try ParsedWorkbook(try XLSXRenderer().render(d))
        let sheet = try #require(book.sheets.last)
        #expect(book.sheetNames.last == "审核")
        #expect((0..<FindingsSheet.columns.count).map { sheet.value(1, $0) } == FindingsSheet.columns)
        #expect(sheet.autoFilter == "A1:M\(sheet.rowCount)", "filtered, for an analyst")
        // One row a finding, in the audit's order, with its level, family, rule, message and amounts.
        let findings = FindingsSheet.findings(d)
        #expect(!findings.isEmpty, "the seeds have findings")
        #expect(sheet.rowCount == findings.count + 1)
        for (i, f) in findings.enumerated() {
            let r = i + 2
            #expect(sheet.value(r, 0) == String(i + 1) && sheet.cell(r, 0)?.isNumber == true)
            #expect([sheet.value(r, 1), sheet.value(r, 2), sheet.value(r, 3), sheet.value(r, 4)]
                    == [FindingsSheet.level(f.severity), f.family.chinese, f.rule, f.message], "finding \(i + 1)")
            #expect(sheet.value(r, 5) == f.table.map(String.init) && sheet.value(r, 6) == f.row && sheet.value(r, 8) == f.section)
            #expect(sheet.value(r, 11) == f.stated?.description && sheet.value(r, 12) == f.expected?.description)
            if let stated = f.stated { #expect(sheet.cell(r, 11)?.isNumber == true, "\(stated) a number") }
        }
    }

    @Test(.enabled(if: RenderSeeds.available, "../shared/seeds is absent"), arguments: RenderSeeds.prefixes)
    func explanationSheetHoldsEverySectionInOrder(_ prefix: String) throws {
        let d = try RenderSeeds.read(prefix)
        let book = try ParsedWorkbook(try XLSXRenderer().render(d))
        let sheet = book.sheets[try #require(book.sheetNames.firstIndex(of: "情况说明"))]
        let column = (1...sheet.rowCount).map { sheet.value($0, 0) }
        var expected: [String?] = [Outline.partTitles(d)[2]]
        for section in d.sections {
            expected.append("\(section.number)、\(section.title)")
            expected += section.paragraphs.map(Optional.some)
        }
        #expect(column == expected)
        // The paragraphs print as text, without a grid.
        #expect((1...sheet.rowCount).filter { sheet.cell($0, 0)?.style == XLSXParts.Style.plainText.rawValue }.count
                == d.sections.reduce(0) { $0 + $1.paragraphs.count })
        for r in 1...sheet.rowCount where sheet.cell(r, 0)?.style == XLSXParts.Style.plainText.rawValue {
            let lines = RowHeights.lines(sheet.value(r, 0) ?? "", width: ExplanationSheet.width)
            #expect(lines == 1 || (sheet.heights[r] ?? 0) >= RowHeights.height(lines: lines), "row \(r) is as tall as its text")
        }
        #expect(sheet.footer == "&C&P / &N")
    }
}
