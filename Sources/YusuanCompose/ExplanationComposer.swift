import YusuanModel

/// 起草说明 — drafts 第三部分 情况说明 from the budget and the composed tables:
/// every amount, share and change is computed; a source that has nothing says
/// 未安排; the officer's reasons are inserted, and a missing one leaves a visible
/// placeholder (`Phrases.placeholder`).
struct ExplanationComposer {
    let budget: Budget
    let tables: [StandardTable: BudgetTable]
    var sections: [ExplanationSection] = []

    init(_ budget: Budget, tables: [BudgetTable]) {
        self.budget = budget
        self.tables = Dictionary(uniqueKeysWithValues: tables.map { ($0.kind, $0) })
    }

    var dept: String { budget.department.name }
    var year: Int { budget.department.year }
    var format: DisclosureFormat { DisclosureFormat.forYear(year) }
    func t(_ k: StandardTable) -> BudgetTable? { tables[k] }
    func money(_ a: Amount) -> String { Phrases.money(a) }
    func name(_ code: String) -> String { budget.names[code] ?? FunctionalClasses.name(code) ?? code }

    /// Joins a sentence's parts: the amount, its share, its change and the reason.
    func clause(_ parts: String?...) -> String { clause(parts) }
    func clause(_ parts: [String?]) -> String { parts.compactMap { $0 }.joined(separator: "，") }

    /// The reasons the draft asked for, each with the previous-year field it explains.
    final class ReasonLog {
        var asked: [(key: String, figure: String)] = []
    }
    let log = ReasonLog()

    /// The change on last year and, where there is one, its reason (recorded as asked for).
    func change(_ previous: Amount?, _ current: Amount, key: String, figure: String) -> [String?] {
        guard let change = Phrases.change(from: previous, to: current) else { return [] }
        guard previous != current else { return [change] }
        if !log.asked.contains(where: { $0.key == key }) { log.asked.append((key, figure)) }
        return [change, Phrases.reason(budget.reasons[key])]
    }

    mutating func draft() -> [ExplanationSection] {
        sections = []
        let overall = t(.overall)
        let total = overall?[.incomeTotal, .budgeted] ?? .zero
        add("一", "关于\(dept)\(year)年收支预算情况的总体说明", summary(total: total))
        add("二", "关于\(dept)\(year)年收入预算情况说明", incomeLines(total: total))
        add("三", "关于\(dept)\(year)年支出预算情况说明", spendingLines())
        add("四", "关于\(dept)\(year)年财政拨款收支预算情况的总体说明", fiscalLines())
        add("五", "关于\(dept)\(year)年一般公共预算当年拨款情况说明", generalPublicLines())
        add("六", "关于\(dept)\(year)年一般公共预算基本支出情况说明", basicLines())
        add("七", "关于\(dept)\(year)年一般公共预算项目支出情况说明", projectLines())
        add("八", "关于\(dept)\(year)年政府性基金预算拨款情况说明", fundLines(.governmentFund, "政府性基金预算拨款"))
        add("九", "关于\(dept)\(year)年国有资本经营预算拨款情况说明", fundLines(.stateCapital, "国有资本经营预算拨款"))
        add("十", "关于\(dept)\(year)年财政拨款“三公”经费预算情况说明", threePublicLines())
        if format == .edition2024 {
            add("十一", "关于\(dept)\(year)年上年结转结余预算情况说明", carryOverLines())
            add("十二", "其他重要事项的情况说明", otherLines())
        } else {
            add("十一", "其他重要事项的情况说明", otherLines())
        }
        return sections
    }

    mutating func add(_ number: String, _ title: String, _ lines: [String]) {
        sections.append(ExplanationSection(number: number, title: title, lines: lines.map { Located($0) }, source: nil))
    }

    // MARK: 一

    func summary(total: Amount) -> [String] {
        let sources = IncomeLine.all.filter { !amount($0).isZero }.map(\.label)
        let classes = (t(.overall)?.rows ?? []).filter { $0.code != nil && $0.cells.first??.value != nil }.map(\.name)
        return [
            "\(dept)\(year)年的全部收入和支出均已编入部门预算，收支总预算 \(money(total)) 万元。",
            "收入预算包括：\(Phrases.list(sources))。",
            "支出预算包括：\(Phrases.list(classes))。",
        ]
    }

    // MARK: 二

