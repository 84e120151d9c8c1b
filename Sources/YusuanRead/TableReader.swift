import YusuanModel

/// 公开表 — reads the standard tables (表 1 … 表 11) of a document.
///
/// Each table is read in three steps: its header (title, 编制部门, unit), its body
/// (printed rows, wrapped names joined, repeated page headers skipped), and the
/// placement of values into columns — given by the cells in the tabular form,
/// recovered by `ColumnSolver` in the flattened form. Table 1 is read first: the
/// sources of income it lists tell which columns of tables 2, 4, 10 and 11 can
/// hold anything at all.
struct TableReader {
    let lines: [SourceLine]
    let form: SourceText.Form
    let layout: Layout
    private(set) var year = 0
    private(set) var unit = "万元"
    private(set) var entityWord = "部门"
    var format: DisclosureFormat = .edition2024
    var ambiguities: [Ambiguity] = []
    /// Functional code → name, from the tables read so far.
    var names: [String: String] = [:]
    var overall: BudgetTable?
    var solved: [StandardTable: BudgetTable] = [:]

    init(lines: [SourceLine], form: SourceText.Form, layout: Layout) {
        self.lines = lines
        self.form = form
        self.layout = layout
    }

    mutating func read() -> ([BudgetTable], [Ambiguity]) {
        year = findYear()
        format = DisclosureFormat.forYear(year)
        var ranges: [StandardTable: Range<Int>] = [:]
        for (n, start) in layout.tableStarts.enumerated() {
            let next = n + 1 < layout.tableStarts.count ? layout.tableStarts[n + 1].index : layout.tables.upperBound
            // A 表 N line printed past the tables' part (a stray line) gives an empty range, never a reversed one.
            let end = max(start.index, next)
            if let kind = StandardTable(rawValue: start.number) { ranges[kind] = start.index..<end }
        }
        // Order of reading: table 1 (sources), then the functional tables whose names
        // table 7 needs, then the rest.
        let order: [StandardTable] = [.overall, .expenditure, .generalPublic, .income, .fiscalAppropriation,
                                      .basicByEconomicClass, .projects, .governmentFund, .stateCapital,
                                      .threePublicCosts, .carryOver]
        for kind in order {
            guard let range = ranges[kind] else { continue }
            let table = readTable(kind, range)
            solved[kind] = table
            if kind == .overall { overall = table }
            for row in table.rows where row.code != nil && row.project == nil && names[row.code!] == nil {
                names[row.code!] = row.name
            }
        }
        let tables = solved.values.sorted { $0.kind < $1.kind }
        return (tables, ambiguities)
    }

    // MARK: Header

    private func findYear() -> Int {
        let partTwo = (0..<layout.tables.lowerBound).last { lines[$0].text.compactBegins(with: "第二部分") }
        let candidates = [partTwo].compactMap { $0 } + Array(0..<min(lines.count, 60))
        for i in candidates {
            if let y = Self.firstYear(in: lines[i].text) { return y }
        }
        return 0
    }

    /// The first year printed as `2025年` or `2025 年度`: four ASCII digits from 20,
    /// not inside a longer number, before 年 or 度 (spaces aside). Read on the bytes.
    static func firstYear(in text: String) -> Int? {
        Spaces.withBytes(text) { u in
            func isDigit(_ k: Int) -> Bool { k >= 0 && k < u.count && (0x30...0x39).contains(u[k]) }
            var i = 0
            while i + 3 < u.count {
                if u[i] == UInt8(ascii: "2"), u[i + 1] == UInt8(ascii: "0"), isDigit(i + 2), isDigit(i + 3),
                   !isDigit(i + 4), !isDigit(i - 1) {
                    var j = i + 4
                    while j < u.count, u[j] == UInt8(ascii: " ") { j += 1 }
                    let rest = UnsafeBufferPointer(rebasing: u[j...])
                    if rest.starts(with: "年".utf8) || rest.starts(with: "度".utf8) {
                        return (i..<(i + 4)).reduce(0) { $0 * 10 + Int(u[$1] - UInt8(ascii: "0")) }
                    }
                }
                i += 1
            }
            return nil
        }
    }

    private struct Header {
        var title: String
        var preparer: String?
        var bodyStart: Int
    }

