import YusuanModel

/// 编表 — derives the eleven standard tables from a budget's line items, so that
/// every table agrees with every other by construction.
struct TableComposer {
    let budget: Budget
    let format: DisclosureFormat

    init(_ budget: Budget) {
        self.budget = budget
        format = DisclosureFormat.forYear(budget.department.year)
    }

    var department: String { budget.department.name }

    func name(_ code: String) -> String { budget.names[code] ?? FunctionalClasses.name(code) ?? code }

    func tables() -> [BudgetTable] {
        var result = [overall(), income(), expenditure(), fiscalAppropriation(), generalPublic(), basic(), projects(),
                      fundLike(.governmentFund), fundLike(.stateCapital), threePublic()]
        if format == .edition2024 { result.append(carryOver()) }
        return result
    }

    // MARK: Helpers

    func empty(_ kind: StandardTable) -> BudgetTable {
        BudgetTable(kind: kind, title: title(kind), preparer: department, columns: kind.columns(in: format))
    }

    func title(_ kind: StandardTable) -> String {
        format == .edition2023 && [.overall, .income, .expenditure].contains(kind)
            ? kind.standardTitle.replacingOccurrences(of: "部门", with: "单位") : kind.standardTitle
    }

    /// Rows 总计, 类, 款, 项 for the items, each with the column sums `columns(item)` gives.
    func functionalRows(_ items: [LineItem], columnCount: Int, columns: (LineItem) -> [Int: Amount]) -> [TableRow] {
        var sums: [String: [Amount]] = [:]
        var total = Array(repeating: Amount.zero, count: columnCount)
        for item in items {
            let parts = columns(item)
            for code in [String(item.function.prefix(3)), String(item.function.prefix(5)), item.function] {
                var v = sums[code] ?? Array(repeating: .zero, count: columnCount)
                for (c, a) in parts { v[c] = v[c] + a }
                sums[code] = v
            }
            for (c, a) in parts { total[c] = total[c] + a }
        }
        var rows = [row(.grandTotal, role: .total, total)]
        for code in sums.keys.sorted() {
            let role: RowRole = code.count == 3 ? .classLevel : code.count == 5 ? .section : .item
            rows.append(row(.code(code), code: code, name: name(code), role: role, sums[code]!))
        }
        return rows
    }

    /// A row of amounts (zeros left empty); a labelled or total row prints its key's label.
    func row(_ key: RowKey, code: String? = nil, name: String? = nil, role: RowRole, _ values: [Amount],
             project: String? = nil, unit: String? = nil) -> TableRow {
        TableRow(key: key, code: code, name: name ?? key.label, project: project, unit: unit, role: role,
                 cells: values.map { $0.isZero ? nil : Cell($0) })
    }

    func sum(_ items: [LineItem]) -> Amount { items.reduce(.zero) { $0 + $1.amount } }

    /// The sentence printed in place of an empty table's rows.
    func statement(_ what: String) -> Located<String> {
        Located("\(department)\(budget.department.year)年\(what)，本表为空表。")
    }

    // MARK: 表1

    func overall() -> BudgetTable {
        var t = empty(.overall)
        let inc = budget.income
        let carry: (FundingSource) -> Amount = { s in self.sum(self.budget.items.filter { $0.source == s }) }
        let general = inc[.general] + inc[.generalTransfer]
        let fund = inc[.fund] + inc[.fundTransfer]
        let capital = inc[.capital] + inc[.capitalTransfer]
        let unitFunds = inc[.unitFunds]
        let current = general + fund + capital + inc[.specialAccount] + unitFunds
        let fiscalCarry = carry(.carryOverGeneral) + carry(.carryOverFund) + carry(.carryOverCapital)
        let otherCarry = carry(.carryOverOther)
        let lines: [(RowKey, Amount)] = [
            (.currentIncome, current),
            (.generalPublicIncome, general),
            (.generalPublicOwn, inc[.general]),
            (.generalPublicTransfer, inc[.generalTransfer]),
            (.governmentFundIncome, fund),
            (.governmentFundOwn, inc[.fund]),
            (.governmentFundTransfer, inc[.fundTransfer]),
            (.stateCapitalIncome, capital),
            (.stateCapitalOwn, inc[.capital]),
            (.stateCapitalTransfer, inc[.capitalTransfer]),
            (.specialAccountIncome, inc[.specialAccount]),
            (.unitFundsIncome, unitFunds),
            (.carryOver, fiscalCarry + otherCarry),
            (.appropriationCarryOver, fiscalCarry),
            (.generalPublicCarryOver, carry(.carryOverGeneral)),
            (.governmentFundCarryOver, carry(.carryOverFund)),
            (.stateCapitalCarryOver, carry(.carryOverCapital)),
            (.otherCarryOver, otherCarry),
            (.incomeTotal, current + fiscalCarry + otherCarry),
        ]
        t.rows = lines.map { key, value in row(key, role: key == .incomeTotal ? .total : .line, [value]) }
        var byClass: [String: Amount] = [:]
        for item in budget.items { byClass[String(item.function.prefix(3)), default: .zero] += item.amount }
        for (code, className) in FunctionalClasses.all(for: format) {
            t.rows.append(row(.code(code), code: code, name: budget.names[code] ?? className, role: .classLevel,
                              [byClass[code] ?? .zero]))
        }
        t.rows.append(row(.expenditureTotal, role: .total, [sum(budget.items)]))
        return t
    }

