import YusuanModel

/// 按版面读表 — reads the tables of a regional template from a source document whose
/// words carry boxes (a PDF, or text laid out by `pdftotext -layout`).
///
/// Each printed table starts at its title (followed by its 编制单位/单位 line) and
/// runs to the next table's title. On every page the table's header is found by
/// the template's header cells (a wrapped header's lines joined), and each header
/// cell's horizontal centre is a column: a printed number belongs to the column
/// whose centre is nearest. An empty cell is simply empty; nothing is guessed.
struct GeometryTableReader {
    let source: SourceDocument
    let template: TableTemplate

    /// One printed word.
    struct Token {
        var text: String
        var normal: String
        var box: Box
        var amount: Amount?
        var line: SourceDocument.Line

        var location: SourceLocation { SourceLocation(line: line.number, page: line.page, box: box) }
    }

    /// A column found on a page: its template header and its horizontal centre.
    struct Column {
        var header: HeaderColumn
        var center: Double
        var box: Box
    }

    /// Where each table was found: the title line and the end of its extent.
    struct Placement {
        var table: PrintedTable
        var title: Int
        var end: Int
    }

    private(set) var names: [String: String] = [:]
    private(set) var ambiguities: [Ambiguity] = []
    /// The table being read, for the ambiguities it records.
    private var current: StandardTable?

    /// Where each printed table was found, in printed order.
    private(set) var placed: [Placement] = []

    init(source: SourceDocument, template: TableTemplate) {
        self.source = source
        self.template = template
        placed = placements()
    }

    /// The printed tables of the template, found by their titles: a title counts only
    /// when a 编制部门/编制单位 or 单位 line follows it (a contents entry has none).
    private func placements() -> [Placement] {
        var found: [(PrintedTable, Int)] = []
        let lines = source.lines
        for i in lines.indices where lines[i].range.count < 240 {
            guard let table = template.table(titled: source.text(of: lines[i])) else { continue }
            let next = (i + 1..<min(i + 3, lines.count)).contains { Self.isUnitLine(TableTemplate.normal(source.text(of: lines[$0]))) }
            guard next, !found.contains(where: { $0.0.number == table.number }) else { continue }
            found.append((table, i))
        }
        // The last table ends where the next part of the document starts (第三部分 …).
        let lastEnd = found.last.flatMap { last in
            ((last.1 + 1)..<lines.count).first { i in
                let t = TableTemplate.normal(source.text(of: lines[i]))
                return t.begins(with: "第") && t.prefix(5).includes("部分")
            }
        } ?? lines.count
        return found.enumerated().map { n, f in
            Placement(table: f.0, title: f.1, end: n + 1 < found.count ? found[n + 1].1 : lastEnd)
        }
    }

    static func isUnitLine(_ normal: String) -> Bool {
        normal.begins(with: "编制部门") || normal.begins(with: "编制单位") || normal.begins(with: "单位:") || normal.includes("单位:元")
            || normal.includes("单位:万元")
    }

    /// Reads every table of the template the document prints. Tables whose rows carry
    /// functional codes are read first, so that the 类 names of tables 1 and 4 can be
    /// keyed by their codes.
    mutating func read() -> (tables: [BudgetTable], preparer: String?, entityWord: String) {
        var tables: [BudgetTable] = []
        var preparer: String?
        var entityWord = "部门"
        let order = placed.filter { $0.table.layout == .rows } + placed.filter { $0.table.layout != .rows }
        for p in order {
            let table = readTable(p)
            if p.table.number == 1 || preparer == nil { preparer = table.preparer ?? preparer }
            if p.table.number == 1 { entityWord = template.entityWord(inTitle: table.title) }
            for row in table.rows where row.role == .classLevel || row.role == .section || row.role == .item {
                if let code = row.code, names[code] == nil { names[code] = row.name }
            }
            tables.append(table)
        }
        let printedOrder = Dictionary(uniqueKeysWithValues: placed.map { ($0.table.number, $0.title) })
        tables.sort { (printedOrder[number(of: $0)] ?? 0) < (printedOrder[number(of: $1)] ?? 0) }
        return (tables, preparer, entityWord)
    }

