import YusuanModel

/// 表间勾稽 — the tables against each other.
public enum ReconciliationRules: RuleSet {
    static let sources = Rule(
        "reconciliation.income-sources", .reconciliation, .error,
        zh: "表1 各收入来源与表2 总计行对应列一致",
        en: "Each source of income in table 1 equals the matching column of table 2's total row")
    static let functional = Rule(
        "reconciliation.functional-rows", .reconciliation, .error,
        zh: "同一功能科目在表1、表2、表3 中的合计一致",
        en: "A functional row's total is the same in tables 1, 2 and 3")
    static let fiscal = Rule(
        "reconciliation.fiscal-appropriation", .reconciliation, .error,
        zh: "表4 财政拨款收入与表1 一致，其一般公共预算支出列与表5 各类一致，基金与国资列与表8、表9 一致",
        en: "Table 4's appropriations match table 1; its general-public column matches table 5 by 类, its fund and state-capital columns tables 8 and 9")
    static let generalPublic = Rule(
        "reconciliation.general-public", .reconciliation, .error,
        zh: "表5 各行等于表2 同行的一般公共预算与上级一般公共预算转移支付之和，且不超过表3",
        en: "Each row of table 5 equals table 2's 一般公共预算 plus 上级一般公共预算安排的转移支付 for that row, and does not exceed table 3")
    static let basic = Rule(
        "reconciliation.basic", .reconciliation, .error,
        zh: "表5 基本支出合计等于表6 总计（一表以整元印出时差额不超过 0.5 元为舍入警告）",
        en: "Table 5's basic expenditure total equals table 6's total (within half a 元 a rounding warning where one table prints whole 元)")
    static let projects = Rule(
        "reconciliation.projects", .reconciliation, .error,
        zh: "表5 项目支出（总计及各科目）等于表7 同一科目的项目合计",
        en: "Table 5's project expenditure, in total and for each code, equals table 7's projects under that code")
    static let threePublic = Rule(
        "reconciliation.three-public", .reconciliation, .warning,
        zh: "表10 “三公”经费与表6 对应经济科目（公务接待费 30217、公务用车运行维护费 30231、因公出国（境）费 30212）相符",
        en: "Table 10's three public costs agree with the matching economic rows of table 6 (30217, 30231, 30212)")
    static let carryOver = Rule(
        "reconciliation.carry-over", .reconciliation, .error,
        zh: "表11 上年结转结余与表1、表2 的结转结余一致",
        en: "Table 11's carry-over equals the carry-over of tables 1 and 2")
    static let economic = Rule(
        "reconciliation.function-economic", .reconciliation, .error,
        zh: "分类科目固定对应的功能与经济科目基本支出一致（2080505 与 30108，2080506 与 30109，2210201 与 30113，2101101–2101103 与 30110 + 30111，30112 可部分计入），每对报一次；差额在舍入范围内为警告",
        en: "Basic spending by function and by economic class agree for each pair the classification fixes (2080505 with 30108, 2080506 with 30109, 2210201 with 30113, 2101101–2101103 with 30110 + 30111, part of 30112 allowed), once per pair; a gap within rounding is a warning")

    public static let rules = [sources, functional, fiscal, generalPublic, basic, projects, threePublic, carryOver, economic]

    public static func check(_ context: AuditContext) -> [Finding] {
        let d = context.disclosure
        let keyed = keyedRows(d)
        var findings: [Finding] = []
        findings += incomeSources(d)
        findings += functionalRows(d, keyed)
        findings += fiscalAppropriation(d, keyed)
        findings += generalPublicRows(d, keyed)
        findings += basicTotal(d)
        findings += projectRows(d, keyed)
        findings += threePublicCosts(d)
        findings += carryOverTotals(d)
        findings += pairedCodes(d)
        return findings
    }

