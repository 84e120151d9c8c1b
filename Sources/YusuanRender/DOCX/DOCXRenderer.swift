import Foundation
import YusuanModel

/// Word 文档 — the whole document as Office Open XML (`.docx`), for Word, WPS and
/// LibreOffice.
///
/// Headings use the built-in Heading styles (so a table of contents can be made
/// from them); tables keep the printed header with merged cells (`gridSpan` across,
/// `vMerge` down) repeated on every page (`tblHeader`); the wide tables sit in
/// landscape sections; each part and each table starts a new page. Every page
/// carries its number in the footer (a `PAGE` field, centred), amounts print with
/// thousands separators (`1,297.28`), the contents is a Word `TOC` field over
/// the headings (see `contentsField`), and the explanation's charts are EMF
/// pictures (`EMF`) with 图N above and the source below.
///
/// The contents' page numbers are found by printing the document once with
/// LibreOffice (`contentsPages`) and stored as the field's result, so that a
/// reader that does not update fields (LibreOffice, WPS, a viewer) shows them too;
/// where LibreOffice is not installed, or fails or times out on the document, the
/// entries go without numbers until Word updates the field on opening (the
/// document is not refused for want of its page numbers).
public struct DOCXRenderer: Renderer {
    /// Whether the contents' page numbers are looked for with LibreOffice.
    public var numbersContents: Bool
    /// How long LibreOffice may take to print the document before it is stopped.
    public var timeout: TimeInterval

    public init(numbersContents: Bool = true, timeout: TimeInterval = 180) {
        self.numbersContents = numbersContents
        self.timeout = timeout
    }

    public var name: String { "docx" }
    public var fileExtension: String { "docx" }
    public var isBinary: Bool { true }

    public func render(_ disclosure: Disclosure) throws -> Data {
        let unnumbered = try package(disclosure, contentsPages: nil)
        guard numbersContents, let pages = (try? contentsPages(of: unnumbered, disclosure)) ?? nil else { return unnumbered }
        return try package(disclosure, contentsPages: pages)
    }

    /// The package, with the page of each contents entry where it is known.
    func package(_ disclosure: Disclosure, contentsPages: [Int]?) throws -> Data {
        var package = ZipPackage()
        package.add("[Content_Types].xml", DOCXParts.contentTypes)
        package.add("_rels/.rels", DOCXParts.rootRelationships)
        package.add("docProps/core.xml", XLSXParts.coreProperties(title: "\(disclosure.department) \(Outline.documentName(disclosure))"))
        package.add("word/document.xml", document(disclosure, contentsPages: contentsPages))
        package.add("word/styles.xml", DOCXParts.styles)
        package.add("word/settings.xml", DOCXParts.settings)
        package.add("word/footer1.xml", DOCXParts.footer)
        let charts = Charts.charts(disclosure)
        package.add("word/_rels/document.xml.rels", DOCXParts.documentRelationships(charts: charts))
        for chart in charts { package.add("word/media/\(DOCXParts.chartFile(chart))", EMF.data(ChartDrawing(chart))) }
        return try package.data()
    }

    /// `word/document.xml`; `contentsPages` are the pages of the contents' entries,
    /// in their order.
    func document(_ d: Disclosure, contentsPages: [Int]? = nil) -> String {
        // The headings the contents points to, bookmarked in the order they come.
        let entries = Outline.contents(d)
        var next = 0
        func bookmark(_ heading: String) -> Int? {
            guard next < entries.count, entries[next].heading == heading else { return nil }
            defer { next += 1 }
            return next
        }
        var body = ""
        var landscape = false
        var pendingBreak = false
        for block in Outline.blocks(d) {
            if case .pageBreak = block {
                pendingBreak = true
                continue
            }
            var wide = false
            if case .table(let t) = block, t.number != nil { wide = t.isWide }
            if pendingBreak || wide != landscape {
                if wide != landscape {
                    // A section break (next page) closes the section in its own orientation.
                    body += "<w:p><w:pPr>\(DOCXParts.section(landscape: landscape))</w:pPr></w:p>"
                    landscape = wide
                } else {
                    body += #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#
                }
                pendingBreak = false
            }
            switch block {
            case .title(let department, let name, let date):
                body += paragraph(department, style: "CoverDepartment")
                body += paragraph(name, style: "Title")
                if let date { body += paragraph(date, style: "CoverDate") }
            case .contents(let entries):
                body += paragraph(Outline.contentsTitle, style: "TOCHeading")
                body += contentsField(entries, pages: contentsPages)
            case .heading(let level, let text):
                body += paragraph(text, style: "Heading\(level)", bookmark: level == 1 ? bookmark(text) : nil)
            case .paragraph(let text):
                body += paragraph(text, style: nil)
            case .table(let t):
                let mark = t.number == nil ? nil : bookmark(t.title)
                body += table(t, landscape: landscape, bookmark: mark, entry: mark.map { entries[$0].text })
            case .chart(let chart):
                body += paragraph(chart.caption, style: "ChartCaption")
                body += picture(chart)
                body += paragraph(chart.source, style: "ChartSource")
            case .signature(let name, let date):
                body += paragraph(name, style: "Signature")
                if let date { body += paragraph(date, style: "Signature") }
            case .pageBreak:
                break
            }
        }
        var xml = ZipPackage.declaration
        xml += #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">"#
        xml += "<w:body>" + body + DOCXParts.section(landscape: landscape) + "</w:body></w:document>"
        return xml
    }

