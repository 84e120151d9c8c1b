import Foundation
import YusuanModel

/// 批注 — a published PDF with numbered red boxes drawn over it and pages appended.
///
/// The original pages are not rewritten: the boxes are drawn on separate overlay
/// pages (an HTML page per PDF page, printed by headless Chromium with no
/// background, so transparent), `qpdf --overlay` lays them over the originals, and
/// the appended pages (also HTML, printed by Chromium) are added after the last
/// page. Coordinates are PDF points from the page's top-left corner, as
/// `SourceDocument` gives them.
///
/// ```swift
/// try PDFAnnotation.write(pdf: "in.pdf", pages: source.pages,
///                         marks: [.init(page: 11, box: box, label: "3")],
///                         appendix: listHTML, to: "annotated.pdf")
/// ```
public enum PDFAnnotation {
    /// One box to draw, with the text printed beside it (a finding's number).
    public struct Mark: Sendable, Hashable {
        /// 1-based page.
        public var page: Int
        public var box: Box
        public var label: String

        public init(page: Int, box: Box, label: String) {
            self.page = page
            self.box = box
            self.label = label
        }
    }

    /// How far the drawn box stands off the marked text, in points.
    static let padding = 2.0
    /// How far an overlay page may differ from its original, in points (Chromium
    /// rounds page sizes to its pixel grid).
    static let tolerance = 1.0

    /// Writes `pdf` with `marks` drawn over its pages and `appendix` (a whole HTML
    /// page, printed by Chromium) after them, to `output`: first to a temporary
    /// file in the same folder, then renamed into place.
    public static func write(pdf: String, pages: [SourceDocument.Page], marks: [Mark], appendix: String?,
                             to output: String, timeout: TimeInterval = 180) throws(RenderError) {
        // Every tool is looked for before any work, so a missing one is reported first.
        _ = try PDFTools.chromium()
        _ = try PDFTools.Tool.qpdf.executable()
        _ = try PDFTools.Tool.pdfinfo.executable()
        guard !pages.isEmpty else { throw RenderError(message: "\(pdf) has no pages") }
        let originals = try PDFTools.pages(of: pdf)
        guard originals.count == pages.count else {
            throw RenderError(message: "pdfinfo counts \(originals.count) pages where \(pages.count) were read")
        }
        // The overlay is drawn upright; qpdf would lay it on a turned page unturned.
        if let turned = originals.firstIndex(where: { $0.rotation % 360 != 0 }) {
            throw RenderError(message: "page \(turned + 1) is turned by /Rotate \(originals[turned].rotation); "
                + "annotating turned pages is not supported")
        }

        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("yusuan-annotate-\(UUID().uuidString)")
        do {
            try fm.createDirectory(at: work, withIntermediateDirectories: true)
        } catch {
            throw RenderError(message: "cannot make a temporary folder: \(error.localizedDescription)")
        }
        defer { try? fm.removeItem(at: work) }
        let overlay = work.appendingPathComponent("overlay.pdf").path
        let overlaid = work.appendingPathComponent("overlaid.pdf").path
        let list = work.appendingPathComponent("list.pdf").path
        let joined = work.appendingPathComponent("annotated.pdf").path

        try printPDF(overlayHTML(pages: pages, marks: marks), to: overlay, timeout: timeout)
        try check(overlay: overlay, against: pages)
        // qpdf exits with 3 when it succeeded with warnings (a slightly damaged original).
        try PDFTools.run(.qpdf, [pdf, "--overlay", overlay, "--", overlaid], accepting: [0, 3])
        if let appendix {
            try printPDF(appendix, to: list, timeout: timeout)
            try PDFTools.run(.qpdf, [overlaid, "--pages", ".", list, "--", joined], accepting: [0, 3])
        } else {
            try PDFTools.run(.qpdf, [overlaid, joined], accepting: [0, 3])
        }
        try place(joined, at: output)
    }

