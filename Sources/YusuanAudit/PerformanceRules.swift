import YusuanModel

/// 绩效目标 — the performance-target tables against themselves, the budget tables
/// and the project text.
///
/// Matching a project table to a row: by name first (spaces removed, full/half-width
/// brackets made equal, a trailing （上年结转） dropped, one name containing the
/// other), else by amount. Candidates are the project rows of table 7, the
/// carried-over items of table 11, and — in the 2023 format, which has no table 11 —
/// the 财政拨款结转 of table 1 (by amount only).
///
/// The 部门整体 funds, as the seeds fill them: 上级安排 + 本级安排 + 其他资金 is the
/// department's 收入总计 of table 1 (本年收入 + 上年结转结余; 本年收入 alone is accepted
/// as well); 本级安排 is the own-level fiscal income (一般财力 + 政府性基金收入 +
/// 国有资本经营收入); 上级安排 is the transfers from above (上级…转移支付), with the
/// 财政拨款结转 counted either there (001, 003) or under 其他资金 (002).
public enum PerformanceRules: RuleSet {
    static let weights = Rule(
        "performance.weights", .performance, .error,
        zh: "每张绩效目标表的指标分值权重合计为 90（或 100）",
        en: "The indicator weights of each performance table add up to 90 (or 100)")
    static let fundSplit = Rule(
        "performance.fund-split", .performance, .error,
        zh: "项目年度预算总额等于财政拨款与其他资金之和",
        en: "A project's total funds equal its fiscal funds plus its other funds")
    static let projectFunds = Rule(
        "performance.project-funds", .performance, .error,
        zh: "项目绩效目标表的年度预算总额与表7（上年结转项目为表11）中同一项目的金额一致",
        en: "A project table's total funds equal the same project's amount in table 7 (table 11 for carried-over projects)")
    static let projectText = Rule(
        "performance.project-text", .performance, .error,
        zh: "项目绩效目标表的年度预算总额与情况说明中该项目的预算安排规模一致",
        en: "A project table's total funds equal the budget the explanation states for the same project")
    static let costCeiling = Rule(
        "performance.cost-ceiling", .performance, .warning,
        zh: "以万元表示的单项成本指标不应超过项目年度预算总额",
        en: "A cost indicator stated in 万元 does not exceed the project's total funds")
    static let costTotal = Rule(
        "performance.cost-total", .performance, .warning,
        zh: "以万元表示的各项成本指标之和不超过项目年度预算总额（成本测算须与资金相符）",
        en: "The cost indicators stated in 万元 add up to no more than the project's total funds (the costing fits the funds)")
    static let departmentFunds = Rule(
        "performance.department-funds", .performance, .error,
        zh: "部门整体绩效目标表的资金合计（上级安排 + 本级安排 + 其他资金）等于表1 收入总计",
        en: "The department table's funds (from above + own level + other) equal total income in table 1")
    static let departmentSources = Rule(
        "performance.department-sources", .performance, .warning,
        zh: "部门整体绩效目标表的本级安排等于本级财政收入，上级安排等于上级转移支付（可含财政拨款结转）",
        en: "The department table's own-level funds equal own fiscal income; funds from above equal the transfers from above (carry-over may be included)")

    public static let rules = [weights, fundSplit, projectFunds, projectText, costCeiling, costTotal,
                               departmentFunds, departmentSources] + contentRules

    public static func check(_ context: AuditContext) -> [Finding] {
        let d = context.disclosure
        var findings: [Finding] = []
        if let dept = d.performance.department {
            findings += weightTotal(dept.indicators, name: "部门整体", at: dept.source, d)
            findings += departmentChecks(dept, d).map { f in
                relocated(f, locate(f.column == "本级安排" ? "本级安排" : "上级安排", from: dept.source, in: context.lines, within: 80))
            }
        }
        let candidates = rowCandidates(d)
        // The projects the explanation describes with an amount, each with its name's key.
        let described = d.facts.projects.filter { $0.amount != nil }.map { (project: $0, key: key($0.name)) }
        for p in d.performance.projects {
            findings += weightTotal(p.indicators, name: p.project, at: p.source, d)
            let funds = locate("年度预算总额", from: p.source, in: context.lines)
            findings += split(p, d).map { relocated($0, funds) }
            let name = key(p.project)
            findings += tableFunds(p, named: name, candidates, d).map { relocated($0, funds) }
            findings += textFunds(p, named: name, described, d)
            findings += costs(p, d)
        }
        findings += content(d.performance.projects, context.allocations, d)
        return findings
    }

