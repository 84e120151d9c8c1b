import Foundation
import YusuanModel

/// 文表一致 — the explanation's figures, shares and lists against the tables.
public enum TextRules: RuleSet {
    static let total = Rule(
        "text.total", .text, .error,
        zh: "说明中的总数（收支总预算、收入预算、支出预算、财政拨款总预算、一般公共预算拨款合计、基本支出）与相应表的合计一致",
        en: "The totals the explanation states (overall, income, expenditure, appropriations, general-public, basic) equal the tables' totals")
    static let incomeSource = Rule(
        "text.income-source", .text, .error,
        zh: "收入预算说明中每一来源的金额与表1 对应收入行一致（一般公共预算对一般财力，转移支付对上级转移支付，财政拨款结转对上年结转）",
        en: "Each source of income the text states equals its line of table 1 (一般公共预算 ↔ 一般财力, transfers ↔ 上级转移支付, 财政拨款结转 ↔ carry-over)")
    static let split = Rule(
        "text.expenditure-split", .text, .error,
        zh: "基本支出、项目支出、人员经费、公用经费的金额与表3、表5、表6 总计行对应列一致",
        en: "Basic and project expenditure, staff and public costs as stated equal the total rows of tables 3, 5 and 6")
    static let classAmount = Rule(
        "text.class-amount", .text, .error,
        zh: "按功能科目（类、款、项）说明的金额与表4、表5 对应行一致",
        en: "Amounts stated for a functional class, section or item equal that row of tables 4 and 5")
    static let itemAmount = Rule(
        "text.item-amount", .text, .error,
        zh: "一般公共预算当年拨款具体使用情况中各项的预算数与表5 该项合计一致（表中没有的项应为 0）",
        en: "Each item of 一般公共预算当年拨款具体使用情况 equals table 5's row for it (0 where the tables have no such row)")
    static let share = Rule(
        "text.share", .text, .error,
        zh: "“占 x%”等于金额除以总数乘 100 后四舍五入保留两位小数；差 0.01 为舍入警告，合计恰为 100% 时按最大余数法调整的一项不报",
        en: "A printed share equals amount / total × 100 rounded half-up to two decimals; exactly 0.01 off is a rounding warning, not reported for the share a largest-remainder rounding to exactly 100% moves")
    static let shareSum = Rule(
        "text.share-sum", .text, .error,
        zh: "构成比例（收入来源、基本/项目支出、各类支出）合计为 100%；各项舍入正确时差额不超过 n × 0.005 不报，否则为舍入警告",
        en: "Structure shares (sources of income, basic/project, classes) add up to 100%; within n × 0.005 it is no finding when every share is correctly rounded, else a rounding warning")
    static let costItems = Rule(
        "text.cost-items", .text, .warning,
        zh: "人员经费、公用经费所列经济科目与表6 对应款一致",
        en: "The economic items listed for staff and public costs are the sections table 6 holds for them")
    static let operatingCost = Rule(
        "text.operating-cost", .text, .warning,
        zh: "机关运行经费与表6 公用经费相符（机关运行经费是行政单位的公用经费，不应超过）",
        en: "The operating cost of the administration agrees with table 6's public cost (it is the public cost of administrative units and cannot exceed it)")
    static let threePublic = Rule(
        "text.three-public", .text, .error,
        zh: "“三公”经费说明中的各项金额与表10 一致",
        en: "The three public costs stated in the text equal table 10")
    static let projectAmount = Rule(
        "text.project-amount", .text, .error,
        zh: "项目说明中的预算安排规模与表7 同名项目一致",
        en: "A described project's amount equals table 7's row for that project")
    static let projectUnmatched = Rule(
        "text.project-unmatched", .text, .warning,
        zh: "项目说明中的项目在表7 中能找到（按名称或金额）",
        en: "Every described project has a row in table 7 (by name or by amount)")
    static let carryOver = Rule(
        "text.carry-over", .text, .error,
        zh: "上年结转结余说明的金额与表11 总计一致，所列各项目的金额与表11 该项目合计一致",
        en: "The carry-over the text states equals table 11's totals, and each project it lists that project's row")
    static let sourceList = Rule(
        "text.source-list", .text, .warning,
        zh: "总体说明列出的收入来源正是表1 有金额的收入来源",
        en: "The sources of income the overview lists are exactly those with amounts in table 1")
    static let classList = Rule(
        "text.class-list", .text, .warning,
        zh: "总体说明列出的支出功能分类（类）正是表1 有金额的类",
        en: "The expenditure classes the overview lists are exactly those with amounts in table 1")

