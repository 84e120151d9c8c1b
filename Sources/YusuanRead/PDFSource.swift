import Foundation
import YusuanModel
import YusuanTools

/// PDF 原文 — a PDF's text and word boxes, by poppler's `pdftotext -bbox-layout`.
///
/// poppler does the PDF work (fonts, encodings, content streams); Yusuan takes its
/// words with their boxes and regroups them into printed lines: words whose boxes
/// share most of their height on a page are one line, read left to right. Table
/// columns are later found from these boxes, not from spacing.
public enum PDFSource {
    /// The install command printed when `pdftotext` is missing.
    public static let installHint = "install poppler-utils (Debian: apt-get install poppler-utils)"

    /// Reads a PDF file into a source document.
    public static func load(contentsOf path: String) throws(ReadError) -> SourceDocument {
        guard let tool = ExternalProgram.find("pdftotext") else { throw .tool("pdftotext is not installed; \(installHint)") }
        let outcome: ExternalProgram.Outcome
        do { outcome = try ExternalProgram.run(tool, ["-bbox-layout", "-enc", "UTF-8", path, "-"]) } catch {
            throw .tool(error.description)
        }
        guard outcome.status == 0 else { throw .notPDF("pdftotext: \(outcome.firstMessage)") }
        return try document(fromBBoxLayout: Array(outcome.output))
    }

    /// Reads a PDF held in memory (an upload): poppler needs a file, so the bytes go
    /// to a private temporary file for as long as it runs.
    public static func load(bytes: [UInt8]) throws(ReadError) -> SourceDocument {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("upload.pdf")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            try Data(bytes).write(to: file)
        } catch {
            throw .tool("the PDF could not be handed to pdftotext: \(error.localizedDescription)")
        }
        return try load(contentsOf: file.path)
    }

    /// Builds the source document from `pdftotext -bbox-layout` output.
    public static func document(fromBBoxLayout xhtml: [UInt8]) throws(ReadError) -> SourceDocument {
        let pages = BBoxLayout.pages(xhtml)
        guard !pages.isEmpty else { throw .notPDF("no pages were found") }
        let blank = pages.indices.filter { pages[$0].words.isEmpty }.map { $0 + 1 }
        if blank.count == pages.count {
            throw .noText(pages: blank)
        }
        return SourceDocument(pdfPages: pages.map { page in (page.size, lines(of: page.words)) })
    }

    /// Groups a page's words into printed lines: a word joins the line whose vertical
    /// band holds most of its height; lines run top to bottom, words left to right.
    static func lines(of words: [(text: String, box: Box)]) -> [[(text: String, box: Box)]] {
        let sorted = words.sorted { $0.box.midY != $1.box.midY ? $0.box.midY < $1.box.midY : $0.box.xMin < $1.box.xMin }
        var lines: [(band: Box, words: [(text: String, box: Box)])] = []
        for word in sorted {
            // Lines are built top down, so only the last few can still take this word.
            var joined = false
            for l in lines.indices.reversed().prefix(3) {
                let overlap = lines[l].band.verticalOverlap(word.box)
                if overlap >= 0.5 * min(lines[l].band.height, word.box.height) {
                    lines[l].words.append(word)
                    lines[l].band = lines[l].band.union(word.box)
                    joined = true
                    break
                }
            }
            if !joined { lines.append((word.box, [word])) }
        }
        return lines
            .sorted { $0.band.yMin < $1.band.yMin }
            .map { readingOrder($0.words) }
    }

    /// The words of one printed line in reading order. Words stacked in one cell (a
    /// name wrapped over two or three rows), or side by side with only a space between,
    /// form one group, read row by row; groups read left to right.
    static func readingOrder(_ words: [(text: String, box: Box)]) -> [(text: String, box: Box)] {
        func sameRow(_ a: Box, _ b: Box) -> Bool { a.isOnSameRow(as: b) }
        // Group words that overlap horizontally on different rows (union–find).
        var group = Array(words.indices)
        func root(_ i: Int) -> Int { var i = i; while group[i] != i { i = group[i] }; return i }
        // Words side by side with only a space between them are one cell too.
        func oneCell(_ a: Box, _ b: Box) -> Bool {
            if sameRow(a, b) { return max(a.xMin, b.xMin) - min(a.xMax, b.xMax) < 3 }
            return a.horizontalOverlap(b) > 1
        }
        for i in words.indices {
            for j in words.indices where j > i && oneCell(words[i].box, words[j].box) {
                group[root(j)] = root(i)
            }
        }
        var groups: [Int: [Int]] = [:]
        for i in words.indices { groups[root(i), default: []].append(i) }
        let ordered = groups.values.map { members -> [Int] in
            // Rows within the group, top down; each row left to right.
            var rows: [[Int]] = []
            for i in members.sorted(by: { words[$0].box.midY < words[$1].box.midY }) {
                if let last = rows.last?.first, sameRow(words[last].box, words[i].box) {
                    rows[rows.count - 1].append(i)
                } else {
                    rows.append([i])
                }
            }
            return rows.flatMap { $0.sorted { words[$0].box.xMin < words[$1].box.xMin } }
        }.sorted { a, b in
            (a.map { words[$0].box.xMin }.min() ?? 0) < (b.map { words[$0].box.xMin }.min() ?? 0)
        }
        return ordered.flatMap { $0.map { words[$0] } }
    }

    /// Whether poppler's `pdftotext` is on `PATH`.
    public static var isAvailable: Bool { ExternalProgram.find("pdftotext") != nil }
}

