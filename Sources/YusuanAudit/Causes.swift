import YusuanModel

/// 一因一条 — one finding per cause for the table arithmetic, as a reviewer writes it.
///
/// - Rounding gaps within the printed tolerance (`arithmetic.hierarchy` and
///   `arithmetic.row-identity` warnings) are one warning per table, naming every row
///   and column where they show: a 0.01 carried up 项 → 款 → 类 → 总计 and into the
///   row identities of those rows is one gap, not one per level.
/// - Errors beyond the tolerance of the arithmetic and reconciliation rules that
///   differ by the same amount (to `sameAmount`) at related rows (the same code, one code under the
///   other, or a total row) are one cause: the finding at the most detailed row
///   names it, the others are its `consequences`.
///
/// - Two described projects printed as one row of table 7 are one cause
///   (`mergedProjects`).
///
/// Every place is kept, as a consequence with its own figures, so that no report
/// loses one.
enum Causes {
    /// The rules whose findings are grouped.
    static let arithmeticRules: Set<String> = [ArithmeticRules.hierarchy.id, ArithmeticRules.rowIdentity.id]
    static let reconciliationRules = Set(ReconciliationRules.rules.map(\.id))

    static func group(_ findings: [Finding]) -> [Finding] {
        var groups: [[Int]] = []
        // Rounding gaps, by table, in the order their tables are first reported.
        var byTable: [Int: Int] = [:]
        for (i, f) in findings.enumerated() where isRoundingGap(f) {
            let table = f.table ?? 0
            if let g = byTable[table] { groups[g].append(i) } else { byTable[table] = groups.count; groups.append([i]) }
        }
        let roundingGroups = groups.count
        groups += errorCauses(findings)
        var merged: [Int: Finding] = [:]
        var dropped = Set<Int>()
        for (n, group) in groups.enumerated() where group.count > 1 {
            let isRounding = n < roundingGroups
            let primary = isRounding ? group[0] : mostDetailed(group, in: findings)
            let others = group.filter { $0 != primary }.map { findings[$0] }
            var f = findings[primary]
            f.message = isRounding ? roundingMessage(group.map { findings[$0] }) : causeMessage(f, others)
            f.consequences = others
            merged[primary] = f
            dropped.formUnion(group.filter { $0 != primary })
        }
        return mergedProjects(findings.indices.filter { !dropped.contains($0) }.map { merged[$0] ?? findings[$0] })
    }

    // MARK: two projects in one row

    /// 合并项目 — table 7 printing two described projects as one row: the row's amount is
    /// the amount stated for one project (`text.project-amount`) plus that of a described
    /// project it lacks (`text.project-unmatched`). That is one cause: the amount finding
    /// names it, and the unmatched project and the performance tables' findings for the
    /// same two amounts (`performance.project-funds`) are its consequences.
    static func mergedProjects(_ findings: [Finding]) -> [Finding] {
        let amountRule = TextRules.projectAmount.id, unmatchedRule = TextRules.projectUnmatched.id
        let fundsRule = PerformanceRules.projectFunds.id
        var unmatched: [Amount: Int] = [:]
        for (i, f) in findings.enumerated() where f.rule == unmatchedRule {
            if let u = f.stated, unmatched[u] == nil { unmatched[u] = i }
        }
        guard !unmatched.isEmpty else { return findings }
        var result = findings
        var dropped = Set<Int>()
        for (i, f) in findings.enumerated() where f.rule == amountRule {
            guard let stated = f.stated, let row = f.expected,
                  case let (other, false) = row.subtractingReportingOverflow(stated),
                  let j = unmatched[other], !dropped.contains(j) else { continue }
            let funds = findings.indices.filter { k in
                let g = findings[k]
                return g.rule == fundsRule && !dropped.contains(k)
                    && (g.stated == stated && g.expected == row || g.stated == other && g.expected == nil)
            }
            let others = [j] + funds
            result[i].message = "表7 把说明中的两个项目（\(stated) + \(other) 万元）合为一行 \(row) 万元；" + f.message
            result[i].consequences = (f.consequences ?? []) + others.map { findings[$0] }
            dropped.formUnion(others)
        }
        return result.indices.filter { !dropped.contains($0) }.map { result[$0] }
    }