    /// The overlay: one page per original page, each exactly its size, with each
    /// mark as a red box padded by two points and its label at its top-left corner.
    /// Marks on the same box share it, their labels joined by commas.
    public static func overlayHTML(pages: [SourceDocument.Page], marks: [Mark]) -> String {
        func pt(_ value: Double) -> String { String(format: "%.2fpt", value) }
        let css = """
            .mark { position: absolute; box-sizing: border-box; border: 1.5pt solid red }
            .label { position: absolute; right: 100%; bottom: 100%; padding: 0 2pt; border-radius: 2pt;
              background: red; color: white; font: bold 8pt/9pt "Noto Sans CJK SC", "Noto Sans", sans-serif;
              white-space: nowrap; -webkit-print-color-adjust: exact; print-color-adjust: exact }
            .label.right { right: auto; left: 100% }
            .label.below { bottom: auto; top: 100% }

            """
        return overlayPages(pages, css: css) { index, page in
            var body = ""
            var boxes: [(box: Box, labels: [String])] = []
            for mark in marks where mark.page == index + 1 {
                if let same = boxes.firstIndex(where: { $0.box == mark.box }) {
                    boxes[same].labels.append(mark.label)
                } else {
                    boxes.append((mark.box, [mark.label]))
                }
            }
            for (box, labels) in boxes {
                let left = max(0, box.xMin - padding), top = max(0, box.yMin - padding)
                let right = min(page.width, box.xMax + padding), bottom = min(page.height, box.yMax + padding)
                // The label sits outside the top-left corner, unless that is off the page
                // (a bold 8 pt digit is about 5 pt wide; the label is 9 pt high).
                let text = labels.joined(separator: ",")
                var placement = ""
                if left < Double(text.count) * 5 + 4 { placement += " right" }
                if top < 9 { placement += " below" }
                body += "<div class=\"mark\" style=\"left:\(pt(left));top:\(pt(top));"
                body += "width:\(pt(right - left));height:\(pt(bottom - top))\">"
                body += "<span class=\"label\(placement)\">\(escape(text))</span></div>"
            }
            return body
        }
    }

    /// 叠加页 — an HTML page with one transparent page per PDF page, each exactly
    /// its size, holding what `content` draws on it (absolutely placed, in points
    /// from the page's top-left corner), for `qpdf --overlay`.
    static func overlayPages(_ pages: [SourceDocument.Page], css extra: String,
                             content: (_ index: Int, _ page: SourceDocument.Page) -> String) -> String {
        func pt(_ value: Double) -> String { String(format: "%.2fpt", value) }
        // One named @page rule per distinct size, so that mixed page sizes print as given.
        var sizes: [SourceDocument.Page] = []
        for page in pages where !sizes.contains(page) { sizes.append(page) }
        let first = pages.first ?? SourceDocument.Page(width: 595.28, height: 841.89)
        var css = """
            @page { margin: 0; size: \(pt(first.width)) \(pt(first.height)) }
            html, body { margin: 0; padding: 0 }
            .page { position: relative; overflow: hidden; break-after: page }
            .page:last-child { break-after: auto }

            """ + extra
        for (n, size) in sizes.enumerated() {
            css += "@page size\(n) { margin: 0; size: \(pt(size.width)) \(pt(size.height)) }\n"
            css += ".size\(n) { page: size\(n); width: \(pt(size.width)); height: \(pt(size.height)) }\n"
        }
        var body = ""
        for (index, page) in pages.enumerated() {
            let size = sizes.firstIndex(of: page) ?? 0
            body += "<div class=\"page size\(size)\">" + content(index, page) + "</div>\n"
        }
        return """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>overlay</title><style>
            \(css)</style></head><body>
            \(body)</body></html>

            """
    }

    /// Prints an HTML page to a PDF file with headless Chromium.
    static func printPDF(_ html: String, to path: String, timeout: TimeInterval) throws(RenderError) {
        let data: Data
        do {
            data = try PDFRenderer(timeout: timeout).print(html: html)
        } catch let error as RenderError {
            throw RenderError(message: error.message.split(separator: "\n").joined(separator: " "))
        } catch {
            throw RenderError(message: "Chromium failed: \(error.localizedDescription)")
        }
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw RenderError(message: "cannot write a temporary file: \(error.localizedDescription)")
        }
    }

    /// The overlay must have a page for each original page, of the same size.
    static func check(overlay: String, against pages: [SourceDocument.Page]) throws(RenderError) {
        let printed = try PDFTools.pages(of: overlay)
        guard printed.count == pages.count else {
            throw RenderError(message: "the overlay has \(printed.count) pages where the PDF has \(pages.count)")
        }
        for (n, (page, overlay)) in zip(pages, printed).enumerated()
        where abs(page.width - overlay.width) > tolerance || abs(page.height - overlay.height) > tolerance {
            throw RenderError(message: "overlay page \(n + 1) is \(overlay.width) × \(overlay.height) pt "
                + "where the PDF's is \(page.width) × \(page.height) pt")
        }
    }

    /// Copies the finished file next to `output` under a temporary name, then
    /// renames it into place, so that `output` is never left half-written.
    static func place(_ finished: String, at output: String) throws(RenderError) {
        let target = URL(fileURLWithPath: output)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        do {
            try Data(contentsOf: URL(fileURLWithPath: finished)).write(to: temporary)
        } catch {
            throw RenderError(message: "cannot be written: \(error.localizedDescription)")
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw RenderError(message: "cannot be written: \(reason)")
        }
    }
}
