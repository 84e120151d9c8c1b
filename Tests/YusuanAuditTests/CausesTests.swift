import Foundation
import Testing
@testable import YusuanAudit
import YusuanModel

/// One finding per cause: a misplaced amount is one error naming every place it
/// breaks, independent causes stay apart, rounding gaps are one warning per table,
/// and every report format still shows every place.
@Suite(.auditSeeds) struct CausesTests {
    /// The arithmetic and reconciliation findings, but for the function/economic pairs: seed
    /// 000 books its occupational annuity under 30199 instead of 30109, an error of
    /// classification independent of every cause these tests make (TableRulesTests).
    static func tableFindings(_ d: Disclosure) -> [Finding] {
        Auditor.audit(d, document: "t").findings.filter {
            ($0.family == .arithmetic || $0.family == .reconciliation) && $0.rule != "reconciliation.function-economic"
        }
    }

    static func places(_ f: Finding) -> [String] {
        f.everyPlace.map { "\($0.rule) 表\($0.table ?? 0) \($0.row ?? "") \($0.column ?? "")" }
    }

    func base(_ seed: String) throws -> Disclosure { try AuditSeeds.context(seed).disclosure }

    @Test func oneMisplacedAmountIsOneError() throws {
        var d = try base("000")
        #expect(Self.tableFindings(d).allSatisfy { $0.severity == .warning })
        // 行政运行 61.98 printed as 62.98 in table 3: its 款 21015 and table 2's row disagree by the same 1.00.
        TableRulesTests.set(&d, .expenditure, .code("2101501"), .total, "62.98")
        TableRulesTests.set(&d, .expenditure, .code("2101501"), .basic, "62.98")
        let errors = Self.tableFindings(d).filter { $0.severity == .error }
        #expect(errors.count == 1)
        let f = try #require(errors.first)
        #expect(f.table == 3 && f.row == "2101501" && f.stated == Amount("62.98") && f.expected == Amount("61.98"))
        #expect(Self.places(f) == [
            "reconciliation.functional-rows 表3 2101501 合计",
            "arithmetic.hierarchy 表3 21015 合计",
            "arithmetic.hierarchy 表3 21015 基本支出",
        ])
        #expect(f.message.contains("同一差额 1.00 还使 2 处不符：表3 21015 合计（234.77 ≠ 235.77）"))
    }

    /// 同一差额: two gaps within 0.03 of each other are one amount; 0.04 apart, two.
    @Test func sameGapBoundary() {
        func f(_ stated: String, row: String) -> Finding {
            Finding(rule: ReconciliationRules.functional, message: "m", table: 3, row: .code(row), column: .total,
                    at: nil, stated: Amount(stated)!, expected: Amount(1), computation: "c")
        }
        // Gaps 1.00 and 1.03 (0.03 apart): one cause; 1.00 and 1.04: two.
        #expect(Causes.group([f("2.00", row: "2101501"), f("2.03", row: "21015")]).count == 1)
        #expect(Causes.group([f("2.00", row: "2101501"), f("1.97", row: "21015")]).count == 1)
        #expect(Causes.group([f("2.00", row: "2101501"), f("2.04", row: "21015")]).count == 2)
        #expect(Causes.group([f("2.00", row: "2101501"), f("1.96", row: "21015")]).count == 2)
    }

    @Test func aRowIdentityAndItsParentAreOneError() throws {
        var d = try base("000")
        TableRulesTests.set(&d, .expenditure, .code("2101501"), .basic, "62.98")
        let errors = Self.tableFindings(d).filter { $0.severity == .error }
        #expect(errors.count == 1)
        let f = try #require(errors.first)
        // The row is where the amount is: its identity first, the 款 column as its consequence.
        #expect(Self.places(f) == ["arithmetic.row-identity 表3 2101501 合计", "arithmetic.hierarchy 表3 21015 基本支出"])
    }

    @Test func independentCausesStayApart() throws {
        var d = try base("000")
        TableRulesTests.set(&d, .expenditure, .code("2101501"), .total, "62.98")
        TableRulesTests.set(&d, .expenditure, .code("2101501"), .basic, "62.98")
        TableRulesTests.set(&d, .expenditure, .code("2080501"), .total, "3.59")
        TableRulesTests.set(&d, .expenditure, .code("2080501"), .basic, "3.59")
        let errors = Self.tableFindings(d).filter { $0.severity == .error }
        #expect(errors.map(\.row) == ["2080501", "2101501"])
        // 20805 was already printed 0.01 above its 项: its gap is 1.99 for a 2.00 slip, the same cause.
        #expect(errors[0].everyPlace.contains { $0.row == "20805" && $0.expected == Amount("49.16") })
    }

    @Test func gapsAreOneAmountWithinThreeFen() {
        func finding(_ stated: String, _ expected: String) -> Finding {
            Finding(rule: ArithmeticRules.hierarchy, message: "", table: 3, row: "210", column: "合计",
                    stated: Amount(stated)!, expected: Amount(expected)!)
        }
        #expect(Causes.sameGap(finding("1.00", "0"), finding("0", "1.03")))
        #expect(Causes.sameGap(finding("1.00", "0"), finding("0.97", "0")))
        #expect(!Causes.sameGap(finding("1.00", "0"), finding("1.04", "0")))
        #expect(!Causes.sameGap(finding("1.00", "0"), finding("0.96", "0")))
    }

    @Test func unrelatedRowsAreNotOneCause() {
        func finding(_ row: String) -> Finding {
            Finding(rule: ArithmeticRules.hierarchy, message: "", table: 3, row: row, column: "合计",
                    stated: Amount("1.00")!, expected: Amount("0")!)
        }
        #expect(Causes.related(finding("210"), finding("2101501")))
        #expect(Causes.related(finding("总计"), finding("2101501")))
        #expect(Causes.related(finding("单位/2101501|项目"), finding("21015")))
        #expect(!Causes.related(finding("208"), finding("2101501")))
        #expect(Causes.group([finding("208"), finding("2101501")]).count == 2)
        #expect(Causes.group([finding("210"), finding("2101501")]).count == 1)
    }

    @Test func roundingGapsAreOneWarningPerTable() throws {
        let findings = Self.tableFindings(try base("000"))
        #expect(findings.map(\.table) == [2, 3, 5, 6])
        let t2 = try #require(findings.first)
        #expect(t2.message == "表2 有 9 处合计与其组成部分相差 0.01，在所印数字的舍入范围内：20805（总计、财政拨款小计、一般公共预算）、210（总计、财政拨款小计、一般公共预算）、21011（总计、财政拨款小计、一般公共预算）")
        #expect(t2.everyPlace.count == 9 && t2.everyPlace.allSatisfy { $0.severity == .warning })
    }

    @Test func everyFormatShowsEveryPlace() throws {
        let c = try AuditSeeds.context("004")
        let report = Auditor.audit(c.disclosure, lines: c.lines, document: "004")
        let text = ReportText.render([report], colour: false)
        #expect(text.contains("↳ [arithmetic.hierarchy] 表2 210 的 财政拨款结转 76.50 ≠ Σ款 0（差 76.50） (line 276)"))
        let csv = ReportCSV.render([report])
        #expect(csv.hasPrefix("document,rule,family,severity,table,row,column,section,line,stated,expected,computation,message,also_at\n"))
        #expect(csv.contains("表2 210 总计 @276; 表2 210 财政拨款结转 @276; 表3 21003 合计 @368"))
        #expect(ReportHTML.render([report]).contains("<ul class=also><li>表2 210 的 总计 1202.75"))
        let decoded = try JSONDecoder().decode(AuditReport.self, from: Data(try ReportJSON.render([report]).utf8))
        #expect(decoded == report)
        #expect(decoded.findings.flatMap(\.everyPlace).contains { $0.table == 2 && $0.column == "财政拨款结转" })
    }
}

