import Foundation
import YusuanModel

extension DOCXRenderer {
    /// 目录 — the contents as a complex `TOC` field whose result is already filled
    /// in, as Word writes one: a paragraph per entry of the outline (a table one
    /// level down), each a link to its heading's bookmark, then a right tab with a
    /// dotted leader and a `PAGEREF` field to the bookmark holding the page number
    /// (`pages`, in the entries' order; nothing where it is not known). Word, which is
    /// told to update fields on opening, builds the field again from the parts'
    /// headings and the tables' `TC` fields, the same entries; a reader that does not
    /// update fields shows it as stored.
    func contentsField(_ entries: [ContentsEntry], pages: [Int]?) -> String {
        let begin = #"<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>"#
            + "<w:r><w:instrText xml:space=\"preserve\">\(escape(DOCXParts.contentsField))</w:instrText></w:r>"
            + #"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"#
        let end = #"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#
        guard !entries.isEmpty else { return "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr>\(begin)\(end)</w:p>" }
        var xml = ""
        for (i, entry) in entries.enumerated() {
            let name = Self.bookmarkName(i)
            xml += "<w:p><w:pPr><w:pStyle w:val=\"TOC\(entry.level)\"/></w:pPr>"
            if i == 0 { xml += begin }
            xml += "<w:hyperlink w:anchor=\"\(name)\" w:history=\"1\">"
            xml += "<w:r><w:t xml:space=\"preserve\">\(escape(entry.text))</w:t></w:r><w:r><w:tab/></w:r>"
            xml += #"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#
            xml += "<w:r><w:instrText xml:space=\"preserve\"> PAGEREF \(name) \\h </w:instrText></w:r>"
            xml += #"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"#
            if let page = pages?[safe: i] { xml += "<w:r><w:t>\(page)</w:t></w:r>" }
            xml += #"<w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink>"#
            if i == entries.count - 1 { xml += end }
            xml += "</w:p>"
        }
        return xml
    }

    /// The bookmark on the heading of the contents' entry `index` (from 0). Word
    /// hides bookmarks whose name starts with `_Toc`, as it does those of its own
    /// contents.
    static func bookmarkName(_ index: Int) -> String { "_Toc\(100_001 + index)" }

    /// 目录页码 — the page (from 1, as the footers count) of each contents entry,
    /// from where the entry's heading prints when LibreOffice prints the document
    /// (`ContentsPages.find`). The numbers sit at the end of the contents' lines,
    /// after a tab, so writing them in moves nothing. Nil where LibreOffice or
    /// pdftotext is not installed, or a heading is not found.
    func contentsPages(of docx: Data, _ d: Disclosure) throws -> [Int]? {
        guard let pdf = try LibreOffice.pdf(docx, extension: "docx", timeout: timeout),
              let pages = try ContentsPages.pageTexts(of: pdf) else { return nil }
        return ContentsPages.find(Outline.contents(d), in: pages)
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