    static let projectCount = Rule(
        "text.project-count", .text, .error,
        zh: "预算绩效情况所述项目个数（项目共 N 个，或财政拨款项目与非财政拨款项目个数之和）等于表7 所列项目数",
        en: "The number of projects the performance paragraph states (项目共 N 个, or its fiscal and non-fiscal counts together) equals the projects table 7 lists")

    public static let rules = [total, incomeSource, split, classAmount, itemAmount, share, shareSum, costItems,
                               operatingCost, threePublic, projectAmount, projectUnmatched, carryOver, sourceList,
                               classList, projectCount]

    public static func check(_ context: AuditContext) -> [Finding] {
        let d = context.disclosure
        let sections = context.sections
        let names = RowNames(d)
        var findings: [Finding] = []
        for s in sections {
            findings += amounts(s, d, names)
            findings += shares(s, d)
            switch s.kind {
            case .overview: findings += lists(s, d, names)
            case .generalPublic: findings += items(s, d, names)
            case .basic: findings += costLists(s, d, names)
            case .carryOver: findings += carryOverItems(s, d)
            default: break
            }
        }
        findings += operatingCosts(d, sections)
        findings += projects(d, sections)
        findings += projectCounts(d, sections)
        return findings
    }

    // MARK: - Amounts

    /// A target cell for a label in a kind of section.
    struct Target {
        var rule: Rule
        var table: StandardTable
        var row: RowKey
        var column: ColumnKey
    }

    static func target(_ label: String, in kind: SectionKind, _ d: Disclosure, _ names: RowNames) -> Target? {
        switch kind {
        case .overview:
            if label.ends(with: "收支总预算") { return Target(rule: total, table: .overall, row: .incomeTotal, column: .budgeted) }
        case .income:
            if label.ends(with: "收入预算") { return Target(rule: total, table: .overall, row: .incomeTotal, column: .budgeted) }
            if let row = incomeRow(label, d.table(.overall)) { return Target(rule: incomeSource, table: .overall, row: row, column: .budgeted) }
        case .expenditure:
            if label.ends(with: "支出预算") {
                return Target(rule: total, table: .overall, row: .expenditureTotal, column: .budgeted)
            }
            if let column = splitColumn(label) {
                return Target(rule: split, table: .expenditure, row: .grandTotal, column: column)
            }
        case .fiscal:
            if label.ends(with: "收支总预算") {
                return Target(rule: total, table: .fiscalAppropriation, row: .incomeTotal, column: .total)
            }
            if label.sameBytes(as: "一般公共预算拨款") || label.sameBytes(as: "一般公共预算") {
                return Target(rule: incomeSource, table: .fiscalAppropriation, row: .appropriationGeneralPublic, column: .total)
            }
            if let t4 = d.table(.fiscalAppropriation), let row = functionalRow(label, t4, names, classesOnly: true) {
                return Target(rule: classAmount, table: .fiscalAppropriation, row: row,
                              column: t4.columnIndex(.generalPublic) != nil ? .generalPublic : .total)
            }
            if let t5 = d.table(.generalPublic), let row = functionalRow(label, t5, names, classesOnly: false) {
                return Target(rule: classAmount, table: .generalPublic, row: row, column: .total)
            }
        case .generalPublic:
            if label.ends(with: "合计") { return Target(rule: total, table: .generalPublic, row: .grandTotal, column: .total) }
            if let column = splitColumn(label) {
                return Target(rule: split, table: .generalPublic, row: .grandTotal, column: column)
            }
            if let t5 = d.table(.generalPublic), let row = functionalRow(label, t5, names, classesOnly: true) {
                return Target(rule: classAmount, table: .generalPublic, row: row, column: .total)
            }
        case .basic:
            if label.ends(with: "基本支出") {
                return Target(rule: total, table: .basicByEconomicClass, row: .grandTotal, column: .total)
            }
            if let column = costColumn(label) {
                return Target(rule: split, table: .basicByEconomicClass, row: .grandTotal, column: column)
            }
        case .threePublic:
            if let row = threePublicRow(label) { return Target(rule: threePublic, table: .threePublicCosts, row: row, column: .total) }
        case .carryOver:
            guard d.format == .edition2024 else { return nil }
            if label.ends(with: "上年结转结余") {
                return Target(rule: carryOver, table: .carryOver, row: .grandTotal, column: .total)
            }
            if label.sameBytes(as: "财政拨款") {
                return Target(rule: carryOver, table: .carryOver, row: .grandTotal, column: .appropriationCarrySubtotal)
            }
            if label.sameBytes(as: "非财政拨款") {
                return Target(rule: carryOver, table: .carryOver, row: .grandTotal, column: .otherCarrySubtotal)
            }
        default:
            break
        }
        return nil
    }

