import YusuanModel

/// 版式文本 — the text `pdftotext -layout` writes, given boxes from its layout.
///
/// poppler places each printed word at a character column proportional to its
/// position on the page, so the columns stand in for x: each run of characters
/// without a space is a word, its x the character column (every character, CJK or
/// not, takes one), its y the line. A form feed starts a page. Columns of such text
/// are not consistent between a header and the rows under it, so tables are read
/// from the right edges of their complete rows (`GeometryTableReader`).
enum LayoutText {
    /// Character columns to the point-like units the geometry reader works in.
    static let columnWidth = 6.0
    /// The line pitch and word height: a word's box overlaps its neighbours' so that
    /// a header wrapped over two printed lines (with a blank line between) stacks.
    static let linePitch = 12.0, wordHeight = 14.0

    static func document(_ source: SourceDocument) -> SourceDocument {
        var pages: [(page: SourceDocument.Page, lines: [[(text: String, box: Box)]])] = []
        var current: [[(text: String, box: Box)]] = []
        for (index, line) in source.lines.enumerated() {
            var text = Substring(source.text(of: line))
            if text.begins(with: "\u{0C}") {
                if !current.isEmpty { pages.append((SourceDocument.Page(width: 0, height: 0), current)) }
                current = []
                text = text.drop { $0 == "\u{0C}" }
            }
            let y = Double(index) * linePitch
            var words: [(text: String, box: Box)] = []
            var word = "", start = 0, column = 0
            func flush() {
                if !word.isEmpty {
                    words.append((word, Box(xMin: Double(start) * columnWidth, yMin: y,
                                            xMax: Double(column) * columnWidth, yMax: y + wordHeight)))
                }
                word = ""
            }
            for c in text {
                if c == " " || c == "\u{3000}" || c == "\t" || c == "\u{0C}" {
                    flush()
                } else {
                    if word.isEmpty { start = column }
                    word.append(c)
                }
                column += 1
            }
            flush()
            current.append(words)
        }
        pages.append((SourceDocument.Page(width: 0, height: 0), current))
        var document = SourceDocument(pdfPages: pages)
        document.origin = .text
        return document
    }
}
