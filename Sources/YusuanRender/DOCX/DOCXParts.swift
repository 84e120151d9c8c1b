/// The fixed parts of a Word document: content types, relationships, styles,
/// settings, the footer, and the page set-up of a section.
enum DOCXParts {
    /// A4 in twentieths of a point, and the margins.
    static let pageWidth = 11906, pageHeight = 16838, margin = 1021
    static var portraitWidth: Int { pageWidth - 2 * margin }
    /// A table cell's inner margin, left and right, in twentieths of a point.
    static let cellMargin = 57
    static var landscapeWidth: Int { pageHeight - 2 * margin }

    /// `w:sectPr` of an A4 section, portrait or landscape, with the page-number
    /// footer (the numbering runs on across sections).
    static func section(landscape: Bool) -> String {
        let size = landscape
            ? "<w:pgSz w:w=\"\(pageHeight)\" w:h=\"\(pageWidth)\" w:orient=\"landscape\"/>"
            : "<w:pgSz w:w=\"\(pageWidth)\" w:h=\"\(pageHeight)\"/>"
        return "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"\(footerRelationship)\"/>\(size)<w:pgMar w:top=\"\(margin)\" w:right=\"\(margin)\" w:bottom=\"\(margin)\" w:left=\"\(margin)\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"
    }

    static let contentTypes = ZipPackage.declaration
        + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/>"#
        + #"<Default Extension="emf" ContentType="image/x-emf"/>"#
        + #"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#
        + #"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#
        + #"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#
        + #"<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>"#
        + #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        + "</Types>"

    static let rootRelationships = ZipPackage.declaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
        + "</Relationships>"

    /// `word/_rels/document.xml.rels`: styles, settings, the footer, and each chart's picture.
    static func documentRelationships(charts: [Chart]) -> String {
        var xml = ZipPackage.declaration
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
            + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#
            + #"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#
        for chart in charts {
            xml += "<Relationship Id=\"\(chartRelationship(chart))\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/\(chartFile(chart))\"/>"
        }
        return xml + "</Relationships>"
    }

    /// The picture of 图N: `word/media/chartN.emf`, and its relationship id.
    static func chartFile(_ chart: Chart) -> String { "chart\(chart.number).emf" }
    static func chartRelationship(_ chart: Chart) -> String { "rIdChart\(chart.number)" }

    /// The relationship id of `word/footer1.xml` in `word/_rels/document.xml.rels`.
    static let footerRelationship = "rId3"

    /// 页脚 — `word/footer1.xml`: the page number, a `PAGE` field, centred.
    static let footer = ZipPackage.declaration
        + #"<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        + #"<w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>"#
        + #"<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>"#
        + "</w:ftr>"

    /// 目录域 — the field code of the contents: the parts (headings of level 1) and
    /// the `TC` fields beside the tables' titles (`表1 部门收支总体情况表`, level 2),
    /// entries as links; so that Word, building the field again, lists what the
    /// stored result lists, and not the explanation's sections or the titles without 表N.
    static let contentsField = #" TOC \o "1-1" \f \h \z \u "#

    /// A `TC` field: a contents entry at this level, where the field stands; it prints nothing.
    static func contentsEntry(_ text: String, level: Int) -> String {
        #"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#
            + "<w:r><w:instrText xml:space=\"preserve\"> TC \"\(escape(text))\" \\l \(level) </w:instrText></w:r>"
            + #"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#
    }

    /// The settings, in the schema's order (Word refuses a file whose settings are
    /// out of order): `updateFields` after `characterSpacingControl`, before `compat`,
    /// so that Word fills the contents field on opening.
    static let settings = ZipPackage.declaration
        + #"<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#
        + #"<w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>"#
        + #"<w:updateFields w:val="true"/>"#
        + #"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#
        + "</w:settings>"