    /// A finding where two figures that must agree do not (nil when they agree).
    ///
    /// `unit` is the coarsest unit either table prints its amounts in: where one table
    /// prints whole 元 (`BudgetTable.printedUnit`), a figure printed to the fen in the
    /// other may differ from it by half a 元, a rounding warning (`SumCheck`).
    /// The message and computation are written only for a finding.
    static func compare(_ rule: Rule, _ stated: Amount?, _ expected: Amount?, table: Int, row: RowKey, column: ColumnKey,
                        at source: SourceLocation?, message: @autoclosure () -> String,
                        computation: @autoclosure () -> String, printedIn unit: MoneyUnit = .wan) -> Finding? {
        let a = stated ?? .zero, b = expected ?? .zero
        guard a != b else { return nil }
        let rounding = unit == .yuan && SumCheck.judge(total: a, parts: [b], printedIn: .yuan)?.severity == .warning
        return Finding(rule: rule, message: message() + "：\(a) ≠ \(b)" + (rounding ? "（差额在整元舍入范围内）" : ""),
                       severity: rounding ? .warning : nil, table: table, row: row, column: column,
                       at: source, stated: a, expected: b, computation: computation())
    }

    /// 元 where any of the tables prints whole 元, else 万元.
    static func printedUnit(_ tables: BudgetTable?...) -> MoneyUnit {
        tables.contains { $0?.printedUnit == .yuan } ? .yuan : .wan
    }

    static func cell(_ t: BudgetTable?, _ row: RowKey, _ column: ColumnKey) -> (Amount?, SourceLocation?) {
        cell(t?.row(row), of: t, column)
    }

    /// A row's cell in a column of its table, with where it is printed.
    static func cell(_ r: TableRow?, of t: BudgetTable?, _ column: ColumnKey) -> (Amount?, SourceLocation?) {
        cell(r, t?.columnIndex(column))
    }

    /// A row's cell at a column's index, with where it is printed: for the checks that
    /// look up every row of a table, the column found once.
    static func cell(_ r: TableRow?, _ column: Int?) -> (Amount?, SourceLocation?) {
        guard let r, let column else { return (nil, nil) }
        return (r.cells[column]?.value, r.cells[column]?.source ?? r.source)
    }

    /// 行索引 — a table's rows by key, the first of a key as `BudgetTable.row` finds it: for the
    /// checks that look up every row of a table, where a search per row is quadratic. Keys map
    /// to the rows' indices, so that building and looking up copy no row.
    struct KeyedRows {
        var rows: [TableRow] = []
        var index: [RowKey: Int] = [:]

        init() {}

        init(_ t: BudgetTable) {
            rows = t.rows
            index = Dictionary(rows.indices.map { (rows[$0].key, $0) }, uniquingKeysWith: { first, _ in first })
        }

        func contains(_ key: RowKey) -> Bool { index[key] != nil }

        /// The cell of the row with this key at a column's index, with where it is printed.
        func cell(_ key: RowKey, _ column: Int?) -> (Amount?, SourceLocation?) {
            guard let r = index[key] else { return (nil, nil) }
            return ReconciliationRules.cell(rows[r], column)
        }

        /// The amount of the row with this key at a column's index.
        func value(_ key: RowKey, _ column: Int?) -> Amount? { cell(key, column).0 }
    }

    /// The rows by key (`KeyedRows`) of the tables whose every row a check looks up, each
    /// table's built once for all the checks.
    static func keyedRows(_ d: Disclosure) -> [StandardTable: KeyedRows] {
        var keyed: [StandardTable: KeyedRows] = [:]
        for t in d.tables where [StandardTable.income, .expenditure, .fiscalAppropriation, .generalPublic, .governmentFund,
                                 .stateCapital].contains(t.kind) && keyed[t.kind] == nil {
            keyed[t.kind] = KeyedRows(t)
        }
        return keyed
    }