    private func number(of table: BudgetTable) -> Int {
        template.tables.first { $0.contract == table.kind }?.number ?? 0
    }

    // MARK: One table

    private mutating func readTable(_ p: Placement) -> BudgetTable {
        let lines = source.lines
        let titleLine = lines[p.title]
        current = p.table.contract
        var table = BudgetTable(kind: p.table.contract, title: source.text(of: titleLine).filter { $0 != " " },
                                columns: [], source: titleLine.location)
        var unit = p.table.unit ?? template.unit
        var bodyStart = p.title + 1
        // The 编制单位 and 单位 lines (one line, or two).
        for i in (p.title + 1)..<min(p.title + 3, p.end) {
            let text = TableTemplate.normal(source.text(of: lines[i]))
            guard Self.isUnitLine(text) else { break }
            bodyStart = i + 1
            if let r = text.range(of: "编制单位:") ?? text.range(of: "编制部门:") {
                var name = String(text[r.upperBound...])
                if let u = name.range(of: "单位:") { name = String(name[..<u.lowerBound]) }
                if !name.isEmpty { table.preparer = name }
            }
            if let u = text.range(of: "单位:", options: .backwards), let printed = MoneyUnit(printed: text[u.upperBound...]) {
                unit = printed
            }
        }
        table.printedUnit = unit
        let body = Array(lines[bodyStart..<p.end])
        switch p.table.layout {
        case .headerCells: readHeaderCells(p.table, body, unit: unit, into: &table)
        case .rows, .twoSided: readRows(p.table, body, unit: unit, into: &table)
        }
        table.identities = p.table.identities.compactMap { identity in
                guard let total = table.columnIndex(identity.total) else { return nil }
                let parts = identity.parts.compactMap { table.columnIndex($0) }
                return parts.count == identity.parts.count ? SumRelation(total, parts) : nil
        }
        return table
    }

    private func tokens(_ line: SourceDocument.Line) -> [Token] {
        line.words.map { word in
            let text = source.text(of: word)
            return Token(text: text, normal: TableTemplate.normal(text), box: word.box,
                         amount: Self.amount(text), line: line)
        }
    }

