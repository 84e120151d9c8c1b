import Foundation

/// 原文 — a published document as numbered lines of UTF-8 text, each with its page
/// and, from a PDF, the box of every word.
///
/// Text and PDF inputs both become a `SourceDocument`; everything after that (the
/// readers, the audit's quotes, the boxes drawn on an annotated PDF) works on it.
/// The text is held once, as bytes; lines and words are ranges into it.
///
/// ```swift
/// let source = SourceDocument(text: Array("表1\n部门收支总体情况表\n".utf8))
/// source.lines.count            // 2
/// source.text(of: source.lines[1])   // "部门收支总体情况表"
/// ```
public struct SourceDocument: Sendable {
    /// Where the document came from.
    public enum Origin: String, Sendable, Hashable, Codable {
        /// A text file (either text form of the seeds, or `pdftotext -layout` output).
        case text
        /// A PDF, with page geometry.
        case pdf
    }

    /// One printed line.
    public struct Line: Sendable, Hashable {
        /// 1-based, in document order.
        public var number: Int
        /// 1-based, where the source has pages.
        public var page: Int?
        /// The line's bytes in `SourceDocument.bytes` (without the line break).
        public var range: Range<Int>
        /// The words with their boxes (PDF only; empty for text).
        public var words: [Word]

        public init(number: Int, page: Int?, range: Range<Int>, words: [Word] = []) {
            self.number = number
            self.page = page
            self.range = range
            self.words = words
        }

        /// The box around all the line's words (PDF only).
        public var box: Box? {
            guard var box = words.first?.box else { return nil }
            for w in words.dropFirst() { box = box.union(w.box) }
            return box
        }

        /// Where the line is, for a value read from it.
        public var location: SourceLocation { SourceLocation(line: number, page: page, box: box) }
    }

    /// One printed word of a PDF: a run of text without a gap, and its box.
    public struct Word: Sendable, Hashable {
        /// The word's bytes in `SourceDocument.bytes`.
        public var range: Range<Int>
        public var box: Box

        public init(range: Range<Int>, box: Box) {
            self.range = range
            self.box = box
        }
    }

    /// A page's size in points (PDF only).
    public struct Page: Sendable, Hashable {
        public var width: Double
        public var height: Double

        public init(width: Double, height: Double) {
            self.width = width
            self.height = height
        }
    }

    public var origin: Origin
    /// Every line's text, in order, each followed by a line break.
    public private(set) var bytes: [UInt8]
    public private(set) var lines: [Line]
    /// The pages (PDF only), in order: page n is `pages[n - 1]`.
    public private(set) var pages: [Page]

    /// A text document: one line per `\n` (a `\r` before it is dropped). Pages are
    /// not known here; the reader marks them where the text form does.
    public init(text: [UInt8]) {
        origin = .text
        bytes = text
        pages = []
        lines = text.withUnsafeBufferPointer { u in
            // The breaks found by `offset(of:in:from:)`: this is the one pass over every byte of a text.
            var lines: [Line] = []
            // Sized for lines of 32 bytes (the seeds average 22): grown at most a few times, not counted first.
            lines.reserveCapacity(u.count / 32 + 1)
            var start = 0
            while let b = Spaces.offset(of: 0x0A, in: u, from: start) {
                let end = b > start && u[b - 1] == 0x0D ? b - 1 : b
                lines.append(Line(number: lines.count + 1, page: nil, range: start..<end))
                start = b + 1
            }
            if start < u.count {
                lines.append(Line(number: lines.count + 1, page: nil, range: start..<u.count))
            }
            return lines
        }
    }

    /// A PDF document from its pages, each a list of lines, each a list of words
    /// (text and box) in reading order. Words of a line are joined by one space; a
    /// line without words is kept as a blank line.
    public init(pdfPages: [(page: Page, lines: [[(text: String, box: Box)]])]) {
        origin = .pdf
        bytes = []
        lines = []
        pages = pdfPages.map(\.page)
        for (p, page) in pdfPages.enumerated() {
            for words in page.lines {
                let start = bytes.count
                var placed: [Word] = []
                for (n, word) in words.enumerated() {
                    if n > 0 { bytes.append(0x20) }
                    let wordStart = bytes.count
                    bytes.append(contentsOf: word.text.utf8)
                    placed.append(Word(range: wordStart..<bytes.count, box: word.box))
                }
                lines.append(Line(number: lines.count + 1, page: p + 1, range: start..<bytes.count, words: placed))
                bytes.append(0x0A)
            }
        }
    }

    /// The text of a line.
    public func text(of line: Line) -> String { String(decoding: bytes[line.range], as: UTF8.self) }

    /// The text of a word.
    public func text(of word: Word) -> String { String(decoding: bytes[word.range], as: UTF8.self) }

    /// The line with this number, if any.
    public func line(_ number: Int) -> Line? {
        guard number >= 1, number <= lines.count, lines[number - 1].number == number else {
            return lines.first { $0.number == number }
        }
        return lines[number - 1]
    }

    /// Every line's text, in order (index 0 is line 1), for quoting.
    public var lineTexts: [String] { lines.map(text(of:)) }
}
