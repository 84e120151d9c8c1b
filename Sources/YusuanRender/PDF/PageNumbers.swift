import Foundation
import YusuanModel

/// 页码 — page numbers stamped in the footer of a printed PDF: the plain number,
/// centred (`3`), which is what readers of published PDFs, Yusuan's among them,
/// know to leave out of the text and the tables.
///
/// Headless Chromium prints neither CSS page-margin boxes (`@bottom-center`) nor
/// a footer of its own without its date, title and file address, so the numbers
/// are laid over the printed pages the way `PDFAnnotation` lays its boxes: an
/// HTML page with one transparent page per printed page, each its size and
/// holding only its number centred in the bottom margin, printed by Chromium and
/// put over the pages with `qpdf --overlay`. Without qpdf or pdfinfo the PDF is
/// returned unnumbered.
enum PageNumbers {
    /// The footer text of page `n` of `count` (the count is not printed).
    static func text(_ n: Int, of count: Int) -> String { "\(n)" }

    /// How far the number's baseline box sits above the page's bottom edge, in
    /// points: in the middle of the bottom margin of `HTMLStyle` (16 mm portrait,
    /// 12 mm landscape).
    static func bottom(_ page: SourceDocument.Page) -> Double { page.width > page.height ? 10 : 16 }

    /// The overlay page: each page's number, centred at its foot.
    static func overlayHTML(pages: [SourceDocument.Page]) -> String {
        let css = """
            .number { position: absolute; left: 0; right: 0; text-align: center;
              font: 9pt/11pt "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; color: #000 }

            """
        return PDFAnnotation.overlayPages(pages, css: css) { index, page in
            "<div class=\"number\" style=\"bottom:\(String(format: "%.2fpt", bottom(page)))\">"
                + escape(text(index + 1, of: pages.count)) + "</div>"
        }
    }

    /// The PDF with every page numbered; unchanged where qpdf or pdfinfo is missing.
    static func stamp(_ pdf: Data, timeout: TimeInterval) throws -> Data {
        guard (try? PDFTools.Tool.qpdf.executable()) != nil, (try? PDFTools.Tool.pdfinfo.executable()) != nil else {
            return pdf
        }
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("yusuan-numbers-\(UUID().uuidString)")
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        let original = work.appendingPathComponent("pages.pdf").path
        let overlay = work.appendingPathComponent("numbers.pdf").path
        let numbered = work.appendingPathComponent("numbered.pdf").path
        try pdf.write(to: URL(fileURLWithPath: original))

        let pages = try PDFTools.pages(of: original).map { SourceDocument.Page(width: $0.width, height: $0.height) }
        try PDFAnnotation.printPDF(overlayHTML(pages: pages), to: overlay, timeout: timeout)
        try PDFAnnotation.check(overlay: overlay, against: pages)
        // qpdf exits with 3 when it succeeded with warnings.
        try PDFTools.run(.qpdf, [original, "--overlay", overlay, "--", numbered], accepting: [0, 3])
        guard let data = fm.contents(atPath: numbered), data.starts(with: Array("%PDF".utf8)) else {
            throw RenderError(message: "qpdf wrote no numbered PDF")
        }
        return data
    }
}