    /// A printed amount: digits with optional thousands separators, a point and a sign.
    static func amount(_ text: String) -> Amount? {
        guard let first = text.unicodeScalars.first, first.properties.numericType != nil || first == "-",
              text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "," || $0 == "." || $0 == "-" }) else {
            return nil
        }
        return Amount(text)
    }

    /// The columns of the first column set whose every header is printed among these
    /// lines, in order from left to right.
    private func columns(_ table: PrintedTable, header: [SourceDocument.Line]) -> [Column]? {
        let words = header.flatMap { tokens($0) }.filter { $0.amount == nil }
        for set in table.columnSets {
            var chosen: [Column] = []
            var left = -Double.infinity
            for column in set {
                let target = TableTemplate.normal(column.header)
                let candidates = Self.cells(matching: target, in: words).filter { $0.midX > left }
                guard let best = candidates.min(by: { $0.midX < $1.midX }) else {
                    break
                }
                chosen.append(Column(header: column, center: best.midX, box: best))
                left = best.midX
            }
            if chosen.count == set.count { return chosen }
        }
        return nil
    }

    /// The boxes of header cells that read `target`: one word, or words stacked in one
    /// column (a wrapped header) read top to bottom.
    static func cells(matching target: String, in words: [Token]) -> [Box] {
        var result: [Box] = []
        for (i, w) in words.enumerated() where target.begins(with: w.normal) && !w.normal.isEmpty {
            if w.normal == target { result.append(w.box); continue }
            // Continue downwards with words under this one.
            var text = w.normal
            var box = w.box
            var last = w.box
            var used: Set<Int> = [i]
            while text.count < target.count {
                // The nearest word below that continues the header (a narrow column's
                // neighbours may touch its box).
                guard let (j, next) = words.enumerated().filter({ !used.contains($0.offset) })
                        .filter({ $0.element.box.midY > last.midY + 0.4 * min(last.height, $0.element.box.height)
                                  && $0.element.box.midY - last.midY < 2 * last.height
                                  && $0.element.box.horizontalOverlap(box) > 0
                                  && !$0.element.normal.isEmpty && target.begins(with: text + $0.element.normal) })
                        .min(by: { $0.element.box.yMin < $1.element.box.yMin }) else { break }
                text += next.normal
                box = box.union(next.box)
                last = next.box
                used.insert(j)
            }
            if text == target { result.append(box) }
        }
        return result
    }

    /// Printed words as one text: words side by side on a line keep the space between
    /// them; a word wrapped under another joins it directly.
    static func join(_ tokens: [Token]) -> String {
        var text = ""
        for (n, t) in tokens.enumerated() {
            if n > 0 {
                let previous = tokens[n - 1].box
                if previous.isOnSameRow(as: t.box) && t.box.xMin - previous.xMax > 0.5 { text += " " }
            }
            text += t.text
        }
        return text
    }

    /// The column whose centre is nearest a value.
    private func nearest(_ box: Box, in columns: [Column]) -> Int? {
        // Laid-out text keeps amounts right-aligned in their columns, so their right edges are compared.
        let x = source.origin == .text ? box.xMax : box.midX
        return columns.indices.min { abs(columns[$0].center - x) < abs(columns[$1].center - x) }
    }

    /// For laid-out text, the columns of a table on each page. Such text keeps each
    /// column's amounts right-aligned on one character column, but its headers do not
    /// line up with the rows, and the alignment drifts from page to page. So on each
    /// page the amounts' right edges are gathered into columns (a gap of more than
    /// three characters starts a new one); when there are as many as the column set
    /// has columns they are its columns in order, otherwise each is matched (in
    /// order, least distance) to the header printed above the page's rows.
    private func columnsFromRows(_ printed: PrintedTable, _ body: [SourceDocument.Line]) -> [Int: [Column]] {
        func amounts(_ line: SourceDocument.Line) -> [Token] {
            let toks = tokens(line)
            if printed.layout == .twoSided {
                return toks.enumerated().filter { n, t in
                    t.amount != nil && !(n + 1 < toks.count && toks[n + 1].amount == nil && Self.isClassCode(t.normal))
                }.map(\.element)
            }
            let code = Self.leadingCode(toks, kind: printed.codes)
            return toks.dropFirst(code?.tokens ?? 0).filter { $0.amount != nil }
        }
        let rows = body.map { (line: $0, amounts: amounts($0)) }
        guard let most = rows.map(\.amounts.count).max(), most > 0 else { return [:] }
        let fullSet = printed.columnSets.first { $0.count == most }
        var result: [Int: [Column]] = [:]
        var previous: [Column]?
        for page in Set(body.map { $0.page ?? 0 }).sorted() {
            let onPage = rows.filter { ($0.line.page ?? 0) == page }
            let values = onPage.flatMap(\.amounts).sorted { $0.box.xMax < $1.box.xMax }
            var groups: [[Token]] = []
            for v in values {
                if let last = groups.last?.last, v.box.xMax - last.box.xMax <= 3 * LayoutText.columnWidth {
                    groups[groups.count - 1].append(v)
                } else {
                    groups.append([v])
                }
            }
            let right = groups.map { g in g.map(\.box.xMax).reduce(0, +) / Double(g.count) }
            func column(_ header: HeaderColumn, _ x: Double) -> Column {
                Column(header: header, center: x, box: Box(xMin: x - 1, yMin: 0, xMax: x, yMax: 0))
            }
            if let set = fullSet, set.count == groups.count {
                result[page] = zip(set, right).map(column)
            } else if let first = onPage.firstIndex(where: { !$0.amounts.isEmpty }),
                      let headers = columns(printed, header: onPage[..<first].map(\.line)) {
                let mids = groups.map { g in g.map(\.box.midX).reduce(0, +) / Double(g.count) }
                guard let assigned = Self.assign(mids, to: headers.map(\.center)) else { continue }
                result[page] = zip(assigned, right).map { column(headers[$0].header, $1) }
            } else if let previous, let assigned = Self.assign(right, to: previous.map(\.center)) {
                // A page continuing the table without its header: the previous page's columns.
                result[page] = zip(assigned, right).map { column(previous[$0].header, $1) }
            }
            previous = result[page] ?? previous
        }
        return result
    }

    // MARK: Rows and two-sided tables

    private mutating func readRows(_ printed: PrintedTable, _ body: [SourceDocument.Line], unit: MoneyUnit,
                                   into table: inout BudgetTable) {
        let twoSided = printed.layout == .twoSided
        var columns: [Column]?
        var keys: [ColumnKey] = []
        var rows: [TableRow] = []
        var wrapped: [(line: SourceDocument.Line, text: String)] = []
        var headerLines: [SourceDocument.Line] = []
        var page = body.first?.page
        var dataOnPage = false
        var incomePath: [RowKey] = []
        var usedKeys = Set<RowKey>()
        var codeX: Double?
        var projectX: Double?
        let textColumns = source.origin == .text ? columnsFromRows(printed, body) : [:]
        var i = 0
        while i < body.count {
            let line = body[i]
            if line.page != page {
                // A new page: its header (repeated) is looked for again.
                page = line.page
                headerLines = []
                dataOnPage = false
            }
            let toks = tokens(line)
            let text = toks.map(\.normal).joined()
            if text.includes("空表") || text.begins(with: "注:") && text.includes("无") {
                var statement = source.text(of: line)
                var j = i
                while !statement.includes("。"), j + 1 < body.count, body[j + 1].page == line.page {
                    j += 1
                    statement += source.text(of: body[j])
                }
                table.emptyStatement = Located(statement.filter { $0 != " " }, at: line.location)
                i = j + 1
                continue
            }
            let values = toks.filter { $0.amount != nil }
            var code = twoSided ? nil : Self.leadingCode(toks, kind: printed.codes)
            // A code printed away from the table's code column (a chart's caption) is no row.
            if code != nil, let x = codeX, abs(toks[0].box.xMin - x) > 12 { code = nil }
            let labelTokens = toks.filter { $0.amount == nil }
            let label = labelTokens.map(\.normal).joined()
            let labelKey = code == nil ? Self.rowKey(forLabel: TableReader.incomeLabel(label), in: printed) : nil
            let isTotal = !twoSided && code == nil && labelKey == nil && ["合计", "总计"].contains(label)
            let isUnitOrItem = printed.units == true && code == nil && !isTotal && !label.isEmpty && !values.isEmpty
            let isData = twoSided ? !values.isEmpty || Self.isIncomeOrExpenditureLabel(labelTokens, printed)
                                  : code != nil || isTotal || labelKey != nil || isUnitOrItem
            if !isData {
                if !dataOnPage {
                    headerLines.append(line)
                } else if !text.isEmpty, text != "无" {
                    wrapped.append((line, text))
                }
                i += 1
                continue
            }
            let found = textColumns.isEmpty
                ? (headerLines.isEmpty ? nil : self.columns(printed, header: headerLines))
                : textColumns[line.page ?? 0]
            if let found {
                columns = found
                if let header = printed.projectHeader {
                    // The project column starts where the name column's header ends.
                    let words = headerLines.flatMap { tokens($0) }.filter { $0.amount == nil }
                    let project = Self.cells(matching: TableTemplate.normal(header), in: words).first
                    let name = printed.nameHeader.flatMap { Self.cells(matching: TableTemplate.normal($0), in: words).first }
                    projectX = name.map { $0.xMax + 1 } ?? project?.xMin
                }
                if keys.isEmpty {
                    // The table's columns are its whole column set, also where a page prints some only.
                    let set = printed.columnSets.first { set in found.allSatisfy { set.contains($0.header) } }
                        ?? found.map(\.header)
                    for header in set {
                        if let key = header.key, !keys.contains(key) { keys.append(key) }
                    }
                    table.columns = keys
                }
            }
            headerLines = []
            dataOnPage = true
            guard let columns else { i += 1; continue }
            if twoSided {
                rows += twoSidedRows(printed, toks, columns: columns, keys: keys, unit: unit, line: line, path: &incomePath)
            } else {
                var row = TableRow(key: printed.totalRow ?? .grandTotal, name: label, role: .total,
                                   cells: Array(repeating: nil, count: keys.count), source: line.location)
                let rest = code.map { c in Array(toks.dropFirst(c.tokens)) } ?? toks
                // A number counts as a value only under a column; left of them it is part of a name.
                // (Laid-out text drifts by a few characters from row to row.)
                let firstColumn = columns.map(\.box.xMin).min() ?? 0
                let slack = source.origin == .text ? 4 * LayoutText.columnWidth : 4
                let isValue: (Token) -> Bool = { t in t.amount != nil && t.box.xMax >= firstColumn - slack }
                let names = rest.filter { !isValue($0) }
                if let code {
                    if codeX == nil { codeX = toks[0].box.xMin }
                    row.code = code.code
                    row.role = code.code.count == 3 ? .classLevel : code.code.count == 5 ? .section : .item
                    let isProject: (Token) -> Bool = { t in projectX.map { t.box.xMin >= $0 - 2 } ?? false }
                    row.name = Self.join(names.filter { !isProject($0) })
                    let project = Self.join(names.filter(isProject))
                    if !project.isEmpty {
                        row.project = project
                        row.role = .project
                    }
                } else if let labelKey {
                    row.key = labelKey
                    row.role = labelKey == .total ? .total : .line
                } else if isUnitOrItem {
                    let name = Self.join(names)
                    row.name = name
                    let isUnit = printed.contract == .projects || name == table.preparer || TableReader.looksLikeUnit(name)
                    row.role = isUnit ? .unit : .project
                    if !isUnit { row.project = name }
                }
                place(rest.filter(isValue), columns: columns, keys: keys, unit: unit, into: &row)
                rows.append(row)
            }
            i += 1
        }
        if !twoSided {
            attachWrapped(wrapped, projectX: projectX, to: &rows)
            Self.assignKeys(&rows)
        } else {
            // A key printed twice keeps its first row (a repeated page header's line).
            rows = rows.filter { usedKeys.insert($0.key).inserted }
            if printed.incomeByNumbering == true {
                // The contract's own tables 1 and 4 list the income side, then the expenditure side.
                let income = rows.filter { $0.code == nil && $0.key != (printed.totalRow ?? .expenditureTotal) }
                rows = income + rows.filter { $0.code != nil || $0.key == (printed.totalRow ?? .expenditureTotal) }
            }
        }
        // An empty table prints its 合计 line without values: no row.
        if rows.allSatisfy({ $0.cells.allSatisfy { $0 == nil } }) { rows = [] }
        table.rows = rows
        if table.columns.isEmpty {
            table.columns = printed.columnSets.first?.compactMap(\.key).reduce(into: [ColumnKey]()) {
                if !$0.contains($1) { $0.append($1) }
            } ?? []
        }
    }

    /// The contract's row keys, once names are whole: a classification row is its code
    /// (`单位/2101502` under a unit), a project `code|name`, a unit or item its name;
    /// a key printed twice gains its line.
    static func assignKeys(_ rows: inout [TableRow]) {
        var unit: String?
        var used = Set<RowKey>()
        for i in rows.indices {
            var row = rows[i]
            switch row.role {
            case .unit:
                unit = row.name
                row.key = .named(row.name)
            case .project where row.code == nil:
                row.key = .named(row.project ?? row.name)
                row.unit = unit
            case .project:
                row.key = RowKey.project(code: row.code ?? "", name: row.project ?? "").under(unit: unit)
                row.unit = unit
            case .classLevel, .section, .item:
                row.key = RowKey.code(row.code ?? "").under(unit: unit)
                row.unit = unit
            default:
                break
            }
            if used.contains(row.key), let line = row.source?.line { row.key = row.key.repeated(atLine: line) }
            used.insert(row.key)
            rows[i] = row
        }
    }

    /// Puts the values in columns, converted to 万元: printed values keep the columns'
    /// order, so each goes to a column of its own, the set of columns chosen to lie
    /// nearest the values (every value under its column in a clean print).
    private mutating func place(_ values: [Token], columns: [Column], keys: [ColumnKey], unit: MoneyUnit,
                                into row: inout TableRow) {
        let x = values.map { source.origin == .text ? $0.box.xMax : $0.box.midX }
        guard let assigned = Self.assign(x, to: columns.map(\.center)) else {
            if let first = values.first {
                ambiguities.append(Ambiguity(
                    table: current?.rawValue, row: row.key,
                    message: "表\(current?.rawValue ?? 0) \(row.key): \(values.count) printed values for \(columns.count) columns",
                    chosen: [], alternatives: [], source: first.location))
            }
            return
        }
        for (v, c) in zip(values, assigned) {
            guard let amount = v.amount, let key = columns[c].header.key, let k = keys.firstIndex(of: key) else { continue }
            row.cells[k] = Cell(amount.inWan(from: unit), at: v.location)
        }
    }

    /// The order-keeping assignment of positions to columns (each column at most once)
    /// with the least total distance; nil when there are more positions than columns.
    static func assign(_ positions: [Double], to centers: [Double]) -> [Int]? {
        let n = positions.count, m = centers.count
        guard n <= m else { return nil }
        guard n > 0 else { return [] }
        // cost[i][j]: least distance placing positions[i...] in columns[j...].
        var cost = Array(repeating: Array(repeating: Double.infinity, count: m + 1), count: n + 1)
        for j in 0...m { cost[n][j] = 0 }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                let here = abs(positions[i] - centers[j]) + cost[i + 1][j + 1]
                cost[i][j] = min(here, cost[i][j + 1])
            }
        }
        var result: [Int] = []
        var j = 0
        for i in 0..<n {
            while cost[i][j] != abs(positions[i] - centers[j]) + cost[i + 1][j + 1] { j += 1 }
            result.append(j)
            j += 1
        }
        return result
    }

    /// Text lines inside a table body that are part of a neighbouring row's name
    /// (a name wrapped inside its cell): each joins the row printed nearest to it on
    /// its page, before or after its name as it is above or below; text under the
    /// project column joins the project's name.
    private func attachWrapped(_ wrapped: [(line: SourceDocument.Line, text: String)], projectX: Double?,
                               to rows: inout [TableRow]) {
        for w in wrapped {
            guard let box = w.line.box else { continue }
            let candidates = rows.indices.filter { rows[$0].source?.page == w.line.page && rows[$0].source?.box != nil }
            guard let r = candidates.min(by: { abs(rows[$0].source!.box!.midY - box.midY) < abs(rows[$1].source!.box!.midY - box.midY) }),
                  let rowBox = rows[r].source?.box, abs(rowBox.midY - box.midY) < 2 * max(box.height, rowBox.height),
                  rows[r].role != .total else { continue }
            let above = box.midY < rowBox.midY
            let words = tokens(w.line)
            let inProject: (Token) -> Bool = { t in projectX.map { t.box.xMin >= $0 - 2 } ?? false }
            let projectPart = Self.join(words.filter(inProject)), namePart = Self.join(words.filter { !inProject($0) })
            if !projectPart.isEmpty, let project = rows[r].project {
                rows[r].project = above ? projectPart + project : project + projectPart
            }
            if !namePart.isEmpty {
                rows[r].name = above ? namePart + rows[r].name : rows[r].name + namePart
            }
        }
    }

    /// The row key a printed label maps onto; a trailing note in brackets
    /// (`公务用车购置及运行费（小计）`) is not part of the label.
    static func rowKey(forLabel label: String, in printed: PrintedTable) -> RowKey? {
        if let key = printed.rowLabels[label] { return key }
        guard label.ends(with: ")"), let open = label.lastIndex(of: "(") else { return nil }
        return printed.rowLabels[String(label[..<open])]
    }

    /// A functional 类 code, `201` … `299`.
    static func isClassCode(_ text: String) -> Bool {
        text.count == 3 && text.allSatisfy { $0.isASCII && $0.isNumber } && (201...299).contains(Int(text) ?? 0)
    }

    /// A code printed at the start of a row: `204 06 01` as words, or `2040601`.
    static func leadingCode(_ tokens: [Token], kind: PrintedTable.CodeKind?) -> (code: String, tokens: Int)? {
        guard let kind, let first = tokens.first, first.normal.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let classes = kind == .functional ? 201...299 : 301...399
        let maxLength = kind == .functional ? 7 : 5
        guard let cls = Int(first.normal.prefix(3)), classes.contains(cls) else { return nil }
        if [5, 7].contains(first.normal.count), first.normal.count <= maxLength { return (first.normal, 1) }
        guard first.normal.count == 3 else { return nil }
        var code = first.normal
        var used = 1
        while used < tokens.count, code.count < maxLength, tokens[used].normal.count == 2,
              tokens[used].normal.allSatisfy({ $0.isASCII && $0.isNumber }) {
            code += tokens[used].normal
            used += 1
        }
        return (code, used)
    }

    /// A line of a two-sided table printed without values is still a row when it
    /// starts with a numbered income or expenditure line (`二、事业收入`, `四、住房保障支出`).
    static func isIncomeOrExpenditureLabel(_ labels: [Token], _ printed: PrintedTable) -> Bool {
        guard let first = labels.first else { return false }
        let label = TableReader.incomeLabel(first.normal)
        guard label != first.normal else { return false }
        return printed.rowLabels[label] != nil || label.ends(with: "支出")
    }

    /// One printed line of a two-sided table: an income row (label and value on the
    /// left) and an expenditure row (a 类, by code or by name, or 支出总计, and its
    /// values on the right).
    private mutating func twoSidedRows(_ printed: PrintedTable, _ toks: [Token], columns: [Column], keys: [ColumnKey],
                                       unit: MoneyUnit, line: SourceDocument.Line, path: inout [RowKey]) -> [TableRow] {
        guard let incomeColumn = columns.first(where: { $0.header.income == true }), let incomeKey = incomeColumn.header.key else { return [] }
        let expenditureColumns = columns.filter { $0.header.income != true }
        var rows: [TableRow] = []
        // The right side starts at its first word right of the income value's column.
        let leftLabel = toks.filter { $0.amount == nil && $0.box.midX < incomeColumn.box.xMin }
        // A 类 code (201…299) printed before its name belongs to the label.
        let right = toks.filter { $0.box.midX >= incomeColumn.box.xMax }
        let rightLabel = right.enumerated().filter { n, t in
            t.amount == nil || (n + 1 < right.count && right[n + 1].amount == nil && Self.isClassCode(t.normal))
        }.map(\.element)
        let numbers = toks.filter { t in t.amount != nil && !rightLabel.contains { $0.box == t.box } }
        var incomeValue: Token?
        var expenditureValues: [Token] = []
        for n in numbers {
            if let c = nearest(n.box, in: columns), columns[c].header.income == true, incomeValue == nil {
                incomeValue = n
            } else {
                expenditureValues.append(n)
            }
        }
        if !leftLabel.isEmpty {
            let printedLabel = leftLabel.map(\.normal).joined()
            let label = TableReader.incomeLabel(printedLabel)
            var key: RowKey?
            if printed.incomeByNumbering == true {
                key = TableReader.incomeKey(printedLabel.replacingOccurrences(of: ":", with: "："), path: &path, kind: printed.contract)
            } else {
                key = printed.rowLabels[label] ?? (label == "收入合计" ? .incomeTotal : .named(label))
            }
            if let key {
                var row = TableRow(key: key, name: label, role: key == .incomeTotal ? .total : .line,
                                   cells: Array(repeating: nil, count: keys.count), source: leftLabel[0].location)
                if let v = incomeValue, let amount = v.amount, let k = keys.firstIndex(of: incomeKey) {
                    row.cells[k] = Cell(amount.inWan(from: unit), at: v.location)
                }
                rows.append(row)
            }
        }
        if !rightLabel.isEmpty {
            var labelWords = rightLabel
            var code: String?
            if let first = labelWords.first, Self.isClassCode(first.normal) {
                code = first.normal
                labelWords.removeFirst()
            }
            let label = TableReader.incomeLabel(labelWords.map(\.normal).joined())
            var row = TableRow(key: .named(label), name: label, role: .classLevel,
                               cells: Array(repeating: nil, count: keys.count), source: rightLabel[0].location)
            if label.begins(with: "支出总计") || label.begins(with: "支出合计") {
                row.key = printed.totalRow ?? .expenditureTotal
                row.name = "支出总计"
                row.role = .total
            } else if let code = code ?? names.first(where: { $0.key.count == 3 && TableTemplate.normal($0.value) == label })?.key {
                row.key = .code(code)
                row.code = code
            }
            place(expenditureValues, columns: expenditureColumns, keys: keys, unit: unit, into: &row)
            rows.append(row)
        }
        return rows
    }

    // MARK: Header cells ("三公")

    private mutating func readHeaderCells(_ printed: PrintedTable, _ body: [SourceDocument.Line], unit: MoneyUnit,
                                          into table: inout BudgetTable) {
        guard let valueColumn = printed.valueColumn else { return }
        table.columns = [valueColumn]
        var header: [SourceDocument.Line] = []
        for line in body {
            let toks = tokens(line)
            guard !toks.isEmpty, toks.allSatisfy({ $0.amount != nil }) else {
                header.append(line)
                continue
            }
            guard let columns = columns(printed, header: header) else { return }
            var rows = columns.compactMap { c -> TableRow? in
                guard let key = c.header.row else { return nil }
                return TableRow(key: key, name: c.header.header,
                                role: key == .total ? .total : key == .operatingCost ? .memo : .line,
                                cells: [nil], source: line.location)
            }
            // One value under each header, in order: each to the header nearest its middle.
            guard let assigned = Self.assign(toks.map(\.box.midX), to: columns.map(\.center)) else {
                ambiguities.append(Ambiguity(
                    table: printed.contract.rawValue, row: nil,
                    message: "表\(printed.contract.rawValue): \(toks.count) printed values for \(columns.count) headers; none was placed",
                    chosen: [], alternatives: [], source: line.location))
                table.rows = rows
                return
            }
            for (v, c) in zip(toks, assigned) {
                guard let amount = v.amount, let key = columns[c].header.row,
                      let r = rows.firstIndex(where: { $0.key == key }) else { continue }
                rows[r].cells[0] = Cell(amount.inWan(from: unit), at: v.location)
            }
            table.rows = rows
            return
        }
    }
}
