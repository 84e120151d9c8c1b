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

    public var description: String {
        switch self {
        case .empty: "the file is empty"
        case .notUTF8: "the file is not UTF-8 text"
        case .notADisclosure(let why): "not a budget disclosure: \(why)"
        case .malformed(let line, let reason): "line \(line): \(reason)"
        }
    }
}