    /// The income lines of section 二, in the order the documents print them.
    struct IncomeLine {
        var label: String
        var sources: [FundingSource]
        var reasonKey: String
        static let all = [
            IncomeLine(label: "一般公共预算", sources: [.general], reasonKey: "source.general"),
            IncomeLine(label: "上级一般公共预算安排的转移支付资金", sources: [.generalTransfer], reasonKey: "source.generalTransfer"),
            IncomeLine(label: "政府性基金预算", sources: [.fund], reasonKey: "source.fund"),
            IncomeLine(label: "上级政府性基金安排的转移支付资金", sources: [.fundTransfer], reasonKey: "source.fundTransfer"),
            IncomeLine(label: "国有资本经营预算", sources: [.capital], reasonKey: "source.capital"),
            IncomeLine(label: "上级国有资本经营预算安排的转移支付资金", sources: [.capitalTransfer], reasonKey: "source.capitalTransfer"),
            IncomeLine(label: "财政专户管理资金", sources: [.specialAccount], reasonKey: "source.specialAccount"),
            IncomeLine(label: "单位资金", sources: [.unitFunds], reasonKey: "source.unitFunds"),
            IncomeLine(label: "财政拨款结转", sources: [.carryOverGeneral, .carryOverFund, .carryOverCapital], reasonKey: "source.carryOver"),
            IncomeLine(label: "非财政拨款结转结余", sources: [.carryOverOther], reasonKey: "source.carryOverOther"),
        ]
    }

    func amount(_ line: IncomeLine) -> Amount {
        line.sources.reduce(.zero) { sum, s in
            sum + (s.isCarryOver ? budget.items.filter { $0.source == s }.reduce(.zero) { $0 + $1.amount } : budget.income[s])
        }
    }

    func previous(_ line: IncomeLine) -> Amount? {
        let values = line.sources.compactMap { budget.previousYear.sources[$0] }
        return values.isEmpty ? nil : values.reduce(.zero, +)
    }

    func incomeLines(total: Amount) -> [String] {
        var lines = ["\(dept)部门收入预算 \(money(total)) 万元，其中："]
        // The shares of the sources present, rounded together to add up to 100.00%.
        let present = IncomeLine.all.map(amount).filter { !$0.isZero }
        var shares = Phrases.shares(present, of: total).makeIterator()
        for line in IncomeLine.all {
            let a = amount(line)
            if a.isZero {
                // The four 预算 sources are always mentioned; the others only when present.
                if line.sources.allSatisfy({ [.general, .generalTransfer, .fund, .fundTransfer, .capital, .capitalTransfer].contains($0) }) {
                    lines.append("\(line.label)未安排。")
                }
                continue
            }
            let figure = "previousYear.sources.\((line.sources.first { budget.previousYear.sources[$0] != nil } ?? line.sources[0]).rawValue)"
            lines.append(clause(["\(line.label) \(money(a)) 万元", shares.next() ?? Phrases.share(a, of: total)]
                                + change(previous(line), a, key: line.reasonKey, figure: figure)) + "。")
        }
        return lines
    }

    // MARK: 三

    func spendingLines() -> [String] {
        guard let t3 = t(.expenditure) else { return [] }
        let total = t3[.grandTotal, .total] ?? .zero
        var lines = ["\(dept)\(year)年支出预算 \(money(total)) 万元，其中："]
        let parts: [(ColumnKey, String, Amount?)] = [(.basic, "basic", budget.previousYear.basic),
                                                     (.project, "project", budget.previousYear.project)]
        let shares = Phrases.shares(parts.map { t3[.grandTotal, $0.0] ?? .zero }, of: total)
        for (i, (column, key, previous)) in parts.enumerated() {
            let a = t3[.grandTotal, column] ?? .zero
            lines.append(clause(["\(column) \(money(a)) 万元", shares[i]]
                                + change(previous, a, key: key, figure: "previousYear.\(key)")) + "。")
        }
        return lines
    }

    // MARK: 四

    func fiscalLines() -> [String] {
        guard let t4 = t(.fiscalAppropriation) else { return [] }
        let total = t4[.incomeTotal, .total] ?? .zero
        let sources: [(String, RowKey)] = [("一般公共预算拨款", .appropriationGeneralPublic),
                                           ("政府性基金预算拨款", .appropriationGovernmentFund),
                                           ("国有资本经营预算拨款", .appropriationStateCapital)]
        let parts = sources.compactMap { label, key in
            t4[key, .total].flatMap { $0.isZero ? nil : "\(label) \(money($0)) 万元" }
        }
        let classes = t4.rows.filter { $0.code != nil }.compactMap { row in
            row.cells[0].map { "\(row.name) \(money($0.value)) 万元" }
        }
        return [
            "\(year)年财政拨款收支总预算 \(money(total)) 万元。",
            "财政拨款收入：\(Phrases.list(parts))。",
            "财政拨款支出：\(classes.joined(separator: "；"))。",
        ]
    }

