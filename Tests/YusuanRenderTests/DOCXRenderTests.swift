import Foundation
import Testing
import YusuanModel
import YusuanRead
@testable import YusuanRender

/// A Word table read back from document.xml: the grid with merged cells expanded
/// (text at a merged cell's first column, nil in the columns it spans and the rows
/// it continues into), and how many rows repeat as the header.
struct ParsedWordTable {
    var rows: [[String?]] = []
    var headerRows = 0
    /// gridSpan and vMerge of each header cell, as `text:span:merge`.
    var headerCells: [[String]] = []
    /// The text of the paragraphs before the table (since the previous table).
    var before: [String] = []

    init(_ tbl: XMLNode, before: [String]) {
        self.before = before
        for tr in tbl.all("w:tr") {
            let isHeader = tr.first("w:trPr")?.first("w:tblHeader") != nil
            var row: [String?] = []
            var described: [String] = []
            for tc in tr.all("w:tc") {
                let properties = tc.first("w:tcPr")
                let span = Int(properties?.first("w:gridSpan")?.attributes["w:val"] ?? "1") ?? 1
                let merge = properties?.first("w:vMerge").map { $0.attributes["w:val"] ?? "continue" }
                let text = tc.allText("w:t")
                row.append(merge == "continue" || text.isEmpty ? nil : text)
                row += Array(repeating: nil, count: span - 1)
                described.append("\(text):\(span):\(merge ?? "")")
            }
            rows.append(row)
            if isHeader {
                headerRows += 1
                headerCells.append(described)
            }
        }
    }

    /// The lowest header label over each column: the bottom header row, or the
    /// label of a cell merged down into it.
    var leaves: [String?] {
        guard headerRows > 0 else { return [] }
        return (0..<(rows.first?.count ?? 0)).map { c in
            for r in stride(from: headerRows - 1, through: 0, by: -1) where rows[r][c] != nil { return rows[r][c] }
            return nil
        }
    }
}

/// Every table of a document.xml, in order, with the paragraphs that precede it.
func wordTables(_ documentXML: Data) throws -> (tables: [ParsedWordTable], root: XMLNode) {
    let root = try XMLNode.parse(documentXML)
    let body = try #require(root.first("w:body"))
    var tables: [ParsedWordTable] = []
    var paragraphs: [String] = []
    for node in body.children {
        if node.name == "w:p" {
            paragraphs.append(node.allText("w:t"))
        } else if node.name == "w:tbl" {
            tables.append(ParsedWordTable(node, before: paragraphs))
            paragraphs = []
        }
    }
    return (tables, root)
}

@Suite struct DOCXRenderTests {
    /// The example document, read from its text.
    static func example() throws -> Disclosure {
        try DisclosureReader.read(String(contentsOf: XMLCharacterTests.example, encoding: .utf8))
    }

