import Foundation
import Testing
@testable import YusuanCompose
import YusuanModel
import ZIPFoundation

/// 恶意工作簿 — each way a workbook once crashed or exhausted `compose`, written
/// small: every one is now a problem with its place and reason, never a trap, a
/// stack overflow or gigabytes of memory.
@Suite struct HostileWorkbookTests {
    /// A workbook that loads: one item, its income.
    static let good = """
        department: {name: 局, year: 2025}
        income: {general: 60}
        items:
          - {function: 2101501, economic: 30101, source: general, kind: personnel, amount: 60}

        """

    static func problems(_ body: () throws(WorkbookError) -> Budget) -> [Problem] {
        do {
            _ = try body()
            return []
        } catch {
            return error.problems
        }
    }

    static func yaml(_ text: String) -> [Problem] {
        problems { () throws(WorkbookError) in try Workbook.load(yaml: text, file: "w.yaml") }
    }

    @Test func theGoodWorkbookLoads() throws {
        #expect(Self.yaml(Self.good).isEmpty)
        _ = try Composer.compose(try Workbook.load(yaml: Self.good))
    }

    @Test func bytesFromStandardInputAreSniffedOrTakenAsTold() throws {
        let budget = try Workbook.load(yaml: Self.good)
        let xlsx = try Workbook.xlsx(budget)
        #expect(try Workbook.load(data: xlsx, file: "<stdin>", directory: nil) == budget)
        #expect(try Workbook.load(data: Data(Self.good.utf8), file: "<stdin>", directory: nil) == budget)
        let told = Self.problems { () throws(WorkbookError) in
            try Workbook.load(data: Data(Self.good.utf8), file: "<stdin>", directory: nil, format: .xlsx)
        }
        #expect(told.map(\.description) == ["<stdin>: (workbook): <stdin>: not an XLSX file (it cannot be opened as a ZIP archive)"])
    }

    // MARK: Amounts