    static func incomeSources(_ d: Disclosure) -> [Finding] {
        guard let t1 = d.table(.overall), let t2 = d.table(.income), t2.row(.grandTotal) != nil else { return [] }
        let unit = printedUnit(t1, t2)
        let pairs: [(RowKey, ColumnKey)] = [
            (.incomeTotal, .grandTotal),
            (.generalPublicOwn, .generalPublic),
            (.generalPublicTransfer, .generalPublicTransfer),
            (.governmentFundOwn, .governmentFund),
            (.governmentFundTransfer, .governmentFundTransfer),
            (.stateCapitalOwn, .stateCapital),
            (.stateCapitalTransfer, .stateCapitalTransfer),
            (.specialAccountIncome, .specialAccount),
            (.unitFundsIncome, .unitFunds),
            (.appropriationCarryOver, .appropriationCarryOver),
            (.otherCarryOver, .otherCarryOver),
        ]
        return pairs.compactMap { key, column in
            let (stated, at) = cell(t2, .grandTotal, column)
            let expected = t1[key, .budgeted]
            return compare(sources, stated, expected, table: 2, row: .grandTotal, column: column, at: at,
                           message: "表2 总计的\(column)与表1 \(key.label)不符",
                           computation: "表1 \(key)", printedIn: unit)
        }
    }

    static func functionalRows(_ d: Disclosure, _ keyed: [StandardTable: KeyedRows]) -> [Finding] {
        guard let t3 = d.table(.expenditure) else { return [] }
        let unit = printedUnit(t3, d.table(.overall), d.table(.income))
        var findings: [Finding] = []
        let rows3 = keyed[.expenditure] ?? KeyedRows(), total3 = t3.columnIndex(.total)
        if let t1 = d.table(.overall) {
            for row in t1.rows where row.code != nil || row.key == .expenditureTotal {
                let key = row.code.map(RowKey.code) ?? .grandTotal
                let (stated, at) = rows3.cell(key, total3)
                guard stated != nil || row.cells[0] != nil else { continue }
                if let f = compare(functional, stated, row.cells[0]?.value, table: 3, row: key, column: .total, at: at,
                                   message: "表3 \(key) 合计与表1 不符", computation: "表1 \(row.key)", printedIn: unit) { findings.append(f) }
            }
        }
        if let t2 = d.table(.income) {
            let rows2 = keyed[.income] ?? KeyedRows(), total2 = t2.columnIndex(.grandTotal)
            for key in t3.rows.map(\.key) + t2.rows.map(\.key).filter({ !rows3.contains($0) }) {
                let (stated, at) = rows3.cell(key, total3)
                let (expected, at2) = rows2.cell(key, total2)
                if let f = compare(functional, stated, expected, table: 3, row: key, column: .total, at: at ?? at2,
                                   message: "表3 \(key) 合计与表2 总计列不符", computation: "表2 \(key) 总计", printedIn: unit) { findings.append(f) }
            }
        }
        return findings
    }

    static func fiscalAppropriation(_ d: Disclosure, _ keyed: [StandardTable: KeyedRows]) -> [Finding] {
        guard let t4 = d.table(.fiscalAppropriation) else { return [] }
        let unit = printedUnit(t4, d.table(.overall), d.table(.generalPublic), d.table(.governmentFund), d.table(.stateCapital))
        var findings: [Finding] = []
        if let t1 = d.table(.overall) {
            let pairs: [(RowKey, RowKey)] = [
                (.appropriationGeneralPublic, .generalPublicIncome),
                (.appropriationGovernmentFund, .governmentFundIncome),
                (.appropriationStateCapital, .stateCapitalIncome),
            ]
            // Only where table 1 prints the same source (a regional table 1 may not).
            for (key4, key1) in pairs where t1.row(key1) != nil {
                let (stated, at) = cell(t4, key4, .total)
                if let f = compare(fiscal, stated, t1[key1, .budgeted], table: 4, row: key4, column: .total, at: at,
                                   message: "表4 \(key4) 与表1 不符", computation: "表1 \(key1)", printedIn: unit) { findings.append(f) }
            }
        }
        let counterparts: [(ColumnKey, StandardTable?)] = [(.generalPublic, .generalPublic), (.governmentFund, .governmentFund),
                                                           (.stateCapital, .stateCapital)]
        // Every row of table 4 is looked up by its key, in table 4 and in the counterparts.
        let rows4 = keyed[.fiscalAppropriation] ?? KeyedRows()
        let tables = counterparts.map { $0.1.flatMap { d.table($0) } }
        let others = counterparts.map { $0.1.flatMap { keyed[$0] } ?? KeyedRows() }
        let columns4 = counterparts.map { t4.columnIndex($0.0) }, totals = tables.map { $0?.columnIndex(.total) }
        for row in t4.rows where row.code != nil || row.key == .expenditureTotal {
            let key = row.code.map(RowKey.code) ?? .grandTotal
            for (k, (column, kind)) in counterparts.enumerated() {
                guard let kind else { continue }
                let (stated, at) = rows4.cell(row.key, columns4[k])
                let expected = others[k].value(key, totals[k])
                guard stated != nil || expected != nil else { continue }
                if let f = compare(fiscal, stated, expected, table: 4, row: row.key, column: column, at: at,
                                   message: "表4 \(row.key) \(column)列与表\(kind.rawValue) 不符",
                                   computation: "表\(kind.rawValue) \(key) 合计", printedIn: unit) { findings.append(f) }
            }
        }
        return findings
    }