    @Test(.enabled(if: RenderSeeds.available, "../shared/seeds is absent"), arguments: RenderSeeds.prefixes)
    func seedTablesComeBackExactlyFromTheDocument(_ prefix: String) throws {
        let d = try RenderSeeds.read(prefix)
        let parts = try unzip(try DOCXRenderer(numbersContents: false).render(d))
        for part in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels"] {
            #expect(parts[part] != nil, "\(part) is in the package")
        }
        let styles = try XMLNode.parse(try #require(parts["word/styles.xml"]))
        let styleIDs = Set(styles.all("w:style").compactMap { $0.attributes["w:styleId"] })
        #expect(styleIDs.isSuperset(of: ["Normal", "Heading1", "Heading2", "Heading3", "BudgetTable"]))

        let (tables, root) = try wordTables(try #require(parts["word/document.xml"]))
        // The standard tables come first, each after its 表 N and title.
        #expect(tables.count >= d.tables.count)
        for (table, word) in zip(d.tables, tables) {
            let n = table.kind.rawValue
            #expect(word.before.contains("表\(n)") && word.before.contains(table.title), "表\(n) has its caption")
            #expect(word.headerRows >= 1, "表\(n): the header repeats on every page")
            var body = Array(word.rows.dropFirst(word.headerRows))
            if let statement = table.emptyStatement?.value, table.rows.isEmpty {
                #expect(body.last?.first == statement, "表\(n): the 空表 statement")
                body.removeLast()
            }
            #expect(GridReader.records(body, leaves: word.leaves, table: table) == GridReader.expected(d, table), "表\(n)")
            if [2, 3, 5, 7].contains(n) {
                // 功能分类科目编码 spans 类 款 项; the name column merges down.
                #expect(word.headerCells[0].first == "功能分类科目编码:3:")
                #expect(word.headerCells[0].contains("功能分类科目名称:1:restart"))
                #expect(word.headerCells[1].prefix(3) == ["类:1:", "款:1:", "项:1:"])
                #expect(word.headerCells[1].contains(":1:continue"))
            }
        }
        // Headings for the four parts, and page breaks between parts and tables.
        let styled = root.descendants("w:p").filter { $0.descendants("w:pStyle").first?.attributes["w:val"] == "Heading1" }
        #expect(styled.map { $0.allText("w:t") } == Outline.partTitles(d))
        let breaks = root.descendants("w:br").filter { $0.attributes["w:type"] == "page" }.count
            + root.descendants("w:pPr").filter { $0.first("w:sectPr") != nil }.count
        #expect(breaks >= d.tables.count + 3)
        // The wide tables sit in landscape sections.
        #expect(root.descendants("w:pgSz").contains { $0.attributes["w:orient"] == "landscape" })

        // Every section carries the page-number footer.
        let sections = root.descendants("w:sectPr")
        #expect(!sections.isEmpty && sections.allSatisfy { $0.first("w:footerReference")?.attributes["r:id"] == DOCXParts.footerRelationship })
    }

    @Test func everyPageCarriesItsNumberInTheFooter() throws {
        let parts = try unzip(try DOCXRenderer(numbersContents: false).render(try Self.example()))
        let footer = try XMLNode.parse(try #require(parts["word/footer1.xml"]))
        let field = try #require(footer.descendants("w:fldSimple").first)
        #expect(field.attributes["w:instr"]?.trimmingCharacters(in: .whitespaces) == "PAGE")
        #expect(footer.descendants("w:jc").first?.attributes["w:val"] == "center")
        let relationships = String(decoding: try #require(parts["word/_rels/document.xml.rels"]), as: UTF8.self)
        #expect(relationships.contains(#"Id="\#(DOCXParts.footerRelationship)""#) && relationships.contains("footer1.xml"))
        let types = String(decoding: try #require(parts["[Content_Types].xml"]), as: UTF8.self)
        #expect(types.contains("/word/footer1.xml"))
    }

    @Test func theContentsIsAWordContentsField() throws {
        let d = try Self.example()
        let entries = Outline.contents(d)
        let parts = try unzip(try DOCXRenderer(numbersContents: false).render(d))
        let root = try XMLNode.parse(try #require(parts["word/document.xml"]))
        let instructions = root.descendants("w:instrText").map { $0.text }
        let tables = entries.filter { $0.level == 2 }
        #expect(instructions.count == 1 + entries.count + tables.count)
        // Word builds the field again from the parts' headings and the tables' TC fields.
        #expect(instructions.first == #" TOC \o "1-1" \f \h \z \u "#)
        #expect(instructions.filter { $0.hasPrefix(" TC ") } == tables.map { " TC \"\($0.text)\" \\l 2 " })
        // The TOC field opens before the first entry and closes after the last, each
        // entry's PAGEREF field inside it; a TC field has no result.
        let kinds = root.descendants("w:fldChar").compactMap { $0.attributes["w:fldCharType"] }
        #expect(kinds.prefix(2) == ["begin", "separate"] && kinds.count == 3 * (1 + entries.count) + 2 * tables.count)
        // Until the field is updated it holds the outline's entries, the tables one level down.
        let lines = root.descendants("w:p").filter { ($0.descendants("w:pStyle").first?.attributes["w:val"] ?? "").hasPrefix("TOC") && $0.descendants("w:pStyle").first?.attributes["w:val"] != "TOCHeading" }
        #expect(lines.map { $0.allText("w:t") } == entries.map(\.text), "no page numbers without LibreOffice")
        #expect(lines.contains { $0.descendants("w:pStyle").first?.attributes["w:val"] == "TOC2" && $0.allText("w:t").hasPrefix("表1 ") })
        // Each entry links to a bookmark on the heading it names, which its PAGEREF field numbers
        // (and a table's title paragraph holds its TC field).
        let headings = root.descendants("w:p").filter { ($0.descendants("w:pStyle").first?.attributes["w:val"] ?? "").hasPrefix("Heading") }
        for (line, entry) in zip(lines, entries) {
            let anchor = try #require(line.descendants("w:hyperlink").first?.attributes["w:anchor"])
            #expect(line.descendants("w:instrText").last?.text == " PAGEREF \(anchor) \\h ")
            let marked = headings.filter { $0.descendants("w:bookmarkStart").contains { $0.attributes["w:name"] == anchor } }
            #expect(marked.map { $0.allText("w:t") } == [entry.heading], "\(entry.text) points to its heading")
            if entry.level == 2 {
                #expect(marked.first?.descendants("w:instrText").first?.text == " TC \"\(entry.text)\" \\l 2 ")
            }
        }
        // 目录 itself is not a heading the field would list; the parts are.
        #expect(!headings.contains { $0.allText("w:t") == "目录" })
        let settings = String(decoding: try #require(parts["word/settings.xml"]), as: UTF8.self)
        #expect(settings.contains(#"<w:updateFields w:val="true"/>"#), "Word fills the contents on opening")
        // In the schema's order, which Word insists on.
        let order = ["w:defaultTabStop", "w:characterSpacingControl", "w:updateFields", "w:compat"]
            .compactMap { settings.range(of: "<\($0) ")?.lowerBound ?? settings.range(of: "<\($0)>")?.lowerBound }
        #expect(order.count == 4 && order == order.sorted())
        let styles = try XMLNode.parse(try #require(parts["word/styles.xml"]))
        let ids = Set(styles.all("w:style").compactMap { $0.attributes["w:styleId"] })
        #expect(ids.isSuperset(of: ["TOC1", "TOC2", "TOC3", "TOCHeading", "Footer"]))
    }

    @Test(.enabled(if: RenderSeeds.available, "../shared/seeds is absent"),
          .enabled(if: Tool.path("soffice") != nil, "soffice is absent: apt-get install libreoffice-writer"),
          .enabled(if: Tool.path("pdftotext") != nil, "pdftotext is absent: apt-get install poppler-utils"),
          arguments: LookTests.documents)
    func theContentsGivesThePageOfEveryEntryAsLibreOfficePrintsIt(_ name: String) throws {
        let d = try LookTests.document(name)
        let pdf = try LookTests.libreOffice(try DOCXRenderer().render(d), extension: "docx")
        try expectContentsNumbersWhereTheHeadingsPrint(pdf, d, "\(name) DOCX")
    }

    /// A bold amount wider than its column wraps after its fifth character (`970.6`
    /// over `2`); with Times New Roman missing, LibreOffice sets digits wider still.
    @Test(.enabled(if: RenderSeeds.available, "../shared/seeds is absent"),
          .enabled(if: Tool.path("soffice") != nil, "soffice is absent: apt-get install libreoffice-writer"),
          .enabled(if: Tool.path("pdftotext") != nil, "pdftotext is absent: apt-get install poppler-utils"),
          arguments: LookTests.documents)
    func everyAmountPrintsOnOneLine(_ name: String) throws {
        let d = try LookTests.document(name)
        let pdf = try LookTests.libreOffice(try DOCXRenderer(numbersContents: false).render(d), extension: "docx")
        // Each table's pages: from the one that prints its title (each table starts a
        // page) to the next table's, the last one's up to 第三部分, whose text states amounts too.
        let pages = try LookTests.pageLines(pdf).map { $0.joined(separator: "\n") }
        let squeezed = pages.map { $0.filter { !$0.isWhitespace } }
        var from = try #require(squeezed.firstIndex { $0.contains(Outline.contentsTitle) }) + 1
        var starts: [Int] = []
        for table in d.tables {
            let start = try #require(squeezed.indices.first { $0 >= from && squeezed[$0].contains(table.title.filter { !$0.isWhitespace }) }, "\(table.title) printed")
            starts.append(start)
            from = start + 1
        }
        let explanation = Outline.partTitles(d)[2].filter { !$0.isWhitespace }
        starts.append(try #require(squeezed.indices.first { $0 >= from && squeezed[$0].contains(explanation) }))
        for (i, table) in d.tables.enumerated() {
            let words = Set(pages[starts[i]..<max(starts[i + 1], starts[i] + 1)].flatMap { $0.split(whereSeparator: \.isWhitespace).map(String.init) })
            let amounts = PrintedTable(table, unit: d.unit).body.flatMap(\.cells).compactMap { cell -> String? in
                if case .amount? = cell { return cell?.published }
                return nil
            }
            let broken = Set(amounts.filter { !words.contains($0) })
            #expect(broken.isEmpty, "\(name) 表\(table.kind.rawValue): \(broken.sorted()) not printed whole")
        }
    }

    @Test func amountsPrintWithThousandsSeparators() throws {
        var d = try Self.example()
        // The example's amounts are all under a thousand: one is made larger.
        let column = try #require(d.tables[0].rows[0].cells.firstIndex { $0 != nil })
        d.tables[0].rows[0].cells[column] = Cell(try #require(Amount("1297.28")))
        let parts = try unzip(try DOCXRenderer(numbersContents: false).render(d))
        let (tables, _) = try wordTables(try #require(parts["word/document.xml"]))
        let cells = tables.prefix(d.tables.count).flatMap { $0.rows.flatMap { $0.compactMap { $0 } } }
        #expect(cells.contains("1,297.28"))
        let ungrouped = cells.filter { $0.wholeMatch(of: /-?[0-9]{4,}\.[0-9]+/) != nil }
        #expect(ungrouped.isEmpty, "no amount of four whole digits or more without separators: \(ungrouped)")
    }

    @Test(.enabled(if: RenderSeeds.available, "../shared/seeds is absent"),
          .enabled(if: Tool.path("soffice") != nil, "soffice is absent: apt-get install libreoffice-writer"))
    func libreOfficeOpensTheDocument() throws {
        let soffice = try #require(Tool.path("soffice"))
        let d = try RenderSeeds.read("000")
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let docx = directory.appendingPathComponent("budget.docx")
        try DOCXRenderer().render(d).write(to: docx)
        let profile = directory.appendingPathComponent("profile")
        let (status, _) = try Tool.run(soffice, [
            "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to", "pdf",
            "--outdir", directory.path, docx.path,
        ])
        #expect(status == 0)
        let pdf = try #require(FileManager.default.contents(atPath: directory.appendingPathComponent("budget.pdf").path),
                               "LibreOffice wrote a PDF")
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        #expect(pdf.count > 20_000, "the PDF has content: \(pdf.count) bytes")
        if let pdfinfo = Tool.path("pdfinfo") {
            let info = try Tool.run(pdfinfo, [directory.appendingPathComponent("budget.pdf").path]).output
            let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
                .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) } ?? 0
            #expect(pages >= d.tables.count, "a page or more for each table: \(pages) pages")
        }
        // LibreOffice takes the contents field for a real contents index over the headings.
        let (converted, _) = try Tool.run(soffice, [
            "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to", "odt",
            "--outdir", directory.path, docx.path,
        ])
        #expect(converted == 0)
        let odt = try unzip(try Data(contentsOf: directory.appendingPathComponent("budget.odt")))
        let content = String(decoding: try #require(odt["content.xml"]), as: UTF8.self)
        // The parts by their outline level, the tables by the marks their TC fields become.
        #expect(content.contains("<text:table-of-content ") && content.contains(#"<text:table-of-content-source text:outline-level="1""#))
        #expect(content.contains("<text:toc-mark text:string-value=\"表1 \(d.tables[0].title)\""))
        // Each page ends with its number, from the footer's PAGE field.
        if let pdftotext = Tool.path("pdftotext") {
            let file = directory.appendingPathComponent("budget.pdf").path
            for n in [1, 2, 5] {
                let text = try Tool.run(pdftotext, ["-layout", "-f", "\(n)", "-l", "\(n)", file, "-"]).output
                let last = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                    .last { !$0.isEmpty && $0 != "\u{0C}" }
                #expect(last == "\(n)", "page \(n) ends with its number: \(last ?? "nothing")")
            }
        }
    }
}
