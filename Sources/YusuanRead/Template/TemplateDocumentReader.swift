import YusuanModel

/// 按表样读取 — reads a document of a regional template (PDF, or its `pdftotext
/// -layout` text) into a `Disclosure`: the template's tables keyed as the contract
/// says, the department, year and entity word from the tables' titles and 编制单位
/// lines, and the prose parts as sections by their headings.
enum TemplateDocumentReader {
    static func read(_ source: SourceDocument, template: TableTemplate) throws(ReadError) -> Disclosure {
        let geometric = source.origin == .pdf ? source : withColumnsAsBoxes(source)
        var reader = GeometryTableReader(source: geometric, template: template)
        let (tables, preparer, entityWord) = reader.read()
        guard let first = reader.placements().first else {
            throw .notADisclosure("no table of the \(template.name) template was found")
        }
        let year = TableReader.firstYear(in: geometric.text(of: geometric.lines[first.title])) ?? 0
        var department = preparer ?? ""
        if department.isEmpty {
            // The cover names the budgeting unit: 预算单位：X / 预算部门：X.
            for line in geometric.lines.prefix(20) {
                let t = TableTemplate.normal(geometric.text(of: line))
                for prefix in ["预算单位:", "预算部门:"] where t.hasPrefix(prefix) { department = String(t.dropFirst(prefix.count)) }
            }
        }
        var disclosure = Disclosure(department: department, year: year, format: DisclosureFormat.forYear(year),
                                    entityWord: entityWord, unit: MoneyUnit.wan.rawValue, tables: tables,
                                    sections: sections(geometric, before: first.title, after: reader.placements()),
                                    ambiguities: reader.ambiguities)
        disclosure.template = template.id
        disclosure.templateTables = template.contractTables
        return disclosure
    }

    /// The prose parts, each from a heading line (short, centred, ending in 职能,
    /// 机构设置, 名词解释, 编制说明 or 情况说明) to the next.
    static func sections(_ source: SourceDocument, before tablesStart: Int, after placements: [GeometryTableReader.Placement])
        -> [ExplanationSection] {
        let endings = ["主要职能", "机构设置", "名词解释", "编制说明", "情况说明"]
        let lastTable = placements.map(\.title).max() ?? 0
        var sections: [ExplanationSection] = []
        for (index, line) in source.lines.enumerated() {
            let t = TableTemplate.normal(source.text(of: line))
            // Contents entries and numbered sub-headings (`一、…情况说明`) are not part headings.
            guard t.count <= 40, endings.contains(where: { t.hasSuffix($0) }), !t.contains("……"),
                  GeometryTableReader.stripOrdinal(t) == t, index < tablesStart || index > lastTable else { continue }
            let numeral = CompletenessNumerals.all[min(sections.count, CompletenessNumerals.all.count - 1)]
            sections.append(ExplanationSection(number: numeral, title: t, lines: [], source: line.location))
        }
        // Bodies: the lines up to the next heading or table.
        let starts = sections.compactMap { s in s.source.map { $0.line - 1 } }
        let stops = (starts + placements.map(\.title) + [source.lines.count]).sorted()
        for (n, start) in starts.enumerated() {
            let end = stops.first { $0 > start } ?? source.lines.count
            sections[n].lines = source.lines[(start + 1)..<end].map { Located(source.text(of: $0), at: $0.location) }
        }
        return sections
    }

    /// A text document laid out by `pdftotext -layout` gets boxes from its layout:
    /// each run of characters without a space is a word, its x the character
    /// column (a CJK character counts two), its y the line.
    static func withColumnsAsBoxes(_ source: SourceDocument) -> SourceDocument {
        var pages: [(page: SourceDocument.Page, lines: [[(text: String, box: Box)]])] = []
        var current: [[(text: String, box: Box)]] = []
        for (index, line) in source.lines.enumerated() {
            let text = source.text(of: line)
            if text.hasPrefix("\u{0C}") && !current.isEmpty {
                pages.append((SourceDocument.Page(width: 0, height: 0), current))
                current = []
            }
            var words: [(text: String, box: Box)] = []
            var column = 0.0
            var word = ""
            var start = 0.0
            func flush() {
                if !word.isEmpty {
                    let y = Double(index) * 12
                    words.append((word, Box(xMin: start * 6, yMin: y, xMax: column * 6, yMax: y + 10)))
                }
                word = ""
            }
            for c in text where c != "\u{0C}" {
                if c == " " || c == "\u{3000}" {
                    flush()
                    column += c == " " ? 1 : 2
                    continue
                }
                if word.isEmpty { start = column }
                word.append(c)
                column += c.isASCII ? 1 : 2
            }
            flush()
            current.append(words)
        }
        pages.append((SourceDocument.Page(width: 0, height: 0), current))
        var document = SourceDocument(pdfPages: pages)
        document.origin = .text
        return document
    }
}

/// The numerals sections are numbered with.
enum CompletenessNumerals {
    static let all = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"]
}
