import YusuanModel

/// 三公经费 row keys of table 10.
enum ThreePublicCosts {
    static let parentKey = "公务用车购置及运行费"

    /// The row key for a printed label, or nil.
    static func key(for label: String) -> String? {
        var t = LineTokens.compact(label).replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
        if t.hasPrefix("其中：") || t.hasPrefix("其中:") { t = String(t.dropFirst(3)) }
        if TableReader.isTotalLabel(t) { return "合计" }
        if t.hasPrefix("因公出国（境）费") { return "因公出国（境）费" }
        if t.hasPrefix("公务接待费") { return "公务接待费" }
        if t.hasPrefix("公务用车购置及运行") { return parentKey }
        if t.hasPrefix("公务用车购置费") { return parentKey + "/公务用车购置费" }
        if t.hasPrefix("公务用车运行") { return parentKey + "/公务用车运行费" }
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
    mutating func place(_ kind: StandardTable, _ entries: [TableEntry], columns: [String], preparer: String?) -> [TableRow] {
        var planned: [PlannedRow] = []
        var currentUnit: (name: String, index: Int)?
        var totalIndex: Int?
        var keys = Set<String>()

        func parentFor(code: String?) -> Int? {
            guard let code else { return nil }
            // nearest earlier row (under the same unit) whose code is a prefix
            for j in planned.indices.reversed() {
                if let u = currentUnit, j < u.index { break }
                if let c = planned[j].row.code, c.count < code.count, code.hasPrefix(c), planned[j].row.project == nil {
                    return j
                }
            }
            return currentUnit?.index ?? totalIndex
        }

        for entry in entries {
            let compact = LineTokens.compact(entry.label)
            var row = TableRow(key: "", name: entry.label, role: .line,
                               cells: Array(repeating: nil, count: columns.count), source: entry.start)
            var parent: Int?
            if entry.code == nil && Self.isTotalLabel(compact) && kind != .threePublicCosts {
                row.key = "总计"
                row.name = String(compact.prefix(2))
                row.role = .total
            } else if kind == .threePublicCosts {
                guard let key = ThreePublicCosts.key(for: entry.label) else { continue }
                row.key = key
                row.role = key == "合计" ? .total : .line
                if key != "合计" {
                    parent = key.hasPrefix(ThreePublicCosts.parentKey + "/")
                        ? planned.firstIndex { $0.row.key == ThreePublicCosts.parentKey } ?? totalIndex
                        : totalIndex
                }
            } else if let code = entry.code {
                row.code = code
                row.role = code.count == 3 ? .classLevel : code.count == 5 ? .section : .item
                parent = parentFor(code: code)
                var name = entry.label
                if kind == .projects && code.count == 7 {
                    let (functional, project) = splitProject(code: code, entry: entry)
                    name = functional
                    if let project, !project.isEmpty {
                        row.project = project
                        row.role = .project
                    }
                }
                row.name = name
                let bare = row.project.map { "\(code)|\($0)" } ?? code
                row.key = currentUnit.map { "\($0.name)/\(bare)" } ?? bare
                row.unit = currentUnit?.name
            } else if kind == .projects || kind == .carryOver {
                let isUnit = kind == .projects || entry.label == preparer || Self.looksLikeUnit(entry.label)
                if isUnit {
                    row.key = entry.label
                    row.role = .unit
                    parent = totalIndex
                } else {
                    row.key = entry.label
                    row.project = entry.label
                    row.role = .project
                    parent = currentUnit?.index ?? totalIndex
                }
            } else {
                continue
            }
            // Keys stay unique within a table (a repeated key gains its line).
            if keys.contains(row.key) { row.key += "#\(entry.start.line)" }
            keys.insert(row.key)
            planned.append(PlannedRow(row: row, entry: entry, parent: parent))
            let index = planned.count - 1
            if row.role == .total { totalIndex = index }
            if row.role == .unit { currentUnit = (row.key, index) }
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

    static func looksLikeUnit(_ name: String) -> Bool {
        for suffix in ["局", "中心", "站", "所", "院", "办公室", "委员会", "（本级）"] where name.hasSuffix(suffix) { return true }
        return false
    }

    /// Splits `财政对城乡居民基本医疗保险基金的补助城乡居民基本医疗保险财政补助` into the
    /// functional name (known from the other tables) and the project name.
    func splitProject(code: String, entry: TableEntry) -> (String, String?) {
        if let project = entry.project { return (entry.label, project) }
        let joined = entry.labelLines.joined()
        if let known = names[code] {
            let compactKnown = LineTokens.compact(known)
            // Walk the joined label, ignoring spaces, until the known name is consumed.
            var consumed = 0
            var index = joined.startIndex
            let target = Array(compactKnown)
            while index < joined.endIndex, consumed < target.count {
                let c = joined[index]
                if c == " " { index = joined.index(after: index); continue }
                guard c == target[consumed] else { break }
                consumed += 1
                index = joined.index(after: index)
            }
            if consumed == target.count {
                return (known, String(joined[index...]).trimmingSpaces())
            }
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

    mutating func assignColumns(_ kind: StandardTable, _ planned: inout [PlannedRow], columns: [String]) {
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
        let rowsForPrior = planned.map(\.row)
        let basicHint = basicHints(kind, planned: planned)
        var solver = ColumnSolver(columnCount: columns.count, identities: kind.rowIdentities(in: format),
                                  allowed: allowed, rows: solverRows) { r, c in
            Self.prior(kind, row: rowsForPrior[r], column: columns[c], hint: basicHint[r])
        }
        let solution = solver.solve()
        for j in planned.indices {
            let e = planned[j].entry
            for (value, column) in zip(e.values, solution.columns[j]) {
                planned[j].row.cells[column] = Cell(value, at: e.valuesAt)
            }
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
        func has(_ keys: String...) -> Bool { keys.contains { (t1[$0, "预算数"] ?? .zero) != .zero } }
        let general = has("本年收入/一般公共预算拨款", "上年结转结余/财政拨款结转/一般公共预算拨款")
        let fund = has("本年收入/政府性基金预算拨款", "上年结转结余/财政拨款结转/政府性基金预算拨款")
        let capital = has("本年收入/国有资本经营预算拨款", "上年结转结余/财政拨款结转/国有资本经营预算拨款")
        switch kind {
        case .income:
            let sources = [
                2: has("本年收入/一般公共预算拨款/一般财力") || (has("本年收入/一般公共预算拨款") && !has("本年收入/一般公共预算拨款/上级一般公共预算安排转移支付")),
                3: has("本年收入/一般公共预算拨款/上级一般公共预算安排转移支付"),
                4: has("本年收入/政府性基金预算拨款/政府性基金收入") || (has("本年收入/政府性基金预算拨款") && !has("本年收入/政府性基金预算拨款/上级政府性基金安排转移支付")),
                5: has("本年收入/政府性基金预算拨款/上级政府性基金安排转移支付"),
                6: has("本年收入/国有资本经营预算拨款/国有资本经营收入") || (has("本年收入/国有资本经营预算拨款") && !has("本年收入/国有资本经营预算拨款/上级国有资本经营预算安排转移支付")),
                7: has("本年收入/国有资本经营预算拨款/上级国有资本经营预算安排转移支付"),
                8: has("本年收入/财政专户核拨"),
                9: has("本年收入/单位资金"),
                10: has("上年结转结余/财政拨款结转"),
                11: has("上年结转结余/非财政拨款结转结余"),
            ]
            for (c, ok) in sources { allowed[c] = ok }
            allowed[1] = (2...7).contains { allowed[$0] }
        case .threePublicCosts, .fiscalAppropriation:
            allowed[1] = general
            allowed[2] = fund
            allowed[3] = capital
        case .carryOver:
            let fiscal = has("上年结转结余/财政拨款结转")
            let other = has("上年结转结余/非财政拨款结转结余")
            for c in 1...4 { allowed[c] = fiscal }
            for c in 5...8 { allowed[c] = other }
        default:
            break
        }
        return allowed
    }

    /// Rows whose whole vector another table fixes: table 2's 总计 is table 1's
    /// income by source.
    func knownVectors(_ kind: StandardTable, planned: [PlannedRow], columns: [String]) -> [[Amount?]?] {
        var known: [[Amount?]?] = Array(repeating: nil, count: planned.count)
        guard kind == .income, let t1 = overall,
              let total = planned.firstIndex(where: { $0.row.role == .total }) else { return known }
        func v(_ key: String) -> Amount? { t1[key, "预算数"] }
        let general = v("本年收入/一般公共预算拨款/一般财力")
            ?? (v("本年收入/一般公共预算拨款/上级一般公共预算安排转移支付") == nil ? v("本年收入/一般公共预算拨款") : nil)
        let vector: [Amount?] = [
            v("收入总计"),
            nil,
            general,
            v("本年收入/一般公共预算拨款/上级一般公共预算安排转移支付"),
            v("本年收入/政府性基金预算拨款/政府性基金收入"),
            v("本年收入/政府性基金预算拨款/上级政府性基金安排转移支付"),
            v("本年收入/国有资本经营预算拨款/国有资本经营收入"),
            v("本年收入/国有资本经营预算拨款/上级国有资本经营预算安排转移支付"),
            v("本年收入/财政专户核拨"),
            v("本年收入/单位资金"),
            v("上年结转结余/财政拨款结转"),
            v("上年结转结余/非财政拨款结转结余"),
        ]
        var full = vector
        full[1] = (2...7).reduce(Amount.zero) { $0 + (vector[$1] ?? .zero) }
        known[total] = full
        return known
    }

    /// For table 5: the basic/project split table 3 printed for the same row, when
    /// the row's total agrees (the row is then wholly general-public money).
    func basicHints(_ kind: StandardTable, planned: [PlannedRow]) -> [[String: Amount]?] {
        guard kind == .generalPublic, let t3 = solved[.expenditure] else { return planned.map { _ in nil } }
        return planned.map { p in
            guard let r = t3.row(p.row.key), r.cells[0]?.value == p.entry.values.first else { return nil }
            var hint: [String: Amount] = [:]
            for (c, cell) in r.cells.enumerated() { if let cell { hint[t3.columns[c]] = cell.value } }
            return hint
        }
    }
}
