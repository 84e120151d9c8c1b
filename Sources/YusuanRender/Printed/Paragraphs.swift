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

    /// 小标题 — a paragraph that heads what follows: a numbered point (`（三）国有资产
    /// 占用使用情况`) that is short and neither ends a sentence nor opens a labelled
    /// field (`（一）项目名称：…`). The page formats keep it with the next paragraph.
    static func isSubheading(_ paragraph: String) -> Bool {
        startsPoint(paragraph) && paragraph.count <= 30 && !paragraph.contains(where: { "。：:；;，,".contains($0) })
    }

    static func startsPoint(_ line: String) -> Bool {
        point.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
    }
}