    /// The column of tables 3 and 5 a printed 基本支出 or 项目支出 names (labels are compared
    /// as bytes here and below: `==` on Chinese text normalises it).
    static func splitColumn(_ label: String) -> ColumnKey? {
        label.sameBytes(as: "基本支出") ? .basic : label.sameBytes(as: "项目支出") ? .project : nil
    }

    /// The column of table 6 a printed 人员经费 or 公用经费 names.
    static func costColumn(_ label: String) -> ColumnKey? {
        label.sameBytes(as: "人员经费") ? .personnel : label.sameBytes(as: "公用经费") ? .publicUse : nil
    }

    /// Table 1's row for a source of income named in section 二.
    static func incomeRow(_ label: String, _ t1: BudgetTable?) -> RowKey? {
        /// The line itself where table 1 prints it, else its parent.
        func printed(_ key: RowKey, else parent: RowKey) -> RowKey { t1?.row(key) != nil ? key : parent }
        let pairs: [(String, RowKey)] = [
            ("上级一般公共预算", .generalPublicTransfer),
            ("上级政府性基金", .governmentFundTransfer),
            ("上级国有资本", .stateCapitalTransfer),
            ("一般公共预算", printed(.generalPublicOwn, else: .generalPublicIncome)),
            ("政府性基金", printed(.governmentFundOwn, else: .governmentFundIncome)),
            ("国有资本经营", printed(.stateCapitalOwn, else: .stateCapitalIncome)),
            ("财政专户", .specialAccountIncome),
            ("单位资金", .unitFundsIncome),
            ("财政拨款结转", .appropriationCarryOver),
            ("非财政拨款结转", .otherCarryOver),
        ]
        return pairs.first { label.begins(with: $0.0) }?.1
    }

    static func threePublicRow(_ label: String) -> RowKey? {
        if label.includes("比上年") || label.includes("增加") || label.includes("减少") { return nil }
        if label.begins(with: "因公出国") { return .travelAbroad }
        if label.begins(with: "公务用车购置及运行") { return .vehicles }
        if label.begins(with: "公务用车购置") { return .vehiclePurchase }
        if label.begins(with: "公务用车运行") { return .vehicleOperation }
        if label.begins(with: "公务接待") { return .reception }
        if label.includes("三公") { return .total }
        return nil
    }

    /// The row whose printed name is the label (or the label without a trailing 支出), unique in the table.
    static func functionalRow(_ label: String, _ t: BudgetTable, _ names: RowNames, classesOnly: Bool) -> RowKey? {
        // The label less a trailing 支出, for the names printed without it.
        let stem = label.ends(with: "支出") ? String(label.dropLast(2)) : nil
        var found: RowKey?
        let rows = t.rows, printed = names.names(t)
        for i in rows.indices where printed[i].sameBytes(as: label) || (stem.map { printed[i].sameBytes(as: $0) } ?? false) {
            guard let code = rows[i].code, code.count <= 7, !classesOnly || rows[i].role == .classLevel else { continue }
            if found != nil { return nil }
            found = rows[i].key
        }
        return found
    }

    /// A cell a stated figure is judged against, with the figure.
    struct Judged: Equatable {
        var table: StandardTable
        var row: RowKey
        var column: ColumnKey
        var amount: Amount
    }

    static func amounts(_ s: AuditSection, _ d: Disclosure, _ names: RowNames) -> [Finding] {
        var findings: [Finding] = []
        var seen: [Judged] = []
        for a in s.plainAmounts {
            guard let t = target(a.label, in: s.kind, d, names), let table = d.table(t.table) else { continue }
            let expected: Amount
            if let (value, _) = Text.cell(table, t.row, t.column) {
                expected = value
            } else if table.isEmpty || (table.row(t.row) == nil && t.table == .threePublicCosts) {
                expected = .zero
            } else {
                continue
            }
            // A figure repeated in the same section is judged once.
            let judged = Judged(table: t.table, row: t.row, column: t.column, amount: a.amount)
            guard !seen.contains(judged) else { continue }
            seen.append(judged)
            guard a.amount != expected else { continue }
            findings.append(Finding(
                rule: t.rule, message: "说明“\(a.label) \(a.amount) 万元”与表\(t.table.rawValue) \(t.row) \(t.column) \(expected) 不符",
                table: t.table.rawValue, row: t.row, column: t.column, section: s.number, at: s.at(a.source),
                stated: a.amount, expected: expected, computation: "表\(t.table.rawValue) \(t.row) \(t.column)"))
        }
        return findings
    }

    // MARK: - Shares

    /// A stated share, judged at the precision it is printed with (at most two decimals).
    struct Share {
        var label: String
        var amount: Amount
        var printed: Amount
        var places: Int
        var source: SourceLocation?
    }

