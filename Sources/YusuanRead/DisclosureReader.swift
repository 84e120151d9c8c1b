import YusuanModel

/// 读取 — turns the text of a published 部门预算公开 into a `Disclosure`.
///
/// ```swift
/// let disclosure = try DisclosureReader.read(text)
/// disclosure.table(.generalPublic)?[.code("2101202"), .total]   // 921.93
/// ```
///
/// The reader records what is printed, inconsistencies included; judging them is
/// the audit's job. Where the flattened text leaves a value's column open, the
/// choice is recorded in `Disclosure.ambiguities`.
public enum DisclosureReader {
    /// Reads a document from its bytes (which must be UTF-8).
    public static func read(bytes: [UInt8]) throws(ReadError) -> Disclosure {
        try read(try source(bytes: bytes))
    }

    /// The source document of a text file's bytes (which must be UTF-8).
    public static func source(bytes: [UInt8]) throws(ReadError) -> SourceDocument {
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .notUTF8 }
        return SourceDocument(text: bytes)
    }

    /// Reads a source document (text or PDF): a document of a regional template is
    /// read by its template's data, any other by the seeds' template.
    public static func read(_ source: SourceDocument) throws(ReadError) -> Disclosure {
        guard source.lines.contains(where: { !$0.range.isEmpty }) else { throw .empty }
        let template = Templates.recognise(source)
        guard let template, template.id != "standard" else {
            // The contract's own template: the text reader reads every part; from a PDF
            // the tables are read again from geometry, which decides.
            guard source.origin == .pdf, let template else { return try read(SourceText(document: source)) }
            // Every value the text reader takes from a PDF's line keeps its page and box.
            let disclosure = try read(SourceText(document: source))
            var reader = GeometryTableReader(source: source, template: template)
            return crossChecked(disclosure, geometry: reader.read().tables)
        }
        // A regional template, from a PDF's boxes or from `pdftotext -layout` text.
        return try TemplateDocumentReader.read(source, template: template)
    }

    /// Reads a document from its text.
    public static func read(_ text: String) throws(ReadError) -> Disclosure {
        try read(SourceText(text))
    }

    /// Reads a document from its lines (the seeds' template).
    static func read(_ source: SourceText) throws(ReadError) -> Disclosure {
        guard !source.lines.isEmpty else { throw .empty }
        let lines = source.lines
        let layout = try Layout(lines)

        // The tables come first: their 编制部门 line names the department reliably.
        var tables = TableReader(lines: lines, form: source.form, layout: layout)
        let (budgetTables, ambiguities) = tables.read()
        guard let overall = budgetTables.first(where: { $0.kind == .overall }) else {
            throw .notADisclosure("table 1 (收支总体情况表) could not be read")
        }
        let year = tables.year
        let format = DisclosureFormat.forYear(year)
        let department = overall.preparer ?? ""

        let overview = OverviewReader.read(lines[layout.overview], department: department)
        var performance = PerformanceTargets()
        let perfRanges = performanceRanges(layout: layout, lines: lines)
        for (range, isDepartment) in perfRanges {
            let slice = lines[range]
            if isDepartment {
                performance.department = PerformanceReader.readDepartment(slice)
            } else if let table = PerformanceReader.readProject(slice) {
                performance.projects.append(table)
            }
        }
        // The explanation without the performance tables' lines, marked by index.
        var inTable = [Bool](repeating: false, count: lines.count)
        for (range, _) in perfRanges { for i in range.clamped(to: lines.indices) { inTable[i] = true } }
        var explanationLines: [SourceLine] = []
        explanationLines.reserveCapacity(layout.explanation.count)
        for i in layout.explanation where !inTable[i] { explanationLines.append(lines[i]) }
        let (sections, facts) = ExplanationReader.read(explanationLines)
        let (glossary, signature) = GlossaryReader.read(lines[layout.glossary])
        let contents = layout.contents.map { lines[$0].map { Located($0.text, at: $0.location) } } ?? []

        return Disclosure(
            department: department, year: year, format: format,
            entityWord: tables.entityWord, unit: tables.unit, contents: contents,
            overview: overview, tables: budgetTables, sections: sections, facts: facts,
            performance: performance, glossary: glossary, signature: signature, ambiguities: ambiguities)
    }

    /// The disclosure with the tables read from page geometry in place of those the
    /// text reader recovered. Where the two disagree on a cell, the geometry's value
    /// is kept and the disagreement recorded as an ambiguity naming both.
    static func crossChecked(_ disclosure: Disclosure, geometry: [BudgetTable]) -> Disclosure {
        var d = disclosure
        for table in geometry where !table.rows.isEmpty || table.emptyStatement != nil {
            let kind = table.kind
            d.ambiguities.removeAll { $0.table == kind.rawValue }
            if let text = d.table(kind) {
                // Rows both readings found (the text reading may key a wrapped name otherwise).
                for row in table.rows where text.row(row.key) != nil {
                    for (c, column) in table.columns.enumerated() {
                        let boxed = row.cells[c]?.value
                        let recovered = text[row.key, column]
                        guard boxed != recovered else { continue }
                        d.ambiguities.append(Ambiguity(
                            table: kind.rawValue, row: row.key,
                            message: "表\(kind.rawValue) \(row.key) \(column): the page geometry gives \(boxed?.description ?? "no value"), the text's column recovery \(recovered?.description ?? "no value"); the geometry's is kept",
                            chosen: [column], alternatives: [], source: row.cells[c]?.source ?? row.source))
                    }
                }
            }
            if let index = d.tables.firstIndex(where: { $0.kind == kind }) {
                d.tables[index] = table
            } else {
                d.tables.append(table)
                d.tables.sort { $0.kind < $1.kind }
            }
        }
        return d
    }

    /// Each performance table runs from its heading to the next heading, or to the
    /// first line that resumes the explanation's own numbering after the last one.
    static func performanceRanges(layout: Layout, lines: [SourceLine]) -> [(range: Range<Int>, isDepartment: Bool)] {
        var result: [(Range<Int>, Bool)] = []
        for (n, start) in layout.performanceStarts.enumerated() {
            var end = n + 1 < layout.performanceStarts.count ? layout.performanceStarts[n + 1].index : layout.explanation.upperBound
            if n + 1 == layout.performanceStarts.count {
                // The last table ends where a numbered paragraph such as （五）其他需说明的事项 starts.
                if let resume = (start.index + 1..<end).first(where: { ExplanationReader.isSubsectionHeading(lines[$0].text) }) {
                    end = resume
                }
            }
            result.append(((start.index..<end), start.isDepartment))
        }
        return result
    }
}
