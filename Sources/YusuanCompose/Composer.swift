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
    /// while any of them is missing.
    public static func neededReasons(_ budget: Budget) -> [(key: String, figure: String)] {
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

    /// Every inconsistency between the stated income and the line items, and every malformed code.
    public static func validate(_ budget: Budget) -> [String] {
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