    static func shares(_ s: AuditSection, _ d: Disclosure) -> [Finding] {
        let shared = s.plainAmounts.compactMap { a in
            a.share.map { Share(label: a.label, amount: a.amount, printed: $0.percent, places: min($0.places, 2),
                                source: s.at($0.source ?? a.source)) }
        }
        guard !shared.isEmpty else { return [] }
        let base: (Amount, String)?
        switch s.kind {
        case .income:
            base = denominator(s, suffix: "收入预算", table: d.table(.overall), row: .incomeTotal, column: .budgeted)
        case .expenditure:
            base = denominator(s, suffix: "支出预算", table: d.table(.overall), row: .expenditureTotal, column: .budgeted)
        case .generalPublic:
            base = denominator(s, suffix: "合计", table: d.table(.generalPublic), row: .grandTotal, column: .total)
        default: base = nil
        }
        guard let (totalAmount, totalName) = base else { return [] }
        var findings: [Finding] = []
        let parts = shared.map(\.printed)
        guard let sum = Amount.checkedSum(parts) else { return [] }
        // A list printed to one precision that adds up to exactly 100: the shares a
        // composer rounding by largest remainder prints.
        let places = Set(shared.map(\.places))
        let byRemainder = parts.count >= 2 && sum == Amount(100) && places.count == 1
            ? largestRemainder(shared.map(\.amount), of: totalAmount, places: places.first!) : nil
        var everyShareRounded = true
        for (i, a) in shared.enumerated() {
            let printed = a.printed
            guard let expected = Text.rate(a.amount, of: totalAmount, places: a.places), printed != expected else { continue }
            let offByOne = (printed - expected).magnitude <= Amount.step(places: a.places)
            // The share the largest-remainder method moves by one unit of its last place.
            if offByOne, byRemainder?[i] == printed { continue }
            everyShareRounded = false
            findings.append(Finding(
                rule: share, message: "“\(a.label) \(a.amount) 万元，占 \(printed)%”：按\(totalName) \(totalAmount) 计算应为 \(expected)%",
                severity: offByOne ? .warning : .error, section: s.number, at: a.source, stated: printed, expected: expected,
                computation: "\(a.amount) / \(totalAmount) × 100"))
        }
        // Structure shares add up to 100.
        if parts.count >= 2, let (difference, _) = SumCheck.judge(total: Amount(100), parts: parts) {
            // Each printed share is within half a unit of its last printed place (0.005 at two decimals).
            let limit = shared.reduce(Amount.zero) { $0 + Amount.halfStep(places: $1.places) }
            let within = difference.magnitude <= limit
            // Correctly rounded shares summing within rounding of 100 are no finding.
            guard !(within && everyShareRounded) else { return findings }
            findings.append(Finding(
                rule: shareSum, message: "构成比例合计 \(Amount(100) - difference)%，与 100% 差 \(difference.magnitude)",
                severity: within ? .warning : .error, section: s.number, at: shared[0].source,
                stated: Amount(100) - difference, expected: Amount(100), computation: SumCheck.describe(parts)))
        }
        return findings
    }

    /// 最大余数法 — the shares of `amounts` in `total` as a composer rounding by largest
    /// remainder prints them: each exact share cut to `places`, and the units still
    /// missing from 100 given one each to the largest remainders (the first on a tie).
    /// Nil where the amounts do not make up the total to within one unit a share.
    static func largestRemainder(_ amounts: [Amount], of total: Amount, places: Int) -> [Amount]? {
        let exact = amounts.compactMap { $0.percent(of: total, places: Amount.places) }
        guard exact.count == amounts.count, exact.allSatisfy({ $0 >= .zero }) else { return nil }
        let step = Amount.step(places: places).units
        var cut = exact.map { $0.units / step * step }
        let missing = (Amount(100).units - cut.reduce(0, +)) / step
        guard missing >= 0, missing <= Int64(cut.count) else { return nil }
        let order = exact.indices.sorted {
            let a = exact[$0].units % step, b = exact[$1].units % step
            return a > b || a == b && $0 < $1
        }
        for i in order.prefix(Int(missing)) { cut[i] += step }
        return cut.map { Amount(units: $0) }
    }

    /// The total a section's shares are of: the first stated total, else the table's.
    static func denominator(_ s: AuditSection, suffix: String, table: BudgetTable?, row: RowKey,
                            column: ColumnKey) -> (Amount, String)? {
        if let stated = s.plainAmounts.first(where: { $0.label.ends(with: suffix) && $0.share == nil }) {
            return (stated.amount, suffix)
        }
        return Text.cell(table, row, column).map { ($0.0, "表 \(row)") }
    }

    // MARK: - 五（三） items

