import Foundation

/// 连排文本 — printed lines joined without breaks, each position traced back to the
/// line it came from, and where each clause and sentence of the joined text starts.
///
/// Flattened text wraps sentences, names and numbers mid-word; a pattern is matched
/// on the joined text and the match mapped back to the line it starts on. Positions
/// are UTF-16 offsets, as `NSRegularExpression` reports them. With `compact`, spaces
/// (ASCII, full-width, tab, no-break) are taken out as well, so patterns need not
/// allow for `2025 年` against `2025年`. Built in one pass; every look-up is a
/// binary search.
public struct JoinedText: Sendable {
    /// The text, made from its UTF-8 on each call (most readers want substrings
    /// alone): keep it where it is wanted more than once.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
    /// The text's UTF-16 units, which the offsets count.
    public let units: [UInt16]
    /// The text's UTF-8, and the byte at which each UTF-16 offset starts (one more
    /// than there are units): a substring is copied from bytes, not transcoded.
    private let bytes: [UInt8]
    private let byteOffsets: [Int32]
    /// Length in UTF-16 units.
    public let length: Int
    /// The UTF-16 offset at which each line starts.
    private let starts: [Int]
    /// Each line's location, or that of the last line before it that has one.
    private let locations: [SourceLocation?]
    /// The offsets of the characters that end a clause, and a sentence
    /// (`StatementGrammar.endsClause`, `.endsSentence`).
    private let clauseBreaks: [Int]
    private let sentenceBreaks: [Int]

    public init(_ lines: [Located<String>], compact: Bool = false) {
        // One pass over the lines' bytes, in place: spaces skipped (with `compact`),
        // the runs between them copied whole, each character decoded into UTF-16
        // units, noting where each unit starts among the bytes and where each line
        // starts among the units. The arrays are filled uninitialised, sized for the
        // most they can hold (no more units than bytes), and keep what they were
        // filled with.
        var capacity = 0
        for line in lines { capacity += line.value.utf8.count }
        var starts: [Int] = []
        var locations: [SourceLocation?] = []
        var clauseBreaks: [Int] = []
        var sentenceBreaks: [Int] = []
        starts.reserveCapacity(lines.count)
        locations.reserveCapacity(lines.count)
        var last: SourceLocation?
        var n = 0, u = 0
        var units: [UInt16] = []
        var byteOffsets: [Int32] = []
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { out, outCount in
            units = [UInt16](unsafeUninitializedCapacity: capacity) { us, usCount in
                byteOffsets = [Int32](unsafeUninitializedCapacity: capacity + 1) { offsets, offsetsCount in
                    for line in lines {
                        starts.append(u)
                        last = line.source ?? last
                        locations.append(last)
                        var value = line.value
                        value.withUTF8 { b in
                            Self.append(b, compact: compact, bytes: out, units: us, offsets: offsets, n: &n, u: &u,
                                        clauseBreaks: &clauseBreaks, sentenceBreaks: &sentenceBreaks)
                        }
                    }
                    offsets[u] = Int32(n)
                    offsetsCount = u + 1
                }
                usCount = u
            }
            outCount = n
        }
        self.bytes = bytes
        self.byteOffsets = byteOffsets
        self.units = units
        self.length = u
        self.starts = starts
        self.locations = locations
        self.clauseBreaks = clauseBreaks
        self.sentenceBreaks = sentenceBreaks
    }

    /// Appends one line's bytes (spaces skipped with `compact`) at byte `n` and
    /// their UTF-16 units at unit `u`, with the byte at which each unit starts and
    /// the clause and sentence ends among them; `n` and `u` end past them.
    private static func append(_ b: UnsafeBufferPointer<UInt8>, compact: Bool, bytes out: UnsafeMutableBufferPointer<UInt8>,
                               units us: UnsafeMutableBufferPointer<UInt16>, offsets: UnsafeMutableBufferPointer<Int32>,
                               n byte: inout Int, u unitOffset: inout Int, clauseBreaks: inout [Int],
                               sentenceBreaks: inout [Int]) {
        // The counters copied in and out: kept in registers, not reloaded after each byte stored.
        var n = byte, u = unitOffset
        defer { byte = n; unitOffset = u }
        /// Copies the run of bytes from `run` to `i`, which ends at byte `n` of the text.
        func copy(_ run: Int, to i: Int, endingAt n: Int) {
            guard run < i, let from = b.baseAddress, let to = out.baseAddress else { return }
            (to + n - (i - run)).initialize(from: from + run, count: i - run)
        }
        var i = 0
        /// Where the bytes not yet copied start: the runs between spaces are copied whole.
        var run = 0
        while i < b.count {
            let lead = b[i]
            // A character of U+4000–U+9FFF (lead E4–E9), Han as most are: three bytes,
            // one unit, no space and no clause end.
            if lead &- 0xE4 < 6, i &+ 2 < b.count {
                offsets[u] = Int32(n)
                us[u] = UInt16(lead & 0x0F) << 12 | UInt16(b[i + 1] & 0x3F) << 6 | UInt16(b[i + 2] & 0x3F)
                n += 3; i += 3; u += 1
                continue
            }
            if compact, Spaces.mayStartSpace(lead) {
                let width = Spaces.spaceWidth(b, at: i)
                if width > 0 {
                    copy(run, to: i, endingAt: n)
                    i += width
                    run = i
                    continue
                }
            }
            offsets[u] = Int32(n)
            let (unit, low, width) = decode(b, at: i)
            n += width; i += width
            if let low {
                us[u] = unit
                // The low surrogate has no byte of its own: a range ending
                // between the two halves takes the whole character.
                offsets[u + 1] = Int32(n)
                us[u + 1] = low
                u += 2
                continue
            }
            us[u] = unit
            // A Han ideograph, as most are, ends nothing.
            if unit &- 0x4E00 >= 0x5200, StatementGrammar.endsClause(unit) {
                clauseBreaks.append(u)
                // Every sentence end is a clause end.
                if StatementGrammar.endsSentence(unit) { sentenceBreaks.append(u) }
            }
            u += 1
        }
        copy(run, to: i, endingAt: n)
    }

