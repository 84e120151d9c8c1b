import YusuanModel

/// 三公经费 row keys of table 10.
enum ThreePublicCosts {
    /// The row key for a printed label, or nil.
    static func key(for label: String) -> RowKey? {
        var t = LineTokens.compact(label)
        // Half-width brackets read as the full-width ones of the keys (rebuilt only where printed).
        if t.utf8.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }) {
            t = String(String.UnicodeScalarView(t.unicodeScalars.map { $0 == "(" ? "（" : $0 == ")" ? "）" : $0 }))
        }
        if t.begins(with: "其中：") || t.begins(with: "其中:") { t = String(t.dropFirst(3)) }
        if TableReader.isTotalLabel(t) { return .total }
        if t.begins(with: "因公出国（境）费") { return .travelAbroad }
        if t.begins(with: "公务接待费") { return .reception }
        if t.begins(with: "公务用车购置及运行") { return .vehicles }
        if t.begins(with: "公务用车购置费") { return .vehiclePurchase }
        if t.begins(with: "公务用车运行") { return .vehicleOperation }
        return nil
    }
}

extension TableReader {
    /// A row before its values are placed.
    struct PlannedRow {
        var row: TableRow
        var entry: TableEntry
        var parent: Int?
    }

    /// Builds the rows of a table from its entries: keys, roles and hierarchy, then
    /// places the values in columns.
    mutating func place(_ kind: StandardTable, _ entries: [TableEntry], columns: [ColumnKey], preparer: String?) -> [TableRow] {
        var planned: [PlannedRow] = []
        var currentUnit: (name: String, index: Int)?
        var totalIndex: Int?
        var keys = Set<RowKey>()
        // A row for each entry, at most: sized once.
        planned.reserveCapacity(entries.count)
        keys.reserveCapacity(entries.count)

        /// The last row of each code that is not a project's, so that a parent is
        /// found in a few look-ups, not by walking back over its earlier children.
        /// Keyed by the code's bytes read as one number (`codeKey`).
        var lastByCode: [Int: Int] = [:]
        lastByCode.reserveCapacity(entries.count)
        /// The lengths of the codes `lastByCode` holds (bit n for n bytes, bit 8 for
        /// eight or more), so that a prefix no code is as long as is not looked up.
        /// Keys of up to seven bytes are distinct, so only a longer one can match
        /// a code of another length.
        var codeLengths = 0

        // What it looks at is passed, not captured: a captured variable is checked for
        // exclusive access on each use.
        func parentFor(code: String?, lastByCode: [Int: Int], codeLengths: Int,
                       currentUnit: (name: String, index: Int)?, totalIndex: Int?) -> Int? {
            guard let code else { return nil }
            // The nearest earlier row (under the same unit) whose code is a prefix.
            let floor = currentUnit?.index ?? 0
            // Codes are ASCII digits: a prefix is a number of bytes, and its key
            // grows byte by byte.
            var nearest: Int?
            var key = 1
            for (n, byte) in code.utf8.dropLast().enumerated() {
                key = Self.codeKey(key, byte)
                guard n + 1 >= 8 || codeLengths & (1 << 8 | 1 << (n + 1)) != 0 else { continue }
                if let j = lastByCode[key], j >= floor {
                    nearest = max(nearest ?? j, j)
                }
            }
            return nearest ?? currentUnit?.index ?? totalIndex
        }

        for entry in entries {
            // A unit's row and a carried-over item keep the name printed.
            var row = TableRow(key: .named(entry.label), name: entry.label, role: .line,
                               cells: Array(repeating: nil, count: columns.count), source: entry.start)
            var parent: Int?
            if entry.code == nil && Self.isTotalLabel(entry.label) && kind != .threePublicCosts {
                row.key = .grandTotal
                row.name = String(LineTokens.compact(entry.label).prefix(2))
                row.role = .total
            } else if kind == .threePublicCosts {
                guard let key = ThreePublicCosts.key(for: entry.label) else { continue }
                row.key = key
                row.role = key == .total ? .total : .line
                if key != .total {
                    parent = key == .vehiclePurchase || key == .vehicleOperation
                        ? planned.firstIndex { $0.row.key == .vehicles } ?? totalIndex
                        : totalIndex
                }
            } else if let code = entry.code {
                row.code = code
                row.role = code.utf8.count == 3 ? .classLevel : code.utf8.count == 5 ? .section : .item
                parent = parentFor(code: code, lastByCode: lastByCode, codeLengths: codeLengths,
                                   currentUnit: currentUnit, totalIndex: totalIndex)
                var name = entry.label
                if kind == .projects && code.utf8.count == 7 {
                    let (functional, project) = splitProject(code: code, entry: entry)
                    name = functional
                    if let project, !project.isEmpty {
                        row.project = project
                        row.role = .project
                    }
                }
                row.name = name
                let bare = row.project.map { RowKey.project(code: code, name: $0) } ?? .code(code)
                row.key = bare.under(unit: currentUnit?.name)
                row.unit = currentUnit?.name
            } else if kind == .projects || kind == .carryOver {
                let isUnit = kind == .projects || entry.label == preparer || Self.looksLikeUnit(entry.label)
                if isUnit {
                    row.role = .unit
                    parent = totalIndex
                } else {
                    row.project = entry.label
                    row.role = .project
                    parent = currentUnit?.index ?? totalIndex
                }
            } else {
                continue
            }
            // Keys stay unique within a table (a repeated key gains its line).
            if !keys.insert(row.key).inserted {
                row.key = row.key.repeated(atLine: entry.start.line)
                keys.insert(row.key)
            }
            planned.append(PlannedRow(row: row, entry: entry, parent: parent))
            let index = planned.count - 1
            if let code = row.code, row.project == nil {
                lastByCode[code.utf8.reduce(1, Self.codeKey)] = index
                codeLengths |= 1 << min(code.utf8.count, 8)
            }
            if row.role == .total { totalIndex = index }
            if row.role == .unit { currentUnit = (row.key.rawValue, index) }
        }
        // A total printed at the bottom (2023) is the parent of the top-level rows.
        if let t = totalIndex {
            for j in planned.indices where j != t && planned[j].parent == nil {
                planned[j].parent = t
            }
        }
        assignColumns(kind, &planned, columns: columns)
        return planned.map(\.row)
    }