    /// The first line from a table's start (within its first lines) that prints the label.
    static func locate(_ label: String, from source: SourceLocation?, in lines: [String], within: Int = 30) -> SourceLocation? {
        guard let first = source?.line, first >= 1, first <= lines.count else { return nil }
        for n in first...min(lines.count, first + within) where Text.withoutWhitespace(lines[n - 1]).includes(label) {
            return SourceLocation(line: n, page: n == first ? source?.page : nil)
        }
        return nil
    }

    static func relocated(_ f: Finding, _ at: SourceLocation?) -> Finding {
        guard let at else { return f }
        var f = f
        f.line = at.line
        f.page = at.page
        return f
    }

    // MARK: names and places

    /// A name for matching: `ClassificationCatalogue.normalised`, without a trailing （上年结转）.
    static func key(_ name: String) -> String {
        var key = ClassificationCatalogue.normalised(name)
        for suffix in ["(上年结转)", "(结转)"] where key.ends(with: suffix) { key.removeLast(suffix.count) }
        return key
    }

    /// Same project by name: equal, or one contains the other (the shorter at least
    /// four characters, so that a bare 综合业务费 does not match everything).
    static func sameName(_ a: String, _ b: String) -> Bool { sameKey(key(a), key(b)) }

    /// `sameName` of two names' keys.
    /// Keys are compared as bytes (`==` on Chinese text normalises it, for every pair).
    static func sameKey(_ x: String, _ y: String) -> Bool {
        // Both at least four scalars long, without counting the rest.
        func long(_ s: String) -> Bool { s.unicodeScalars.dropFirst(3).first != nil }
        guard long(x) && long(y) else { return x.sameBytes(as: y) && !x.isEmpty }
        // Only the longer can hold the other.
        return x.utf8.count >= y.utf8.count ? x.includes(y) : y.includes(x)
    }

    /// The number of the explanation section printed at or before a line (the
    /// performance tables follow the last section; the projects are in 七).
    static func section(containing line: Int?, in d: Disclosure) -> String? {
        guard let line else { return nil }
        // By index: `last(where:)` would copy every section it passes over.
        for i in d.sections.indices.reversed() where (d.sections[i].source?.line ?? Int.max) <= line { return d.sections[i].number }
        return nil
    }

    // MARK: weights

    static func weightTotal(_ indicators: [PerformanceIndicator], name: String, at source: SourceLocation?,
                            _ d: Disclosure) -> [Finding] {
        let ws = indicators.compactMap(\.weight)
        guard !ws.isEmpty, let total = Amount.checkedSum(ws) else { return [] }
        let ninety = Amount(90), hundred = Amount(100)
        guard total != ninety, total != hundred else { return [] }
        let expected = (total - ninety).magnitude <= (total - hundred).magnitude ? ninety : hundred
        return [Finding(
            rule: weights,
            message: "绩效目标表“\(name)”的指标分值权重合计 \(total)，应为 90（或 100）",
            row: name, column: "指标分值权重", section: section(containing: source?.line, in: d), at: source,
            stated: total, expected: expected, computation: SumCheck.describe(ws))]
    }

    // MARK: project funds

    static func split(_ p: ProjectPerformanceTable, _ d: Disclosure) -> [Finding] {
        guard let total = p.totalFunds, p.fiscalFunds != nil || p.otherFunds != nil else { return [] }
        let fiscal = p.fiscalFunds ?? .zero, other = p.otherFunds ?? .zero
        guard fiscal + other != total else { return [] }
        return [Finding(
            rule: fundSplit,
            message: "绩效目标表“\(p.project)”年度预算总额 \(total) ≠ 财政拨款 \(fiscal) + 其他资金 \(other)",
            row: p.project, column: "年度预算总额", section: section(containing: p.source?.line, in: d), at: p.source,
            stated: total, expected: fiscal + other, computation: "\(fiscal) + \(other)")]
    }

