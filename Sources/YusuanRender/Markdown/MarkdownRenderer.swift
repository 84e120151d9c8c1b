import Foundation
import YusuanModel

/// Markdown — every part of the document, the tables as pipe tables.
///
/// A pipe table has one header row, so merged headers are flattened to the path
/// of each column (`基本支出 人员经费`); 类, 款 and 项 keep their own columns.
/// Amounts print with two decimals; an empty cell stays empty.
public struct MarkdownRenderer: Renderer {
    public init() {}
    public var name: String { "md" }
    public var fileExtension: String { "md" }
    public var isBinary: Bool { false }

    public func render(_ disclosure: Disclosure) throws -> Data { Data(text(disclosure).utf8) }

    public func text(_ d: Disclosure) -> String {
        var out = ""
        for block in Outline.blocks(d) {
            switch block {
            case .title(let department, let name, let date):
                out += "# \(Self.inline(department)) \(Self.inline(name))\n\n"
                if let date { out += Self.inline(date) + "\n\n" }
            case .heading(let level, let text):
                out += String(repeating: "#", count: min(level + 1, 6)) + " \(Self.inline(text))\n\n"
            case .paragraph(let text):
                out += Self.inline(text.trimmingCharacters(in: .whitespaces)) + "\n\n"
            case .table(let table):
                out += Self.table(table)
            case .contents(let entries):
                out += "### \(Outline.contentsTitle)\n\n"
                for entry in entries { out += String(repeating: "  ", count: entry.level - 1) + "- \(Self.inline(entry.text))\n" }
                out += "\n"
            case .chart(let chart):
                out += Self.chart(chart)
            case .signature(let name, let date):
                out += "\(Self.inline(name))" + (date.map { "  \n\(Self.inline($0))" } ?? "") + "\n\n"
            case .pageBreak:
                break
            }
        }
        return out
    }

    static func table(_ t: PrintedTable) -> String {
        var out = t.number == nil ? "**\(inline(t.title))**\n\n" : "### \(inline(t.caption))\n\n"
        var meta: [String] = []
        if let p = t.preparer { meta.append("编制部门：\(inline(p))") }
        if let u = t.unit { meta.append("单位：\(inline(u))") }
        if !meta.isEmpty { out += meta.joined(separator: "　") + "\n\n" }
        out += "| " + t.columnLabels.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + t.columnKinds.map { $0 == .amount ? " ---: |" : " --- |" }.joined() + "\n"
        for row in t.body {
            let cells = row.cells.enumerated().map { column, c -> String in
                let text = cell(c?.printed ?? "")
                return !row.isBold(column) || text.isEmpty ? text : "**\(text)**"
            }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        out += "\n"
        if let note = t.note { out += inline(note) + "\n\n" }
        return out
    }

    /// A chart as its caption, a small table of its amounts and its source line
    /// (Markdown draws no charts).
    static func chart(_ chart: Chart) -> String {
        var out = "**\(inline(chart.caption))**（\(inline(chart.unit))）\n\n"
        out += "| 项目 | " + chart.series.map(cell).joined(separator: " | ") + " |\n"
        out += "| --- |" + String(repeating: " ---: |", count: chart.series.count) + "\n"
        for bar in chart.bars {
            out += "| \(cell(bar.label)) | " + bar.values.map { $0?.printed ?? "—" }.joined(separator: " | ") + " |\n"
        }
        return out + "\n" + inline(chart.source) + "\n\n"
    }

    /// A table cell: pipes escaped, line breaks as spaces.
    static func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "|", with: "\\|")
    }

    /// Text with the characters Markdown would read as markup escaped.
    static func inline(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\n", "\r": out += " "
            case "\\", "*", "_", "`", "[", "]", "<": out += "\\\(c)"
            default: out.append(c)
            }
        }
        return out
    }
}
