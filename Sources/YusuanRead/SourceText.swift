import Foundation
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

    /// The lines of a PDF's source document, each with its page and box: a PDF's
    /// text is the flattened form, its pages known.
    public init(document: SourceDocument) {
        form = .flattened
        lines = document.lines.compactMap { line in
            let text = document.text(of: line).trimmingSpaces()
            return text.isEmpty ? nil : SourceLine(text: text, cells: nil, location: line.location, isHeading: false)
        }
    }

    public init(_ text: String) {
        let raw = text.split(separator: "\n", omittingEmptySubsequences: false)
        let tabular = raw.contains { $0.utf8.contains(0x09) } || raw.contains { $0.utf8.starts(with: "## ".utf8) }
        form = tabular ? .tabular : .flattened
        // A page starts at a line indented by one space; a document with fewer than
        // three such lines has no page marks (its first and last lines may be
        // indented by accident).
        let pageStarts = tabular ? 0 : raw.reduce(0) { $0 + (Self.startsPage($1) ? 1 : 0) }
        let hasPages = pageStarts >= 3
        var page = 0
        var result: [SourceLine] = []
        result.reserveCapacity(raw.count / 2)
        for (index, line) in raw.enumerated() {
            if hasPages && (index == 0 || Self.startsPage(line)) { page += 1 }
            let location = SourceLocation(line: index + 1, page: hasPages ? max(page, 1) : nil)
            if tabular {
                let stripped = Self.stripMarkup(line)
                var cells: [String]? = nil
                if line.utf8.contains(0x09) {
                    cells = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                        Self.stripMarkup($0).trimmingSpaces()
                    }
                }
                let text = stripped.replacingOccurrences(of: "\t", with: " ").trimmingSpaces()
                if text.isEmpty && cells == nil { continue }
                if cells == nil && text.isEmpty { continue }
                if let cells, cells.allSatisfy(\.isEmpty) { continue }
                result.append(SourceLine(text: text, cells: cells, location: location,
                                         isHeading: line.hasPrefix("#")))
            } else {
                let text = String(line).trimmingSpaces()
                if text.isEmpty { continue }
                result.append(SourceLine(text: text, cells: nil, location: location, isHeading: false))
            }
        }
        lines = result
    }

    private static func startsPage(_ line: Substring) -> Bool {
        // One space, then something else (bytes: this runs on every line).
        var bytes = line.utf8.makeIterator()
        return bytes.next() == 0x20 && bytes.next().map { $0 != 0x20 } == true
    }

    /// Removes `#` heading marks, list bullets, `<b>`/`</b>`, `<p>`/`</p>` and `**`.
    static func stripMarkup(_ line: Substring) -> String {
        var s = Substring(line)
        while s.hasPrefix("#") { s = s.dropFirst() }
        var text = String(s)
        // Most lines carry no markup at all: look for the tags only where one could be.
        if text.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "*") }) {
            for tag in ["<b>", "</b>", "<p>", "</p>", "**"] where text.contains(tag) {
                text = text.replacingOccurrences(of: tag, with: "")
            }
        }
        var t = Substring(text).drop { $0 == " " }
        if t.hasPrefix("- ") { t = t.dropFirst(2) }
        return String(t)
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
