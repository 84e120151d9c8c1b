import Foundation
import YusuanModel

/// PDF — the HTML page printed to PDF by headless Chromium.
///
/// The page sets its own A4 paper, landscape pages and repeated table headers, so
/// Chromium only has to print it; the contents' page numbers are found in a first
/// print (`ContentsPages`) and the page printed again with them, and the page
/// numbers are stamped in the footer afterwards (`PageNumbers`, with qpdf). Chinese text needs a CJK font on the machine
/// (Debian: `fonts-noto-cjk`). Where Chromium is not installed, rendering fails
/// with a message that says what to install.
public struct PDFRenderer: Renderer {
    /// How long Chromium may take before it is stopped.
    public var timeout: TimeInterval

    public init(timeout: TimeInterval = 180) { self.timeout = timeout }
    public var name: String { "pdf" }
    public var fileExtension: String { "pdf" }
    public var isBinary: Bool { true }

    public func render(_ disclosure: Disclosure) throws -> Data {
        let html = HTMLRenderer()
        let entries = Outline.contents(disclosure)
        var pdf = try print(html: html.page(disclosure))
        // The contents' page numbers, from where the headings were printed; printed
        // again until they point where they print (the first time, as a rule).
        var pages = try ContentsPages.pageTexts(of: pdf).flatMap { ContentsPages.find(entries, in: $0) }
        for _ in 0..<2 {
            guard let numbers = pages else { break }
            pdf = try print(html: html.page(disclosure, contentsPages: numbers))
            let again = try ContentsPages.pageTexts(of: pdf).flatMap { ContentsPages.find(entries, in: $0) }
            if again == numbers { break }
            pages = again
        }
        return try PageNumbers.stamp(pdf, timeout: timeout)
    }

    /// Prints an HTML page to PDF.
    public func print(html: String) throws -> Data {
        guard let chromium = Chromium.executable() else { throw Chromium.missing }
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("yusuan-pdf-\(UUID().uuidString)")
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        let page = work.appendingPathComponent("page.html")
        let output = work.appendingPathComponent("page.pdf")
        try Data(html.utf8).write(to: page)

        let log = try Chromium.run(chromium, arguments: [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--user-data-dir=\(work.appendingPathComponent("profile").path)",
            "--no-pdf-header-footer", "--print-to-pdf-no-header",
            "--print-to-pdf=\(output.path)",
            page.absoluteString,
        ], in: work, timeout: timeout)
        guard let pdf = fm.contents(atPath: output.path), pdf.starts(with: Array("%PDF".utf8)) else {
            let detail = log.split(separator: "\n").suffix(5).joined(separator: "\n")
            throw RenderError(message: "Chromium (\(chromium)) wrote no PDF" + (detail.isEmpty ? "" : ":\n" + detail))
        }
        return pdf
    }
}
