import YusuanModel

/// 原文 — a published document as numbered lines, with the markup of the source
/// form taken off.
///
/// The seeds come in two text forms. The flattened form (text extracted from a
/// PDF) prints one line per printed line and loses empty table cells; a new page
/// starts with a line indented by one space. The tabular form keeps table rows as
/// tab-separated cells and marks headings with `#` and bold with `<b>`. Both become
/// the same `[SourceLine]`, so every later reader handles both.
public struct SourceText: Sendable {
    /// The non-blank lines, in order.
    public var lines: [SourceLine]
    /// Which text form the document came in.
    public var form: Form

    /// The two text forms.
    public enum Form: String, Sendable, Codable {
        /// Flattened text: one printed line per line, empty cells leave no trace.
        case flattened
        /// Tab-separated table cells with Markdown headings and `<b>` markup.
        case tabular
    }

    /// The lines of a source document, found once by `SourceDocument` and taken here
    /// as bytes: markup comes off, lines are trimmed, and a text file's page marks
    /// are found. A PDF's text is the flattened form, its pages known.
    public init(document: SourceDocument) {
        let isText = document.origin == .text
        // Each line is read in place on the document's bytes, and becomes one String
        // (and one per cell): nothing else is copied.
        let lines = document.lines
        (form, self.lines) = document.bytes.withUnsafeBufferPointer { all in
            // Each line's fields read in place: a copy of a line would hold its words.
            func raw(_ i: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: all[lines[i].range]) }
            let headingMark = Self.headingMark
            // A tab anywhere is one inside a line: lines hold every byte but their breaks.
            let tabular = isText && (Spaces.offset(of: 0x09, in: all) != nil
                || lines.indices.contains { raw($0).starts(with: headingMark) })
            // A page starts at a line indented by one space; a document with fewer than
            // three such lines has no page marks (its first and last lines may be
            // indented by accident).
            let marksPages = isText && !tabular
                && lines.indices.reduce(0) { $0 + (Self.startsPage(raw($1)) ? 1 : 0) } >= 3
            var page = 0
            var result: [SourceLine] = []
            result.reserveCapacity(lines.count)
            var scratch: [UInt8] = []
            for index in lines.indices {
                let raw = raw(index)
                // A text line has no words, so no box: its location is made without looking for one.
                var location = isText ? SourceLocation(line: lines[index].number, page: lines[index].page) : lines[index].location
                if marksPages {
                    if index == 0 || Self.startsPage(raw) { page += 1 }
                    location.page = max(page, 1)
                }
                if tabular {
                    var cells: [String]? = nil
                    // The tabs counted first, so that the cells' array is made once.
                    var tabs = 0
                    var at = 0
                    while let tab = Spaces.offset(of: 0x09, in: raw, from: at) { tabs += 1; at = tab + 1 }
                    if tabs > 0 {
                        var found: [String] = []
                        found.reserveCapacity(tabs + 1)
                        var start = 0
                        while start <= raw.count {
                            let end = Spaces.offset(of: 0x09, in: raw, from: start) ?? raw.count
                            let cell = UnsafeBufferPointer(rebasing: raw[start..<end])
                            found.append(Self.stripped(cell, into: &scratch) { Self.string(trimming: $0) })
                            start = end + 1
                        }
                        if found.allSatisfy(\.isEmpty) { continue }
                        cells = found
                    }
                    // Cells joined by single spaces: each tab becomes a space.
                    let text = Self.stripped(raw, into: &scratch, tabsAsSpaces: true) { Self.string(trimming: $0) }
                    if text.isEmpty && cells == nil { continue }
                    result.append(SourceLine(text: text, cells: cells, location: location, isHeading: raw.first == UInt8(ascii: "#")))
                } else {
                    let text = Self.string(trimming: raw)
                    if text.isEmpty { continue }
                    result.append(SourceLine(text: text, cells: nil, location: location, isHeading: false))
                }
            }
            return (tabular ? .tabular : .flattened, result)
        }
    }

    /// The lines of a text (either text form).
    public init(_ text: String) {
        self.init(document: SourceDocument(text: Array(text.utf8)))
    }

    /// The bytes without spaces at either end, as a String.
    private static func string(trimming bytes: UnsafeBufferPointer<UInt8>) -> String {
        let range = Spaces.trimmedRange(bytes)
        // A blank line (about every other line of a flattened text) makes no string.
        return range.isEmpty ? "" : String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private static let headingMark = Array("## ".utf8)

    private static func startsPage(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        // One space, then something else.
        line.count >= 2 && line[0] == 0x20 && line[1] != 0x20
    }

    /// The markup tags of the tabular form, taken out wherever they stand.
    private static let tags: [[UInt8]] = ["<b>", "</b>", "<p>", "</p>", "**"].map { Array($0.utf8) }

    /// Gives `body` the line without `#` heading marks, list bullets, `<b>`/`</b>`,
    /// `<p>`/`</p>` and `**` (and then with tabs made spaces, if asked): the line
    /// itself where there is nothing to take out or change, else a copy made in `scratch`.
    static func stripped<R>(_ line: UnsafeBufferPointer<UInt8>, into scratch: inout [UInt8], tabsAsSpaces: Bool = false,
                            _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let s = UnsafeBufferPointer(rebasing: line.drop { $0 == UInt8(ascii: "#") })
        func opensTag(_ b: UInt8) -> Bool { b == UInt8(ascii: "<") || b == UInt8(ascii: "*") }
        // Most lines carry no markup at all: look for the tags only where one could be.
        guard s.contains(where: { opensTag($0) || (tabsAsSpaces && $0 == 0x09) }) else { return body(Self.unbulleted(s)) }
        scratch.removeAll(keepingCapacity: true)
        var i = 0
        var kept = 0  // the start of the bytes not yet copied
        while i < s.count {
            if opensTag(s[i]), let tag = tags.first(where: { s[i...].starts(with: $0) }) {
                scratch.append(contentsOf: s[kept..<i])
                i += tag.count
                kept = i
            } else {
                i += 1
            }
        }
        scratch.append(contentsOf: s[kept...])
        return scratch.withUnsafeMutableBufferPointer { all in
            let rest = Self.unbulleted(UnsafeBufferPointer(all))
            // Tabs become spaces only after the bullet is looked for: a tab is not a bullet's indent.
            let start = all.count - rest.count
            if tabsAsSpaces {
                for k in start..<all.count where all[k] == 0x09 { all[k] = 0x20 }
            }
            return body(UnsafeBufferPointer(rebasing: all[start...]))
        }
    }

    /// The line without its leading spaces and a `- ` list bullet.
    private static func unbulleted(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var s = UnsafeBufferPointer(rebasing: line.drop { $0 == 0x20 })
        if s.count >= 2, s[0] == UInt8(ascii: "-"), s[1] == 0x20 { s = UnsafeBufferPointer(rebasing: s.dropFirst(2)) }
        return s
    }
}

/// One non-blank line of a source document.
public struct SourceLine: Sendable, Hashable {
    /// The text with markup removed and surrounding spaces trimmed; in the
    /// tabular form, cells are joined by single spaces.
    public var text: String
    /// The tab-separated cells, in the tabular form (markup removed, trimmed).
    public var cells: [String]?
    public var location: SourceLocation
    /// A Markdown heading (tabular form only).
    public var isHeading: Bool

    public init(text: String, cells: [String]? = nil, location: SourceLocation, isHeading: Bool = false) {
        self.text = text
        self.cells = cells
        self.location = location
        self.isHeading = isHeading
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces, tabs and full-width spaces.
    func trimmingSpaces() -> String { Spaces.trimmed(self) }

}