    @Test func anIncomeTooLargeForAnyBudgetIsAProblemAtItsField() {
        let problems = Self.yaml(Self.good.replacingOccurrences(of: "general: 60", with: "general: 9000000000000"))
        #expect(problems.map(\.description) == [
            "w.yaml:2: income.general: 9000000000000.00 brings the budget's amounts to more than 1000000000000 万元 "
                + "in all, more than any budget holds (is it in 元 rather than 万元?)",
        ])
    }

    @Test func previousYearAmountsThatOverflowTogetherAreAProblem() {
        let text = Self.good + """
            previousYear:
              sources: {general: 9000000000000, generalTransfer: 9000000000000}
              items: {2101501: 9000000000000}

            """
        let problems = Self.yaml(text)
        #expect(problems.count == 1)
        #expect(problems.first?.field == "previousYear.sources.general")
        #expect(problems.first?.line == 6)
    }

    @Test func csvAmountsThatOverflowTheirSumAreAProblemAtTheirLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
            function,economic,source,kind,project,amount
            2101501,30101,general,personnel,,9000000000000
            2101501,30101,general,personnel,,9000000000000
            2101501,30101,general,personnel,,9223372036854.999999
            """.write(to: dir.appendingPathComponent("items.csv"), atomically: true, encoding: .utf8)
        let problems = Self.problems { () throws(WorkbookError) in
            try Workbook.load(yaml: "department: {name: 局, year: 2025}\nincome: {general: 1}\nitems: {csv: items.csv}\n",
                              file: "w.yaml", directory: dir)
        }
        #expect(problems.map { "\(($0.file as NSString).lastPathComponent):\($0.line ?? 0): \($0.field)" } == [
            "items.csv:4: items[2].amount",  // more than Amount holds: refused as it is read
        ])
        try """
            function,economic,source,kind,project,amount
            2101501,30101,general,personnel,,9000000000000
            2101501,30101,general,personnel,,9000000000000
            """.write(to: dir.appendingPathComponent("items.csv"), atomically: true, encoding: .utf8)
        let summed = Self.problems { () throws(WorkbookError) in
            try Workbook.load(yaml: "department: {name: 局, year: 2025}\nitems: {csv: items.csv}\n",
                              file: "w.yaml", directory: dir)
        }
        #expect(summed.map { "\(($0.file as NSString).lastPathComponent):\($0.line ?? 0): \($0.field)" } == [
            "items.csv:2: items[0].amount",
        ])
    }

    @Test func composingABudgetWhoseSumsOverflowIsRefusedNotTrapped() {
        let item = LineItem(function: "2101501", economic: "30101", source: .general, kind: .personnel,
                            amount: Amount(units: Int64.max / 2 + 1))
        let budget = Budget(department: BudgetDepartment(name: "局", year: 2025, unitType: "行政", region: nil),
                            income: IncomeSources([.general: Amount(units: Int64.max)]), items: [item, item])
        #expect(throws: Composer.Problems.self) { try Composer.compose(budget) }
        #expect(Composer.validate(budget).count == 1)
        #expect(Composer.validate(budget).first?.hasPrefix("income.general: ") == true)
    }

    // MARK: Nesting and aliases

    @Test func tenThousandBracketsAreRefusedBeforeParsing() {
        for text in [String(repeating: "[", count: 10_000), String(repeating: "{\"a\":", count: 10_000),
                     "department:\n" + String(repeating: "- ", count: 10_000) + "x\n"] {
            let problems = Self.yaml(text)
            #expect(problems.count == 1)
            #expect(problems.first?.reason.contains("nested more than 64 levels") == true)
        }
    }

    @Test func deeplyIndentedBlocksAreRefused() {
        let text = (0..<200).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " 1\n"
        let problems = Self.yaml(text)
        #expect(problems.map(\.line) == [65])
    }

    @Test func ordinaryNestingQuotesAndBlockTextAreNotMistakenForDepth() {
        let text = Self.good + """
            overview:
              functions: |
                [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
                      {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{
              offices: {names: ["[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", 'it''s [{'], word: "\\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["} # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[

            """
        #expect(NestingScan.firstLine(beyond: 64, in: text) == nil)
        #expect(NestingScan.firstLine(beyond: 2, in: "a: {b: [1]}\n")?.depth == 3)
    }

    @Test func billionLaughsAliasesAreRefused() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for n in 1...9 {
            text += "a\(n): &a\(n) [" + Array(repeating: "*a\(n - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let problems = Self.yaml(text)
        #expect(problems.count == 1)
        #expect(problems.first?.reason.contains("aliases (*name)") == true)
    }

    @Test func aFewAliasesAreFine() {
        let text = """
            department: &d {name: 局, year: 2025}
            income: {general: 60}
            items:
              - &item {function: 2101501, economic: 30101, source: general, kind: personnel, amount: 30}
              - *item

            """
        #expect(Self.yaml(text).isEmpty)
    }

    // MARK: Files the workbook names

    @Test func aCSVPathIsConfinedToTheWorkbooksFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-confined-\(UUID().uuidString)")
        let dir = root.appendingPathComponent("book")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "function,economic\nsecret,line\n".write(to: root.appendingPathComponent("outside.csv"), atomically: true,
                                                     encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("link.csv"),
                                                   withDestinationURL: root.appendingPathComponent("outside.csv"))
        for (path, reason) in [("../outside.csv", "leads out of the workbook's folder"),
                               ("/etc/passwd", "is not in the workbook's folder"),
                               ("link.csv", "is a symbolic link leading out of the workbook's folder")] {
            let problems = Self.problems { () throws(WorkbookError) in
                try Workbook.load(yaml: "department: {name: 局, year: 2025}\nitems: {csv: \(path)}\n", file: "w.yaml",
                                  directory: dir)
            }
            #expect(problems.count == 1)
            #expect(problems.first?.reason.contains(reason) == true, "\(path): \(problems)")
            #expect(problems.first?.reason.contains("secret") == false)
        }
    }

    // MARK: XLSX

    /// An XLSX file of one sheet, `支出明细 items`, whose worksheet XML is `sheet`.
    static func xlsx(sheet: String, strings: [String] = ["function"], sheetData: Data? = nil) throws -> Data {
        let parts: [(String, Data)] = [
            ("xl/workbook.xml", Data(#"<workbook xmlns:r="r"><sheets><sheet name="支出明细 items" r:id="rId1"/></sheets></workbook>"#.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)),
            ("xl/sharedStrings.xml", Data(("<sst>" + strings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>").utf8)),
            ("xl/worksheets/sheet1.xml", sheetData ?? Data(sheet.utf8)),
        ]
        let archive = try Archive(accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
                position, size in data.subdata(in: Int(position)..<min(Int(position) + size, data.count))
            }
        }
        return try #require(archive.data)
    }

    static func xlsxProblem(_ data: Data) -> String {
        let problems = Self.problems { () throws(WorkbookError) in try Workbook.load(xlsx: data, file: "w.xlsx") }
        return problems.map(\.reason).joined(separator: "\n")
    }

    static func sheet(_ cells: String) -> String { "<worksheet><sheetData>\(cells)</sheetData></worksheet>" }

    @Test func cellReferencesRowsAndStringIndicesOutOfRangeAreReported() throws {
        let cases: [(String, String)] = [
            (#"<row r="1"><c r="ZZZZZZZZZ1" t="s"><v>0</v></c></row>"#, "cell \"ZZZZZZZZZ1\": not a cell reference"),
            (#"<row r="1"><c r="A99999999999999999999999" t="s"><v>0</v></c></row>"#, "not a cell reference"),
            (#"<row r="9223372036854775807"><c t="s"><v>0</v></c></row>"#, "not a row number"),
            (#"<row r="1048576"><c t="s"><v>0</v></c></row><row><c t="s"><v>0</v></c></row>"#, "beyond a sheet's"),
            (#"<row r="1"><c r="A1" t="s"><v>-1</v></c></row>"#, "shared string \"-1\" does not exist (the file has 1)"),
            (#"<row r="1"><c r="A1" t="s"><v>99999999999999999999999</v></c></row>"#, "does not exist"),
            (#"<row r="1"><c r="XFD1" t="s"><v>0</v></c><c r="XFE1" t="s"><v>0</v></c></row>"#, "cell \"XFE1\""),
        ]
        for (cells, reason) in cases {
            let problem = Self.xlsxProblem(try Self.xlsx(sheet: Self.sheet(cells)))
            #expect(problem.contains("sheet 支出明细 items, "), "\(cells): \(problem)")
            #expect(problem.contains(reason), "\(cells): \(problem)")
        }
    }

    @Test func aHeaderAtTheLastColumnIsReadWithoutAllocatingTheWorld() throws {
        let cells = #"<row r="1"><c r="XFD1" t="s"><v>0</v></c></row>"#
        let problem = Self.xlsxProblem(try Self.xlsx(sheet: Self.sheet(cells)))
        #expect(problem.contains("the header has no column economic"))
    }

    @Test func malformedSheetXMLIsReportedNotIgnored() throws {
        let problem = Self.xlsxProblem(try Self.xlsx(sheet: "<worksheet><sheetData><row><c><v>1</c></row>"))
        #expect(problem.contains("its part xl/worksheets/sheet1.xml is not well-formed XML (line 1"), "\(problem)")
    }

    @Test func aPartInflatingBeyondItsBoundIsRefused() throws {
        let bomb = Data(repeating: UInt8(ascii: " "), count: WorkbookLimits.entrySize + 1)
        let data = try Self.xlsx(sheet: "", sheetData: bomb)
        #expect(data.count < 1 << 20, "a small file")
        let problem = Self.xlsxProblem(data)
        #expect(problem.contains("its part xl/worksheets/sheet1.xml inflates to 64 MB, more than the 64 MB"), "\(problem)")
    }

    @Test func aFieldPathOfManyPartsIsAProblemNotARecursion() throws {
        let path = Array(repeating: "a", count: 200_000).joined(separator: ".")
        let data = try XLSXFile.write([
            XLSXFile.SheetData(name: "部门 department", rows: [WorkbookSheets.fieldHeader, [.text(path), .text("x")]]),
        ])
        let problems = Self.problems { () throws(WorkbookError) in try Workbook.load(xlsx: data, file: "w.xlsx") }
        #expect(problems.contains { $0.cell == "A2" && $0.reason.contains("a field path of 200000 parts") })
    }

    @Test func charactersXMLCannotHoldAreDroppedFromAWrittenWorkbook() throws {
        let data = try XLSXFile.write([
            XLSXFile.SheetData(name: "部门 department", rows: [[.text("a\u{FFFE}b\u{0}c\u{B}d\u{FFFF}e\te")]]),
        ])
        let sheets = try XLSXFile.read(data)
        #expect(sheets.first?[1, 1] == "abcde\te")
    }
}
