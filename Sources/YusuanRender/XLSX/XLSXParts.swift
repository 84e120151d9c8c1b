import Foundation

/// The fixed parts of a workbook: content types, relationships, the workbook, styles.
enum XLSXParts {
    /// Cell styles (indices into `cellXfs` of `styles`).
    enum Style: Int {
        case normal = 0, title, meta, metaRight, header, label, labelBold, code, codeBold, amount, amountBold, note
        case labelIndent1, labelIndent2
        /// The 数据 sheet's bold header and its amounts (no borders, at the top of the row).
        case dataHeader, dataAmount
        /// A performance indicator's weight: a bordered, centred number in the general format.
        case weight
        /// Text without borders, wrapped at the column's width, at the top of its row:
        /// the 数据 sheet's texts (a record's row is as tall as its longest) and the
        /// explanation's paragraphs; and the explanation's headings, in bold at the
        /// foot of theirs.
        case plainText, plainBold
    }

    /// The print footer: the page number and the page count, centred (`&P / &N`).
    static let pageFooter = "&amp;C&amp;P / &amp;N"

    /// 工作表 — one sheet's XML around its rows, the same for every sheet: A4 one
    /// page wide, the page footer, and optionally frozen header rows, merged cells,
    /// an autofilter and rows that start a new printed page (`pageStarts`, from 1).
    static func worksheet(dimension: String, frozenRows: Int? = nil, widths: [Int], rows: String,
                          merges: [String] = [], autoFilter: String? = nil, landscape: Bool,
                          pageStarts: [Int] = []) -> String {
        var xml = ZipPackage.declaration
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        xml += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#
        xml += "<dimension ref=\"\(dimension)\"/>"
        if let frozen = frozenRows {
            xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(frozen)\" topLeftCell=\"A\(frozen + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        } else {
            xml += #"<sheetViews><sheetView workbookViewId="0"/></sheetViews>"#
        }
        xml += #"<sheetFormatPr defaultRowHeight="15"/>"#
        xml += "<cols>"
        for (c, width) in widths.enumerated() {
            xml += "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
        }
        xml += "</cols><sheetData>" + rows + "</sheetData>"
        if let autoFilter { xml += "<autoFilter ref=\"\(autoFilter)\"/>" }
        if !merges.isEmpty {
            xml += "<mergeCells count=\"\(merges.count)\">" + merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
        }
        xml += #"<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>"#
        xml += "<pageSetup paperSize=\"9\" orientation=\"\(landscape ? "landscape" : "portrait")\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        xml += "<headerFooter><oddFooter>\(pageFooter)</oddFooter></headerFooter>"
        if !pageStarts.isEmpty {
            // A break's id is the row above it (the rows counted from 1), as Excel writes it.
            xml += "<rowBreaks count=\"\(pageStarts.count)\" manualBreakCount=\"\(pageStarts.count)\">"
                + pageStarts.map { "<brk id=\"\($0 - 1)\" max=\"16383\" man=\"1\"/>" }.joined() + "</rowBreaks>"
        }
        return xml + "</worksheet>"
    }

    /// The custom number format of amounts.
    static let amountFormat = "#,##0.00"

    /// `A`, `B`, … `Z`, `AA`, … for a zero-based column.
    static func column(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    static func contentTypes(sheets: Int) -> String {
        var xml = ZipPackage.declaration
        xml += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        for i in 0..<sheets {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        xml += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        xml += #"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
        xml += #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        return xml + "</Types>"
    }

    static let rootRelationships = ZipPackage.declaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
        + "</Relationships>"

    static func coreProperties(title: String) -> String {
        ZipPackage.declaration
            + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
            + "<dc:title>\(escape(title))</dc:title><dc:creator>yusuan</dc:creator></cp:coreProperties>"
    }

    /// The workbook: the table sheets, then 数据 with its filter range (`records` rows),
    /// then 绩效目标 where the disclosure has performance tables.
    /// `xl/workbook.xml`: a sheet a table, 数据, then the sheets named in `following`.
    static func workbook(_ tables: [PrintedTable], records: Int, following: [String] = []) -> String {
        var xml = ZipPackage.declaration
        xml += #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        xml += "<bookViews><workbookView/></bookViews><sheets>"
        for (i, t) in tables.enumerated() {
            xml += "<sheet name=\"\(escape(XLSXRenderer.sheetName(t)))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        let data = tables.count + 1
        xml += "<sheet name=\"\(DataSheet.name)\" sheetId=\"\(data)\" r:id=\"rId\(data)\"/>"
        for (i, name) in following.enumerated() {
            xml += "<sheet name=\"\(escape(name))\" sheetId=\"\(data + 1 + i)\" r:id=\"rId\(data + 1 + i)\"/>"
        }
        xml += "</sheets><definedNames>"
        // Print the header rows on every page.
        let top = XLSXRenderer.headerStartRow
        for (i, t) in tables.enumerated() where t.headerRows > 0 {
            xml += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">'\(escape(XLSXRenderer.sheetName(t)))'!$\(top):$\(top + t.headerRows - 1)</definedName>"
        }
        xml += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(tables.count)\">'\(DataSheet.name)'!$1:$1</definedName>"
        xml += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(tables.count)\" hidden=\"1\">"
        xml += "'\(DataSheet.name)'!$A$1:$\(column(DataSheet.columns.count - 1))$\(records + 1)</definedName>"
        return xml + "</definedNames></workbook>"
    }

    static func workbookRelationships(sheets: Int) -> String {
        var xml = ZipPackage.declaration
        xml += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for i in 0..<sheets {
            xml += "<Relationship Id=\"rId\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheets + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        xml += "<Relationship Id=\"rId\(sheets + 2)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return xml + "</Relationships>"
    }

    /// Fonts: 0 normal, 1 bold, 2 the title. Fills: 2 the header's grey. Borders: 1 thin all round.
    static let styles: String = {
        var xml = ZipPackage.declaration
        xml += #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        xml += "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"\(escape(amountFormat))\"/></numFmts>"
        xml += #"<fonts count="3">"#
        xml += #"<font><sz val="10"/><name val="宋体"/><family val="3"/><charset val="134"/></font>"#
        xml += #"<font><b/><sz val="10"/><name val="宋体"/><family val="3"/><charset val="134"/></font>"#
        xml += #"<font><b/><sz val="16"/><name val="黑体"/><family val="3"/><charset val="134"/></font>"#
        xml += "</fonts>"
        xml += #"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
        xml += #"<fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill></fills>"#
        xml += #"<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>"#
        xml += #"<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>"#
        xml += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        let xfs = [
            #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
            #"<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>"#,
            #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
            #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="right"/></xf>"#,
            #"<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>"#,
            #"<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>"#,
            #"<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>"#,
            #"<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>"#,
            #"<xf numFmtId="49" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>"#,
            #"<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>"#,
            #"<xf numFmtId="164" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>"#,
            #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>"#,
            #"<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="center" indent="1" wrapText="1"/></xf>"#,
            #"<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="center" indent="2" wrapText="1"/></xf>"#,
            #"<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>"#,
            #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>"#,
            #"<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>"#,
            #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#,
            #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="bottom" wrapText="1"/></xf>"#,
        ]
        xml += "<cellXfs count=\"\(xfs.count)\">" + xfs.joined() + "</cellXfs>"
        xml += #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        return xml + "</styleSheet>"
    }()
}