    /// A code's key with one more byte: a leading 1, then a byte a place, so
    /// that codes of up to seven bytes (a classification code has seven digits
    /// at most) have keys of their own; a longer one wraps and may share one.
    static func codeKey(_ key: Int, _ byte: UInt8) -> Int { key &* 256 &+ Int(byte) }

    static func looksLikeUnit(_ name: String) -> Bool {
        for suffix in ["局", "中心", "站", "所", "院", "办公室", "委员会", "（本级）"] where name.ends(with: suffix) { return true }
        return false
    }

    /// Splits `财政对城乡居民基本医疗保险基金的补助城乡居民基本医疗保险财政补助` into the
    /// functional name (known from the other tables) and the project name.
    func splitProject(code: String, entry: TableEntry) -> (String, String?) {
        if let project = entry.project { return (entry.label, project) }
        let joined = entry.labelLines.joined()
        // The joined label, spaces ignored, begins with the known name: the rest is the project.
        if let known = names[code], let rest = joined.compactRest(after: LineTokens.compact(known)) {
            return (known, String(rest).trimmingSpaces())
        }
        // Unknown name: the first printed line is the functional name.
        guard let first = entry.labelLines.first else { return (entry.label, nil) }
        let rest = entry.labelLines.dropFirst().joined().trimmingSpaces()
        // On one line, the name and the project are separated by a space.
        if rest.isEmpty, let space = first.firstIndex(of: " ") {
            return (String(first[..<space]), String(first[first.index(after: space)...]).trimmingSpaces())
        }
        return (first.trimmingSpaces(), rest.isEmpty ? nil : rest)
    }

    // MARK: Columns

    mutating func assignColumns(_ kind: StandardTable, _ planned: inout [PlannedRow], columns: [ColumnKey]) {
        // Tabular rows carry their columns.
        if planned.allSatisfy({ $0.entry.columns != nil }) {
            for j in planned.indices {
                let e = planned[j].entry
                for (value, column) in zip(e.values, e.columns!) where column < columns.count {
                    planned[j].row.cells[column] = Cell(value, at: e.valuesAt)
                }
            }
            return
        }
        let allowed = allowedColumns(kind, count: columns.count)
        let known = knownVectors(kind, planned: planned, columns: columns)
        let solverRows = planned.indices.map { j in
            ColumnSolver.Row(values: planned[j].entry.values, parent: planned[j].parent, known: known[j])
        }
        let basicHint = basicHints(kind, planned: planned)
        var priors: [ColumnSolver.Prior] = []
        priors.reserveCapacity(planned.count * columns.count)
        for r in planned.indices {
            Self.appendPriors(kind, row: planned[r].row, hint: basicHint[r], columns: columns, to: &priors)
        }
        var solver = ColumnSolver(columnCount: columns.count, identities: Self.identities(kind, format),
                                  allowed: allowed, rows: solverRows, priors: priors)
        let solution = solver.solve()
        for j in planned.indices {
            let e = planned[j].entry
            for (value, column) in zip(e.values, solution.columns[j]) {
                planned[j].row.cells[column] = Cell(value, at: e.valuesAt)
            }
        }
        if solution.bounded {
            ambiguities.append(Ambiguity(
                table: kind.rawValue, row: nil,
                message: "表\(kind.rawValue): the column search stopped at its bound of \(ColumnSolver.searchBound) steps; the columns found so far are kept and may not be the best",
                chosen: [], alternatives: [], source: planned.first?.entry.start))
        }
        for (r, alternatives) in solution.ambiguous {
            let row = planned[r].row
            ambiguities.append(Ambiguity(
                table: kind.rawValue, row: row.key,
                message: "表\(kind.rawValue) \(row.key): the printed values fit more than one set of columns",
                chosen: solution.columns[r].map { columns[$0] },
                alternatives: alternatives.map { $0.map { columns[$0] } },
                source: planned[r].entry.valuesAt))
        }
    }