    // MARK: 表2, 3, 5

    func income() -> BudgetTable {
        var t = empty(.income)
        let columns = t.columns
        t.rows = functionalRows(budget.items, columnCount: columns.count) { item in
            var parts: [Int: Amount] = [0: item.amount, columns.firstIndex(of: item.source.incomeColumn)!: item.amount]
            if (2...7).contains(columns.firstIndex(of: item.source.incomeColumn)!) { parts[1] = item.amount }
            return parts
        }
        return t
    }

    func expenditure() -> BudgetTable {
        var t = empty(.expenditure)
        t.rows = functionalRows(budget.items, columnCount: 3) { [0: $0.amount, ($0.kind.isBasic ? 1 : 2): $0.amount] }
        return t
    }

    func generalPublic() -> BudgetTable {
        var t = empty(.generalPublic)
        t.rows = functionalRows(budget.items.filter(\.source.isGeneralPublic), columnCount: 3) {
            [0: $0.amount, ($0.kind.isBasic ? 1 : 2): $0.amount]
        }
        return t
    }

    // MARK: 表4

    func fiscalAppropriation() -> BudgetTable {
        var t = empty(.fiscalAppropriation)
        let inc = budget.income
        // This year's appropriations only: carried-over money is not in table 4 (as in table 5).
        let current: [FundingSource] = [.general, .generalTransfer, .fund, .fundTransfer, .capital, .capitalTransfer]
        let fiscalItems = budget.items.filter { current.contains($0.source) }
        let general = inc[.general] + inc[.generalTransfer]
        let fund = inc[.fund] + inc[.fundTransfer]
        let capital = inc[.capital] + inc[.capitalTransfer]
        let lines: [(RowKey, Amount)] = [
            (.appropriation, general + fund + capital), (.appropriationGeneralPublic, general),
            (.appropriationGovernmentFund, fund), (.appropriationStateCapital, capital),
            (.incomeTotal, general + fund + capital),
        ]
        t.rows = lines.map { key, value in
            row(key, role: key == .incomeTotal ? .total : .line, [value, .zero, .zero, .zero])
        }
        func column(_ s: FundingSource) -> Int {
            switch s {
            case .fund, .fundTransfer: 2
            case .capital, .capitalTransfer: 3
            default: 1
            }
        }
        var byClass: [String: [Amount]] = [:]
        var total = Array(repeating: Amount.zero, count: 4)
        for item in fiscalItems {
            let cls = String(item.function.prefix(3))
            var v = byClass[cls] ?? Array(repeating: .zero, count: 4)
            v[0] += item.amount
            v[column(item.source)] += item.amount
            byClass[cls] = v
            total[0] += item.amount
            total[column(item.source)] += item.amount
        }
        for (code, className) in FunctionalClasses.all(for: format) {
            t.rows.append(row(.code(code), code: code, name: budget.names[code] ?? className, role: .classLevel,
                              byClass[code] ?? Array(repeating: .zero, count: 4)))
        }
        t.rows.append(row(.expenditureTotal, role: .total, total))
        return t
    }

    // MARK: 表6

    func basic() -> BudgetTable {
        var t = empty(.basicByEconomicClass)
        let items = budget.items.filter { $0.source.isGeneralPublic && $0.kind.isBasic }
        var sums: [String: [Amount]] = [:]
        var total = Array(repeating: Amount.zero, count: 3)
        for item in items {
            let c = item.kind == .personnel ? 1 : 2
            for code in [String(item.economic.prefix(3)), item.economic] {
                var v = sums[code] ?? Array(repeating: .zero, count: 3)
                v[0] += item.amount
                v[c] += item.amount
                sums[code] = v
            }
            total[0] += item.amount
            total[c] += item.amount
        }
        t.rows = [row(.grandTotal, role: .total, total)]
        for code in sums.keys.sorted() {
            t.rows.append(row(.code(code), code: code, name: name(code), role: code.count == 3 ? .classLevel : .section,
                              sums[code]!))
        }
        return t
    }

    // MARK: 表7

    static let economicColumns: [String: Int] = [
        "301": 1, "302": 2, "303": 3, "307": 4, "309": 5, "310": 6, "311": 7, "312": 8, "313": 9, "399": 10,
    ]

