import YusuanModel

/// 编制 — composes a disclosure from a budget's line items.
///
/// ```swift
/// let disclosure = try Composer.compose(budget)
/// disclosure.table(.generalPublic)?[.grandTotal, .total]
/// ```
public enum Composer {
    /// Why a budget cannot be composed: every problem found, not the first only.
    public struct Problems: Error, CustomStringConvertible, Equatable {
        public var messages: [String]
        public var description: String { messages.joined(separator: "\n") }
    }

    public static func compose(_ budget: Budget) throws(Problems) -> Disclosure {
        let problems = validate(budget)
        guard problems.isEmpty else { throw Problems(messages: problems) }
        let composer = TableComposer(budget)
        let format = composer.format
        let tables = composer.tables()
        var explanation = ExplanationComposer(budget, tables: tables)
        let sections = explanation.draft()
        let facts = ExplanationFacts(
            operatingCost: explanation.operatingCost().map { cost in
                let previous = budget.previousYear.operatingCost
                let change = previous.map { cost - $0 }
                var rate: Amount? = nil
                if let previous, let change, !previous.isZero, let r = change.magnitude.percent(of: previous) {
                    rate = change.units < 0 ? -r : r
                }
                return OperatingCost(amount: cost, change: change, rate: rate, source: nil)
            },
            procurement: budget.procurement, assets: budget.assets,
            performanceSummary: explanation.performanceSummary(), projects: explanation.projectDescriptions())
        return Disclosure(
            department: budget.department.name, year: budget.department.year, format: format,
            entityWord: format == .edition2023 ? "单位" : "部门", overview: budget.overview, tables: tables,
            sections: sections, facts: facts, performance: PerformanceComposer(budget, tables: tables).targets(),
            glossary: Glossary.compose(),
            signature: Signature(name: budget.department.name, date: budget.signatureDate, source: nil))
    }

    /// The reasons the explanation asks for — each change on the previous year —
    /// with the previous-year field each explains. `--strict` refuses a budget
    /// while any of them is missing. None for a budget beyond `limit` (it is not composed).
    public static func neededReasons(_ budget: Budget) -> [(key: String, figure: String)] {
        guard beyondLimit(budget) == nil else { return [] }
        var explanation = ExplanationComposer(budget, tables: TableComposer(budget).tables())
        _ = explanation.draft()
        return explanation.log.asked
    }

    /// The places where the explanation still waits for the officer's reason.
    public static func placeholders(in disclosure: Disclosure) -> [String] {
        disclosure.sections.flatMap { section in
            section.lines.filter { $0.value.contains(Phrases.placeholder) }.map { "\(section.number)：\($0.value)" }
        }
    }

    /// 金额上限 — the most the amounts of one budget may add up to, in 万元 (10¹² 万元,
    /// a thousand times a nation's budget). Every sum the tables and the explanation
    /// compute is a part of this total, so below it none can overflow.
    public static let limit = Amount(1_000_000_000_000)

    /// Every amount of the budget with its field, in workbook order.
    static func amounts(_ budget: Budget) -> [(field: String, amount: Amount)] {
        var list: [(field: String, amount: Amount)] = []
        func add(_ field: String, _ amount: Amount?) { if let amount { list.append((field, amount)) } }
        for source in FundingSource.allCases { add("income.\(source.rawValue)", budget.income.amounts[source]) }
        for (n, item) in budget.items.enumerated() { add("items[\(n)].amount", item.amount) }
        let p = budget.previousYear
        for source in FundingSource.allCases { add("previousYear.sources.\(source.rawValue)", p.sources[source]) }
        add("previousYear.basic", p.basic)
        add("previousYear.project", p.project)
        add("previousYear.generalPublicBasic", p.generalPublicBasic)
        add("previousYear.generalPublicProject", p.generalPublicProject)
        for code in p.items.keys.sorted() { add("previousYear.items.\(code)", p.items[code]) }
        for key in p.threePublic.keys.sorted() { add("previousYear.threePublic.\(key)", p.threePublic[key]) }
        add("previousYear.operatingCost", p.operatingCost)
        if let q = budget.procurement {
            add("procurement.total", q.total)
            add("procurement.goods", q.goods)
            add("procurement.works", q.works)
            add("procurement.services", q.services)
        }
        if let a = budget.assets {
            add("assets.buildingValue", a.buildingValue)
            for (n, v) in a.vehicles.enumerated() { add("assets.vehicles[\(n)].value", v.value) }
            add("assets.furnitureValue", a.furnitureValue)
            add("assets.otherAssetsValue", a.otherAssetsValue)
        }
        if let d = budget.departmentPerformance {
            add("departmentPerformance.superiorFunds", d.superiorFunds)
            add("departmentPerformance.ownFunds", d.ownFunds)
            add("departmentPerformance.otherFunds", d.otherFunds)
        }
        return list
    }

    /// The field at which the budget's amounts, added up, pass `limit`, as a problem
    /// `field: reason`; nil when they stay below it. Checked arithmetic: never a trap.
    public static func beyondLimit(_ budget: Budget) -> String? {
        var total = Amount.zero
        for (field, amount) in amounts(budget) {
            let (sum, overflow) = total.addingReportingOverflow(amount.magnitude)
            if overflow || sum > limit {
                return "\(field): \(amount) brings the budget's amounts to more than \(limit.formatted(minimumDecimals: 0)) 万元 "
                    + "in all, more than any budget holds (is it in 元 rather than 万元?)"
            }
            total = sum
        }
        return nil
    }

    /// Every inconsistency between the stated income and the line items, and every
    /// malformed code; or, when the amounts pass `limit`, that one problem alone (no
    /// sum is taken then).
    public static func validate(_ budget: Budget) -> [String] {
        if let beyond = beyondLimit(budget) { return [beyond] }
        var problems: [String] = []
        for (n, item) in budget.items.enumerated() {
            if item.function.count != 7 || !item.function.allSatisfy(\.isNumber) {
                problems.append("items[\(n)]: function code \(item.function) is not a 7-digit 项 code")
            }
            if item.economic.count != 5 || !item.economic.allSatisfy(\.isNumber) {
                problems.append("items[\(n)]: economic code \(item.economic) is not a 5-digit 款 code")
            }
            if item.kind == .project && (item.project ?? "").isEmpty {
                problems.append("items[\(n)]: a project item needs its project name")
            }
            if item.amount.units < 0 { problems.append("items[\(n)]: amount \(item.amount) is negative") }
        }
        for source in FundingSource.allCases where !source.isCarryOver {
            let spent = budget.items.filter { $0.source == source }.reduce(Amount.zero) { $0 + $1.amount }
            let stated = budget.income[source]
            if spent != stated {
                problems.append("income.\(source.rawValue): stated \(stated) but the line items spend \(spent)")
            }
        }
        return problems
    }
}
