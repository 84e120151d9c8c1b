#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// 空白 — the spaces a printed document puts between and around words, handled on
/// UTF-8 bytes.
///
/// Readers and rules compare texts with their spaces taken out (`2025 年` is
/// `2025年`) and lines with their margins trimmed, many times per document.
/// Comparing `Character`s of Chinese text goes through Unicode normalisation; these
/// look at bytes only. A space is an ASCII space, a tab, a carriage return, a
/// no-break space (U+00A0) or a full-width space (U+3000).
///
/// ```swift
/// Spaces.removed("2025 年　预算")   // "2025年预算"
/// Spaces.trimmed("\u{3000} 表 1 ")  // "表 1"
/// ```
public enum Spaces {
    /// True for a scalar of Unicode's White_Space property, as
    /// `Unicode.Scalar.Properties.isWhitespace` says, without its table look-up
    /// (the rules and the statement grammar ask it of every scalar they normalise).
    @inlinable
    public static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// The text's bytes without its white space (`isWhitespace`), for a reader or rule of
    /// the bytes: only a byte that may start white space is decoded, and the runs between
    /// white space are copied whole.
    public static func bytesWithoutWhitespace(_ s: String) -> [UInt8] {
        var s = s
        return s.withUTF8 { b in
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var runStart = 0, i = 0
            while i < b.count {
                guard mayStartWhitespace(b[i]) else { i += 1; continue }
                // A String's bytes are valid UTF-8, so the scalar is whole.
                let (unit, _, width) = JoinedText.decode(b, at: i)
                guard let c = Unicode.Scalar(unit), isWhitespace(c) else { i += 1; continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<i]))
                i += width
                runStart = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<b.count]))
            return out
        }
    }

    /// A byte that can start white space (`isWhitespace`): ASCII up to the space, and the
    /// lead bytes of U+0085–U+00A0 (C2), U+1680 (E1), U+2000–U+205F (E2) and U+3000 (E3).
    @inlinable public static func mayStartWhitespace(_ b: UInt8) -> Bool { b <= 0x20 || b == 0xC2 || b &- 0xE1 < 3 }

    /// The offset of the first `byte` in `bytes` at or after `start`, or nil: the C
    /// library's `memchr`, which looks at many bytes a step where a loop looks at one
    /// (a reader finds every line break and looks for a tab in a whole document).
    public static func offset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard start >= 0, start < bytes.count, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The text without any space.
    // Inlinable, as the byte tests it calls are: called from another module, a generic
    // function runs unspecialised, converting its argument through witness tables.
    @inlinable
    public static func removed(_ text: some StringProtocol) -> String {
        // A String is taken as it is: `String(_:)` converts it through its description.
        var text = text as? String ?? String(text)
        // A text without spaces (most) is returned as it is, not copied.
        return text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: mayStartSpace) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var i = 0, n = 0
                while i < bytes.count {
                    let width = spaceWidth(bytes, at: i)
                    if width > 0 {
                        i += width
                    } else {
                        out[n] = bytes[i]
                        n += 1
                        i += 1
                    }
                }
                return n
            }
        } ?? text
    }

    /// The text without spaces at either end.
    @inlinable
    public static func trimmed(_ text: some StringProtocol) -> String {
        var text = text as? String ?? String(text)
        // A text without margins (most) is returned as it is, not copied.
        return text.withUTF8 { bytes -> String? in
            let range = trimmedRange(bytes)
            guard range.count != bytes.count else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        } ?? text
    }

    /// The bytes without spaces at either end.
    public static func trimmed(bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let range = bytes.withUnsafeBufferPointer(trimmedRange)
        return bytes[(bytes.startIndex + range.lowerBound)..<(bytes.startIndex + range.upperBound)]
    }

    /// The range of `bytes` without spaces at either end.
    public static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = 0
        while start < bytes.count {
            let width = spaceWidth(bytes, at: start)
            if width == 0 { break }
            start += width
        }
        var end = bytes.count
        while end > start {
            let width = spaceWidthEnding(bytes, before: end, from: start)
            if width == 0 { break }
            end -= width
        }
        return start..<end
    }

    /// True for the first byte of a space (a cheap pre-check).
    @inlinable
    public static func mayStartSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0xC2 || byte == 0xE3
    }

    /// The length in bytes of the space starting at `i`, or 0.
    @inlinable
    public static func spaceWidth<C: Collection<UInt8>>(_ utf8: C, at i: C.Index) -> Int {
        switch utf8[i] {
        case 0x20, 0x09, 0x0D: return 1
        case 0xC2:
            let j = utf8.index(after: i)
            return j != utf8.endIndex && utf8[j] == 0xA0 ? 2 : 0
        case 0xE3:
            let j = utf8.index(after: i)
            guard j != utf8.endIndex, utf8[j] == 0x80 else { return 0 }
            let k = utf8.index(after: j)
            return k != utf8.endIndex && utf8[k] == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// The length in bytes of the space ending just before `end` (not before `start`), or 0.
    @inline(__always)
    static func spaceWidthEnding<C: BidirectionalCollection<UInt8>>(_ utf8: C, before end: C.Index, from start: C.Index) -> Int {
        let last = utf8.index(before: end)
        switch utf8[last] {
        case 0x20, 0x09, 0x0D: return 1
        case 0xA0:
            guard last != start else { return 0 }
            return utf8[utf8.index(before: last)] == 0xC2 ? 2 : 0
        case 0x80:
            guard utf8.distance(from: start, to: last) >= 2 else { return 0 }
            let middle = utf8.index(before: last)
            return utf8[middle] == 0x80 && utf8[utf8.index(before: middle)] == 0xE3 ? 3 : 0
        default: return 0
        }
    }
}

extension String {
    /// Whether the text contains `needle`, compared as UTF-8 bytes.
    ///
    /// UTF-8 cannot match part of one character against another, so a byte search
    /// finds exactly the printed substrings; it needs neither Foundation nor
    /// Unicode normalisation, which `contains` on Chinese text pays for each call.
    public func includes(_ needle: String) -> Bool { Substring(self).includes(needle) }
}

extension Substring {
    /// Whether the text contains `needle`, compared as UTF-8 bytes (see `String.includes`).
    public func includes(_ needle: String) -> Bool {
        var hay = self
        var pin = needle
        return hay.withUTF8 { h in pin.withUTF8 { p in Spaces.search(h, for: p) } }
    }
}

extension Substring {
    /// Where `needle` first is, compared as UTF-8 bytes (see `String.includes`).
    public func byteRange(of needle: String) -> Range<Index>? {
        var hay = self
        var pin = needle
        guard let offset = hay.withUTF8({ h in pin.withUTF8 { p in Spaces.firstOffset(of: p, in: h) } }) else { return nil }
        let start = utf8.index(startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }
}

extension Spaces {
    /// Whether `hay` holds `pin` anywhere.
    public static func search(_ hay: UnsafeBufferPointer<UInt8>, for pin: UnsafeBufferPointer<UInt8>) -> Bool {
        firstOffset(of: pin, in: hay) != nil
    }

    /// The offset where `hay` first holds `pin`, or nil.
    public static func firstOffset(of pin: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !pin.isEmpty else { return 0 }
        guard hay.count >= pin.count else { return nil }
        // The pin's second byte is looked for with `memchr` (`Spaces.offset`) and
        // the rest compared where it is found: in Chinese text a character's lead byte
        // (E4–E9) recurs every few bytes, a given continuation byte seldom.
        let k = pin.count > 1 ? 1 : 0
        let last = hay.count - pin.count
        // The places the pin's k-th byte can take when the pin fits.
        let window = UnsafeBufferPointer(rebasing: hay[..<(last + k + 1)])
        var i = 0
        while i <= last {
            guard let found = offset(of: pin[k], in: window, from: i + k) else { return nil }
            let at = found - k
            var m = 0
            while m < pin.count && hay[at + m] == pin[m] { m += 1 }
            if m == pin.count { return at }
            i = at + 1
        }
        return nil
    }
}

extension StringProtocol {
    /// Whether the text starts with `prefix`, compared as UTF-8 bytes: `hasPrefix`
    /// walks Characters, normalising Chinese text as it goes (see `String.includes`).
    @inlinable public func begins(with prefix: some StringProtocol) -> Bool {
        // On the bytes in place where both are contiguous (native strings are), else
        // through the views' iterators.
        let fast = utf8.withContiguousStorageIfAvailable { text in
            prefix.utf8.withContiguousStorageIfAvailable { prefix in Spaces.equal(text, prefix, at: 0) }
        }
        if let fast, let fast { return fast }
        return utf8.starts(with: prefix.utf8)
    }

    /// Whether the two texts are the same bytes: `==` compares Chinese text through
    /// Unicode normalisation (see `String.includes`).
    @inlinable public func sameBytes(as other: some StringProtocol) -> Bool {
        utf8.count == other.utf8.count && begins(with: other)
    }

    /// Whether the text ends with `suffix`, compared as UTF-8 bytes.
    @inlinable public func ends(with suffix: some StringProtocol) -> Bool {
        let fast = utf8.withContiguousStorageIfAvailable { text in
            suffix.utf8.withContiguousStorageIfAvailable { suffix in
                text.count >= suffix.count && Spaces.equal(text, suffix, at: text.count - suffix.count)
            }
        }
        if let fast, let fast { return fast }
        return utf8.count >= suffix.utf8.count && utf8.reversed().starts(with: suffix.utf8.reversed())
    }
}

extension Spaces {
    /// Feeds the text's UTF-8 bytes to `hasher`: for keys compared as bytes
    /// (`sameBytes(as:)`), where `String`'s hash would normalise them first.
    public static func hashBytes(of text: String, into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { bytes in
            hasher.combine(bytes.count)  // so that two keys hashed in a row do not run together
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        }
    }

    /// Whether `text` holds `piece` at byte `offset`.
    @inlinable
    public static func equal(_ text: UnsafeBufferPointer<UInt8>, _ piece: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard offset >= 0, text.count - offset >= piece.count else { return false }
        var k = 0
        while k < piece.count {
            if text[offset + k] != piece[k] { return false }
            k += 1
        }
        return true
    }
}

/// Matching a printed text as if its spaces were taken out (`编 制 部 门：` begins
/// with `编制部门`), on its bytes in place: a reader asks this of every line, and
/// taking the spaces out first would copy each one.
extension StringProtocol {
    /// Whether `Spaces.removed(self)` begins with `prefix`.
    @inlinable public func compactBegins(with prefix: String) -> Bool {
        Spaces.withBytes(self) { Spaces.compactEnd(of: $0, matching: prefix) } != nil
    }

    /// Whether `Spaces.removed(self)` is `other`, byte for byte.
    @inlinable public func compactEquals(_ other: String) -> Bool {
        Spaces.withBytes(self) { text in
            guard let end = Spaces.compactEnd(of: text, matching: other) else { return false }
            return Spaces.trimmedRange(UnsafeBufferPointer(rebasing: text[end...])).isEmpty
        }
    }

    /// Whether `Spaces.removed(self)` contains `needle`.
    @inlinable public func compactIncludes(_ needle: String) -> Bool {
        Spaces.withBytes(self) { Spaces.compactSearch($0, for: needle) }
    }

    /// What follows the text's leading `prefix` (matched as by
    /// `compactBegins(with:)`), or nil where it does not begin so.
    @inlinable public func compactRest(after prefix: String) -> Substring? {
        guard let end = Spaces.withBytes(self, { Spaces.compactEnd(of: $0, matching: prefix) }) else { return nil }
        let text = Substring(self)
        return text[text.utf8.index(text.utf8.startIndex, offsetBy: end)...]
    }
}

extension Spaces {
    /// Runs `body` on the text's UTF-8 bytes, in place where they are contiguous.
    @inlinable
    public static func withBytes<R>(_ text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = text.utf8.withContiguousStorageIfAvailable(body) { return r }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// The byte offset just past `prefix` at the start of `text`, spaces in `text`
    /// skipped before and inside it, or nil where `text` does not begin so.
    public static func compactEnd(of text: UnsafeBufferPointer<UInt8>, matching prefix: String) -> Int? {
        // Read in place (not copied to a variable for `withUTF8`): asked of every line, many times.
        withBytes(prefix) { match(text, from: 0, $0) }
    }

    /// Whether `text` without its spaces contains `needle` (which has none).
    public static func compactSearch(_ text: UnsafeBufferPointer<UInt8>, for needle: String) -> Bool {
        withBytes(needle) { pin in
            guard let first = pin.first else { return true }
            // The byte after the first must be the needle's second unless a space may
            // start there (or at the first): in Chinese text most bytes equal to the first
            // (an ideograph's lead byte) are ruled out so, without a call to `match`.
            let second: UInt8? = pin.count > 1 && !mayStartSpace(first) ? pin[1] : nil
            // The places of the first byte found by memchr (see `Spaces.offset`).
            var from = 0
            while let i = offset(of: first, in: text, from: from) {
                let ruledOut = second.map { i + 1 < text.count && text[i + 1] != $0 && !mayStartSpace(text[i + 1]) } ?? false
                if !ruledOut, match(text, from: i, pin) != nil { return true }
                from = i + 1
            }
            return false
        }
    }

    /// Matches `pin` in `text` from byte `start`, skipping spaces in `text` (before
    /// each byte of `pin`, so spaces inside a character cannot be skipped: UTF-8
    /// never puts a space byte inside one). Returns the offset past the match.
    static func match(_ text: UnsafeBufferPointer<UInt8>, from start: Int, _ pin: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = start, k = 0
        while k < pin.count {
            while i < text.count, mayStartSpace(text[i]) {
                let width = spaceWidth(text, at: i)
                if width == 0 { break }
                i += width
            }
            guard i < text.count, text[i] == pin[k] else { return nil }
            i += 1
            k += 1
        }
        return i
    }
}
