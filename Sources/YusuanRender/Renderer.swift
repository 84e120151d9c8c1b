import Foundation
import YusuanModel

/// 输出格式 — one way of writing a `Disclosure` out.
///
/// Each format is one type conforming to this protocol; `Renderers.all` lists them,
/// so a new format is one new file and one line in that list. Text formats return
/// UTF-8; binary formats (DOCX, XLSX, PDF) return the file's bytes.
///
/// ```swift
/// let data = try XLSXRenderer().render(disclosure)
/// try data.write(to: URL(fileURLWithPath: "budget.xlsx"))
/// ```
public protocol Renderer: Sendable {
    /// The name used on the command line (`html`, `xlsx`, …).
    var name: String { get }
    /// The usual file extension, without the dot.
    var fileExtension: String { get }
    /// True when the output is not text and so has to go to a file.
    var isBinary: Bool { get }
    /// The document in this format.
    func render(_ disclosure: Disclosure) throws -> Data
}

/// The formats `yusuan render` offers, in the order its help lists them.
public enum Renderers {
    public static let all: [any Renderer] = [
        HTMLRenderer(),
        MarkdownRenderer(),
        DOCXRenderer(),
        XLSXRenderer(),
        PDFRenderer(),
        JSONRenderer(),
        CellsRenderer(),
        TextRenderer(),
    ]

    /// The renderer with this command-line name.
    public static func named(_ name: String) -> (any Renderer)? {
        all.first { $0.name == name.lowercased() }
    }
}