    /// 图 N as a picture: the chart's EMF (`word/media/chartN.emf`) inline, its
    /// drawing's size in points (12,700 EMU a point).
    func picture(_ chart: Chart) -> String {
        let drawing = ChartDrawing(chart)
        let cx = Int(drawing.width * 12_700), cy = Int(drawing.height * 12_700)
        let id = 1000 + chart.number
        return "<w:p><w:pPr><w:pStyle w:val=\"ChartPicture\"/></w:pPr><w:r><w:drawing>"
            + "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/>"
            + "<wp:docPr id=\"\(id)\" name=\"\(escape(chart.caption))\"/>"
            + #"<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>"#
            + "<pic:nvPicPr><pic:cNvPr id=\"\(id)\" name=\"\(DOCXParts.chartFile(chart))\"/><pic:cNvPicPr/></pic:nvPicPr>"
            + "<pic:blipFill><a:blip r:embed=\"\(DOCXParts.chartRelationship(chart))\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
            + "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    }

    /// A paragraph of one run; `bookmark` marks it as the heading of that contents
    /// entry, and `entry` adds a `TC` field with the entry's text (level 2).
    func paragraph(_ text: String, style: String?, align: String? = nil, bookmark: Int? = nil, entry: String? = nil) -> String {
        var p = "<w:p>"
        if style != nil || align != nil {
            p += "<w:pPr>"
            if let style { p += "<w:pStyle w:val=\"\(style)\"/>" }
            if let align { p += "<w:jc w:val=\"\(align)\"/>" }
            p += "</w:pPr>"
        }
        let run = "<w:r><w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r>" + (entry.map { DOCXParts.contentsEntry($0, level: 2) } ?? "")
        guard let bookmark else { return p + run + "</w:p>" }
        return p + "<w:bookmarkStart w:id=\"\(bookmark)\" w:name=\"\(Self.bookmarkName(bookmark))\"/>" + run
            + "<w:bookmarkEnd w:id=\"\(bookmark)\"/></w:p>"
    }

    /// A table: its caption and 编制部门 / 单位 line, then the grid; `bookmark` and
    /// `entry` make its title the heading of that contents entry.
    func table(_ t: PrintedTable, landscape: Bool, bookmark: Int? = nil, entry: String? = nil) -> String {
        var xml = ""
        if let n = t.number {
            xml += paragraph("表\(n)", style: "TableNumber")
            xml += paragraph(t.title, style: "Heading3", bookmark: bookmark, entry: entry)
        } else {
            xml += paragraph(t.title, style: "Heading4")
        }
        if t.preparer != nil || t.unit != nil {
            let usable = landscape ? DOCXParts.landscapeWidth : DOCXParts.portraitWidth
            xml += "<w:p><w:pPr><w:pStyle w:val=\"TableMeta\"/><w:tabs><w:tab w:val=\"right\" w:pos=\"\(usable)\"/></w:tabs></w:pPr>"
            if let p = t.preparer { xml += "<w:r><w:t xml:space=\"preserve\">编制部门：\(escape(p))</w:t></w:r>" }
            if let u = t.unit { xml += "<w:r><w:tab/><w:t xml:space=\"preserve\">单位：\(escape(u))</w:t></w:r>" }
            xml += "</w:p>"
        }
        let size = t.width > 9 ? 15 : 18
        let widths = columnWidths(t, total: landscape ? DOCXParts.landscapeWidth : DOCXParts.portraitWidth, size: size)
        xml += "<w:tbl><w:tblPr><w:tblStyle w:val=\"BudgetTable\"/><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>"
        xml += #"<w:jc w:val="center"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>"#
        for w in widths { xml += "<w:gridCol w:w=\"\(w)\"/>" }
        xml += "</w:tblGrid>"

        func cell(_ text: String?, width: Int, span: Int = 1, merge: String? = nil, align: String, bold: Bool,
                  shade: Bool = false, indent: Int = 0) -> String {
            var c = "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
            if span > 1 { c += "<w:gridSpan w:val=\"\(span)\"/>" }
            if let merge { c += merge == "restart" ? #"<w:vMerge w:val="restart"/>"# : "<w:vMerge/>" }
            if shade { c += #"<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>"# }
            c += #"<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/>"#
            if indent > 0 { c += "<w:ind w:left=\"\(indent * 180)\"/>" }
            c += "<w:jc w:val=\"\(align)\"/></w:pPr>"
            if let text, !text.isEmpty {
                c += "<w:r><w:rPr>\(bold ? "<w:b/>" : "")<w:sz w:val=\"\(size)\"/></w:rPr><w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r>"
            }
            return c + "</w:p></w:tc>"
        }

        let heights = headerHeights(t, widths: widths, size: size)
        for r in 0..<t.headerRows {
            xml += "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/><w:trHeight w:val=\"\(heights[r])\" w:hRule=\"atLeast\"/></w:trPr>"
            var c = 0
            while c < t.width {
                guard let (h, _) = t.headerCell(coveringRow: r, column: c) else {
                    xml += cell(nil, width: widths[c], align: "center", bold: true, shade: true)
                    c += 1
                    continue
                }
                let width = widths[h.column..<h.column + h.colSpan].reduce(0, +)
                // The top row of a merged cell starts the merge; the rows below continue it.
                let isTop = h.row == r
                let merge: String? = isTop ? (h.rowSpan > 1 ? "restart" : nil) : "continue"
                xml += cell(isTop ? h.text : nil, width: width, span: h.colSpan, merge: merge,
                            align: "center", bold: true, shade: true)
                c = h.column + h.colSpan
            }
            xml += "</w:tr>"
        }
        for row in t.body {
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (c, value) in row.cells.enumerated() {
                let kind = t.columnKinds[c]
                let align = kind == .amount ? "right" : kind == .code ? "center" : "left"
                xml += cell(value?.published, width: widths[c], align: align, bold: row.isBold(c),
                            indent: kind == .label ? row.indent(c) : 0)
            }
            xml += "</w:tr>"
        }
        if let note = t.note, t.body.isEmpty {
            xml += "<w:tr>" + cell(note, width: widths.reduce(0, +), span: t.width, align: "center", bold: false) + "</w:tr>"
        }
        xml += "</w:tbl>"
        if let note = t.note, !t.body.isEmpty { xml += paragraph(note, style: nil) }
        return xml
    }

    /// The least height of each header row, in twentieths of a point: as many lines
    /// as its tallest cell wraps to, a merged cell's lines shared among the rows it
    /// spans. Word and LibreOffice grow a row for its text on the first page but not
    /// always where the header repeats, so the rows are told.
    func headerHeights(_ t: PrintedTable, widths: [Int], size: Int) -> [Int] {
        let em = Double(size * 10), line = Int(em * 1.5)
        return (0..<t.headerRows).map { r in
            let lines = t.header.filter { $0.row <= r && r < $0.row + $0.rowSpan }.map { cell -> Int in
                let width = Double(widths[cell.column..<cell.column + cell.colSpan].reduce(0, +) - 2 * DOCXParts.cellMargin)
                let perLine = max(1, (width / em).rounded(.down))
                let count = Int((PrintedTable.ems(cell.text) / perLine).rounded(.up))
                return (count + cell.rowSpan - 1) / cell.rowSpan
            }.max() ?? 1
            return max(1, lines) * line + 2 * DOCXParts.cellMargin
        }
    }

    /// Column widths in twentieths of a point, from the table's widths in ems of
    /// its text (`size`, in half-points), filling the usable width; amounts are
    /// measured in the widest digits a reader's machine may set them in
    /// (`PrintedTable.amountEms`), so that none wraps.
    func columnWidths(_ t: PrintedTable, total: Int, size: Int) -> [Int] {
        let twipsPerEm = Double(size * 10)
        let widths = t.columnWidths(fitting: Double(total) / twipsPerEm, amountWidth: PrintedTable.amountEms)
            .map { Int(($0 * twipsPerEm).rounded(.down)) }
        guard let last = widths.indices.last else { return widths }
        // What rounding left over goes to the last column, so that the grid fills the width.
        var fitted = widths
        fitted[last] += max(0, total - widths.reduce(0, +))
        return fitted
    }
}