    /// `1、A（类）B（款）C（项）：2025 年预算数为 X 万元`. Groups: 类, 款, 项, X. Scanned by
    /// hand (`PatternScanner`, once a section: `AuditSection.items`); the pattern is its
    /// definition, and the scanner's test holds it to the pattern.
    static let itemPattern = StatementGrammarText.regex(itemPatternText)
    static let itemPatternText =
        "(?:^|[^0-9.])[0-9]+\\s*[、.．]\\s*([^。，；：:%0-9]+?)\\s*[（(]\\s*类\\s*[）)]\\s*([^。，；：:]+?)\\s*[（(]\\s*款\\s*[）)]\\s*([^。，；：:]+?)\\s*[（(]\\s*项\\s*[）)]\\s*[：:]?[^。；]*?预算数?为\\s*(\(StatementGrammar.number))\\s*万\\s*元"

    static func items(_ s: AuditSection, _ d: Disclosure, _ rowNames: RowNames) -> [Finding] {
        guard let t5 = d.table(.generalPublic) else { return [] }
        let named = [t5, d.table(.expenditure), d.table(.income), d.table(.overall)].compactMap { $0 }
        var findings: [Finding] = []
        for m in s.items {
            guard let amount = s.amount(m[4]) else { continue }
            let names = [StatementGrammar.normalize(s.string(m[1])), StatementGrammar.normalize(s.string(m[2])),
                         StatementGrammar.normalize(s.string(m[3]))]
            let at = s.location(at: m[4].lowerBound)
            let code = itemCode(names, in: named, rowNames)
            let expected: Amount
            let row: RowKey?
            if let code {
                row = .code(code)
                expected = t5[.code(code), .total] ?? .zero
            } else {
                // Names the tables do not print: an item of zero is consistent; otherwise look for the amount.
                if amount.isZero { continue }
                let classCode = named.lazy.compactMap { t in
                    rowNames.rows(t).first { row, name in row.role == .classLevel && name.sameBytes(as: names[0]) }?.0.code
                }.first
                if t5.rows.contains(where: { row in
                    row.role == .item && row.cells.first??.value == amount
                        && (classCode.map { row.code?.begins(with: $0) ?? false } ?? true)
                }) { continue }
                row = nil
                expected = .zero
            }
            guard amount != expected else { continue }
            findings.append(Finding(
                rule: itemAmount,
                message: "\(names[0])（类）\(names[1])（款）\(names[2])（项）预算数 \(amount) 万元，表5 \(row?.rawValue ?? "无此项") 为 \(expected)",
                table: 5, row: row, column: .total, section: s.number, at: at, stated: amount, expected: expected,
                computation: row.map { "表5 \($0) 合计" } ?? "表5 无此项"))
        }
        return findings
    }

    /// The 7-digit code of 类/款/项 names, from the first table that prints all three.
    static func itemCode(_ names: [String], in tables: [BudgetTable], _ rowNames: RowNames) -> String? {
        for t in tables {
            let rows = t.rows, printed = rowNames.names(t)
            /// The code of the first row of the level, under the code, printed with the name.
            func code(_ role: RowRole, under parent: String?, named name: String) -> String? {
                rows.indices.first { i in
                    rows[i].role == role && (parent.map { rows[i].code?.begins(with: $0) ?? false } ?? true)
                        && printed[i].sameBytes(as: name)
                }.flatMap { rows[$0].code }
            }
            guard let c = code(.classLevel, under: nil, named: names[0]),
                  let k = code(.section, under: c, named: names[1]),
                  let x = code(.item, under: k, named: names[2])
            else { continue }
            return x
        }
        return nil
    }

    // MARK: - Lists

    /// Table 1's top-level source for a listed name.
    static func listedSource(_ name: String) -> RowKey? {
        if name.includes("非财政拨款") { return .otherCarryOver }
        if name.includes("结转") { return .appropriationCarryOver }
        if name.includes("一般公共预算") { return .generalPublicIncome }
        if name.includes("政府性基金") { return .governmentFundIncome }
        if name.includes("国有资本") { return .stateCapitalIncome }
        if name.includes("财政专户") { return .specialAccountIncome }
        if ["单位资金", "事业收入", "上级补助收入", "附属单位上缴收入", "事业单位经营收入", "其他收入"].contains(where: name.includes) {
            return .unitFundsIncome
        }
        return nil
    }

