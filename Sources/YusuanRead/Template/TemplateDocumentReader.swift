import YusuanModel

/// 按表样读取 — reads a document of a regional template (a PDF, whose words carry
/// boxes) into a `Disclosure`: the template's tables keyed as the contract
/// says, the department, year and entity word from the tables' titles and 编制单位
/// lines, and the prose parts as sections by their headings.
enum TemplateDocumentReader {
    static func read(_ source: SourceDocument, template: TableTemplate) throws(ReadError) -> Disclosure {
        let source = source.origin == .pdf ? source : LayoutText.document(source)
        var reader = GeometryTableReader(source: source, template: template)
        let (tables, preparer, entityWord) = reader.read()
        guard let first = reader.placed.first else {
            throw .notADisclosure("no table of the \(template.name) template was found")
        }
        let year = TableReader.firstYear(in: source.text(of: source.lines[first.title])) ?? 0
        var department = preparer ?? ""
        if department.isEmpty {
            // The cover names the budgeting unit: 预算单位：X / 预算部门：X.
            for line in source.lines.prefix(20) {
                let t = TableTemplate.normal(source.text(of: line))
                for prefix in ["预算单位:", "预算部门:"] where t.begins(with: prefix) { department = String(t.dropFirst(prefix.count)) }
            }
        }
        var disclosure = Disclosure(department: department, year: year, format: DisclosureFormat.forYear(year),
                                    entityWord: entityWord, unit: MoneyUnit.wan.rawValue, tables: tables,
                                    sections: sections(source, before: first.title, after: reader.placed),
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
            guard t.count <= 40, endings.contains(where: { t.ends(with: $0) }), !t.includes("……"),
                  TableReader.incomeLabel(t) == t, index < tablesStart || index > lastTable else { continue }
            let numeral = SectionNumerals.all[min(sections.count, SectionNumerals.all.count - 1)]
            sections.append(ExplanationSection(number: numeral, title: t, lines: [], source: line.location))
        }
        // Bodies: the lines up to the next heading or table; paragraphs found with the
        // wrap width of all of them.
        let starts = sections.compactMap { s in s.source.map { $0.line - 1 } }
        let stops = (starts + placements.map(\.title) + [source.lines.count]).sorted()
        for (n, start) in starts.enumerated() {
            let end = stops.first { $0 > start } ?? source.lines.count
            sections[n].lines = source.lines[(start + 1)..<end].map { Located(source.text(of: $0), at: $0.location) }
        }
        let wrap = Prose.wrapWidth(sections.flatMap { $0.lines.map(\.value) })
        for n in sections.indices {
            sections[n].paragraphStarts = Prose.paragraphStarts(sections[n].lines.map(\.value), wrap: wrap)
        }
        return sections
    }
}

/// The numerals sections are numbered with.
enum SectionNumerals {
    static let all = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"]
}
