import Foundation
import YusuanModel

/// 页面截图 — a band of a PDF page as a PNG, by poppler's `pdftoppm`, to show a
/// reviewer where on the page something is.
public enum PageCrop {
    /// A PNG of part of a page, with a box given in the image's pixels.
    public struct Band: Sendable, Hashable {
        public var png: Data
        /// The image's size in pixels.
        public var width: Int
        public var height: Int
        /// The box asked about, in the image's pixels from its top-left corner.
        public var box: Box
    }

    /// The page's full width and at least `height` points of it (more where the box
    /// is taller), centred on `box` where the page allows, at `dpi`. `box` is in
    /// points from the page's top-left corner; the band's box is padded by
    /// `padding` points.
    public static func band(of pdf: String, page: Int, size: SourceDocument.Page, around box: Box,
                            height: Double = 120, padding: Double = 2, dpi: Double = 100) throws(RenderError) -> Band {
        let scale = dpi / 72
        let pageWidth = Int((size.width * scale).rounded(.down))
        let pageHeight = Int((size.height * scale).rounded(.down))
        let bandHeight = min(pageHeight, Int((max(height, box.height + 40) * scale).rounded()))
        let centre = box.midY * scale
        let top = max(0, min(pageHeight - bandHeight, Int((centre - Double(bandHeight) / 2).rounded())))
        let png = try PDFTools.run(.pdftoppm, [
            "-f", String(page), "-l", String(page), "-r", String(Int(dpi)),
            "-x", "0", "-y", String(top), "-W", String(pageWidth), "-H", String(bandHeight),
            "-png", "-singlefile", pdf,
        ])
        guard let (width, height) = pngSize(png) else {
            throw RenderError(message: "pdftoppm gave no PNG for page \(page) of \(pdf)")
        }
        let marked = Box(xMin: (box.xMin - padding) * scale, yMin: (box.yMin - padding) * scale - Double(top),
                         xMax: (box.xMax + padding) * scale, yMax: (box.yMax + padding) * scale - Double(top))
        return Band(png: png, width: width, height: height, box: marked)
    }

    /// The width and height in a PNG's header, or nil where it is not a PNG.
    public static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        func integer(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (integer(16), integer(20))
    }
}