    private mutating func readHeader(_ range: Range<Int>) -> Header {
        var title = ""
        var preparer: String?
        // (An empty range, a 表 line with nothing after it, stays empty.)
        var i = min(range.lowerBound + 1, range.upperBound)
        while i < range.upperBound, i < range.lowerBound + 4 {
            let t = LineTokens.compact(lines[i].text)
            if t.begins(with: "表"), Int(t.dropFirst()) != nil { i += 1; continue }
            if t.ends(with: "表") && title.isEmpty { title = lines[i].text.trimmingSpaces(); i += 1; break }
            i += 1
        }
        // 编制部门：X 单位：万元 — possibly wrapped over lines.
        if let p = (i..<min(range.upperBound, i + 3)).first(where: { Self.isPreparerLine(lines[$0].text) }) {
            var text = lines[p].text
            var j = p + 1
            entityWord = text.compactBegins(with: "编制单位") ? "单位" : "部门"
            var parsed = Self.parsePreparer(text)
            while parsed.unit == nil, j < range.upperBound, j < p + 3 {
                text += lines[j].text
                parsed = Self.parsePreparer(text)
                j += 1
            }
            preparer = parsed.name
            if let u = parsed.unit { unit = u }
            i = parsed.unit == nil ? p + 1 : j
        }
        return Header(title: title, preparer: preparer, bodyStart: i)
    }

    static func isPreparerLine(_ text: String) -> Bool {
        text.compactBegins(with: "编制部门") || text.compactBegins(with: "编制单位")
    }

    /// `编制部门：尉犁县医疗保障局 单位：万元` → ("尉犁县医疗保障局", "万元").
    static func parsePreparer(_ text: String) -> (name: String?, unit: String?) {
        var t = Substring(LineTokens.compact(text))
        t = t.dropFirst(4)
        if t.first == ":" || t.first == "：" { t = t.dropFirst() }
        for marker in ["单位：", "单位:"] {
            if let r = t.byteRange(of: marker) {
                let name = String(t[..<r.lowerBound])
                let unit = String(t[r.upperBound...])
                return (name.isEmpty ? nil : name, unit.isEmpty ? nil : unit)
            }
        }
        return (t.isEmpty ? nil : String(t), nil)
    }

    // MARK: Tables

    /// The seeds' template, as data (`Resources/Templates/standard.json`).
    static let standard = Templates.named("standard")

    /// A table's columns, from the template's data (the contract's where it has none).
    static func columns(_ kind: StandardTable, _ format: DisclosureFormat) -> [ColumnKey] {
        shapes[format]?[kind]?.columns ?? shape(kind, format).columns
    }

    /// A table's row identities, from the template's data.
    static func identities(_ kind: StandardTable, _ format: DisclosureFormat) -> [SumRelation] {
        shapes[format]?[kind]?.identities ?? shape(kind, format).identities
    }

    /// A table's columns and row identities in a format, worked out from the template's data.
    private static func shape(_ kind: StandardTable, _ format: DisclosureFormat) -> Shape {
        Shape(columns: standard?.columns(of: kind, in: format) ?? kind.columns(in: format),
              identities: standard.map { $0.identities(of: kind, in: format) } ?? kind.rowIdentities(in: format))
    }

    /// 表式 — the columns and row identities of one table in one format.
    private struct Shape: Sendable {
        var columns: [ColumnKey]
        var identities: [SumRelation]
    }

    /// Every table's shape in each format, worked out once: a document asks for them
    /// table by table, and working one out goes through the template's column sets.
    private static let shapes: [DisclosureFormat: [StandardTable: Shape]] = Dictionary(
        uniqueKeysWithValues: [DisclosureFormat.edition2023, .edition2024].map { format in
            (format, Dictionary(uniqueKeysWithValues: StandardTable.allCases.map { ($0, shape($0, format)) }))
        })

