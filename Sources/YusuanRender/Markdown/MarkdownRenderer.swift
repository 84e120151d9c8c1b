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
            case .title(let department, let name):
                out += "# \(Self.inline(department)) \(Self.inline(name))\n\n"
            case .heading(let level, let text):
                out += String(repeating: "#", count: min(level + 1, 6)) + " \(Self.inline(text))\n\n"
            case .paragraph(let text):
                out += Self.inline(text.trimmingCharacters(in: .whitespaces)) + "\n\n"
            case .table(let table):
                out += Self.table(table)
            case .charts(let s):
                out += Self.structure(s, unit: d.unit)
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

    /// The chart data as a short list (Markdown draws no charts).
    static func structure(_ s: ExpenditureStructure, unit: String) -> String {
        let total = s.basic + s.project
        var out = "按功能分类（类）的支出（\(unit)）：" + s.byClass.map { "\($0.code) \($0.name) \($0.amount.printed)" }
            .joined(separator: "；") + "。\n\n"
        let basic = s.basic.percent(of: total).map { "，\($0.formatted(minimumDecimals: 2))%" } ?? ""
        let project = s.project.percent(of: total).map { "，\($0.formatted(minimumDecimals: 2))%" } ?? ""
        out += "基本支出 \(s.basic.printed)\(basic)；项目支出 \(s.project.printed)\(project)。\n\n"
        return out
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