    /// Columns that can hold a value, from the sources of income table 1 lists.
    func allowedColumns(_ kind: StandardTable, count: Int) -> [Bool] {
        var allowed = Array(repeating: true, count: count)
        guard let t1 = overall, !t1.rows.isEmpty else { return allowed }
        func has(_ keys: RowKey...) -> Bool { keys.contains { (t1[$0, .budgeted] ?? .zero) != .zero } }
        // Table 1 is looked up only for the tables whose columns it decides.
        switch kind {
        case .income:
            let sources = [
                2: has(.generalPublicOwn) || (has(.generalPublicIncome) && !has(.generalPublicTransfer)),
                3: has(.generalPublicTransfer),
                4: has(.governmentFundOwn) || (has(.governmentFundIncome) && !has(.governmentFundTransfer)),
                5: has(.governmentFundTransfer),
                6: has(.stateCapitalOwn) || (has(.stateCapitalIncome) && !has(.stateCapitalTransfer)),
                7: has(.stateCapitalTransfer),
                8: has(.specialAccountIncome),
                9: has(.unitFundsIncome),
                10: has(.appropriationCarryOver),
                11: has(.otherCarryOver),
            ]
            for (c, ok) in sources { allowed[c] = ok }
            allowed[1] = (2...7).contains { allowed[$0] }
        case .threePublicCosts, .fiscalAppropriation:
            allowed[1] = has(.generalPublicIncome, .generalPublicCarryOver)
            allowed[2] = has(.governmentFundIncome, .governmentFundCarryOver)
            allowed[3] = has(.stateCapitalIncome, .stateCapitalCarryOver)
        case .carryOver:
            let fiscal = has(.appropriationCarryOver)
            let other = has(.otherCarryOver)
            for c in 1...4 { allowed[c] = fiscal }
            for c in 5...8 { allowed[c] = other }
        default:
            break
        }
        return allowed
    }

    /// Rows whose whole vector another table fixes: table 2's 总计 is table 1's
    /// income by source.
    func knownVectors(_ kind: StandardTable, planned: [PlannedRow], columns: [ColumnKey]) -> [[Amount?]?] {
        var known: [[Amount?]?] = Array(repeating: nil, count: planned.count)
        guard kind == .income, let t1 = overall,
              let total = planned.firstIndex(where: { $0.row.role == .total }) else { return known }
        func v(_ key: RowKey) -> Amount? { t1[key, .budgeted] }
        let general = v(.generalPublicOwn) ?? (v(.generalPublicTransfer) == nil ? v(.generalPublicIncome) : nil)
        let vector: [Amount?] = [
            v(.incomeTotal),
            nil,
            general,
            v(.generalPublicTransfer),
            v(.governmentFundOwn),
            v(.governmentFundTransfer),
            v(.stateCapitalOwn),
            v(.stateCapitalTransfer),
            v(.specialAccountIncome),
            v(.unitFundsIncome),
            v(.appropriationCarryOver),
            v(.otherCarryOver),
        ]
        var full = vector
        full[1] = (2...7).reduce(Amount.zero) { $0 + (vector[$1] ?? .zero) }
        known[total] = full
        return known
    }

    /// For table 5: the columns (basic/project) in which table 3 printed a value for
    /// the same row, when the row's total agrees (the row is then wholly
    /// general-public money).
    func basicHints(_ kind: StandardTable, planned: [PlannedRow]) -> [[ColumnKey]?] {
        guard kind == .generalPublic, let t3 = solved[.expenditure] else { return planned.map { _ in nil } }
        return planned.map { p in
            guard let r = t3.row(p.row.key), r.cells[0]?.value == p.entry.values.first else { return nil }
            return r.cells.indices.compactMap { c in r.cells[c] == nil || c >= t3.columns.count ? nil : t3.columns[c] }
        }
    }
}