    // MARK: 五

    func generalPublicLines() -> [String] {
        guard let t5 = t(.generalPublic) else { return [] }
        let total = t5[.grandTotal, .total] ?? .zero
        var lines = ["（一）一般公共预算当年拨款规模变化情况",
                     "\(dept)\(year)年一般公共预算当年拨款 \(money(total)) 万元，其中："]
        // Compared with last year's general-public figures; the department's totals
        // serve only where this year's scopes coincide.
        let sameScope = t(.expenditure)?[.grandTotal, .basic] == t5[.grandTotal, .basic]
            && t(.expenditure)?[.grandTotal, .project] == t5[.grandTotal, .project]
        let p = budget.previousYear
        let previous: [(ColumnKey, String, Amount?, Amount?)] = [(.basic, "basic", p.generalPublicBasic, p.basic),
                                                                 (.project, "project", p.generalPublicProject, p.project)]
        for (column, key, own, department) in previous {
            let a = t5[.grandTotal, column] ?? .zero
            let parts = own != nil
                ? change(own, a, key: "generalPublic.\(key)", figure: "previousYear.generalPublic\(key == "basic" ? "Basic" : "Project")")
                : (sameScope ? change(department, a, key: key, figure: "previousYear.\(key)") : [])
            lines.append(clause(["\(column) \(money(a)) 万元"] + parts) + "。")
        }
        lines.append("（二）一般公共预算当年拨款结构情况")
        let classes = t5.rows.filter { $0.role == .classLevel }
        let classShares = Phrases.shares(classes.map { $0.cells[0]?.value ?? .zero }, of: total)
        for (n, (row, share)) in zip(classes, classShares).enumerated() {
            lines.append("\(n + 1)、\(row.name)（类）\(money(row.cells[0]?.value ?? .zero)) 万元，\(share)。")
        }
        lines.append("（三）一般公共预算当年拨款具体使用情况")
        // Every 项 this year, and every 项 of last year that has none now.
        var codes = t5.rows.filter { $0.role == .item }.compactMap(\.code)
        for code in budget.previousYear.items.keys.sorted() where !codes.contains(code) { codes.append(code) }
        codes.sort()
        for (n, code) in codes.enumerated() {
            let a = t5[.code(code), .total] ?? .zero
            let path = "\(name(String(code.prefix(3))))（类）\(name(String(code.prefix(5))))（款）\(name(code))（项）"
            lines.append("\(n + 1)、\(path)：" + clause(["\(year)年预算数为 \(money(a)) 万元"]
                + change(budget.previousYear.items[code], a, key: "item.\(code)", figure: "previousYear.items.\(code)")) + "。")
        }
        return lines
    }

    // MARK: 六

    func basicLines() -> [String] {
        guard let t6 = t(.basicByEconomicClass) else { return [] }
        func names(_ column: ColumnKey) -> String {
            Phrases.list(t6.rows.filter { $0.role == .section && t6[$0.key, column] != nil }.map(\.name))
        }
        return [
            "\(dept)\(year)年一般公共预算基本支出 \(money(t6[.grandTotal, .total] ?? .zero)) 万元，其中：",
            "人员经费 \(money(t6[.grandTotal, .personnel] ?? .zero)) 万元，主要包括：\(names(.personnel))。",
            "公用经费 \(money(t6[.grandTotal, .publicUse] ?? .zero)) 万元，主要包括：\(names(.publicUse))。",
        ]
    }

    // MARK: 七

    func projectLines() -> [String] {
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        var lines: [String] = []
        for (n, p) in projectDescriptions().enumerated() {
            lines.append("（\(n < numerals.count ? numerals[n] : String(n + 1))）项目名称：\(p.name)")
            for field in p.fields where field.label != "项目名称" { lines.append("\(field.label)：\(field.text)") }
        }
        return lines.isEmpty ? ["\(dept)\(year)年未安排一般公共预算项目支出。"] : lines
    }

