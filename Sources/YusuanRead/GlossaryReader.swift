import Foundation
import YusuanModel

/// 名词解释 — reads 第四部分 and the signature block that ends the document.
///
/// Entries are numbered in sequence, `一、term:definition` (the colon ASCII or
/// full-width; the term bold in the tabular form), and wrap over lines. The
/// document ends with the 落款: the department's name on a line of its own and,
/// usually, the date below it.
enum GlossaryReader {
    static func read(_ lines: ArraySlice<SourceLine>) -> ([GlossaryEntry], Signature?) {
        var body = Array(lines).filter { !Prose.isPageNumber($0.text) }
        let signature = self.signature(&body)
        return (entries(body), signature)
    }

    // MARK: Entries

    /// The entries, each from its numbered line to the next number in sequence.
    static func entries(_ lines: [SourceLine]) -> [GlossaryEntry] {
        var groups: [(number: String, rest: String, lines: [SourceLine])] = []
        for line in lines {
            if groups.count < Prose.numerals.count, let (numeral, rest) = Prose.numberedPrefix(line.text),
               numeral == Prose.numerals[groups.count] {
                groups.append((numeral, rest, [line]))
            } else if !groups.isEmpty {
                groups[groups.count - 1].lines.append(line)
            }
        }
        return groups.compactMap { entry(number: $0.number, rest: $0.rest, lines: $0.lines) }
    }

    /// One entry: the lines joined (the first from `rest`, its text after the
    /// number), the term up to the first colon, the definition after it.
    static func entry(number: String, rest: String, lines: [SourceLine]) -> GlossaryEntry? {
        guard let first = lines.first else { return nil }
        let text = ([rest] + lines.dropFirst().map { $0.text.trimmingSpaces() }).joined()
        guard let colon = firstColon(text) else {
            return GlossaryEntry(number: number, term: text, definition: "", source: first.location)
        }
        var term = String(text[..<colon])
        // Bold markup, where the tabular form prints it (a search first: most terms have none).
        if term.includes("**") { term = term.replacingOccurrences(of: "**", with: "") }
        term = term.trimmingSpaces()
        let definition = String(text[text.index(after: colon)...]).trimmingSpaces()
        return GlossaryEntry(number: number, term: term, definition: definition, source: first.location)
    }

    /// The first character of `text` that is `:` or `：`: found among the bytes, and
    /// taken where it is a character of its own there (else the characters are
    /// searched, as a colon joined to a mark is none).
    static func firstColon(_ text: String) -> String.Index? {
        var text = text
        let offset = text.withUTF8 { b in
            (0..<b.count).first { b[$0] == 0x3A || (b[$0] == 0xEF && $0 + 2 < b.count && b[$0 + 1] == 0xBC && b[$0 + 2] == 0x9A) }
        }
        guard let offset else { return nil }
        let i = text.utf8.index(text.startIndex, offsetBy: offset)
        if text[i] == ":" || text[i] == "：" { return i }
        return text.firstIndex(where: { $0 == ":" || $0 == "：" })
    }

    // MARK: 落款

    /// 落款 — takes the date line and the name line off the end of `lines`. The name
    /// is the last line that is neither an entry nor a sentence (no colon, no
    /// closing punctuation, not too long); the date the line after it.
    static func signature(_ lines: inout [SourceLine]) -> Signature? {
        var date: (String, SourceLocation)?
        if let last = lines.last, let parsed = self.date(last.text) {
            date = (parsed, last.location)
            lines.removeLast()
        }
        guard let last = lines.last, isName(last.text) else {
            return date.map { Signature(name: "", date: $0.0, source: $0.1) }
        }
        lines.removeLast()
        return Signature(name: last.text.trimmingSpaces(), date: date?.0, source: last.location)
    }

    /// A line that can be the name of the signature.
    static func isName(_ text: String) -> Bool {
        let t = text.trimmingSpaces()
        // No more characters than bytes: most names are counted by their bytes alone.
        guard !t.isEmpty, t.utf8.count <= 40 || t.count <= 40, Prose.numberedPrefix(t) == nil else { return false }
        return !t.contains { Prose.isMark($0, of: ":：，,。；;") }
    }

    /// `2025 年 2月 14 日` → `2025-02-14`; nil for a line that is no date.
    static func date(_ text: String) -> String? {
        let t = ProseScanner(line: JoinedText.compact(text))
        guard let m = t.date(),
              let year = t.string(m[1]).flatMap(number),
              let month = t.string(m[2]).flatMap(number),
              let day = t.string(m[3]).flatMap(number),
              (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        func padded(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// A number printed in ASCII digits or Chinese numerals (二〇二五, 十四).
    static func number(_ text: String) -> Int? {
        if let n = Int(text) { return n }
        let digits: [Character: Int] = ["〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4,
                                        "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        if !text.includes("十") {
            // Digit by digit: 二〇二五.
            var n = 0
            for c in text {
                guard let d = digits[c] else { return nil }
                n = n * 10 + d
            }
            return n
        }
        // 十, 十四, 二十, 三十一.
        let parts = text.split(separator: "十", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let tens = parts[0].isEmpty ? 1 : parts[0].first.flatMap { digits[$0] }
        let ones = parts[1].isEmpty ? 0 : parts[1].first.flatMap { digits[$0] }
        guard let tens, let ones, parts[0].count <= 1, parts[1].count <= 1 else { return nil }
        return tens * 10 + ones
    }
}