    private mutating func readTable(_ kind: StandardTable, _ range: Range<Int>) -> BudgetTable {
        let header = readHeader(range)
        let columns = Self.columns(kind, format)
        var table = BudgetTable(kind: kind, title: header.title.isEmpty ? kind.standardTitle : header.title,
                                preparer: header.preparer, columns: columns, source: lines[range.lowerBound].location)
        let body = header.bodyStart..<range.upperBound
        switch kind {
        case .overall:
            table.rows = readTwoSided(body, incomeColumns: 1, expenditureColumns: 1, kind: kind)
            table.emptyStatement = emptyStatement(body)
        case .fiscalAppropriation:
            table.rows = readTwoSided(body, incomeColumns: 1, expenditureColumns: 4, kind: kind)
            table.emptyStatement = emptyStatement(body)
        default:
            let parsed = readBody(kind, body, columnCount: columns.count)
            table.emptyStatement = parsed.emptyStatement
            table.rows = place(kind, parsed.entries, columns: columns, preparer: header.preparer)
        }
        return table
    }

    /// The statement a table printed empty carries (the last, if more than one).
    private func emptyStatement(_ body: Range<Int>) -> Located<String>? {
        var statement: Located<String>?
        var i = body.lowerBound
        while i < body.upperBound {
            if Self.opensEmptyStatement(lines[i].text) {
                (statement, i) = readEmptyStatement(at: i, body)
            } else {
                i += 1
            }
        }
        return statement
    }

    /// 空表说明: a line that says 没有 …, or 备注, or 为空表.
    private static func opensEmptyStatement(_ text: String) -> Bool {
        text.compactIncludes("没有") || text.compactBegins(with: "备注") || text.compactIncludes("为空表")
    }

    /// The empty table's statement opening at line `i`, to the line that says
    /// 空表, and the line after it.
    private func readEmptyStatement(at i: Int, _ body: Range<Int>) -> (Located<String>, next: Int) {
        var statement = lines[i].text
        var j = i
        while !statement.compactIncludes("空表"), j + 1 < body.upperBound {
            j += 1
            statement += lines[j].text
        }
        return (Located(statement, at: lines[i].location), j + 1)
    }

    /// The label cells a tabular row of this table starts with.
    private func labelCellCount(_ kind: StandardTable) -> Int {
        switch kind {
        case .projects: 5
        case .basicByEconomicClass: 3
        case .threePublicCosts, .carryOver: 1
        default: 4
        }
    }

    private func codeClasses(_ kind: StandardTable) -> ClosedRange<Int> {
        kind == .basicByEconomicClass ? 301...399 : 201...299
    }

    /// Reads the printed rows of a table body (every table but 1 and 4), which has
    /// `columnCount` value columns.
    private func readBody(_ kind: StandardTable, _ body: Range<Int>, columnCount: Int) -> TableBody {
        var result = TableBody()
        // An entry a line at most: sized once (an entry is large, and growing copies them).
        result.entries.reserveCapacity(body.count)
        var i = body.lowerBound
        var inData = false
        var pending: [SourceLine] = []
        var pendingCode: String?

        func flush() {
            guard !pending.isEmpty else { return }
            // A row printed without values (a label of an empty table) is kept when
            // it is a known line of table 10; otherwise dropped.
            if kind == .threePublicCosts || pendingCode != nil {
                let label = pending.map { $0.text }.joined()
                result.entries.append(TableEntry(code: pendingCode, label: codeStripped(label, pendingCode), values: [],
                                                 start: pending[0].location, valuesAt: pending[0].location,
                                                 labelLines: pending.map(\.text)))
            }
            pending.removeAll(keepingCapacity: true)
            pendingCode = nil
        }

        while i < body.upperBound {
            let line = lines[i]
            let text = line.text
            // 空表说明: from the line that says 没有 … to the one ending in 空表。
            if Self.opensEmptyStatement(text) {
                flush()
                (result.emptyStatement, i) = readEmptyStatement(at: i, body)
                continue
            }
            if Self.isPreparerLine(line.text) {
                flush()
                inData = false
                i += 1
                continue
            }
            if let cells = line.cells {
                if let entry = tabularEntry(kind, cells, line, columnCount: columnCount) {
                    result.entries.append(entry)
                    inData = true
                }
                i += 1
                continue
            }
            let code = LineTokens.leadingCode(line.text, classes: codeClasses(kind))
            let isTotal = Self.isTotalLabel(text)
            let split = LineTokens.splitTrailingValues(line.text)
            let knownLine = kind == .threePublicCosts && ThreePublicCosts.key(for: split.label) != nil
            if !inData {
                // A bare 合计 in a header is a column heading, not the total row.
                guard code != nil || (isTotal && !split.values.isEmpty) || knownLine
                        || (!split.values.isEmpty && !text.compactBegins(with: "※")) else {
                    i += 1
                    continue
                }
                inData = true
            }
            if code != nil || isTotal || knownLine {
                flush()
                pendingCode = code?.code
            }
            if text.compactBegins(with: "※") || text.compactEquals("类款项") { i += 1; continue }
            pending.append(line)
            if !split.values.isEmpty {
                // Most rows are one printed line: their label is neither joined nor split again.
                let text = pending.count == 1 ? split.label : (pending.dropLast().map(\.text) + [split.label]).joined(separator: "\n")
                var label = codeStripped(text, pendingCode)
                var labelLines = label.isEmpty ? [] : [label]
                if Spaces.withBytes(label, { $0.contains(0x0A) }) {
                    labelLines = label.utf8.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
                    label = labelLines.joined()
                }
                result.entries.append(TableEntry(
                    code: pendingCode, label: label, values: split.values, start: pending[0].location,
                    valuesAt: line.location, labelLines: labelLines))
                pending.removeAll(keepingCapacity: true)
                pendingCode = nil
            }
            i += 1
        }
        flush()
        return result
    }