    static func lists(_ s: AuditSection, _ d: Disclosure, _ names: RowNames) -> [Finding] {
        guard let t1 = d.table(.overall) else { return [] }
        var findings: [Finding] = []
        let scanner = PatternScanner(units: s.units)
        if let (start, list) = scanner.list(after: "收入预算包括") {
            let at = s.location(at: start)
            let named = Text.items(s.joined.substring(list))
            let listed = Set(named.compactMap(listedSource))
            let sources: [RowKey] = [.generalPublicIncome, .governmentFundIncome, .stateCapitalIncome, .specialAccountIncome,
                                     .unitFundsIncome, .appropriationCarryOver, .otherCarryOver]
            for key in sources {
                let value = t1[key, .budgeted] ?? .zero
                // Made for a finding alone.
                var name: String { key.label }
                if listed.contains(key) && value.isZero {
                    findings.append(Finding(rule: sourceList, message: "总体说明列出收入来源“\(name)”，而表1 该来源无金额",
                                            table: 1, row: key, column: .budgeted, section: s.number, at: at,
                                            stated: nil, expected: .zero, computation: "表1 \(key)"))
                } else if !listed.contains(key) && !value.isZero {
                    findings.append(Finding(rule: sourceList, message: "表1 收入来源“\(name)” \(value) 万元未在总体说明中列出",
                                            table: 1, row: key, column: .budgeted, section: s.number, at: at,
                                            stated: nil, expected: value, computation: "表1 \(key)"))
                }
            }
        }
        if let (start, list) = scanner.list(after: "支出预算包括") {
            let at = s.location(at: start)
            // Names as byte keys: `String`'s hash normalises Chinese text.
            let named = Set(Text.items(s.joined.substring(list)).map(ByteKey.init))
            let classes = names.rows(t1).filter { row, _ in row.role == .classLevel && (row.code?.count ?? 0) == 3 }
            for (row, name) in classes {
                let value = row.cells.first??.value ?? .zero
                if named.contains(ByteKey(name)) && value.isZero {
                    findings.append(Finding(rule: classList, message: "总体说明列出“\(row.name)”，而表1 该类无金额",
                                            table: 1, row: row.key, column: .budgeted, section: s.number, at: at,
                                            stated: nil, expected: .zero, computation: "表1 \(row.key)"))
                } else if !named.contains(ByteKey(name)) && !value.isZero {
                    findings.append(Finding(rule: classList, message: "表1 “\(row.name)” \(value) 万元未在总体说明中列出",
                                            table: 1, row: row.key, column: .budgeted, section: s.number, at: at,
                                            stated: nil, expected: value, computation: "表1 \(row.key)"))
                }
            }
            let known = Set(classes.map { ByteKey($0.1) })
            for name in named.map(\.text).sorted() where !known.contains(ByteKey(name)) {
                findings.append(Finding(rule: classList, message: "总体说明列出的“\(name)”不是表1 的支出类", table: 1,
                                        section: s.number, at: at, computation: "表1 支出类"))
            }
        }
        return findings
    }

    static func costLists(_ s: AuditSection, _ d: Disclosure, _ rowNames: RowNames) -> [Finding] {
        guard let t6 = d.table(.basicByEconomicClass) else { return [] }
        var findings: [Finding] = []
        for (kind, start, list) in PatternScanner(units: s.units).costLists() {
            guard let key = costColumn(kind) else { continue }
            let at = s.location(at: start)
            let named = Text.items(s.joined.substring(list))
            let column = t6.columnIndex(key)
            let prefixes = key == .personnel ? ["301", "303"] : ["302"]
            let rows = rowNames.rows(t6).filter { row, _ in
                guard row.role == .section, let code = row.code else { return false }
                if let column, row.cells.indices.contains(column), let v = row.cells[column]?.value { return !v.isZero }
                return prefixes.contains { code.begins(with: $0) } && !(row.cells.first??.value ?? .zero).isZero
            }
            let names = Set(rows.map { ByteKey($0.1) })
            for name in named where !names.contains(ByteKey(name)) {
                findings.append(Finding(rule: costItems, message: "\(kind)列出“\(name)”，而表6 \(kind)中没有该款",
                                        table: 6, row: nil, column: key, section: s.number, at: at,
                                        computation: "表6 \(kind) 各款"))
            }
            let listed = Set(named.map(ByteKey.init))
            for (row, name) in rows where !listed.contains(ByteKey(name)) {
                findings.append(Finding(rule: costItems, message: "表6 \(row.key) \(row.name) 属\(kind)，未在说明中列出",
                                        severity: .info, table: 6, row: row.key, column: key, section: s.number, at: at,
                                        expected: column.flatMap { row.cells[$0]?.value }, computation: "表6 \(row.key)"))
            }
        }
        return findings
    }

    // MARK: - 机关运行经费, projects