    /// The character whose UTF-8 starts at byte `i` of `bytes` (valid UTF-8, as a
    /// `String`'s is), decoded by hand into UTF-16: its unit, the low surrogate
    /// where it takes two, and its length in bytes. (A string's `utf16` view goes
    /// index by index.)
    @inlinable
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (unit: UInt16, low: UInt16?, width: Int) {
        let lead = bytes[i]
        if lead < 0x80 { return (UInt16(lead), nil, 1) }
        if lead < 0xE0 { return (UInt16(lead & 0x1F) << 6 | UInt16(bytes[i + 1] & 0x3F), nil, 2) }
        if lead < 0xF0 {
            return (UInt16(lead & 0x0F) << 12 | UInt16(bytes[i + 1] & 0x3F) << 6 | UInt16(bytes[i + 2] & 0x3F), nil, 3)
        }
        let v = (UInt32(lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
            | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)) - 0x10000
        return (UInt16(0xD800 + (v >> 10)), UInt16(0xDC00 + (v & 0x3FF)), 4)
    }

    /// The text without spaces of any kind.
    public static func compact(_ text: String) -> String { Spaces.removed(text) }

    // MARK: - Lines

    /// The index of the line holding the UTF-16 offset.
    public func lineIndex(at offset: Int) -> Int? {
        guard !starts.isEmpty, offset >= 0 else { return nil }
        return Self.lastIndex(in: starts) { $0 <= offset }
    }

    /// The location of the line holding the offset, or of the last line before it
    /// that has one.
    public func location(at offset: Int) -> SourceLocation? {
        guard let i = lineIndex(at: offset) else { return nil }
        return locations[i]
    }

    public func location(of match: NSTextCheckingResult) -> SourceLocation? { location(at: match.range.location) }

    /// The location of a position of `text` found by other means (a Swift `Regex`).
    public func location(of index: String.Index) -> SourceLocation? { location(at: index.utf16Offset(in: text)) }

    // MARK: - Clauses and sentences

    /// Where the clause holding `offset` starts: after the last clause end before it.
    public func clauseStart(before offset: Int) -> Int {
        Self.lastIndex(in: clauseBreaks) { $0 < offset }.map { clauseBreaks[$0] + 1 } ?? 0
    }

    /// Where the clause from `offset` ends: the first clause end at or after it.
    public func clauseEnd(from offset: Int) -> Int {
        let next = Self.lastIndex(in: clauseBreaks) { $0 < offset }.map { $0 + 1 } ?? 0
        return next < clauseBreaks.count ? clauseBreaks[next] : length
    }

    /// Where the sentence holding `offset` starts: after the last 。 or ； before it.
    public func sentenceStart(before offset: Int) -> Int {
        Self.lastIndex(in: sentenceBreaks) { $0 < offset }.map { sentenceBreaks[$0] + 1 } ?? 0
    }