/// Two described projects printed as one row of table 7: one cause.
@Suite(.auditSeeds) struct MergedProjectsTests {
    static func report(_ d: Disclosure, _ c: AuditContext) -> [Finding] {
        Auditor.audit(d, lines: c.lines, document: "004").findings
    }

    /// 004: 61.58 (自治区) + 90.00 (本级) = 151.58, the one row table 7 prints. The amount
    /// finding names the cause; the unmatched 本级 project and both performance tables'
    /// findings are its consequences.
    @Test func twoProjectsInOneRowAreOneCause() throws {
        let c = try AuditSeeds.context("004")
        let found = Self.report(c.disclosure, c)
        let f = try #require(found.first { $0.rule == "text.project-amount" })
        #expect(f.severity == .error && f.line == 1167 && f.message.hasPrefix("表7 把说明中的两个项目（61.58 + 90.00 万元）合为一行 151.58 万元；"))
        #expect(f.consequences?.map(\.rule) == ["text.project-unmatched", "performance.project-funds", "performance.project-funds"])
        #expect(f.consequences?.map(\.line) == [1245, 1829, 2411])
        #expect(!found.contains { $0.rule == "text.project-unmatched" || $0.rule == "performance.project-funds" })

        // One fen more in table 7 and the two amounts no longer make the row: four findings again.
        var d = c.disclosure
        let t = try #require(d.tables.firstIndex { $0.kind == .projects })
        let r = try #require(d.tables[t].rows.firstIndex { $0.role == .project && $0.code == "2100399" })
        d.tables[t].rows[r].cells[0] = Cell(Amount("151.59")!)
        let apart = Self.report(d, c)
        #expect(apart.first { $0.rule == "text.project-amount" }?.consequences == nil)
        #expect(apart.filter { $0.rule == "text.project-unmatched" }.count == 1)
        #expect(apart.filter { $0.rule == "performance.project-funds" }.count == 2)
    }
}