    static func generalPublicRows(_ d: Disclosure, _ keyed: [StandardTable: KeyedRows]) -> [Finding] {
        guard let t5 = d.table(.generalPublic) else { return [] }
        var findings: [Finding] = []
        let t2 = d.table(.income), t3 = d.table(.expenditure)
        let unit = printedUnit(t5, t2)
        // Every row of table 5 is looked up by its key, in table 5 and in tables 2 and 3.
        let rows5 = keyed[.generalPublic] ?? KeyedRows(), rows2 = keyed[.income] ?? KeyedRows()
        let rows3 = keyed[.expenditure] ?? KeyedRows()
        let public2 = t2?.columnIndex(.generalPublic), transfer2 = t2?.columnIndex(.generalPublicTransfer)
        let total3 = t3?.columnIndex(.total), total5 = t5.columnIndex(.total)
        for row in t5.rows {
            let (stated, at) = rows5.cell(row.key, total5)
            guard let stated else { continue }
            if rows2.contains(row.key), public2 != nil {
                let a = rows2.value(row.key, public2) ?? .zero, b = rows2.value(row.key, transfer2) ?? .zero
                if let f = compare(generalPublic, stated, a + b, table: 5, row: row.key, column: .total, at: at,
                                   message: "表5 \(row.key) 与表2 一般公共预算部分不符", computation: "表2 \(a) + \(b)", printedIn: unit) {
                    findings.append(f)
                }
            }
            if let total = rows3.value(row.key, total3), stated > total {
                findings.append(Finding(rule: generalPublic, message: "表5 \(row.key) 合计 \(stated) 大于表3 合计 \(total)",
                                        table: 5, row: row.key, column: .total, at: at, stated: stated, expected: total,
                                        computation: "表3 \(row.key) 合计"))
            }
        }
        return findings
    }

    static func basicTotal(_ d: Disclosure) -> [Finding] {
        guard let t5 = d.table(.generalPublic), let t6 = d.table(.basicByEconomicClass) else { return [] }
        let (stated, at) = cell(t6, .grandTotal, .total)
        guard let f = compare(basic, stated, t5[.grandTotal, .basic], table: 6, row: .grandTotal, column: .total, at: at,
                              message: "表6 总计与表5 基本支出不符", computation: "表5 总计 基本支出",
                              printedIn: printedUnit(t5, t6)) else { return [] }
        return [f]
    }