    /// The last index of an ascending array whose element satisfies `isBefore`
    /// (true for a prefix of the array).
    static func lastIndex(in sorted: [Int], where isBefore: (Int) -> Bool) -> Int? {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if isBefore(sorted[mid]) { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : lo - 1
    }

    // MARK: - Text

    /// The text between two UTF-16 offsets.
    public func substring(_ range: Range<Int>) -> String {
        let r = range.clamped(to: 0..<length)
        return String(decoding: bytes[Int(byteOffsets[r.lowerBound])..<Int(byteOffsets[r.upperBound])], as: UTF8.self)
    }

    /// Whether the text holds `needle`, compared as UTF-8 bytes (as `String.includes`),
    /// with no string made of the text.
    public func includes(_ needle: String) -> Bool {
        var pin = needle
        return bytes.withUnsafeBufferPointer { text in pin.withUTF8 { Spaces.search(text, for: $0) } }
    }

    /// Whether the text without its spaces holds `needle` (as `String.compactIncludes`).
    public func compactIncludes(_ needle: String) -> Bool {
        bytes.withUnsafeBufferPointer { Spaces.compactSearch($0, for: needle) }
    }

    /// The amount printed between two UTF-16 offsets (`Amount(utf8:)` on its bytes,
    /// with no string made).
    public func amount(_ range: Range<Int>) -> Amount? {
        let r = range.clamped(to: 0..<length)
        return Amount(utf8: bytes[Int(byteOffsets[r.lowerBound])..<Int(byteOffsets[r.upperBound])])
    }

    // MARK: - Matching

    /// The first match in `start..<end`. A regex sees only its range (Foundation's
    /// bounds are opaque), so it runs on a copy of that range alone: Foundation copies
    /// the whole string it is given into UTF-16 on every call. A pattern that opens
    /// with a literal (`政府采购预算…`) cannot match before the literal's first
    /// occurrence, so the range starts there, and a literal that does not occur spares
    /// the call.
    public func firstMatch(_ regex: NSRegularExpression, from start: Int = 0, to end: Int? = nil) -> NSTextCheckingResult? {
        guard let window = window(for: regex, from: start, to: end) else { return nil }
        let piece = substring(window)
        return regex.firstMatch(in: piece, range: NSRange(location: 0, length: piece.utf16.count))?
            .adjustingRanges(offset: window.lowerBound)
    }

    /// Every match in `start..<end`, as `firstMatch` finds them.
    public func matches(_ regex: NSRegularExpression, from start: Int = 0, to end: Int? = nil) -> [NSTextCheckingResult] {
        guard let window = window(for: regex, from: start, to: end) else { return [] }
        let piece = substring(window)
        return regex.matches(in: piece, range: NSRange(location: 0, length: piece.utf16.count))
            .map { $0.adjustingRanges(offset: window.lowerBound) }
    }

    /// The part of `start..<end` a match of `regex` can lie in: from the first
    /// occurrence of the literal the pattern opens with; nil where it does not occur.
    func window(for regex: NSRegularExpression, from start: Int, to end: Int?) -> Range<Int>? {
        let upper = min(end ?? length, length)
        guard start >= 0, start <= upper else { return nil }
        let literal = Self.leadingLiteral(of: regex.pattern)
        return offset(of: literal, from: start, to: upper).map { $0..<upper }
    }

    /// The first offset in `start..<end` at which the UTF-16 units of `word` are (an
    /// empty word is at `start`); nil where they are not.
    public func offset(of word: [UInt16], from start: Int, to end: Int) -> Int? {
        guard let first = word.first else { return start }
        var i = max(start, 0)
        let end = min(end, length)
        while i + word.count <= end {
            if units[i] == first, units[i..<(i + word.count)].elementsEqual(word) { return i }
            i += 1
        }
        return nil
    }

    /// The characters a pattern opens with that every match starts with: up to the
    /// first metacharacter, less the last character where a quantifier follows it.
    /// Empty for a pattern that opens with a group, a class, an escape or an anchor,
    /// or that has an alternative (`|`) outside its groups.
    static func leadingLiteral(of pattern: String) -> [UInt16] {
        guard !hasTopLevelAlternative(pattern) else { return [] }
        var literal: [UInt16] = []
        for c in pattern.unicodeScalars {
            switch c {
            case "?", "*", "+", "{":
                if !literal.isEmpty { literal.removeLast(c.value > 0xFFFF ? 2 : 1) }
                return literal
            case "\\", "^", "$", ".", "|", "(", ")", "[", "]", "}":
                return literal
            default:
                UTF16.encode(c) { literal.append($0) }
            }
        }
        return literal
    }

    /// Whether `|` occurs outside every group and class (escapes skipped).
    static func hasTopLevelAlternative(_ pattern: String) -> Bool {
        var depth = 0, inClass = false, escaped = false
        for c in pattern.unicodeScalars {
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "[": inClass = true
            case "]": inClass = false
            case "(" where !inClass: depth += 1
            case ")" where !inClass: depth -= 1
            case "|" where !inClass && depth == 0: return true
            default: break
            }
        }
        return false
    }

    /// The text of capture group `group`, nil where it did not take part.
    public func string(_ match: NSTextCheckingResult, _ group: Int) -> String? {
        let r = match.range(at: group)
        return r.location == NSNotFound ? nil : substring(r.location..<(r.location + r.length))
    }

    public func int(_ match: NSTextCheckingResult, _ group: Int) -> Int? { string(match, group).flatMap { Int($0) } }

    public func amount(_ match: NSTextCheckingResult, _ group: Int) -> Amount? { string(match, group).flatMap { Amount($0) } }
}
