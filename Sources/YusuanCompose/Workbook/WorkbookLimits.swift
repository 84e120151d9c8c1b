import Foundation

/// 上限 — the bounds a workbook is read within, so that nothing a file can contain
/// exhausts Yusuan: each is far beyond any real budget, and passing one is a
/// problem with its place, never a trap or a runaway allocation.
public enum WorkbookLimits {
    /// Bytes of a workbook, CSV or XLSX file (64 MB).
    public static let fileSize = 64 << 20
    /// Levels of nesting of mappings and lists (a budget needs about six).
    public static let depth = 64
    /// Values a YAML or JSON workbook may expand to through aliases (`*name`), per
    /// byte of its text: aliases may repeat a part, not multiply it a billionfold.
    public static let valuesPerByte = 4
    /// Parts of a field path in an XLSX field sheet (`projects.1.indicators.2.target`).
    public static let pathParts = 16
    /// Bytes an XLSX part may inflate to (64 MB), and all parts together (256 MB).
    public static let entrySize = 64 << 20
    public static let archiveSize = 256 << 20
    /// A sheet's rows and columns, as in Excel (1,048,576 rows, 16,384 columns to XFD).
    public static let rows = 1_048_576
    public static let columns = 16_384
}

/// 嵌套深度 — how deeply the mappings and lists of a YAML or JSON text nest, found
/// by a scan of its lines before it is parsed (the YAML parser recurses once a
/// level, so ten thousand brackets would overflow the stack).
///
/// The scan may count more levels than the text has (a plain value spanning
/// lines, brackets in a value), never fewer: it counts block indentation levels,
/// the `- ` entries of a line, and `[`/`{` that open a flow collection; quoted
/// text, comments and block scalars (`|`, `>`) are skipped.
enum NestingScan {
    /// The 1-based line where the nesting first passes `limit`, and the depth reached there; nil when it never does.
    static func firstLine(beyond limit: Int, in text: String) -> (line: Int, depth: Int)? {
        var indents: [Int] = []      // the columns of the open block nodes
        var flow = 0                 // open [ and {
        var quote: UInt8? = nil      // the open quote, across lines
        var blockScalarParent: Int? = nil
        var lineNumber = 0
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let bytes = Array(line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...])
            let indent = bytes.prefix { $0 == UInt8(ascii: " ") }.count
            let blank = indent == bytes.count || bytes[indent] == UInt8(ascii: "#")
            if let parent = blockScalarParent {
                if blank || indent > parent { continue }
                blockScalarParent = nil
            }
            if blank && quote == nil { continue }
            var i = indent
            if flow == 0 && quote == nil {
                while let last = indents.last, last >= indent { indents.removeLast() }
                indents.append(indent)
                // `- - a`: each entry marker opens a level.
                while i + 1 < bytes.count, bytes[i] == UInt8(ascii: "-"), bytes[i + 1] == UInt8(ascii: " ") {
                    i += 2
                    while i < bytes.count, bytes[i] == UInt8(ascii: " ") { i += 1 }
                    indents.append(i)
                }
            }
            var previous: UInt8 = UInt8(ascii: " ")  // the last byte that is not a space
            var lastSignificant = i
            while i < bytes.count {
                let c = bytes[i]
                if let q = quote {
                    if q == UInt8(ascii: "\"") && c == UInt8(ascii: "\\") {
                        i += 2
                        continue
                    }
                    if c == q {
                        if q == UInt8(ascii: "'") && i + 1 < bytes.count && bytes[i + 1] == q {
                            i += 2
                            continue
                        }
                        quote = nil
                        previous = c
                        lastSignificant = i
                    }
                    i += 1
                    continue
                }
                let startsValue = [UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "?"),
                                   UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "{")].contains(previous)
                switch c {
                case UInt8(ascii: "#") where i == 0 || bytes[i - 1] == UInt8(ascii: " ") || bytes[i - 1] == UInt8(ascii: "\t"):
                    i = bytes.count
                    continue
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    if startsValue { quote = c }
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    if flow > 0 || startsValue {
                        flow += 1
                        if indents.count + flow > limit { return (lineNumber, indents.count + flow) }
                    }
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    if flow > 0 { flow -= 1 }
                default:
                    break
                }
                if c != UInt8(ascii: " ") && c != UInt8(ascii: "\t") {
                    previous = c
                    lastSignificant = i
                }
                i += 1
            }
            if indents.count + flow > limit { return (lineNumber, indents.count + flow) }
            // `key: |`, `- >-`: the lines indented under it are text.
            if flow == 0, quote == nil, lastSignificant < bytes.count {
                var j = lastSignificant
                while j > indent, [UInt8(ascii: "+"), UInt8(ascii: "-")].contains(bytes[j]) || (bytes[j] >= 0x30 && bytes[j] <= 0x39) {
                    j -= 1
                }
                if bytes[j] == UInt8(ascii: "|") || bytes[j] == UInt8(ascii: ">"),
                   j == indent || bytes[j - 1] == UInt8(ascii: " ") {
                    blockScalarParent = indent
                }
            }
        }
        return nil
    }
}

/// 有界读取 — a file read whole, but never more than a bound: a workbook named
/// `/dev/zero` or a file of gigabytes is refused, not read into memory.
public enum BoundedFile {
    /// Why a file could not be read, in words.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case noSuchFile, isFolder, permissionDenied, tooLarge
        /// Larger than a limit other than the workbook's (in bytes).
        case largerThan(Int)
        case unreadable(String)

        public var description: String {
            switch self {
            case .largerThan(let limit): "the file is larger than \(limit >> 20) MB"
            case .noSuchFile: "no such file"
            case .isFolder: "is a folder, not a file"
            case .permissionDenied: "cannot be read: permission denied"
            case .tooLarge: "the file is larger than \(WorkbookLimits.fileSize >> 20) MB, more than any budget workbook needs"
            case .unreadable(let reason): "cannot be read: \(reason)"
            }
        }

        init(errno code: Int32) {
            switch code {
            case ENOENT, ENOTDIR: self = .noSuchFile
            case EACCES, EPERM: self = .permissionDenied
            case EISDIR: self = .isFolder
            default: self = .unreadable(String(cString: strerror(code)))
            }
        }
    }

    /// The bytes of the file at `path`, at most `limit` of them.
    public static func read(_ path: String, limit: Int = WorkbookLimits.fileSize) -> Result<Data, Failure> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(Failure(errno: errno)) }
        defer { close(fd) }
        var status = stat()
        if fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR { return .failure(.isFolder) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { readBytes(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(errno: errno))
            }
            if count == 0 { return .success(data) }
            data.append(contentsOf: buffer[..<count])
            if data.count > limit { return .failure(limit == WorkbookLimits.fileSize ? .tooLarge : .largerThan(limit)) }
        }
    }
}

/// `read(2)`, under a name the enum's own `read` does not hide.
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(fd, buffer, count) }