    struct Candidate {
        var name: String?
        /// The name's `key`.
        var key: String?
        var amount: Amount
        var unit: String?
        var table: Int
        var row: RowKey
    }

    static func rowCandidates(_ d: Disclosure) -> [Candidate] {
        var list: [Candidate] = []
        for kind in [StandardTable.projects, .carryOver] {
            guard let t = d.table(kind) else { continue }
            for row in t.rows where row.role == .project {
                guard let amount = row.cells.first??.value else { continue }
                let name = row.project ?? row.name
                list.append(Candidate(name: name, key: key(name), amount: amount, unit: row.unit,
                                      table: kind.rawValue, row: row.key))
            }
        }
        if d.table(.carryOver) == nil, let carry = d.table(.overall)?[.appropriationCarryOver, .budgeted] {
            list.append(Candidate(name: nil, key: nil, amount: carry, unit: nil, table: 1, row: .appropriationCarryOver))
        }
        return list
    }

    /// `project` is the table's project name's `key`.
    static func tableFunds(_ p: ProjectPerformanceTable, named project: String, _ candidates: [Candidate],
                           _ d: Disclosure) -> [Finding] {
        guard let funds = p.totalFunds, !candidates.isEmpty else { return [] }
        let section = section(containing: p.source?.line, in: d)
        let byName = candidates.filter { $0.key.map { sameKey($0, project) } ?? false }
        if !byName.isEmpty {
            guard !byName.contains(where: { $0.amount == funds }) else { return [] }
            let c = byName.first { key($0.unit ?? "") == key(p.unit) } ?? byName[0]
            return [Finding(
                rule: projectFunds,
                message: "绩效目标表“\(p.project)”年度预算总额 \(funds) ≠ 表\(c.table) 同名项目 \(c.amount)",
                row: p.project, column: "年度预算总额", section: section, at: p.source,
                stated: funds, expected: c.amount, computation: "表\(c.table) \(c.row) 合计")]
        }
        guard !candidates.contains(where: { $0.amount == funds }) else { return [] }
        let tables = d.table(.carryOver) == nil ? "表7" : "表7、表11"
        return [Finding(
            rule: projectFunds,
            message: "绩效目标表“\(p.project)”（\(funds) 万元）在\(tables)中找不到同名或同金额的项目",
            severity: .warning, row: p.project, column: "年度预算总额", section: section, at: p.source,
            stated: funds, computation: "\(tables) 项目行")]
    }

    /// `project` is the table's project name's `key`.
    static func textFunds(_ p: ProjectPerformanceTable, named project: String,
                          _ described: [(project: ProjectDescription, key: String)], _ d: Disclosure) -> [Finding] {
        guard let funds = p.totalFunds else { return [] }
        let byName = described.filter { sameKey($0.key, project) }.map(\.project)
        // No project of that name in the text: nothing to compare (matching by amount finds only agreement).
        guard !byName.isEmpty, !byName.contains(where: { $0.amount == funds }) else { return [] }
        let t = byName[0]
        let at = t.fields.first { $0.label.includes("预算安排规模") }?.source ?? t.source
        return [Finding(
            rule: projectText,
            message: "绩效目标表“\(p.project)”年度预算总额 \(funds) ≠ 情况说明项目（\(t.ordinal)）预算安排规模 \(t.amount!)",
            row: p.project, column: "年度预算总额", section: section(containing: at?.line, in: d), at: at,
            stated: funds, expected: t.amount, computation: "情况说明 项目（\(t.ordinal)）\(t.name) 预算安排规模")]
    }

    // MARK: cost indicators

    /// Cost indicators with an amount in 万元 (`<=X 万元`, `=X 万元`), leaving out
    /// rates (人均, 每…, 标准, 单价, 平均), which are not parts of the funds.
    static func moneyCosts(_ p: ProjectPerformanceTable) -> [PerformanceIndicator] {
        p.indicators.filter { i in
            // The unit first, as bytes: it rules out most indicators without a search.
            guard i.target.unit?.sameBytes(as: "万元") == true, i.level1.includes("成本") || i.level2.includes("成本"),
                  i.target.number != nil, let c = i.target.comparison, c != .atLeast, c != .greater else { return false }
            return !["人均", "每", "标准", "单价", "平均"].contains { i.name.includes($0) }
        }
    }