    /// One finding for places that share a cause: the first, with the others as its
    /// consequences and, where there are several, the message `several` gives for their
    /// count. Empty for no finding.
    static func one(_ findings: [Finding], several: (Int) -> String) -> [Finding] {
        guard var first = findings.first else { return [] }
        if findings.count > 1 {
            first.message = several(findings.count)
            first.consequences = Array(findings.dropFirst())
        }
        return [first]
    }

    static func isRoundingGap(_ f: Finding) -> Bool {
        arithmeticRules.contains(f.rule) && f.severity == .warning && f.table != nil
    }

    /// The errors that share one cause: the same difference at related rows, joined
    /// transitively (`sameGap` and `related`), each group in report order.
    ///
    /// In n log n rather than by comparing every pair: the candidates sorted by their gap,
    /// a total row (no code) is joined to the run of every candidate within `sameAmount`
    /// of its gap; a coded one to the candidates of its own code whose gaps form a chain
    /// of steps within `sameAmount`, and to those of each shorter code it begins with
    /// whose gaps lie within `sameAmount` of its own (the first and last of that window
    /// suffice: a window twice `sameAmount` wide holds at most two chains).
    static func errorCauses(_ findings: [Finding]) -> [[Int]] {
        let candidates = findings.indices.filter { i in
            let f = findings[i]
            return f.severity == .error && f.table != nil && f.stated != nil && f.expected != nil
                && (arithmeticRules.contains(f.rule) || reconciliationRules.contains(f.rule))
        }
        guard candidates.count > 1 else { return [] }
        let gaps = candidates.map { gap(findings[$0]) }
        let codes = candidates.map { code(findings[$0]) }
        // Union–find over positions in `candidates`.
        var parent = Array(candidates.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        func join(_ a: Int, _ b: Int) {
            let x = root(a), y = root(b)
            if x != y { parent[max(x, y)] = min(x, y) }
        }
        /// The positions of `sorted` (ascending by gap) whose gaps lie within `sameAmount` of `g`.
        func window(_ sorted: [Int], around g: Amount) -> Range<Int> {
            func firstIndex(_ isAfter: (Amount) -> Bool) -> Int {
                var lo = 0, hi = sorted.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if isAfter(gaps[sorted[mid]]) { hi = mid } else { lo = mid + 1 }
                }
                return lo
            }
            return firstIndex { $0 >= g - sameAmount }..<firstIndex { $0 > g + sameAmount }
        }
        // Total rows: every candidate within reach of one joins it, so neighbours in gap
        // order inside its window are joined (marked as covered edges, then joined once).
        let order = candidates.indices.sorted { gaps[$0] < gaps[$1] || gaps[$0] == gaps[$1] && $0 < $1 }
        var covered = [Int](repeating: 0, count: order.count + 1)
        for k in candidates.indices where codes[k] == nil {
            let w = window(order, around: gaps[k])
            join(k, order[w.lowerBound])
            covered[w.lowerBound] += 1
            covered[w.upperBound - 1] -= 1
        }
        var depth = 0
        for e in 0..<(order.count - 1) {
            depth += covered[e]
            if depth > 0 { join(order[e], order[e + 1]) }
        }
        // Coded rows: by code, in gap order.
        var byCode: [String: [Int]] = [:]
        for k in order { if let c = codes[k] { byCode[c, default: []].append(k) } }
        for run in byCode.values {
            for (a, b) in zip(run, run.dropFirst()) where gaps[b] - gaps[a] <= sameAmount { join(a, b) }
        }
        for k in candidates.indices {
            guard let c = codes[k] else { continue }
            for length in 1..<c.count {
                guard let shorter = byCode[String(c.prefix(length))] else { continue }
                let w = window(shorter, around: gaps[k])
                guard !w.isEmpty else { continue }
                join(k, shorter[w.lowerBound])
                join(k, shorter[w.upperBound - 1])
            }
        }
        var clusters: [Int: [Int]] = [:]
        for k in candidates.indices { clusters[root(k), default: []].append(candidates[k]) }
        return clusters.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
    }

