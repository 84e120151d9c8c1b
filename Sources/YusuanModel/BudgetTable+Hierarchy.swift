/// 层级 — which rows of a table sum into which.
///
/// A parent row equals the sum of its children, column by column: 总计 = Σ类
/// (or Σ单位 where a table lists units), 类 = Σ款, 款 = Σ项 (or Σ项目 in table 7);
/// in tables 1, 4 and 10 the printed numbering (`本年收入/一般公共预算拨款/一般财力`)
/// gives the tree, and each side's total sums its top level. Used by the reader's
/// column solver, the audit and the composer alike.
public struct RowFamily: Sendable, Hashable {
    /// Index of the parent row in `BudgetTable.rows`.
    public var parent: Int
    /// Indices of its children, in printed order.
    public var children: [Int]
}

extension BudgetTable {
    /// The families of this table: each row that has children, with them.
    public var families: [RowFamily] {
        let parents = parentIndices
        var children: [Int: [Int]] = [:]
        for (i, p) in parents.enumerated() { if let p { children[p, default: []].append(i) } }
        return children.keys.sorted().map { RowFamily(parent: $0, children: children[$0]!) }
    }

    /// For each row, the index of the row it sums into (nil for a top total).
    ///
    /// A coded row sums into the nearest earlier row, under the same unit and since the
    /// last unit or total row, whose code is a proper prefix of its own. Those rows are
    /// kept by unit and code as the table is read, so each row looks up its code's few
    /// prefixes instead of walking back over its siblings: linear in the rows.
    public var parentIndices: [Int?] {
        var parents: [Int?] = Array(repeating: nil, count: rows.count)
        let byKey = Dictionary(rows.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        struct Coded: Hashable { var unit: String?; var code: String }
        /// The last row with each code (and no project) since the last unit or total row.
        var latest: [Coded: Int] = [:]
        var currentUnit: Int?
        for (i, row) in rows.enumerated() {
            defer {
                if row.role == .unit || row.role == .total {
                    latest.removeAll(keepingCapacity: true)
                } else if let code = row.code, row.project == nil {
                    latest[Coded(unit: row.unit, code: code)] = i
                }
            }
            switch row.role {
            case .total, .memo:
                continue
            case .unit:
                currentUnit = i
            case .line:
                if let parentKey = row.key.parent { parents[i] = byKey[parentKey] }
            case .project where row.code == nil:
                parents[i] = currentUnit
            default:
                break
            }
            guard let code = row.code else { continue }
            let prefixes = (1..<max(1, code.count)).compactMap { latest[Coded(unit: row.unit, code: String(code.prefix($0)))] }
            if let nearest = prefixes.max() { parents[i] = nearest }
            if parents[i] == nil, row.unit != nil { parents[i] = currentUnit }
        }
        // Each total sums the parentless rows of its side.
        let totals = rows.indices.filter { rows[$0].role == .total }
        for i in rows.indices where parents[i] == nil && rows[i].role != .total && rows[i].role != .memo {
            parents[i] = totalFor(row: rows[i], totals: totals)
        }
        return parents
    }

    private func totalFor(row: TableRow, totals: [Int]) -> Int? {
        guard totals.count > 1 else { return totals.first }
        // Two-sided tables (1 and 4): coded rows belong to the expenditure total.
        let expenditure = totals.first { rows[$0].key == .expenditureTotal }
        let income = totals.first { rows[$0].key == .incomeTotal }
        return row.code != nil ? expenditure : income
    }
}
