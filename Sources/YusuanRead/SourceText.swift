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
        let bytes = document.bytes
        let isText = document.origin == .text
        let tabular = isText && document.lines.contains { line in
            let b = bytes[line.range]
            return b.contains(0x09) || b.starts(with: "## ".utf8)
        }
        form = tabular ? .tabular : .flattened
        // A page starts at a line indented by one space; a document with fewer than
        // three such lines has no page marks (its first and last lines may be
        // indented by accident).
        let marksPages = isText && !tabular
            && document.lines.reduce(0) { $0 + (Self.startsPage(bytes[$1.range]) ? 1 : 0) } >= 3
        var page = 0
        var result: [SourceLine] = []
        result.reserveCapacity(document.lines.count)
        for (index, line) in document.lines.enumerated() {
            let raw = bytes[line.range]
            var location = line.location
            if marksPages {
                if index == 0 || Self.startsPage(raw) { page += 1 }
                location.page = max(page, 1)
            }
            if tabular {
                var cells: [String]? = nil
                if raw.contains(0x09) {
                    cells = raw.split(separator: 0x09, omittingEmptySubsequences: false).map {
                        Self.string(Spaces.trimmed(bytes: Self.stripMarkup($0)))
                    }
                }
                let stripped = Self.stripMarkup(raw)
                // Cells joined by single spaces: each tab becomes a space.
                let text = Self.string(Spaces.trimmed(bytes: ArraySlice(stripped.map { $0 == 0x09 ? 0x20 : $0 })))
                if text.isEmpty && cells == nil { continue }
                if let cells, cells.allSatisfy(\.isEmpty) { continue }
                result.append(SourceLine(text: text, cells: cells, location: location, isHeading: raw.first == UInt8(ascii: "#")))
            } else {
                let trimmed = Spaces.trimmed(bytes: raw)
                if trimmed.isEmpty { continue }
                let text = Self.string(trimmed)
                result.append(SourceLine(text: text, cells: nil, location: location, isHeading: false))
            }
        }
        lines = result
    }

    /// The lines of a text (either text form).
    public init(_ text: String) {
        self.init(document: SourceDocument(text: Array(text.utf8)))
    }

    private static func string(_ bytes: some Collection<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    private static func startsPage(_ line: ArraySlice<UInt8>) -> Bool {
        // One space, then something else.
        line.count >= 2 && line[line.startIndex] == 0x20 && line[line.startIndex + 1] != 0x20
    }

    /// The markup tags of the tabular form, taken out wherever they stand.
    private static let tags: [[UInt8]] = ["<b>", "</b>", "<p>", "</p>", "**"].map { Array($0.utf8) }

    /// Removes `#` heading marks, list bullets, `<b>`/`</b>`, `<p>`/`</p>` and `**`.
    static func stripMarkup(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = line.drop { $0 == UInt8(ascii: "#") }
        // Most lines carry no markup at all: look for the tags only where one could be.
        if s.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "*") }) {
            var out: [UInt8] = []
            out.reserveCapacity(s.count)
            var i = s.startIndex
            scan: while i < s.endIndex {
                for tag in tags where s[i...].starts(with: tag) {
                    i += tag.count
                    continue scan
                }
                out.append(s[i])
                i += 1
            }
            s = out[...]
        }
        s = s.drop { $0 == 0x20 }
        if s.starts(with: "- ".utf8) { s = s.dropFirst(2) }
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