    static func projectRows(_ d: Disclosure, _ keyed: [StandardTable: KeyedRows]) -> [Finding] {
        guard let t5 = d.table(.generalPublic), let t7 = d.table(.projects) else { return [] }
        let unit = printedUnit(t5, t7)
        var findings: [Finding] = []
        let (total, at) = cell(t7, .grandTotal, .total)
        if let f = compare(projects, total, t5[.grandTotal, .project], table: 7, row: .grandTotal, column: .total, at: at,
                           message: "表7 总计与表5 项目支出不符", computation: "表5 总计 项目支出", printedIn: unit) { findings.append(f) }
        // Per functional code: Σ table-7 rows with that code (across units) against table 5.
        var sums: [String: (Amount, SourceLocation?)] = [:]
        for row in t7.rows {
            guard let code = row.code, let v = row.cells[0]?.value else { continue }
            let isLeaf = row.role == .project || row.role == .item
            guard code.count == 3 || code.count == 5 || isLeaf else { continue }
            if isLeaf && code.count == 7 || code.count < 7 {
                let prior = sums[code]
                sums[code] = ((prior?.0 ?? .zero) + v, prior?.1 ?? row.source)
            }
        }
        let rows5 = keyed[.generalPublic] ?? KeyedRows(), project5 = t5.columnIndex(.project)
        for row in t5.rows where row.code != nil {
            let code = row.code!
            let stated = rows5.value(row.key, project5)
            let expected = sums[code]?.0
            guard stated != nil || expected != nil else { continue }
            if let f = compare(projects, stated, expected, table: 5, row: .code(code), column: .project,
                               at: row.cells[2]?.source ?? row.source, message: "表5 \(code) 项目支出与表7 不符",
                               computation: "表7 科目 \(code) 的项目合计", printedIn: unit) { findings.append(f) }
        }
        return findings
    }

    static func threePublicCosts(_ d: Disclosure) -> [Finding] {
        guard let t10 = d.table(.threePublicCosts), let t6 = d.table(.basicByEconomicClass) else { return [] }
        let pairs: [(RowKey, String)] = [(.reception, "30217"), (.vehicleOperation, "30231"), (.travelAbroad, "30212")]
        var findings: [Finding] = []
        // A regional "三公" table may print one 合计 column of fiscal money only.
        let column: ColumnKey = t10.columnIndex(.generalPublic) != nil ? .generalPublic : .total
        for (key, code) in pairs {
            let (stated, at) = cell(t10, key, column)
            // Compared at table 10's printed precision (two places of 万元), since table 6
            // may print 元 to the fen.
            guard let basicAmount = t6[.code(code), .total]?.rounded(toPlaces: 2) else { continue }
            let value = stated ?? .zero
            // Project spending may add to the basic amount, so table 10 may be larger, never smaller.
            guard value < basicAmount else { continue }
            findings.append(Finding(rule: threePublic, message: "表10 \(key) \(value) 小于表6 \(code) 的基本支出 \(basicAmount)",
                                    severity: .error, table: 10, row: key, column: column, at: at,
                                    stated: value, expected: basicAmount, computation: "表6 \(code) 合计"))
        }
        return findings
    }

    static func carryOverTotals(_ d: Disclosure) -> [Finding] {
        guard let t11 = d.table(.carryOver) else { return [] }
        let unit = printedUnit(t11, d.table(.overall), d.table(.income))
        var findings: [Finding] = []
        let (total, at) = cell(t11, .grandTotal, .total)
        if let t1 = d.table(.overall),
           let f = compare(carryOver, total, t1[.carryOver, .budgeted], table: 11, row: .grandTotal, column: .total, at: at,
                           message: "表11 总计与表1 上年结转结余不符", computation: "表1 上年结转结余", printedIn: unit) { findings.append(f) }
        if let t1 = d.table(.overall) {
            let (fiscalTotal, at2) = cell(t11, .grandTotal, .appropriationCarrySubtotal)
            if let f = compare(carryOver, fiscalTotal, t1[.appropriationCarryOver, .budgeted], table: 11, row: .grandTotal,
                               column: .appropriationCarrySubtotal, at: at2 ?? at, message: "表11 财政拨款结转与表1 不符",
                               computation: "表1 上年结转结余/财政拨款结转", printedIn: unit) { findings.append(f) }
        }
        if let t2 = d.table(.income) {
            let a = t2[.grandTotal, .appropriationCarryOver] ?? .zero, b = t2[.grandTotal, .otherCarryOver] ?? .zero
            if let f = compare(carryOver, total, a + b, table: 11, row: .grandTotal, column: .total, at: at,
                               message: "表11 总计与表2 结转结余列不符", computation: "表2 \(a) + \(b)", printedIn: unit) { findings.append(f) }
        }
        return findings
    }