    /// Body text in 宋体 10.5 pt (五号) with a two-character first-line indent,
    /// headings in 黑体, table text in 9 pt without indent.
    static let styles: String = {
        let fonts = #"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman"/>"#
        let heiti = #"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="黑体"/>"#
        func heading(_ level: Int, size: Int, center: Bool, before: Int) -> String {
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading\(level)\"><w:name w:val=\"heading \(level)\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
                + "<w:pPr><w:keepNext/><w:spacing w:before=\"\(before)\" w:after=\"120\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>\(center ? "<w:jc w:val=\"center\"/>" : "")<w:outlineLvl w:val=\"\(level - 1)\"/></w:pPr>"
                + "<w:rPr>\(heiti)<w:b/><w:sz w:val=\"\(size)\"/></w:rPr></w:style>"
        }
        var xml = ZipPackage.declaration
        xml += #"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#
        xml += "<w:docDefaults><w:rPrDefault><w:rPr>\(fonts)<w:sz w:val=\"21\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>"
        // Widow and orphan control: no page starts or ends with a paragraph's single line
        // (off where the property is absent).
        xml += #"<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after="60" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#
        xml += #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="420"/><w:jc w:val="both"/></w:pPr></w:style>"#
        xml += "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:before=\"600\" w:after=\"600\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr>\(heiti)<w:b/><w:sz w:val=\"56\"/></w:rPr></w:style>"
        // The cover: the department and the date centred, without the body's first-line indent.
        xml += "<w:style w:type=\"paragraph\" w:styleId=\"CoverDepartment\"><w:name w:val=\"Cover Department\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"3600\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr>\(heiti)<w:sz w:val=\"40\"/></w:rPr></w:style>"
        xml += "<w:style w:type=\"paragraph\" w:styleId=\"CoverDate\"><w:name w:val=\"Cover Date\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"4800\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:sz w:val=\"32\"/></w:rPr></w:style>"
        xml += heading(1, size: 32, center: true, before: 240)
        xml += heading(2, size: 28, center: false, before: 240)
        xml += heading(3, size: 30, center: true, before: 60)
        xml += heading(4, size: 22, center: false, before: 180)
        // The contents: its heading (no outline level, so it does not list itself) and
        // the entry styles Word and LibreOffice fill the TOC field with.
        xml += "<w:style w:type=\"paragraph\" w:styleId=\"TOCHeading\"><w:name w:val=\"TOC Heading\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
            + "<w:pPr><w:spacing w:before=\"240\" w:after=\"120\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr>\(heiti)<w:b/><w:sz w:val=\"32\"/></w:rPr></w:style>"
        for level in 1...3 {
            xml += "<w:style w:type=\"paragraph\" w:styleId=\"TOC\(level)\"><w:name w:val=\"toc \(level)\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>"
                + "<w:pPr><w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"\(portraitWidth)\"/></w:tabs><w:spacing w:after=\"0\"/><w:ind w:left=\"\((level - 1) * 420)\" w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"left\"/></w:pPr></w:style>"
        }
        xml += #"<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>"#
        xml += #"<w:style w:type="paragraph" w:styleId="TableNumber"><w:name w:val="Table Number"/><w:basedOn w:val="Normal"/><w:next w:val="Heading3"/><w:pPr><w:keepNext/><w:spacing w:after="0"/><w:ind w:firstLineChars="0" w:firstLine="0"/></w:pPr><w:rPr><w:sz w:val="20"/></w:rPr></w:style>"#
        xml += #"<w:style w:type="paragraph" w:styleId="TableMeta"><w:name w:val="Table Meta"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:after="40"/><w:ind w:firstLineChars="0" w:firstLine="0"/></w:pPr><w:rPr><w:sz w:val="19"/></w:rPr></w:style>"#
        xml += #"<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>"#
        // A chart: its number and title above (kept with it), the picture centred, the source below.
        xml += "<w:style w:type=\"paragraph\" w:styleId=\"ChartCaption\"><w:name w:val=\"Chart Caption\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"60\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr>\(heiti)<w:b/><w:sz w:val=\"21\"/></w:rPr></w:style>"
        xml += #"<w:style w:type="paragraph" w:styleId="ChartPicture"><w:name w:val="Chart Picture"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr></w:style>"#
        xml += #"<w:style w:type="paragraph" w:styleId="ChartSource"><w:name w:val="Chart Source"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="240"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>"#
        xml += #"<w:style w:type="paragraph" w:styleId="Signature"><w:name w:val="Signature"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/></w:pPr></w:style>"#
        xml += #"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#
        xml += #"<w:style w:type="table" w:styleId="BudgetTable"><w:name w:val="Budget Table"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>"#
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            xml += "<w:\(side) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        }
        xml += #"</w:tblBorders><w:tblCellMar><w:left w:w="\#(cellMargin)" w:type="dxa"/><w:right w:w="\#(cellMargin)" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#
        return xml + "</w:styles>"
    }()
}
