import Foundation
import YusuanModel

/// 网页 — the whole document as one self-contained, print-ready HTML page.
///
/// A4 pages (`@page`; the PDF numbers them in the footer), a centred cover with
/// the date, the contents (with page numbers where the PDF found them), each
/// standard table on its own page laid out as printed (类 / 款 / 项 in their own
/// columns, merged header cells, columns as wide as what they hold, the header
/// repeated on every printed page, amounts with thousands separators:
/// `1,297.28`), the wide tables on landscape pages, a page break before each part,
/// headings kept with what follows, and in the explanation the numbered charts
/// (`Chart`) as inline SVG after the sections they draw. No script, no external
/// file: print it from a browser, or `yusuan render --to pdf`.
public struct HTMLRenderer: Renderer {
    public init() {}
    public var name: String { "html" }
    public var fileExtension: String { "html" }
    public var isBinary: Bool { false }

    public func render(_ disclosure: Disclosure) throws -> Data { Data(page(disclosure).utf8) }

    /// Text escaped for HTML (for pages built around these tables).
    public static func escapeHTML(_ text: String) -> String { escape(text) }

    /// The style sheet of the printed tables (the workbench shows tables as published).
    public static var styleSheet: String { HTMLStyle.css }

    /// The page as a string. `contentsPages` gives the page of each contents entry
    /// (`Outline.contents`), printed after it behind a dotted leader; the PDF finds
    /// them by printing the page once without.
    public func page(_ d: Disclosure, contentsPages: [Int]? = nil) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>\(escape(d.department)) \(escape(Outline.documentName(d)))</title>
            <style>
            \(HTMLStyle.css)
            </style>
            </head>
            <body>