    static func gap(_ f: Finding) -> Amount { ((f.stated ?? .zero) - (f.expected ?? .zero)).magnitude }

    /// 同一差额 — two gaps are one amount when they differ by no more than the
    /// rounding of the levels between them (`sameAmount`, three fen): a misplaced
    /// 1.00 shows as 0.99 in a parent whose printed total was already 0.01 off.
    static func sameGap(_ a: Finding, _ b: Finding) -> Bool { (gap(a) - gap(b)).magnitude <= sameAmount }
    static let sameAmount = Amount("0.03")!

    /// The functional or economic code of a finding's row (`2100399`, or the code of a
    /// table-7 project row `单位/2100399|名称`), nil for a total row.
    ///
    /// Read on the key's bytes: a code is ASCII digits, and a report may group
    /// thousands of findings.
    static func code(_ f: Finding) -> String? {
        guard let row = f.row else { return nil }
        var u = Substring(row).utf8[...]
        if let bar = u.firstIndex(of: UInt8(ascii: "|")) { u = u[..<bar] }
        if let slash = u.lastIndex(of: UInt8(ascii: "/")) { u = u[u.index(after: slash)...] }
        return !u.isEmpty && u.allSatisfy({ (0x30...0x39).contains($0) }) ? String(Substring(u)) : nil
    }

    /// The same code, one under the other, or a total row (which every row adds up to).
    static func related(_ a: Finding, _ b: Finding) -> Bool {
        guard let x = code(a), let y = code(b) else { return true }
        return x.begins(with: y) || y.begins(with: x)
    }

    /// The finding at the most detailed row: a project before a 项, a 项 before its
    /// 款; at the same row, a column against its children before the row's total.
    static func mostDetailed(_ group: [Int], in findings: [Finding]) -> Int {
        // Each finding's depth worked out once, not at every comparison.
        let depths = group.map { i in
            let f = findings[i]
            let level = (code(f)?.utf8.count ?? 0) * 2 + (f.row?.includes("|") == true ? 1 : 0)
            return level * 2 + (f.rule == ArithmeticRules.hierarchy.id ? 1 : 0)
        }
        let best = group.indices.max { depths[$0] < depths[$1] || depths[$0] == depths[$1] && group[$0] > group[$1] }!
        return group[best]
    }

    /// `表2 210 总计`
    static func place(_ f: Finding) -> String {
        (["表\(f.table ?? 0)"] + [f.row, f.column].compactMap { $0 }).joined(separator: " ")
    }

    static func causeMessage(_ primary: Finding, _ others: [Finding]) -> String {
        let places = others.map { "\(place($0))（\($0.stated?.printed ?? "") ≠ \($0.expected?.printed ?? "")）" }
        return primary.message + "；同一差额 \(gap(primary)) 还使 \(others.count) 处不符：" + places.joined(separator: "、")
    }

    /// `表2 有 9 处合计与其组成部分相差 0.01，在所印数字的舍入范围内：20805（总计、一般公共预算）、210（总计）`
    static func roundingMessage(_ group: [Finding]) -> String {
        var rows: [String] = []
        var columns: [String: [String]] = [:]
        var cells = 0
        for f in group {
            let row = f.row ?? "—", column = f.column ?? "—"
            if columns[row] == nil { rows.append(row) }
            // A row identity and a hierarchy may both show at one cell: it is one place.
            if columns[row]?.contains(column) != true { columns[row, default: []].append(column); cells += 1 }
        }
        let gaps = Set(group.map(gap)).sorted()
        let size = gaps.count == 1 ? "\(gaps[0])" : "\(gaps.first!) 至 \(gaps.last!)"
        let list = rows.map { "\($0)（\(columns[$0]!.joined(separator: "、"))）" }.joined(separator: "、")
        return "表\(group[0].table ?? 0) 有 \(cells) 处合计与其组成部分相差 \(size)，在所印数字的舍入范围内：\(list)"
    }
}
