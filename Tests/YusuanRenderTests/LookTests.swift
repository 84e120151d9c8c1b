import Foundation
import Testing
import YusuanModel
@testable import YusuanRender

/// Looking is part of the test: each seed and the example printed to PDF by
/// Chromium, and its DOCX and XLSX printed to PDF by LibreOffice, every page
/// rasterised under `.build/look/NAME-FORMAT/` for a person to look at, and what
/// can be checked mechanically checked: every page carries its number.
@Suite struct LookTests {
    static let documents = RenderSeeds.prefixes + ["example"]

    static func document(_ name: String) throws -> Disclosure {
        name == "example" ? try DOCXRenderTests.example() : try RenderSeeds.read(name)
    }

    /// A DOCX or XLSX printed to PDF by LibreOffice.
    static func libreOffice(_ data: Data, extension ext: String) throws -> Data {
        let soffice = try #require(Tool.path("soffice"))
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("document.\(ext)")
        try data.write(to: file)
        let (status, _) = try Tool.run(soffice, [
            "-env:UserInstallation=\(directory.appendingPathComponent("profile").absoluteString)", "--headless",
            "--convert-to", "pdf", "--outdir", directory.path, file.path,
        ])
        #expect(status == 0)
        return try Data(contentsOf: directory.appendingPathComponent("document.pdf"))
    }

    /// The lines of each page as laid out (`pdftotext -layout`), blank lines dropped.
    static func pageLines(_ pdf: Data) throws -> [[String]] {
        let pdftotext = try #require(Tool.path("pdftotext"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-look-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let text = try Tool.run(pdftotext, ["-layout", file.path, "-"]).output
        var pages = text.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages.map { page in
            page.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    @Test(.enabled(if: RenderSeeds.available, "../shared/seeds is absent"),
          .enabled(if: Chromium.executable() != nil, "chromium is absent: apt-get install chromium fonts-noto-cjk"),
          .enabled(if: Tool.path("soffice") != nil, "soffice is absent: apt-get install libreoffice-writer libreoffice-calc"),
          .enabled(if: Tool.path("pdftotext") != nil && Tool.path("pdftoppm") != nil && Tool.path("qpdf") != nil,
                   "poppler or qpdf is absent: apt-get install poppler-utils qpdf"),
          arguments: documents)
    func everyFormatPrintsWithItsPageNumbers(_ name: String) throws {
        let d = try Self.document(name)

        // PDF: each page's number, alone on its last line.
        let pdf = try PDFRenderer().render(d)
        try keep(pdf, as: "\(name)-pdf")
        for (i, lines) in try Self.pageLines(pdf).enumerated() {
            #expect(lines.last == "\(i + 1)", "\(name) PDF page \(i + 1) ends with its number: \(lines.last ?? "nothing")")
        }

        // No page ends with a heading: headings are kept with what follows.
        let headings = Set(Outline.blocks(d).compactMap { block -> String? in
            if case .heading(let level, let text) = block, level >= 2 { return text.filter { !$0.isWhitespace } }
            return nil
        })
        func endsWithHeading(_ lines: [String]) -> String? {
            guard lines.count >= 2 else { return nil }
            let last = lines[lines.count - 2].filter { !$0.isWhitespace }
            return headings.contains(last) ? last : nil
        }
        for (i, lines) in try Self.pageLines(pdf).enumerated() {
            #expect(endsWithHeading(lines) == nil, "\(name) PDF page \(i + 1) ends with a heading")
        }

        // DOCX through LibreOffice: the footer's PAGE field, and the charts drawn.
        let docx = try Self.libreOffice(try DOCXRenderer().render(d), extension: "docx")
        try keep(docx, as: "\(name)-docx")
        let docxPages = try Self.pageLines(docx)
        #expect(docxPages.count > d.tables.count)
        for (i, lines) in docxPages.enumerated() {
            #expect(lines.last == "\(i + 1)", "\(name) DOCX page \(i + 1) ends with its number: \(lines.last ?? "nothing")")
        }
        for (i, lines) in docxPages.enumerated() {
            #expect(endsWithHeading(lines) == nil, "\(name) DOCX page \(i + 1) ends with a heading")
        }
        let docxText = docxPages.joined().joined().filter { !$0.isWhitespace }
        for chart in Charts.charts(d) { #expect(docxText.contains(chart.caption.filter { !$0.isWhitespace })) }

        // XLSX through LibreOffice: `N / M` in every printed page's footer.
        let xlsx = try Self.libreOffice(try XLSXRenderer().render(d), extension: "xlsx")
        try keep(xlsx, as: "\(name)-xlsx")
        let xlsxPages = try Self.pageLines(xlsx)
        for (i, lines) in xlsxPages.enumerated() {
            #expect(lines.last == "\(i + 1) / \(xlsxPages.count)", "\(name) XLSX page \(i + 1): \(lines.last ?? "nothing")")
        }
    }
}