    /// The number of the section a line is printed in: the first section holding the
    /// line, else the last whose heading is above it. The lines are indexed once.
    static func sectionNumbers(_ sections: [AuditSection]) -> (SourceLocation?) -> String? {
        var byLine: [Int: String] = [:]
        for s in sections {
            for l in s.section.lines {
                if let line = l.source?.line, byLine[line] == nil { byLine[line] = s.number }
            }
        }
        return { source in
            guard let line = source?.line else { return nil }
            return byLine[line] ?? sections.last { ($0.section.source?.line ?? .max) <= line }?.number
        }
    }

    static func operatingCosts(_ d: Disclosure, _ sections: [AuditSection]) -> [Finding] {
        guard let cost = d.facts.operatingCost, let t6 = d.table(.basicByEconomicClass),
              let (publicCost, _) = Text.cell(t6, .grandTotal, .publicUse), cost.amount != publicCost else { return [] }
        let exceeds = cost.amount > publicCost
        return [Finding(
            rule: operatingCost,
            message: exceeds
                ? "机关运行经费 \(cost.amount) 万元超过表6 公用经费 \(publicCost) 万元"
                : "机关运行经费 \(cost.amount) 万元少于表6 公用经费 \(publicCost) 万元（事业单位的公用经费不计入时可以如此）",
            severity: exceeds ? .warning : .info, table: 6, row: .grandTotal, column: .publicUse,
            section: sectionNumbers(sections)(cost.source), at: cost.source, stated: cost.amount, expected: publicCost,
            computation: "表6 总计 公用经费")]
    }

    static func projects(_ d: Disclosure, _ sections: [AuditSection]) -> [Finding] {
        guard let t7 = d.table(.projects) else { return [] }
        let rows = t7.rows.filter { $0.role == .project }
        func name(_ row: TableRow) -> String {
            StatementGrammar.normalize(row.project ?? row.key.rawValue.split(separator: "|").last.map(String.init) ?? "")
        }
        func value(_ row: TableRow) -> Amount { row.cells.first??.value ?? .zero }
        let names = rows.map(name)
        // The lines are indexed for a finding alone: most projects match.
        lazy var sectionNumber = sectionNumbers(sections)
        var findings: [Finding] = []
        for p in d.facts.projects {
            guard let amount = p.amount else { continue }
            let at = p.fields.first { $0.label.sameBytes(as: "预算安排规模") }?.source ?? p.source
            let described = StatementGrammar.normalize(p.name)
            let byName = zip(rows, names).filter { $0.1.sameBytes(as: described) }.map(\.0)
            if !byName.isEmpty {
                if byName.contains(where: { value($0) == amount }) { continue }
                let row = byName[0]
                findings.append(Finding(
                    rule: projectAmount, message: "项目“\(p.name)”预算安排规模 \(amount) 万元，表7 为 \(value(row))",
                    table: 7, row: row.key, column: .total, section: sectionNumber(at), at: at, stated: amount, expected: value(row),
                    computation: "表7 \(row.key) 合计"))
            } else if !rows.contains(where: { value($0) == amount }) {
                findings.append(Finding(
                    rule: projectUnmatched, message: "项目“\(p.name)”（\(amount) 万元）在表7 中没有同名或同金额的项目",
                    table: 7, section: sectionNumber(at), at: at, stated: amount, computation: "表7 项目行"))
            }
        }
        return findings
    }

    // MARK: - 项目个数

    /// The first UTF-16 offset of the section's text whose location (`AuditSection.location(at:)`)
    /// is `line`. Offsets map to the text's lines in order and every offset of a line has its
    /// location, so each line is looked at once: the next line's first offset is found by bisection.
    static func firstOffset(onLine line: Int, in s: AuditSection) -> Int? {
        let text = s.joined
        var offset = 0
        while offset < text.length {
            if s.location(at: offset)?.line == line { return offset }
            let here = text.lineIndex(at: offset)
            var low = offset + 1, high = text.length
            while low < high {
                let middle = (low + high) / 2
                if text.lineIndex(at: middle) == here { low = middle + 1 } else { high = middle }
            }
            offset = low
        }
        return nil
    }

    /// A project's name for counting: normalised, a trailing （上年结转） dropped.
    static func countedName(_ row: TableRow) -> String {
        var name = StatementGrammar.normalize(row.project ?? row.key.rawValue.split(separator: "|").dropFirst().last.map(String.init) ?? "")
        for suffix in ["（上年结转）", "(上年结转)"] where name.ends(with: suffix) { name.removeLast(suffix.count) }
        return name
    }