    /// Each general-public project, its amount from the line items.
    func projectDescriptions() -> [ProjectDescription] {
        let items = budget.items.filter { $0.source.isGeneralPublic && $0.kind == .project }
        var names: [String] = []
        for item in items where !names.contains(item.project ?? "") { names.append(item.project ?? "") }
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        return names.enumerated().map { n, projectName in
            let amount = items.filter { $0.project == projectName }.reduce(Amount.zero) { $0 + $1.amount }
            let info = budget.projects.first { $0.name == projectName }
            var fields: [LabelledText] = []
            func add(_ label: String, _ text: String?) {
                if let text, !text.isEmpty { fields.append(LabelledText(label: label, text: text, source: nil)) }
            }
            add("设立的政策依据", info?.policyBasis)
            add("预算安排规模", "\(money(amount)) 万元")
            add("项目承担单位", info?.undertakingUnit ?? dept)
            add("资金分配情况", info?.allocation)
            add("资金执行时间", info?.period)
            fields += info?.fields ?? []
            return ProjectDescription(ordinal: n < numerals.count ? numerals[n] : String(n + 1), name: projectName,
                                      policyBasis: info?.policyBasis, amount: amount,
                                      undertakingUnit: info?.undertakingUnit ?? dept, allocation: info?.allocation,
                                      period: info?.period, fields: fields)
        }
    }

    // MARK: 八, 九

    func fundLines(_ kind: StandardTable, _ what: String) -> [String] {
        guard let table = t(kind), !table.isEmpty else {
            return ["\(dept)\(year)年未安排\(what)支出，表\(kind.rawValue)为空表。"]
        }
        return ["\(dept)\(year)年\(what)支出 \(money(table[.grandTotal, .total] ?? .zero)) 万元。"]
    }

    // MARK: 十

    func threePublicLines() -> [String] {
        guard let t10 = t(.threePublicCosts) else { return [] }
        let p = budget.previousYear.threePublic
        let items: [(String, RowKey, String)] = [
            ("因公出国（境）费", .travelAbroad, "abroad"),
            ("公务用车购置费", .vehiclePurchase, "vehiclePurchase"),
            ("公务用车运行费", .vehicleOperation, "vehicleOperation"),
            ("公务接待费", .reception, "reception"),
        ]
        let total = t10[.total, .total] ?? .zero
        let amounts = items.map { (label, key, _) in "\(label) \(money(t10[key, .total] ?? .zero)) 万元" }
        var lines = ["\(dept)\(year)年财政拨款“三公”经费预算 \(money(total)) 万元，其中：\(amounts.joined(separator: "，"))。"]
        let previousTotal = p.isEmpty ? nil : p.values.reduce(Amount.zero, +)
        if let totalChange = Phrases.change(from: previousTotal, to: total) {
            let details = items.map { label, key, reasonKey -> String in
                let parts = self.change(p[reasonKey] ?? .zero, t10[key, .total] ?? .zero, key: "threePublic.\(reasonKey)",
                                        figure: "previousYear.threePublic.\(reasonKey)")
                return label + clause(parts).replacingPrefix("比上年预算", with: "")
            }
            lines.append("\(year)年财政拨款“三公”经费预算\(totalChange)；其中：\(details.joined(separator: "；"))。")
        }
        return lines
    }

    // MARK: 十一

    func carryOverLines() -> [String] {
        guard let t11 = t(.carryOver), !t11.isEmpty else {
            return ["\(dept)\(year)年无上年结转结余资金，表11为空表。"]
        }
        let total = t11[.grandTotal, .total] ?? .zero
        let fiscal = t11[.grandTotal, .appropriationCarrySubtotal] ?? .zero
        let other = t11[.grandTotal, .otherCarrySubtotal] ?? .zero
        var lines = ["\(dept)\(year)年上年结转结余 \(money(total)) 万元，包括：财政拨款 \(money(fiscal)) 万元，非财政拨款 \(money(other)) 万元，其中："]
        for (n, row) in t11.rows.filter({ $0.role == .project }).enumerated() {
            lines.append("\(n + 1). \(row.name) \(money(row.cells[0]?.value ?? .zero)) 万元。")
        }
        return lines
    }

    // MARK: 十二

