import Foundation

/// 目录页码 — the page each contents entry points to, found in the text of the
/// printed pages.
///
/// Chromium cannot number the contents while it lays the page out, so the PDF is
/// printed once without the numbers, the headings are looked for in its text
/// (`pdftotext`), and the page is printed again with them; the numbers take no
/// line of their own, so the pages stay where they were (`PDFRenderer` checks).
enum ContentsPages {
    /// The page (from 1) of each entry: the first page after the contents, and not
    /// before the previous entry's, whose text holds the entry's heading (spaces
    /// ignored). Nil where some heading is not found.
    static func find(_ entries: [ContentsEntry], in pages: [String]) -> [Int]? {
        let texts = pages.map(squeezed)
        guard let contents = texts.firstIndex(where: { $0.contains(Outline.contentsTitle) }) else { return nil }
        var found: [Int] = []
        var from = contents + 1
        for entry in entries {
            let heading = squeezed(entry.heading)
            guard let page = texts.indices.first(where: { $0 >= from && texts[$0].contains(heading) }) else { return nil }
            found.append(page + 1)
            from = page
        }
        return found
    }

    /// The text of each page of a PDF, by `pdftotext`; nil where it is not installed.
    static func pageTexts(of pdf: Data) throws -> [String]? {
        guard (try? PDFTools.Tool.pdftotext.executable()) != nil else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-contents-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let text = String(decoding: try PDFTools.run(.pdftotext, ["-enc", "UTF-8", file.path, "-"]), as: UTF8.self)
        // pdftotext ends each page with a form feed.
        var pages = text.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    private static func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init))
    }
}
