import Foundation
import YusuanModel

/// 段落 — paragraphs from printed lines.
///
/// Text extracted from a PDF (lines with a page) wraps a paragraph over several
/// lines: those are joined, and a paragraph ends where a line ends a sentence
/// (`。`, `：`, `；`) or the next line starts a numbered point (`（一）`, `1、`).
/// Text without pages already has a paragraph a line.
enum Paragraphs {
    static func join(_ lines: [Located<String>]) -> [String] {
        guard lines.contains(where: { $0.source?.page != nil }) else {
            return lines.map(\.value).filter { !$0.isEmpty }
        }
        var paragraphs: [String] = []
        var current = ""
        for line in lines.map(\.value) {
            if !current.isEmpty, startsPoint(line) {
                paragraphs.append(current)
                current = ""
            }
            current += line
            if let last = line.last, "。：:；;".contains(last) {
                paragraphs.append(current)
                current = ""
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs
    }

    private static let point = try! NSRegularExpression(
        pattern: #"^\s*([（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[、．]|\d+\.(?!\d))"#)

    static func startsPoint(_ line: String) -> Bool {
        point.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
    }
}
