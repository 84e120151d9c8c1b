import YusuanModel

/// 表内运算 — arithmetic inside each table.
public enum ArithmeticRules: RuleSet {
    static let rowIdentity = Rule(
        "arithmetic.row-identity", .arithmetic, .error,
        zh: "行内合计等于其组成列之和（如 合计 = 基本支出 + 项目支出）",
        en: "A row's total column equals the sum of its part columns (合计 = 基本支出 + 项目支出, …)")
    static let hierarchy = Rule(
        "arithmetic.hierarchy", .arithmetic, .error,
        zh: "上级科目逐列等于下级科目之和：总计 = Σ类，类 = Σ款，款 = Σ项，单位 = Σ其科目",
        en: "A parent row equals the sum of its children in every column: 总计 = Σ类, 类 = Σ款, 款 = Σ项, a unit = Σ its rows")
    static let balance = Rule(
        "arithmetic.balance", .arithmetic, .error,
        zh: "收支总表与财政拨款收支总表的收入总计等于支出总计",
        en: "In tables 1 and 4, total income equals total expenditure")

    public static let rules = [rowIdentity, hierarchy, balance]

    public static func check(_ context: AuditContext) -> [Finding] {
        let d = context.disclosure
        var findings: [Finding] = []
        for table in d.tables {
            findings += rowIdentities(table, format: d.format)
            findings += hierarchies(table)
        }
        findings += balances(d)
        return findings
    }

    static func rowIdentities(_ table: BudgetTable, format: DisclosureFormat) -> [Finding] {
        var findings: [Finding] = []
        let relations = table.identities ?? table.kind.rowIdentities(in: format)
        // By index: a row is copied only for a finding.
        for r in table.rows.indices {
            let cells = table.rows[r].cells
            for relation in relations where relation.total < cells.count {
                // The parts' sum first, without gathering them: most rows add up.
                var sum = Amount.zero, anyPart = false, overflow = false
                for p in relation.parts where p < cells.count {
                    guard let v = cells[p]?.value else { continue }
                    anyPart = true
                    let (s, o) = sum.addingReportingOverflow(v)
                    sum = s
                    overflow = overflow || o
                }
                guard cells[relation.total] != nil || anyPart else { continue }
                // Table 1 and 4 income rows have one column only.
                if cells.count > 1, relation.total == 0, cells.dropFirst().allSatisfy({ $0 == nil }),
                   table.kind == .fiscalAppropriation || table.kind == .overall { continue }
                let total = cells[relation.total]?.value ?? .zero
                if !overflow && total == sum { continue }
                let parts = relation.parts.filter { $0 < cells.count }
                let values = parts.map { cells[$0]?.value ?? .zero }
                guard let (difference, severity) = SumCheck.judge(total: total, parts: values, printedIn: table.printedUnit ?? .wan) else { continue }
                let row = table.rows[r]
                let partNames = parts.map { table.columns[$0].rawValue }.joined(separator: " + ")
                findings.append(Finding(
                    rule: rowIdentity,
                    message: "表\(table.kind.rawValue) \(row.key)：\(table.columns[relation.total]) \(total) ≠ \(partNames) = \(total - difference)（差 \(difference)）",
                    severity: severity, table: table.kind.rawValue, row: row.key, column: table.columns[relation.total],
                    at: cells[relation.total]?.source ?? row.source, stated: total, expected: total - difference,
                    computation: SumCheck.describe(values.filter { !$0.isZero })))
            }
        }
        return findings
    }

    static func hierarchies(_ table: BudgetTable) -> [Finding] {
        var findings: [Finding] = []
        let rows = table.rows
        for family in table.families {
            // The parent's cells, its row copied only for a finding.
            let cells = rows[family.parent].cells
            let parentIsBlank = cells.allSatisfy { $0 == nil }
            for c in table.columns.indices {
                // The children's sum first, without gathering their values: most columns add up.
                var sum = Amount.zero, count = 0, overflow = false
                for k in family.children {
                    guard let v = rows[k].cells[c]?.value else { continue }
                    count += 1
                    let (s, o) = sum.addingReportingOverflow(v)
                    sum = s
                    overflow = overflow || o
                }
                guard cells[c] != nil || count > 0 else { continue }
                // A labelled line printed without values (an empty table) has nothing to add up.
                if parentIsBlank && count == 0 { continue }
                let total = cells[c]?.value ?? .zero
                if !overflow && total == sum { continue }
                let values = family.children.compactMap { rows[$0].cells[c]?.value }
                guard let (difference, severity) = SumCheck.judge(total: total, parts: values, printedIn: table.printedUnit ?? .wan) else { continue }
                let column = table.columns[c], parent = rows[family.parent]
                let level = levelName(rows[family.children[0]])
                findings.append(Finding(
                    rule: hierarchy,
                    message: "表\(table.kind.rawValue) \(parent.key) 的 \(column) \(total) ≠ Σ\(level) \(total - difference)（差 \(difference)）",
                    severity: severity, table: table.kind.rawValue, row: parent.key, column: column,
                    at: cells[c]?.source ?? parent.source, stated: total, expected: total - difference,
                    computation: SumCheck.describe(values)))
            }
        }
        return findings
    }

    static func levelName(_ row: TableRow) -> String {
        switch row.role {
        case .classLevel: "类"
        case .section: "款"
        case .item: "项"
        case .project: "项目"
        case .unit: "单位"
        default: "下级"
        }
    }

    static func balances(_ d: Disclosure) -> [Finding] {
        var findings: [Finding] = []
        for kind in [StandardTable.overall, .fiscalAppropriation] {
            guard let t = d.table(kind), let income = t.row(.incomeTotal)?.cells.first??.value,
                  let spendingRow = t.row(.expenditureTotal), let spending = spendingRow.cells.first??.value,
                  income != spending else { continue }
            findings.append(Finding(
                rule: balance, message: "表\(kind.rawValue) 收入总计 \(income) ≠ 支出总计 \(spending)",
                table: kind.rawValue, row: .expenditureTotal, column: t.columns[0], at: spendingRow.cells[0]?.source,
                stated: spending, expected: income, computation: "收入总计 \(income)"))
        }
        return findings
    }
}