    /// The label without its leading code.
    private func codeStripped(_ label: String, _ code: String?) -> String {
        code == nil ? label.trimmingSpaces() : LineTokens.codeStripped(label)
    }

    private static let totalWords = ["总计", "合计"]

    /// 总计 or 合计, alone or followed by a number (spaces aside).
    /// Read on the bytes (it is asked of every line of a table): only a line holding
    /// the word decodes the scalar after it.
    static func isTotalLabel(_ text: some StringProtocol) -> Bool {
        Spaces.withBytes(text) { u in
            for word in totalWords {
                guard let end = Spaces.compactEnd(of: u, matching: word) else { continue }
                let rest = UnsafeBufferPointer(rebasing: u[end...])
                let next = Spaces.trimmedRange(rest).lowerBound
                guard next < rest.count else { return true }
                // A number, as `Character.isNumber` has it: its first scalar has a numeric type.
                if rest[next] < 0x80 {
                    if (0x30...0x39).contains(rest[next]) { return true }
                    continue
                }
                let scalar = String(decoding: UnsafeBufferPointer(rebasing: rest[next..<min(next + 4, rest.count)]),
                                    as: UTF8.self).unicodeScalars.first
                if scalar?.properties.numericType != nil { return true }
            }
            return false
        }
    }

    /// A tabular row → entry, or nil for header rows.
    private func tabularEntry(_ kind: StandardTable, _ cells: [String], _ line: SourceLine, columnCount: Int) -> TableEntry? {
        let labelCount = labelCellCount(kind)
        guard cells.count > labelCount else { return nil }
        let labels = Array(cells[0..<labelCount])
        if labels.contains(where: { $0.begins(with: "※") }) { return nil }
        let valueCells = cells[labelCount...].prefix(columnCount)
        var values: [Amount] = []
        var columns: [Int] = []
        for (c, cell) in valueCells.enumerated() where !cell.isEmpty {
            guard let a = Amount(cell) else { return nil }
            values.append(a)
            columns.append(c)
        }
        var code: String?
        var label: String
        var project: String?
        switch kind {
        case .threePublicCosts, .carryOver:
            label = labels[0]
        case .basicByEconomicClass:
            let digits = labels[0] + labels[1]
            code = digits.isEmpty ? nil : digits
            label = labels[2]
        default:
            let digits = labels[0] + labels[1] + labels[2]
            code = digits.isEmpty ? nil : digits
            label = labels[3]
            if kind == .projects, !labels[4].isEmpty { project = labels[4] }
        }
        if let c = code, !c.utf8.allSatisfy({ (0x30...0x39).contains($0) }) { return nil }
        if values.isEmpty && kind != .threePublicCosts { return nil }
        if label.isEmpty && code == nil { return nil }
        if kind == .threePublicCosts, ThreePublicCosts.key(for: label) == nil, !Self.isTotalLabel(label) { return nil }
        return TableEntry(code: code, label: label, project: project, values: values, columns: columns,
                          start: line.location, valuesAt: line.location, labelLines: [label])
    }
}