/// The XHTML `pdftotext -bbox-layout` writes: `<page width= height=>` elements holding
/// `<word xMin= yMin= xMax= yMax=>text</word>` elements. Scanned as bytes.
enum BBoxLayout {
    struct Page {
        var size: SourceDocument.Page
        var words: [(text: String, box: Box)] = []
    }

    static func pages(_ x: [UInt8]) -> [Page] {
        var pages: [Page] = []
        var i = 0
        let n = x.count
        while i < n {
            guard x[i] == UInt8(ascii: "<") else { i += 1; continue }
            if matches(x, i, pageTag) {
                let end = x[i...].firstIndex(of: UInt8(ascii: ">")) ?? n
                let attributes = x[i..<end]
                pages.append(Page(size: SourceDocument.Page(width: number(attributes, "width") ?? 0,
                                                            height: number(attributes, "height") ?? 0)))
                i = end
            } else if matches(x, i, wordTag) {
                let end = x[i...].firstIndex(of: UInt8(ascii: ">")) ?? n
                let attributes = x[i..<end]
                let textStart = min(end + 1, n)
                var textEnd = textStart
                while textEnd < n, x[textEnd] != UInt8(ascii: "<") { textEnd += 1 }
                if let x0 = number(attributes, "xMin"), let y0 = number(attributes, "yMin"),
                   let x1 = number(attributes, "xMax"), let y1 = number(attributes, "yMax"), !pages.isEmpty {
                    let text = unescape(x[textStart..<textEnd])
                    if !text.isEmpty {
                        pages[pages.count - 1].words.append((text, Box(xMin: x0, yMin: y0, xMax: x1, yMax: y1)))
                    }
                }
                i = textEnd
            } else {
                i += 1
            }
        }
        return pages
    }

    private static let pageTag = Array("<page ".utf8)
    private static let wordTag = Array("<word ".utf8)

    private static func matches(_ x: [UInt8], _ i: Int, _ literal: [UInt8]) -> Bool {
        guard i + literal.count <= x.count else { return false }
        for k in literal.indices where x[i + k] != literal[k] { return false }
        return true
    }

    /// The value of `name="…"` among the attributes, as a number.
    private static func number(_ attributes: ArraySlice<UInt8>, _ name: String) -> Double? {
        let key = Array(" \(name)=\"".utf8)
        var i = attributes.startIndex
        while i + key.count <= attributes.endIndex {
            if attributes[i..<(i + key.count)].elementsEqual(key) {
                var j = i + key.count
                let start = j
                while j < attributes.endIndex, attributes[j] != UInt8(ascii: "\"") { j += 1 }
                return Double(String(decoding: attributes[start..<j], as: UTF8.self))
            }
            i += 1
        }
        return nil
    }

    /// Undoes the XML escapes pdftotext writes (`&amp;` `&lt;` `&gt;` `&quot;` `&apos;`).
    private static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.includes("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