    func otherLines() -> [String] {
        var lines = ["（一）机关运行经费情况", operatingCostLine(), "（二）政府采购情况"]
        if let p = budget.procurement {
            lines.append("\(year)年，\(dept)政府采购预算 \(money(p.total)) 万元，其中：政府采购货物预算 \(money(p.goods ?? .zero)) 万元，政府采购工程预算 \(money(p.works ?? .zero)) 万元，政府采购服务预算 \(money(p.services ?? .zero)) 万元。")
            lines.append("\(year)年，\(dept)面向中小企业预留政府采购项目预算金额 \(money(p.reservedForSMEs ?? .zero)) 万元，其中：小微企业预留政府采购项目预算金额 \(money(p.reservedForSmallAndMicro ?? .zero)) 万元。")
        } else {
            lines.append("\(year)年，\(dept)未安排政府采购预算。")
        }
        lines.append("（三）国有资产占用使用情况")
        lines += assetLines()
        lines.append("（四）预算绩效情况")
        let summary = performanceSummary()
        lines.append("\(year)年，本部门纳入预算绩效管理的部门整体绩效目标 \(summary.overallTargets ?? 0) 个，涉及预算金额 \(money(summary.overallAmount ?? .zero)) 万元；当年预算安排项目共 \(summary.projectCount ?? 0) 个，其中：财政拨款项目涉及预算金额 \(money(summary.fiscalProjectAmount ?? .zero)) 万元；非财政拨款项目涉及预算金额 \(money(summary.nonFiscalProjectAmount ?? .zero)) 万元。绩效目标表附后。")
        lines.append("（五）其他需说明的事项")
        lines.append("无其他需要说明的事项。")
        return lines
    }

    /// 机关运行经费: the 公用经费 of an administrative (or 参公) unit.
    func operatingCost() -> Amount? {
        guard budget.department.unitType != "事业" else { return nil }
        return t(.basicByEconomicClass)?[.grandTotal, .publicUse] ?? .zero
    }

    func operatingCostLine() -> String {
        guard let cost = operatingCost() else { return "\(dept)为事业单位，不适用机关运行经费。" }
        return clause(["\(dept)\(year)年机关运行经费财政拨款预算 \(money(cost)) 万元"]
                      + change(budget.previousYear.operatingCost, cost, key: "operatingCost", figure: "previousYear.operatingCost")) + "。"
    }

    func assetLines() -> [String] {
        guard let a = budget.assets else { return ["本部门未报国有资产占用使用情况。"] }
        var lines = ["截至\(a.asOfYear ?? year - 1)年底，\(dept)占用使用国有资产总体情况为："]
        lines.append("1.房屋 \(money(a.buildingArea ?? .zero)) 平方米，价值 \(money(a.buildingValue ?? .zero)) 万元。")
        if let all = a.vehicles.first {
            let kinds = a.vehicles.dropFirst().map { "\($0.kind) \($0.count) 辆，价值 \(money($0.value)) 万元" }
            lines.append("2.车辆 \(all.count) 辆，价值 \(money(all.value)) 万元" + (kinds.isEmpty ? "" : "；其中：\(kinds.joined(separator: "；"))") + "。")
        } else {
            lines.append("2.车辆 0 辆，价值 0.00 万元。")
        }
        lines.append("3.办公家具价值 \(money(a.furnitureValue ?? .zero)) 万元。")
        lines.append("4.其他资产价值 \(money(a.otherAssetsValue ?? .zero)) 万元。")
        lines.append("部门价值 50 万元以上大型设备 \(a.equipmentOver50 ?? 0) 台，部门价值 100 万元以上大型设备 \(a.equipmentOver100 ?? 0) 台。")
        let vehicles = a.plannedVehicles.map { "安排购置车辆 \($0) 辆" } ?? "未安排购置车辆经费"
        lines.append("\(year)年部门预算\(vehicles)，安排购置 50 万元以上大型设备 \(a.plannedEquipmentOver50 ?? 0) 台，单位价值 100 万元以上大型设备 \(a.plannedEquipmentOver100 ?? 0) 台。")
        return lines
    }

    func performanceSummary() -> PerformanceSummary {
        let projects = budget.items.filter { $0.kind == .project }
        let fiscal = projects.filter { ![.specialAccount, .unitFunds, .carryOverOther].contains($0.source) }
        let names = Set(projects.compactMap(\.project))
        return PerformanceSummary(
            overallTargets: budget.departmentPerformance == nil ? 0 : 1,
            overallAmount: budget.departmentPerformance == nil ? .zero : t(.overall)?[.incomeTotal, .budgeted],
            projectCount: names.count,
            fiscalProjectAmount: fiscal.reduce(.zero) { $0 + $1.amount },
            nonFiscalProjectAmount: (projects.reduce(.zero) { $0 + $1.amount }) - fiscal.reduce(.zero) { $0 + $1.amount })
    }
}

extension String {
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