            """
        // A page is opened when its first block comes, so that a landscape table
        // starts a landscape page.
        var openPage = false
        var pendingBreak = true
        for block in Outline.blocks(d) {
            if case .pageBreak = block {
                pendingBreak = true
                continue
            }
            if pendingBreak {
                if openPage { out += "</div>\n" }
                var wide = false
                if case .table(let t) = block, t.number != nil, t.isWide { wide = true }
                out += wide ? "<div class=\"page wide\">\n" : "<div class=\"page\">\n"
                openPage = true
                pendingBreak = false
            }
            switch block {
            case .title(let department, let name, let date):
                out += "<header class=\"cover\"><p class=\"department\">\(escape(department))</p>"
                out += "<h1 class=\"title\">\(escape(name))</h1>"
                if let date { out += "<p class=\"date\">\(escape(date))</p>" }
                out += "</header>\n"
            case .heading(let level, let text):
                let tag = "h\(min(level + 1, 4))"
                let kind = level == 1 ? " class=\"part\"" : level == 4 ? " class=\"sub\"" : ""
                out += "<\(tag)\(kind)>\(escape(text))</\(tag)>\n"
            case .paragraph(let text):
                out += "<p>\(escape(text))</p>\n"
            case .table(let table):
                out += Self.table(table)
            case .contents(let entries):
                out += "<nav class=\"contents\"><h2>\(Outline.contentsTitle)</h2>\n"
                for (i, entry) in entries.enumerated() {
                    out += "<p class=\"entry level\(entry.level)\"><span class=\"text\">\(escape(entry.text))</span>"
                    if let pages = contentsPages, i < pages.count {
                        out += "<span class=\"leader\"></span><span class=\"number\">\(pages[i])</span>"
                    }
                    out += "</p>\n"
                }
                out += "</nav>\n"
            case .chart(let chart):
                out += SVGCharts.figure(chart)
            case .signature(let name, let date):
                out += "<p class=\"signature\">\(escape(name))"
                if let date { out += "<br>\(escape(date))" }
                out += "</p>\n"
            case .pageBreak:
                break
            }
        }
        if openPage { out += "</div>\n" }
        out += "</body>\n</html>\n"
        return out
    }

    /// One table: the title, 编制部门 and 单位, the header in `thead` (repeated on
    /// every printed page), the rows in `tbody`. `mark` gives, for a cell of a standard
    /// table, HTML to set after its amount (the workbench's finding numbers); such a
    /// cell gets the class `flagged`.
    public static func table(_ t: PrintedTable, mark: ((CellKey) -> String?)? = nil) -> String {
        var out = "<section class=\"table\(t.number == nil ? " minor" : "")\""
        if let n = t.number { out += " id=\"table-\(n)\"" }
        out += ">\n"
        if let n = t.number {
            out += "<p class=\"table-number\">表\(n)</p>\n<h3 class=\"table-title\">\(escape(t.title))</h3>\n"
        } else {
            out += "<h4 class=\"table-title\">\(escape(t.title))</h4>\n"
        }
        if t.preparer != nil || t.unit != nil {
            out += "<div class=\"meta\"><span>\(t.preparer.map { "编制部门：" + escape($0) } ?? "")</span>"
            out += "<span>\(t.unit.map { "单位：" + escape($0) } ?? "")</span></div>\n"
        }
        out += "<table class=\"budget\">\n<colgroup>"
        // Widths in ems of the table's text (9 pt; 8 pt on a landscape page) across the printed width.
        let widths = t.columnWidths(fitting: t.number != nil && t.isWide ? 98 : 57)
        let total = widths.reduce(0, +)
        for (kind, width) in zip(t.columnKinds, widths) {
            out += "<col class=\"\(kind.rawValue)\" style=\"width:\(String(format: "%.2f", width / total * 100))%\">"
        }
        out += "</colgroup>\n<thead>\n"
        for row in 0..<t.headerRows {
            out += "<tr>"
            for cell in t.header where cell.row == row {
                out += "<th"
                // 功能分类科目编码 over the narrow code columns is kept on one line.
                if cell.colSpan > 1, t.columnKinds[cell.column] == .code { out += " class=\"nowrap\"" }
                if cell.colSpan > 1 { out += " colspan=\"\(cell.colSpan)\"" }
                if cell.rowSpan > 1 { out += " rowspan=\"\(cell.rowSpan)\"" }
                out += ">\(escape(cell.text))</th>"
            }
            out += "</tr>\n"
        }
        out += "</thead>\n<tbody>\n"
        for row in t.body {
            // A row's emphasis applies to the whole row, or (table 1 and 4) to the income side.
            out += row.span == nil && row.emphasis != .plain ? "<tr class=\"\(row.emphasis.rawValue)\">" : "<tr>"
            for (c, cell) in row.cells.enumerated() {
                let kind = t.columnKinds[c]
                var classes = kind.rawValue
                if row.span != nil, row.isBold(c) { classes += " bold" }
                var style = ""
                if row.indent(c) > 0, kind == .label, cell != nil { style = " style=\"padding-left:\(row.indent(c) + 1)em\"" }
                var marker = ""
                if let mark, let key = row.key(c), let html = mark(key) {
                    classes += " flagged"
                    marker = html
                }
                out += "<td class=\"\(classes)\"\(style)>\(cell.map { escape($0.published) } ?? "")\(marker)</td>"
            }
            out += "</tr>\n"
        }
        if let note = t.note, t.body.isEmpty {
            out += "<tr class=\"empty\"><td colspan=\"\(t.width)\">\(escape(note))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if let note = t.note, !t.body.isEmpty { out += "<p class=\"note\">\(escape(note))</p>\n" }
        out += "</section>\n"
        return out
    }
}

/// Escapes text for HTML and XML (HTML pages, and the parts of DOCX and XLSX
/// files): markup escaped, and the characters XML 1.0 cannot hold at all
/// (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF) dropped, so
/// that whatever a document's text holds, the file still opens.
func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in text.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        case "\t", "\n", "\r": out.unicodeScalars.append(c)
        case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}
