import YusuanModel

/// One printed row of a table before its values are placed in columns.
struct TableEntry {
    /// The row's classification code without spaces, where it starts with one.
    var code: String?
    /// The text before the values (code removed), wrapped lines joined.
    var label: String
    /// 项目名称, where the source form gives it as a cell of its own.
    var project: String?
    /// The printed values, in column order.
    var values: [Amount]
    /// The column of each value, where the source form keeps empty cells.
    var columns: [Int]?
    /// The row's first line.
    var start: SourceLocation
    /// The line the values are printed on.
    var valuesAt: SourceLocation
    /// The printed lines of the label, for splitting a functional name from a project name.
    var labelLines: [String]
}

/// The body of one printed table: its rows, and its statement when published empty.
struct TableBody {
    var entries: [TableEntry] = []
    var emptyStatement: Located<String>?
}

/// Splits printed lines into values and labels.
enum LineTokens {
    /// The values at the end of a line, and the text before them. A run of trailing
    /// numbers counts as values only when one of them has decimals (so that a year
    /// or a document number ending a wrapped name is not read as an amount), or when
    /// the whole line is numbers with decimals.
    ///
    /// Tokens are found from the end on bytes (a value is ASCII; most lines end in
    /// text and are turned away at their last token).
    static func splitTrailingValues(_ text: String) -> (label: String, values: [Amount]) {
        var bytes = text
        return bytes.withUTF8 { u in
            let space = UInt8(ascii: " ")
            var values: [Amount] = []
            var hasDecimals = false
            var cut = u.count
            while true {
                var end = cut
                while end > 0, u[end - 1] == space { end -= 1 }
                // An amount ends in a digit or a thousands separator (`,` or the last
                // byte of `，`): a line ending in text is turned away without scanning its last word.
                guard end > 0, (0x30...0x39).contains(u[end - 1]) || u[end - 1] == UInt8(ascii: ",") || u[end - 1] == 0x8C
                else { break }
                var start = end
                while start > 0, u[start - 1] != space { start -= 1 }
                guard start < end, (0x30...0x39).contains(u[start]),
                      let a = Amount(utf8: UnsafeBufferPointer(rebasing: u[start..<end])) else { break }
                if values.isEmpty { values.reserveCapacity(8) }
                values.append(a)
                if u[start..<end].contains(UInt8(ascii: ".")) { hasDecimals = true }
                cut = start
            }
            guard !values.isEmpty, hasDecimals else { return (text, []) }
            values.reverse()
            return (collapsingSpaces(u[..<cut]), values)
        }
    }

    /// The bytes with each run of ASCII spaces made one and none at either end.
    static func collapsingSpaces(_ bytes: some Collection<UInt8>) -> String {
        // Written into the string's own storage: the result is never longer than the bytes.
        String(unsafeUninitializedCapacity: bytes.count) { out in
            var n = 0
            var space = false
            for b in bytes {
                if b == 0x20 { space = n > 0; continue }
                if space { out[n] = 0x20; n += 1; space = false }
                out[n] = b
                n += 1
            }
            return n
        }
    }

    /// The length of the run of ASCII digits from `i`, when it is followed by a
    /// space, a line break or the end (a whole token), else 0.
    private static func digitToken(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        var j = i
        while j < u.count, (0x30...0x39).contains(u[j]) { j += 1 }
        return j == u.count || u[j] == 0x20 || u[j] == 0x0A ? j - i : 0
    }

    private static func skippingSpaces(_ u: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var i = i
        while i < u.count, u[i] == 0x20 { i += 1 }
        return i
    }

    /// A leading classification code: `210`, `210 15`, `210 15 06` (or `21015`
    /// printed together), followed by a space or the end of the line; and the byte
    /// offset just past it, where the rest of the line starts (`rest(of:from:)`).
    static func leadingCode(_ text: String, classes: ClosedRange<Int>) -> (code: String, end: Int)? {
        var text = text
        return text.withUTF8 { u in
            let i = skippingSpaces(u, from: 0)
            // Most lines do not start with a digit: turned away on their first byte.
            guard i < u.count, (0x30...0x39).contains(u[i]), digitToken(u, at: i) == 3 else { return nil }
            let cls = Int(u[i] - 0x30) * 100 + Int(u[i + 1] - 0x30) * 10 + Int(u[i + 2] - 0x30)
            guard classes.contains(cls) else { return nil }
            // The code's digits, at most seven: a small string, made without an array.
            var end = i + 3
            let code = String(unsafeUninitializedCapacity: 7) { out in
                for k in 0..<3 { out[k] = u[i + k] }
                var n = 3
                for _ in 0..<2 {
                    let j = skippingSpaces(u, from: end)
                    guard j > end, digitToken(u, at: j) == 2 else { break }
                    out[n] = u[j]
                    out[n + 1] = u[j + 1]
                    n += 2
                    end = j + 2
                }
                return n
            }
            return (code, end)
        }
    }

    /// The text from byte `start` (the end of a `leadingCode`), its runs of spaces made one.
    static func rest(of text: String, from start: Int) -> String {
        var text = text
        return text.withUTF8 { u in collapsingSpaces(u[min(start, u.count)...]) }
    }

    /// A row's label without its leading code tokens (three, two and two digits,
    /// each followed by a space, a line break or the end), spaces and line breaks
    /// trimmed at either end.
    static func codeStripped(_ label: String) -> String {
        var label = label
        return label.withUTF8 { u in
            var i = 0
            for _ in 0..<3 {
                let j = skippingSpaces(u, from: i)
                let n = j < u.count ? digitToken(u, at: j) : 0
                guard n == 2 || n == 3 else { break }
                i = j + n
            }
            var rest = UnsafeBufferPointer(rebasing: u[i...])
            rest = UnsafeBufferPointer(rebasing: rest[Spaces.trimmedRange(rest)])
            while rest.last == 0x0A { rest = UnsafeBufferPointer(rebasing: rest.dropLast()) }
            while rest.first == 0x0A { rest = UnsafeBufferPointer(rebasing: rest.dropFirst()) }
            return String(decoding: rest, as: UTF8.self)
        }
    }

    /// The text without spaces.
    static func compact(_ text: some StringProtocol) -> String { Spaces.removed(text) }
}

extension Character {
    var isASCIINumber: Bool { isASCII && isNumber }
}
