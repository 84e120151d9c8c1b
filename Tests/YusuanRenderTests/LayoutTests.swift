import Foundation
import Testing
import YusuanModel
@testable import YusuanRender

/// The page as an officer publishes it: the cover, the contents and the column
/// widths, the same in HTML and DOCX.
@Suite struct LayoutTests {
    static func example() throws -> Disclosure { try DOCXRenderTests.example() }

    @Test func tableSevenGivesTheNamesRoomAndEmptyColumnsLittle() throws {
        let d = try Self.example()
        let t7 = PrintedTable(try #require(d.table(.projects)), unit: d.unit)
        let widths = t7.columnWidths(fitting: 98)
        #expect(abs(widths.reduce(0, +) - 98) < 0.001, "the table fills the printed width")
        let names = t7.columnKinds.indices.filter { t7.columnKinds[$0] == .label }
        let amounts = t7.columnKinds.indices.filter { t7.columnKinds[$0] == .amount }
        let filled = amounts.filter { c in t7.body.contains { $0.cells[c] != nil } }
        let empty = amounts.filter { !filled.contains($0) }
        #expect(!names.isEmpty && !filled.isEmpty && !empty.isEmpty)
        for n in names { for a in amounts { #expect(widths[n] > widths[a] * 2, "name column \(n) against amount column \(a)") } }
        for e in empty { for f in filled { #expect(widths[e] < widths[f], "empty column \(e) narrower than \(f)") } }
        // Each amount fits its column (9 pt text: an em is 9 pt).
        for c in filled {
            let widest = t7.body.compactMap { $0.cells[c]?.published }.map(PrintedTable.ems).max() ?? 0
            #expect(widths[c] >= widest + PrintedTable.padding)
        }
    }

    @Test func anEmptyTableKeepsItsNameHeaderOnOneLine() throws {
        let d = try Self.example()
        let empty = try #require(d.tables.first { $0.rows.isEmpty && $0.kind != .threePublicCosts })
        let t = PrintedTable(empty, unit: d.unit)
        let widths = t.columnWidths(fitting: t.isWide ? 98 : 57)
        let name = try #require(t.header.first { $0.text.hasSuffix("名称") && $0.colSpan == 1 })
        #expect(widths[name.column] >= PrintedTable.ems(name.text) + PrintedTable.padding, "\(name.text) on one line")
    }

    @Test func theCodeHeaderKeepsToOneLine() throws {
        let d = try Self.example()
        for kind in [StandardTable.income, .expenditure, .generalPublic, .projects] {
            let t = PrintedTable(try #require(d.table(kind)), unit: d.unit)
            let header = try #require(t.header.first { $0.text == "功能分类科目编码" })
            for available in [t.isWide ? 98.0 : 57.0] {
                let widths = t.columnWidths(fitting: available)
                let span = widths[header.column..<header.column + header.colSpan].reduce(0, +)
                #expect(span >= PrintedTable.ems(header.text) + PrintedTable.padding, "表\(kind.rawValue) at \(available) ems")
            }
            // In DOCX too, in twentieths of a point at the table's text size.
            let size = t.width > 9 ? 15 : 18
            let twips = DOCXRenderer().columnWidths(t, total: DOCXParts.portraitWidth, size: size)
            let span = twips[header.column..<header.column + header.colSpan].reduce(0, +)
            // (Each column rounded down to a whole twip.)
            #expect(Double(span + header.colSpan) >= (PrintedTable.ems(header.text) + PrintedTable.padding) * Double(size * 10))
            #expect(twips.reduce(0, +) == DOCXParts.portraitWidth)
        }
    }

    @Test func aNumberedSubheadingIsAHeadingOutOfTheContents() throws {
        #expect(Paragraphs.isSubheading("（二）某某情况"))
        #expect(Paragraphs.isSubheading("3、其他事项"))
        #expect(!Paragraphs.isSubheading("（一）项目名称：某某项目"), "a labelled field")
        #expect(!Paragraphs.isSubheading("1、某某支出 3.00 万元。"), "a sentence")
        #expect(!Paragraphs.isSubheading("某某情况"), "not numbered")
        #expect(!Paragraphs.isSubheading("（二）" + String(repeating: "某", count: 30)), "too long to head anything")
        var d = try Self.example()
        d.sections[0].lines = [Located("（一）某某情况"), Located("某某 1.00 万元。")]
        let blocks = Outline.blocks(d)
        #expect(blocks.contains(.heading(level: 4, text: "（一）某某情况")) && blocks.contains(.paragraph("某某 1.00 万元。")))
        // Kept with the next paragraph, in HTML and DOCX; and left out of Word's contents (levels 1–3).
        #expect(HTMLRenderer().page(d).contains("<h4 class=\"sub\">（一）某某情况</h4>"))
        let parts = try unzip(try DOCXRenderer(numbersContents: false).render(d))
        let document = String(decoding: try #require(parts["word/document.xml"]), as: UTF8.self)
        #expect(document.contains("<w:pStyle w:val=\"Heading4\"/></w:pPr><w:r><w:t xml:space=\"preserve\">（一）某某情况</w:t>"))
        let styles = try XMLNode.parse(try #require(parts["word/styles.xml"]))
        // No paragraph leaves a single line alone at the foot or the head of a page.
        #expect(styles.first("w:docDefaults")?.first("w:pPrDefault")?.first("w:pPr")?.first("w:widowControl") != nil)
        let heading4 = try #require(styles.all("w:style").first { $0.attributes["w:styleId"] == "Heading4" })
        #expect(!heading4.descendants("w:keepNext").isEmpty)
        #expect(heading4.descendants("w:outlineLvl").first?.attributes["w:val"] == "3")
    }

    /// Lines of one level are set alike: 表1's 4.财政专户核拨, without 其中 lines,
    /// as bold as 3. and 5. beside it; 表10's three costs alike, their 其中 plain.
    @Test func linesOfOneLevelAreSetAlike() throws {
        let d = try Self.example()
        for table in d.tables {
            let printed = PrintedTable(table, unit: d.unit)
            var weights: [RowKey?: Set<Bool>] = [:]
            for line in printed.body {
                // The row a line's first amount belongs to (the income side of 表1 and 表4).
                guard let key = line.keys.compactMap({ $0 }).first?.row,
                      let row = table.rows.first(where: { $0.key == key }), row.role == .line else { continue }
                weights[key.parent, default: []].insert(line.isBold(0))
            }
            for (parent, set) in weights {
                #expect(set.count == 1, "表\(table.kind.rawValue): the lines under \(parent?.rawValue ?? "the top") set alike")
            }
        }
        let t1 = PrintedTable(try #require(d.table(.overall)), unit: d.unit)
        let specialAccount = try #require(t1.body.first { $0.cells[0]?.printed.hasSuffix("财政专户核拨") == true })
        #expect(specialAccount.isBold(0))
    }

    @Test func theCoverCentresDepartmentNameAndDate() throws {
        let d = try Self.example()
        let date = try #require(d.signature?.date)
        #expect(date == "2025-02-10" && Outline.coverDate(date) == "2025年2月10日")
        #expect(Outline.coverDate("二〇二五年二月") == "二〇二五年二月")
        let html = HTMLRenderer().page(d)
        #expect(html.contains("<header class=\"cover\"><p class=\"department\">\(d.department)</p><h1 class=\"title\">2025 年部门预算公开</h1><p class=\"date\">2025年2月10日</p></header>"))
        #expect(html.contains(".cover p { text-indent: 0; text-align: center; }"))

        let parts = try unzip(try DOCXRenderer(numbersContents: false).render(d))
        let document = String(decoding: try #require(parts["word/document.xml"]), as: UTF8.self)
        #expect(document.contains("<w:pStyle w:val=\"CoverDepartment\"/></w:pPr><w:r><w:t xml:space=\"preserve\">\(d.department)</w:t>"))
        #expect(document.contains("<w:pStyle w:val=\"CoverDate\"/></w:pPr><w:r><w:t xml:space=\"preserve\">2025年2月10日</w:t>"))
        // The 落款 at the end gives the date the same way.
        let signed = document.contains("<w:pStyle w:val=\"Signature\"/></w:pPr><w:r><w:t xml:space=\"preserve\">2025年2月10日</w:t>")
        #expect(signed, "the 落款 is dated 2025年2月10日")
        let isoDate = document.contains(date) || html.contains(date)
        #expect(!isoDate, "the date as the model keeps it is not printed")
        // Centred, and without the body's two-character indent, which would push them off centre.
        let styles = try XMLNode.parse(try #require(parts["word/styles.xml"]))
        for id in ["CoverDepartment", "Title", "CoverDate"] {
            let style = try #require(styles.all("w:style").first { $0.attributes["w:styleId"] == id })
            #expect(style.descendants("w:jc").first?.attributes["w:val"] == "center", "\(id) centred")
            #expect(style.descendants("w:ind").first?.attributes["w:firstLineChars"] == "0", "\(id) not indented")
        }
    }

    @Test(.enabled(if: Chromium.executable() != nil, "chromium is absent: apt-get install chromium fonts-noto-cjk"),
          .enabled(if: Tool.path("pdftotext") != nil, "pdftotext is absent: apt-get install poppler-utils"))
    func theContentsGivesThePageOfEveryEntry() throws {
        let d = try Self.example()
        let pdf = try PDFRenderer().render(d)
        try expectContentsNumbersWhereTheHeadingsPrint(pdf, d, "example PDF")
        // Keep the pages for a person to look at.
        try keep(pdf, as: "example-contents")
    }
}

/// Each line of the printed contents ends in a page number, and that page is the
/// first, from the page of the entry before, that prints the entry's heading.
func expectContentsNumbersWhereTheHeadingsPrint(_ pdf: Data, _ d: Disclosure, _ name: String) throws {
    let pages = try #require(try ContentsPages.pageTexts(of: pdf))
    let squeeze = { (s: String) in s.filter { !$0.isWhitespace } }
    let contentsPage = try #require(pages.firstIndex { $0.contains(Outline.contentsTitle) })
    // The contents page as laid out, each entry on one line with its number.
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-contents-test-\(UUID().uuidString).pdf")
    try pdf.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let layout = try Tool.run(try #require(Tool.path("pdftotext")),
                              ["-layout", "-f", "\(contentsPage + 1)", "-l", "\(contentsPage + 1)", file.path, "-"]).output
    let lines = layout.split(separator: "\n").map(String.init)
    var previous = contentsPage + 2
    for entry in Outline.contents(d) {
        // The entry's line ends in a page number, and that page prints the entry's heading.
        let line = try #require(lines.first { squeeze($0).hasPrefix(squeeze(entry.text)) }, "\(name): \(entry.text) is listed")
        let number = try #require(Int(String(squeeze(line).reversed().prefix { $0.isNumber }.reversed())),
                                  "\(name): \(line) ends in a page number")
        #expect(number >= previous && number <= pages.count, "\(name): \(entry.text) on page \(number)")
        guard number >= previous && number <= pages.count else { continue }
        // (The pages' texts are kept out of the expectations, which would print them whole.)
        let prints = squeeze(pages[number - 1]).contains(squeeze(entry.heading))
        #expect(prints, "\(name): page \(number) prints \(entry.heading)")
        // And no earlier page since the entry before does.
        let earlier = (previous..<number).filter { squeeze(pages[$0 - 1]).contains(squeeze(entry.heading)) }
        #expect(earlier.isEmpty, "\(name): \(entry.text) is first on page \(earlier.first ?? 0), not \(number)")
        previous = number
    }
}

/// Writes a PDF and its pages as PNGs under `.build/look/NAME` for a person to look at.
func keep(_ pdf: Data, as name: String) throws {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/look/\(name)")
    try? FileManager.default.removeItem(at: directory)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let file = directory.appendingPathComponent("\(name).pdf")
    try pdf.write(to: file)
    if let pdftoppm = Tool.path("pdftoppm") {
        try Tool.run(pdftoppm, ["-png", "-r", "60", file.path, directory.appendingPathComponent("page").path])
    }
}

/// A wide table over several pages: its header is printed whole again on each.
@Suite struct LongTableTests {
    /// The example with table 7 grown to sixty projects under its last 项.
    static func longTableSeven() throws -> Disclosure {
        var d = try LayoutTests.example()
        let index = try #require(d.tables.firstIndex { $0.kind == .projects })
        let last = try #require(d.tables[index].rows.last)
        for n in 1...60 {
            var row = last
            row.project = "\(last.project ?? last.name)\(n)"
            row.key = RowKey(rawValue: last.key.rawValue + "\(n)")
            d.tables[index].rows.append(row)
        }
        return d
    }

    @Test(.enabled(if: Tool.path("soffice") != nil, "soffice is absent: apt-get install libreoffice-writer"),
          .enabled(if: Tool.path("pdftotext") != nil, "pdftotext is absent: apt-get install poppler-utils"))
    func theDOCXRepeatsTheWholeHeaderOnEveryPage() throws {
        let d = try Self.longTableSeven()
        let t7 = PrintedTable(try #require(d.table(.projects)), unit: d.unit)
        let pdf = try LookTests.libreOffice(try DOCXRenderer().render(d), extension: "docx")
        try keep(pdf, as: "long-table-docx")
        let pages = try LookTests.pageLines(pdf).map { $0.joined().filter { !$0.isWhitespace } }
        let tablePages = pages.indices.filter { pages[$0].contains(t7.body.last?.cells[4]?.printed ?? "?") || pages[$0].contains(t7.title) }
        let continued = tablePages.filter { !pages[$0].contains(t7.title) }
        #expect(!continued.isEmpty, "table 7 runs over more than one page")
        // Every character of every header label is printed on each continuation page
        // (wrapped labels come out of pdftotext interleaved, so characters are counted).
        func counts(_ text: String) -> [Character: Int] { text.reduce(into: [:]) { $0[$1, default: 0] += 1 } }
        let header = counts(t7.header.map(\.text).joined().filter { !$0.isWhitespace })
        for page in continued {
            let printed = counts(pages[page])
            let missing = header.filter { printed[$0.key, default: 0] < $0.value }.map(\.key)
            #expect(missing.isEmpty, "page \(page + 1) lacks \(String(missing)) of the header")
        }
    }
}
