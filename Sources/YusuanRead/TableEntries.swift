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
        let space = UInt8(ascii: " ")
        let utf8 = text.utf8
        var values: [Amount] = []
        var hasDecimals = false
        var cut = utf8.endIndex
        while true {
            var end = cut
            while end > utf8.startIndex, utf8[utf8.index(before: end)] == space { end = utf8.index(before: end) }
            var start = end
            while start > utf8.startIndex, utf8[utf8.index(before: start)] != space { start = utf8.index(before: start) }
            guard start < end, (0x30...0x39).contains(utf8[start]), let a = Amount(text[start..<end]) else { break }
            values.append(a)
            if utf8[start..<end].contains(UInt8(ascii: ".")) { hasDecimals = true }
            cut = start
        }
        guard !values.isEmpty, hasDecimals else { return (text, []) }
        let label = text[..<cut].split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return (label, values.reversed())
    }

    /// A leading classification code: `210`, `210 15`, `210 15 06` (or `21015`
    /// printed together), followed by a space or the end of the line.
    static func leadingCode(_ text: String, classes: ClosedRange<Int>) -> (code: String, rest: String)? {
        // Most lines do not start with a digit: turn them away on their first byte.
        guard let first = text.utf8.first(where: { $0 != UInt8(ascii: " ") }), (0x30...0x39).contains(first) else { return nil }
        let tokens = text.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true)
        guard let first = tokens.first, first.count == 3, first.allSatisfy(\.isASCIINumber),
              let cls = Int(first), classes.contains(cls) else { return nil }
        var code = String(first)
        var used = 1
        while used < tokens.count, used < 3, tokens[used].count == 2, tokens[used].allSatisfy(\.isASCIINumber) {
            code += tokens[used]
            used += 1
        }
        let rest = tokens.count > used ? tokens[used...].joined(separator: " ") : ""
        return (code, rest)
    }

    /// The text without spaces.
    static func compact(_ text: some StringProtocol) -> String { Spaces.removed(text) }
}

extension Character {
    var isASCIINumber: Bool { isASCII && isNumber }
}