/// 一因一条's grouping of errors, against the pairwise definition it implements: two
/// errors are one cause when their gaps are within 0.03 and their rows related (the same
/// code, one under the other, or a total row), joined transitively.
@Suite struct ErrorCauseGroupsTests {
    /// The definition, pair by pair (quadratic): what `Causes.errorCauses` must return.
    static func pairwise(_ findings: [Finding]) -> [[Int]] {
        let candidates = findings.indices.filter { i in
            let f = findings[i]
            return f.severity == .error && f.table != nil && f.stated != nil && f.expected != nil
                && (Causes.arithmeticRules.contains(f.rule) || Causes.reconciliationRules.contains(f.rule))
        }
        var parent = Dictionary(uniqueKeysWithValues: candidates.map { ($0, $0) })
        func root(_ i: Int) -> Int { var i = i; while parent[i]! != i { i = parent[i]! }; return i }
        for (n, i) in candidates.enumerated() {
            for j in candidates[(n + 1)...] where Causes.sameGap(findings[i], findings[j]) && Causes.related(findings[i], findings[j]) {
                parent[root(j)] = root(i)
            }
        }
        var clusters: [Int: [Int]] = [:]
        for i in candidates { clusters[root(i), default: []].append(i) }
        return clusters.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
    }

    /// Findings at rows of a few related codes (and totals, and projects), gaps a few fen
    /// apart so that chains form and break, some of them warnings or of other rules.
    static func findings(seed: UInt64, count: Int) -> [Finding] {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let rows = ["总计", "210", "21015", "2101501", "2101502", "21012", "2101202", "单位/2101202|项目",
                    "208", "20805", "2080505", "221", "2210201"]
        let rules = [ArithmeticRules.hierarchy, ArithmeticRules.rowIdentity, ReconciliationRules.functional,
                     TextRules.total]
        return (0..<count).map { _ in
            let gap = Amount(units: Int64(1_000_000 + next(14) * 10_000))   // 1.00 to 1.13
            return Finding(rule: rules[next(rules.count)], message: "m", severity: next(6) == 0 ? .warning : .error,
                           table: 3, row: rows[next(rows.count)], column: "合计",
                           stated: Amount(2) + gap, expected: Amount(2), computation: "c")
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func groupsAsThePairwiseDefinition(seed: UInt64) {
        for count in [0, 1, 2, 5, 20, 80, 300] {
            let f = Self.findings(seed: seed, count: count)
            #expect(Causes.errorCauses(f) == Self.pairwise(f), "seed \(seed), \(count) findings")
        }
    }

    /// A total row joins two chains of one code that are 0.04 apart; without it they stay two.
    @Test func aTotalRowBridgesWhatItReaches() {
        func f(_ gap: String, _ row: String) -> Finding {
            Finding(rule: ReconciliationRules.functional, message: "m", table: 3, row: row, column: "合计",
                    stated: Amount(2) + Amount(gap)!, expected: Amount(2), computation: "c")
        }
        let apart = [f("1.00", "2101501"), f("1.04", "2101501")]
        #expect(Causes.errorCauses(apart).isEmpty)
        #expect(Causes.errorCauses(apart + [f("1.02", "总计")]) == [[0, 1, 2]])
        #expect(Causes.errorCauses(apart + [f("1.02", "21015")]) == [[0, 1, 2]])
        #expect(Causes.errorCauses(apart + [f("1.02", "2101502")]).isEmpty)
    }

    /// A finding's code is read from its row key: a unit's prefix and a project's
    /// name come off; a total row, a named line or a code with other characters has none.
    @Test func aFindingsCodeIsTheDigitsOfItsRowKey() {
        func code(_ row: String?) -> String? {
            Causes.code(Finding(rule: ArithmeticRules.hierarchy, message: "", table: 7, row: row))
        }
        #expect(code("2100399") == "2100399")
        #expect(code("某县某局/2101501|医保经办服务") == "2101501")
        #expect(code("2101501|项目/甲") == "2101501")
        #expect(code("某县某局/21015") == "21015")
        #expect(code("总计") == nil && code(nil) == nil && code("") == nil && code("单位/") == nil)
        #expect(code("210１5") == nil && code("2101a") == nil)
        // The most detailed of one cause's findings: the project row before its 项, the 项 before its 款.
        let rows = ["21015", "某县某局/2101501|医保经办服务", "2101501", "210"]
        let findings = rows.map { Finding(rule: ArithmeticRules.rowIdentity, message: "", table: 7, row: $0) }
        #expect(Causes.mostDetailed(Array(findings.indices), in: findings) == 1)
        #expect(Causes.mostDetailed([0, 2, 3], in: findings) == 2)
    }
}
