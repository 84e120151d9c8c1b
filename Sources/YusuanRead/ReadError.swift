/// Why a document could not be read. Each message names the reason; the caller
/// adds the file name.
public enum ReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is empty (or only blank lines).
    case empty
    /// The bytes are not UTF-8 text.
    case notUTF8
    /// The text is not a 部门预算公开 document.
    case notADisclosure(String)
    /// A part the model needs could not be read; `line` is 1-based.
    case malformed(line: Int, reason: String)
    /// The file is not a PDF poppler can read (its message).
    case notPDF(String)
    /// The PDF's pages carry no text (scanned images): these pages, 1-based.
    case noText(pages: [Int])
    /// An external program the reading needs is missing or failed.
    case tool(String)

    public var description: String {
        switch self {
        case .empty: "the file is empty"
        case .notUTF8: "the file is not UTF-8 text"
        case .notADisclosure(let why): "not a budget disclosure: \(why)"
        case .malformed(let line, let reason): "line \(line): \(reason)"
        case .notPDF(let why): "not a readable PDF: \(why)"
        case .noText(let pages):
            "the PDF has no text on \(pages.count == 1 ? "page" : "pages") \(Self.ranges(pages)) (scanned images?); run OCR first"
        case .tool(let why): why
        }
    }

    /// `1, 2, 3, 5` → `1–3, 5`.
    static func ranges(_ pages: [Int]) -> String {
        var parts: [String] = []
        var start = pages.first ?? 0, previous = start
        for p in pages.dropFirst() + [Int.min] {
            if p == previous + 1 { previous = p; continue }
            parts.append(start == previous ? "\(start)" : "\(start)–\(previous)")
            start = p
            previous = p
        }
        return parts.joined(separator: ", ")
    }
}
