import Foundation
import Testing
import YusuanModel
@testable import YusuanRender

/// The workbook as LibreOffice prints it: every text inside its cell's box.
///
/// A row too short for its wrapped text prints the text's lines over the next
/// row's, and a text too long for its column runs under the next column's text
/// (LibreOffice cuts it off there, but the words are still placed where they
/// run). Either way two words' boxes overlap on the page, which `pdftotext
/// -bbox-layout` shows: no two words of a printed page may overlap.
@Suite struct XLSXPrintTests {
    /// A word's box on its page, in points from the top left.
    struct Word: CustomStringConvertible {
        var xMin, yMin, xMax, yMax: Double
        var text: String
        var description: String { "\(text) (\(Int(xMin)),\(Int(yMin))–\(Int(xMax)),\(Int(yMax)))" }

        /// Whether the boxes overlap by more than a point across and down (glyph
        /// boxes of neighbouring words may touch).
        func overlaps(_ other: Word) -> Bool {
            min(xMax, other.xMax) - max(xMin, other.xMin) > 1 && min(yMax, other.yMax) - max(yMin, other.yMin) > 1
        }
    }

    /// The words of each page of a PDF, by `pdftotext -bbox-layout`.
    static func words(_ pdf: Data) throws -> [[Word]] {
        let pdftotext = try #require(Tool.path("pdftotext"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-bbox-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let xhtml = try Tool.run(pdftotext, ["-bbox-layout", file.path, "-"]).output
        // The document type names a DTD that the parser need not fetch.
        let body = xhtml.replacingOccurrences(of: #"<!DOCTYPE[^>]*>"#, with: "", options: .regularExpression)
        let root = try XMLNode.parse(Data(body.utf8))
        return root.descendants("page").map { page in
            page.descendants("word").compactMap { word in
                let a = word.attributes
                guard let x0 = a["xMin"].flatMap(Double.init), let y0 = a["yMin"].flatMap(Double.init),
                      let x1 = a["xMax"].flatMap(Double.init), let y1 = a["yMax"].flatMap(Double.init) else { return nil }
                return Word(xMin: x0, yMin: y0, xMax: x1, yMax: y1, text: word.text)
            }
        }
    }

    /// Every pair of overlapping words on a page.
    static func overlaps(_ words: [Word]) -> [(Word, Word)] {
        var found: [(Word, Word)] = []
        for i in words.indices {
            for j in words.indices where j > i && words[i].overlaps(words[j]) { found.append((words[i], words[j])) }
        }
        return found
    }

    @Test func overlappingWordsAreFoundAndNeighboursAreNot() {
        let name = Word(xMin: 58, yMin: 460, xMax: 283, yMax: 470, text: "一个比列宽更长的项目名称")
        let code = Word(xMin: 274, yMin: 460.5, xMax: 308, yMax: 470.5, text: "2101202")
        let next = Word(xMin: 284, yMin: 460, xMax: 300, yMax: 470, text: "项目")
        let below = Word(xMin: 58, yMin: 473.5, xMax: 200, yMax: 483.5, text: "下一行")
        #expect(Self.overlaps([name, code]).count == 1)
        #expect(Self.overlaps([name, next, below]).isEmpty)
    }

    /// Each performance-target table of the 绩效目标 sheet starts a printed page, as
    /// in the PDF and the DOCX, instead of running on from the one before.
    @Test(.enabled(if: RenderSeeds.available, "../shared/seeds is absent"),
          .enabled(if: Tool.path("soffice") != nil, "soffice is absent: apt-get install libreoffice-calc"),
          .enabled(if: Tool.path("pdftotext") != nil, "pdftotext is absent: apt-get install poppler-utils"),
          arguments: LookTests.documents)
    func eachPerformanceTableStartsAPage(_ name: String) throws {
        let d = try LookTests.document(name)
        let tables = (d.performance.department == nil ? 0 : 1) + d.performance.projects.count
        let pages = try LookTests.pageLines(try LookTests.libreOffice(try XLSXRenderer().render(d), extension: "xlsx"))
        let titles = ["部门整体绩效目标表", "项目支出绩效目标表"]
        let starts = pages.filter { $0.contains { titles.contains($0) } }
        #expect(starts.count == tables, "\(name): \(starts.count) pages with a performance table's title for \(tables) tables")
        for page in starts { #expect(titles.contains(page.first ?? ""), "\(name): a page begins \(page.first ?? "") before the title") }
    }

    @Test(.enabled(if: RenderSeeds.available, "../shared/seeds is absent"),
          .enabled(if: Tool.path("soffice") != nil, "soffice is absent: apt-get install libreoffice-calc"),
          .enabled(if: Tool.path("pdftotext") != nil, "pdftotext is absent: apt-get install poppler-utils"),
          arguments: LookTests.documents)
    func noTextIsDrawnOutsideItsCell(_ name: String) throws {
        let d = try LookTests.document(name)
        let pdf = try LookTests.libreOffice(try XLSXRenderer().render(d), extension: "xlsx")
        let pages = try Self.words(pdf)
        #expect(pages.count > d.tables.count, "\(name): every sheet printed")
        for (i, words) in pages.enumerated() {
            #expect(!words.isEmpty, "\(name) page \(i + 1) prints words")
            // A number too wide for its column prints as ###.
            #expect(!words.contains { $0.text.contains("###") }, "\(name) XLSX page \(i + 1): a number too wide for its column")
            let overlapping = Self.overlaps(words)
            #expect(overlapping.isEmpty, "\(name) XLSX page \(i + 1): \(overlapping.count) words over others, first \(overlapping.first.map { "\($0.0) and \($0.1)" } ?? "")")
        }
    }
}