    /// The distinct projects of table 7: a project split over two functional codes is
    /// printed on two rows of one name, and counted once (per unit).
    static func tableProjects(_ t7: BudgetTable) -> (count: Int, names: Set<ByteKey>) {
        // Byte keys: `String`'s hash normalises Chinese text.
        var seen: Set<ByteKey> = [], names: Set<ByteKey> = []
        var unnamed = 0
        for row in t7.rows where row.role == .project {
            let name = countedName(row)
            if name.isEmpty { unnamed += 1; continue }
            let unit = row.unit ?? row.key.rawValue.split(separator: "/").dropLast().joined(separator: "/")
            seen.insert(ByteKey(unit + "|" + name))
            names.insert(ByteKey(name))
        }
        return (seen.count + unnamed, names)
    }

    /// 预算绩效情况: 项目共 N 个 is the count of all projects; 财政拨款项目 N 个 with
    /// 非财政拨款项目 M 个 adds up to it. A fiscal count alone is not compared, nor a
    /// count of projects with targets.
    ///
    /// Table 7 holds the year's 一般公共预算 projects: the count is at least those. Some
    /// documents count the carried-over projects of table 11 among the year's, some
    /// (库尔勒) state them apart, and non-fiscal projects are not in table 7: the count
    /// is at most table 7's, table 11's carried-over items of other names and the
    /// stated non-fiscal count, and no upper bound is judged where 政府性基金 or 国有资本
    /// tables hold spending or non-fiscal money is stated without its count, nor where
    /// money is carried over and no table 11 lists its projects.
    static func projectCounts(_ d: Disclosure, _ sections: [AuditSection]) -> [Finding] {
        guard let summary = d.facts.performanceSummary, let line = summary.source?.line,
              let t7 = d.table(.projects), t7.rows.contains(where: { $0.role == .project }),
              let s = sections.first(where: { $0.section.lines.contains { $0.source?.line == line } })
        else { return [] }
        let text = s.joined
        guard let start = firstOffset(onLine: line, in: s) else { return [] }
        let end = min(text.length, start + 400)
        let stated: Int, at: SourceLocation?, how: String
        // 项目共(计) N 个 — all the year's projects; else 财政拨款项目(共) N 个, not 非财政拨款.
        let scanner = PatternScanner(units: text.units)
        if let m = scanner.count("项目共", extra: 0x8BA1, from: start, to: end), let n = Int(text.substring(m.digits)) {  // 计
            (stated, at, how) = (n, s.location(at: m.start), "项目共 \(n) 个")
        } else if let m = scanner.count("财政拨款项目", extra: 0x5171, notAfter: 0x975E, from: start, to: end),  // 共, 非
                  let n = Int(text.substring(m.digits)), let other = summary.nonFiscalProjectCount {
            (stated, at, how) = (n + other, s.location(at: m.start), "财政拨款项目 \(n) 个 + 非财政拨款项目 \(other) 个")
        } else { return [] }
        let (listed, names) = tableProjects(t7)
        let carried = Set((d.table(.carryOver)?.rows ?? []).filter { $0.role == .project }.map(countedName)
            .filter { !$0.isEmpty && !names.contains(ByteKey($0)) })
        let otherFunds = [StandardTable.governmentFund, .stateCapital].contains { d.table($0).map { !$0.isEmpty } ?? false }
        let unknownNonFiscal = summary.nonFiscalProjectCount == nil && !(summary.nonFiscalProjectAmount ?? .zero).isZero
        // Carried-over money with no table 11 to list its projects (the 2023 tables): they
        // cannot be counted (004 counts its 2022 project, carried over as 76.50, among its 7).
        let uncountedCarryOver = d.table(.carryOver) == nil
            && !(d.table(.overall)?[.appropriationCarryOver, .budgeted] ?? .zero).isZero
        let upper: Int? = otherFunds || unknownNonFiscal || uncountedCarryOver
            ? nil : listed + carried.count + (summary.nonFiscalProjectCount ?? 0)
        let expected: Int
        if stated < listed { expected = listed } else if let upper, stated > upper { expected = upper } else { return [] }
        let within = upper.map { $0 > listed ? "\(listed) 至 \($0)" : "\(listed)" } ?? "至少 \(listed)"
        let detail = carried.isEmpty ? "" : "，另表11 上年结转项目 \(carried.count) 个"
        return [Finding(
            rule: projectCount, message: "预算绩效情况称项目 \(stated) 个，表7 列有项目 \(listed) 个\(detail)",
            table: 7, section: s.number, at: at, stated: Amount(stated), expected: Amount(expected),
            computation: "\(how)；应为 \(within) 个（表7 项目行，同一单位同名项目计一次\(carried.isEmpty ? "" : "；可含表11 上年结转项目")）")]
    }
}

/// Patterns written in the audit's source (never input data).
enum StatementGrammarText {
    static func regex(_ pattern: String) -> NSRegularExpression {
        do { return try NSRegularExpression(pattern: pattern) } catch { preconditionFailure("invalid pattern \(pattern): \(error)") }
    }
}