    /// 固定对应 — functional items and the economic sections the classification books
    /// their basic spending to. `mayInclude` are economic sections that may hold part of
    /// the same spending (30112 其他社会保障缴费 holds 大额医疗 or 生育 contributions some
    /// documents book as medical): the functional side may lie anywhere from the paired
    /// sections to them plus these.
    struct CodePair {
        var functional: [String]
        var economic: [String]
        var mayInclude: [String] = []
    }

    /// 机关事业单位基本养老保险缴费支出 ↔ 机关事业单位基本养老保险缴费, 职业年金缴费支出 ↔
    /// 职业年金缴费, 住房公积金 ↔ 住房公积金, 行政单位医疗 + 事业单位医疗 + 公务员医疗补助 ↔
    /// 职工基本医疗保险缴费 + 公务员医疗补助缴费.
    static let codePairs = [
        CodePair(functional: ["2080505"], economic: ["30108"]),
        CodePair(functional: ["2080506"], economic: ["30109"]),
        CodePair(functional: ["2210201"], economic: ["30113"]),
        CodePair(functional: ["2101101", "2101102", "2101103"], economic: ["30110", "30111"], mayInclude: ["30112"]),
    ]

    /// One finding per pair (never one per code of a pair): beyond the rounding of the
    /// functional items printed (n × 0.005) an error, within it a warning.
    static func pairedCodes(_ d: Disclosure) -> [Finding] {
        guard let t5 = d.table(.generalPublic), let t6 = d.table(.basicByEconomicClass) else { return [] }
        let unit = printedUnit(t5, t6)
        var findings: [Finding] = []
        for pair in codePairs {
            let functional = pair.functional.compactMap { t5[.code($0), .basic] }
            let economics = pair.economic.compactMap { t6[.code($0), .total] }
            guard !functional.isEmpty || !economics.isEmpty else { continue }
            // Figures read from input are added with a check: a sum that does not fit is skipped.
            guard let f = Amount.checkedSum(functional), let e = Amount.checkedSum(economics),
                  let extra = Amount.checkedSum(pair.mayInclude.compactMap { t6[.code($0), .total] }),
                  case let (upper, false) = e.addingReportingOverflow(extra) else { continue }
            guard f < e || f > upper else { continue }
            let nearest = f < e ? e : upper
            guard let (difference, judged) = SumCheck.judge(total: nearest, parts: functional.isEmpty ? [f] : functional,
                                                           printedIn: unit) else { continue }
            // Where table 6 lacks the economic rows, the finding points at table 5's functional row.
            let economicRow = pair.economic.first { t6.row(.code($0)) != nil }
            let at = economicRow.flatMap { t6.row(.code($0))?.cells.first??.source ?? t6.row(.code($0))?.source }
                ?? pair.functional.lazy.compactMap { t5.row(.code($0))?.source }.first
            let economicCodes = pair.economic.joined(separator: " + "), functionalCodes = pair.functional.joined(separator: " + ")
            let allowance = extra.isZero || f < e ? "" : "（\(pair.mayInclude.joined(separator: " + ")) \(extra) 计入时为 \(upper)，仍不符）"
            findings.append(Finding(
                rule: economic,
                message: "表6 \(economicCodes) 与表5 \(functionalCodes) 基本支出不符：\(e) ≠ \(f)\(allowance)"
                    + (judged == .warning ? "（差额 \(difference.magnitude) 在舍入范围内）" : ""),
                severity: judged, table: 6, row: .code(economicRow ?? pair.economic[0]), column: .total, at: at,
                stated: e, expected: f, computation: "表5 \(functionalCodes) 基本支出"))
        }
        return findings
    }
}