    static func costs(_ p: ProjectPerformanceTable, _ d: Disclosure) -> [Finding] {
        guard let funds = p.totalFunds else { return [] }
        let costs = moneyCosts(p)
        var findings: [Finding] = []
        for i in costs {
            let value = i.target.number!
            guard value > funds else { continue }
            findings.append(Finding(
                rule: costCeiling,
                message: "绩效目标表“\(p.project)”成本指标“\(i.name)”\(i.target.printed) 超过项目年度预算总额 \(funds) 万元",
                row: p.project, column: "成本指标/\(i.name)", section: section(containing: i.source?.line ?? p.source?.line, in: d),
                at: i.source ?? p.source, stated: value, expected: funds, computation: "年度预算总额 \(funds)"))
        }
        let values = costs.map { $0.target.number! }
        if costs.count >= 2, let sum = Amount.checkedSum(values), sum > funds, !values.contains(where: { $0 > funds }) {
            findings.append(Finding(
                rule: costTotal,
                message: "绩效目标表“\(p.project)”以万元计的成本指标合计 \(sum) 超过年度预算总额 \(funds)",
                row: p.project, column: "成本指标", section: section(containing: costs[0].source?.line ?? p.source?.line, in: d),
                at: costs[0].source ?? p.source, stated: sum, expected: funds,
                computation: costs.map { "\($0.name) \($0.target.number!)" }.joined(separator: " + ")))
        }
        return findings
    }

    // MARK: the department table

    static func departmentChecks(_ dept: DepartmentPerformanceTable, _ d: Disclosure) -> [Finding] {
        guard let t1 = d.table(.overall),
              dept.superiorFunds != nil || dept.ownFunds != nil || dept.otherFunds != nil else { return [] }
        func v(_ key: RowKey) -> Amount { t1[key, .budgeted] ?? .zero }
        let section = section(containing: dept.source?.line, in: d)
        var findings: [Finding] = []
        let superior = dept.superiorFunds ?? .zero, own = dept.ownFunds ?? .zero, other = dept.otherFunds ?? .zero
        let total = superior + own + other
        let income = t1[.currentIncome, .budgeted], grand = t1[.incomeTotal, .budgeted]
        if let expected = grand ?? income, total != grand, total != income {
            findings.append(Finding(
                rule: departmentFunds,
                message: "部门整体绩效目标表资金合计 \(total) ≠ 表1 收入总计 \(expected)",
                row: "部门整体", column: "资金总额", section: section, at: dept.source,
                stated: total, expected: expected,
                computation: "上级安排 \(superior) + 本级安排 \(own) + 其他资金 \(other)；表1 收入总计 \(grand ?? .zero)，本年收入 \(income ?? .zero)"))
        }
        let ownIncome = v(.generalPublicOwn) + v(.governmentFundOwn) + v(.stateCapitalOwn)
        if let stated = dept.ownFunds, stated != ownIncome {
            findings.append(Finding(
                rule: departmentSources,
                message: "部门整体绩效目标表本级安排 \(stated) ≠ 表1 本级财政收入 \(ownIncome)",
                row: "部门整体", column: "本级安排", section: section, at: dept.source, stated: stated, expected: ownIncome,
                computation: "表1 一般财力 + 政府性基金收入 + 国有资本经营收入"))
        }
        let transfers = v(.generalPublicTransfer) + v(.governmentFundTransfer) + v(.stateCapitalTransfer)
        let carry = v(.appropriationCarryOver)
        if let stated = dept.superiorFunds, stated != transfers, stated != transfers + carry {
            let withCarry = (stated - transfers - carry).magnitude < (stated - transfers).magnitude
            let expected = withCarry ? transfers + carry : transfers
            findings.append(Finding(
                rule: departmentSources,
                message: "部门整体绩效目标表上级安排 \(stated) ≠ 表1 上级转移支付 \(transfers)"
                    + (carry.isZero ? "" : "（含财政拨款结转为 \(transfers + carry)）"),
                row: "部门整体", column: "上级安排", section: section, at: dept.source, stated: stated, expected: expected,
                computation: withCarry ? "表1 上级转移支付 \(transfers) + 财政拨款结转 \(carry)" : "表1 上级转移支付合计 \(transfers)"))
        }
        return findings
    }
}