    func projects() -> BudgetTable {
        var t = empty(.projects)
        let items = budget.items.filter { $0.source.isGeneralPublic && $0.kind == .project }
        let n = t.columns.count
        func vector(_ list: [LineItem]) -> [Amount] {
            var v = Array(repeating: Amount.zero, count: n)
            for item in list {
                v[0] += item.amount
                v[Self.economicColumns[String(item.economic.prefix(3))] ?? 10] += item.amount
            }
            return v
        }
        let unit = department
        t.rows = [row(.grandTotal, role: .total, vector(items)),
                  row(.named(unit), name: unit, role: .unit, vector(items))]
        let classes = Set(items.map { String($0.function.prefix(3)) }).sorted()
        for cls in classes {
            let inClass = items.filter { $0.function.hasPrefix(cls) }
            t.rows.append(row(RowKey.code(cls).under(unit: unit), code: cls, name: name(cls), role: .classLevel,
                              vector(inClass), unit: unit))
            for section in Set(inClass.map { String($0.function.prefix(5)) }).sorted() {
                let inSection = inClass.filter { $0.function.hasPrefix(section) }
                t.rows.append(row(RowKey.code(section).under(unit: unit), code: section, name: name(section), role: .section,
                                  vector(inSection), unit: unit))
                // One row per 项 and project, in the order of the line items.
                var seen: [(code: String, project: String)] = []
                for item in inSection where !seen.contains(where: { $0 == (item.function, item.project ?? "") }) {
                    seen.append((item.function, item.project ?? ""))
                }
                for (code, project) in seen {
                    let same = inSection.filter { $0.function == code && ($0.project ?? "") == project }
                    t.rows.append(row(RowKey.project(code: code, name: project).under(unit: unit), code: code,
                                      name: name(code), role: .project, vector(same),
                                      project: project.isEmpty ? nil : project, unit: unit))
                }
            }
        }
        if items.isEmpty {
            t.rows = []
            t.emptyStatement = statement("未安排一般公共预算项目支出")
        }
        return t
    }

    // MARK: 表8, 9

    func fundLike(_ kind: StandardTable) -> BudgetTable {
        var t = empty(kind)
        let sources: [FundingSource] = kind == .governmentFund ? [.fund, .fundTransfer] : [.capital, .capitalTransfer]
        let items = budget.items.filter { sources.contains($0.source) }
        guard !items.isEmpty else {
            t.emptyStatement = statement(kind == .governmentFund ? "未安排政府性基金预算拨款支出" : "未安排国有资本经营预算拨款支出")
            return t
        }
        let split = format == .edition2024
        t.rows = functionalRows(items, columnCount: t.columns.count) { item in
            switch item.kind {
            case .personnel: [0: item.amount, 1: item.amount]
            case .publicUse: [0: item.amount, (split ? 2 : 1): item.amount]
            case .project: [0: item.amount, (split ? 3 : 2): item.amount]
            }
        }
        return t
    }

    // MARK: 表10

    /// 三公 economic codes: 因公出国（境）费 30212, 公务接待费 30217, 公务用车运行维护费 30231, 公务用车购置 31013.
    func threePublic() -> BudgetTable {
        var t = empty(.threePublicCosts)
        let fiscal = budget.items.filter { ![.specialAccount, .unitFunds, .carryOverOther].contains($0.source) }
        func vector(_ codes: [String]) -> [Amount] {
            var v = Array(repeating: Amount.zero, count: 4)
            for item in fiscal where codes.contains(item.economic) {
                let c: Int = switch item.source {
                case .fund, .fundTransfer, .carryOverFund: 2
                case .capital, .capitalTransfer, .carryOverCapital: 3
                default: 1
                }
                v[0] += item.amount
                v[c] += item.amount
            }
            return v
        }
        let lines: [(RowKey, [String])] = [
            (.total, ["30212", "30217", "30231", "31013"]), (.travelAbroad, ["30212"]), (.reception, ["30217"]),
            (.vehicles, ["30231", "31013"]), (.vehiclePurchase, ["31013"]), (.vehicleOperation, ["30231"]),
        ]
        t.rows = lines.map { key, codes in row(key, role: key == .total ? .total : .line, vector(codes)) }
        if t.isEmpty { t.emptyStatement = statement("未安排财政拨款“三公”经费") }
        return t
    }

    // MARK: 表11

    func carryOver() -> BudgetTable {
        var t = empty(.carryOver)
        let items = budget.items.filter(\.source.isCarryOver)
        guard !items.isEmpty else {
            t.emptyStatement = statement("无上年结转结余资金")
            return t
        }
        func vector(_ list: [LineItem]) -> [Amount] {
            var v = Array(repeating: Amount.zero, count: 9)
            for item in list {
                let base = item.source == .carryOverOther ? 5 : 1
                let offset = item.kind == .personnel ? 1 : item.kind == .publicUse ? 2 : 3
                v[0] += item.amount
                v[base] += item.amount
                v[base + offset] += item.amount
            }
            return v
        }
        t.rows = [row(.grandTotal, role: .total, vector(items)),
                  row(.named(department), name: department, role: .unit, vector(items))]
        var names: [String] = []
        for item in items {
            let n = item.project ?? (item.kind == .project ? "项目支出" : "基本支出")
            if !names.contains(n) { names.append(n) }
        }
        for n in names {
            let same = items.filter { ($0.project ?? ($0.kind == .project ? "项目支出" : "基本支出")) == n }
            t.rows.append(row(.named(n), name: n, role: .project, vector(same), project: n))
        }
        return t
    }
}

extension Amount {
    static func += (a: inout Amount, b: Amount) { a = a + b }
}
