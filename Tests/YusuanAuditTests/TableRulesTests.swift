import Testing
@testable import YusuanAudit
import YusuanModel

/// Mutation tests for the completeness, arithmetic and reconciliation rules:
/// the consistent document stays silent at a place, one changed number or part
/// makes the right rule fire there with the right figures.
@Suite(.auditSeeds) struct TableRulesTests {
    /// Every place a rule fires at, the consequences of a cause included.
    static func findings(_ d: Disclosure, _ rule: String) -> [Finding] {
        Auditor.audit(d, document: "t").findings.flatMap(\.everyPlace).filter { $0.rule == rule }
    }

    static func set(_ d: inout Disclosure, _ kind: StandardTable, _ row: RowKey, _ column: ColumnKey, _ value: String?) {
        let t = d.tables.firstIndex { $0.kind == kind }!
        let r = d.tables[t].rows.firstIndex { $0.key == row }!
        let c = d.tables[t].columnIndex(column)!
        d.tables[t].rows[r].cells[c] = value.map { Cell(Amount($0)!) }
    }

    func base(_ seed: String) throws -> Disclosure { try AuditSeeds.context(seed).disclosure }

    @Test func rowIdentity() throws {
        var d = try base("001")
        #expect(Self.findings(d, "arithmetic.row-identity").allSatisfy { $0.severity == .warning })
        Self.set(&d, .expenditure, .code("2101501"), .total, "244.69")
        let f = try #require(Self.findings(d, "arithmetic.row-identity").first { $0.row == "2101501" })
        #expect(f.table == 3 && f.column == "合计" && f.severity == .error)
        #expect(f.stated == Amount("244.69") && f.expected == Amount("244.59"))
    }

    @Test func hierarchy() throws {
        var d = try base("001")
        let before = Self.findings(d, "arithmetic.hierarchy").first { $0.table == 6 && $0.row == "302" && $0.column == "公用经费" }
        #expect(before?.severity == .warning)   // 26.54 printed, 26.55 summed: rounding
        Self.set(&d, .basicByEconomicClass, .code("30201"), .total, "2.53")
        Self.set(&d, .basicByEconomicClass, .code("30201"), .publicUse, "2.53")
        let f = try #require(Self.findings(d, "arithmetic.hierarchy").first { $0.table == 6 && $0.row == "302" && $0.column == "公用经费" })
        #expect(f.severity == .error)
        #expect(f.stated == Amount("26.54") && f.expected == Amount("27.05"))
    }

    @Test func balance() throws {
        var d = try base("000")
        #expect(Self.findings(d, "arithmetic.balance").isEmpty)
        Self.set(&d, .overall, .expenditureTotal, .budgeted, "1297.38")
        let f = try #require(Self.findings(d, "arithmetic.balance").first)
        #expect(f.table == 1 && f.stated == Amount("1297.38") && f.expected == Amount("1297.28"))
    }

    @Test func completeness() throws {
        var d = try base("000")
        let rules = CompletenessRules.rules.map(\.id)
        #expect(Auditor.audit(d, document: "t").findings.filter { rules.contains($0.rule) }.isEmpty)
        d.tables.removeAll { $0.kind == .stateCapital }
        let t8 = d.tables.firstIndex { $0.kind == .governmentFund }!
        d.tables[t8].emptyStatement = nil
        d.sections.removeAll { $0.number == "十" }
        d.performance.projects.removeFirst()
        d.glossary = []
        d.overview.staffing = nil
        #expect(Self.findings(d, "completeness.tables").map(\.table) == [9])
        #expect(Self.findings(d, "completeness.empty-statement").map(\.table) == [8])
        #expect(Self.findings(d, "completeness.sections").map(\.section) == ["十"])
        #expect(Self.findings(d, "completeness.three-public").count == 1)
        let missing = try #require(Self.findings(d, "completeness.project-performance").first)
        #expect(missing.row?.hasPrefix("尉犁县医疗保障局/2101506|") == true && missing.stated == Amount("4.50"))
        #expect(Self.findings(d, "completeness.glossary").count == 1)
        #expect(Self.findings(d, "completeness.overview").count == 1)
    }

    @Test func incomeSources() throws {
        var d = try base("000")
        #expect(Self.findings(d, "reconciliation.income-sources").isEmpty)
        Self.set(&d, .overall, .generalPublicOwn, .budgeted, "1248.95")
        let f = try #require(Self.findings(d, "reconciliation.income-sources").first)
        #expect(f.table == 2 && f.row == "总计" && f.column == "一般公共预算")
        #expect(f.stated == Amount("1248.59") && f.expected == Amount("1248.95"))
    }

    @Test func functionalRows() throws {
        var d = try base("000")
        #expect(Self.findings(d, "reconciliation.functional-rows").isEmpty)
        Self.set(&d, .income, .code("2101506"), .grandTotal, "4.05")
        let f = try #require(Self.findings(d, "reconciliation.functional-rows").first)
        #expect(f.table == 3 && f.row == "2101506" && f.stated == Amount("4.50") && f.expected == Amount("4.05"))
    }

    @Test func fiscalAppropriation() throws {
        var d = try base("000")
        #expect(Self.findings(d, "reconciliation.fiscal-appropriation").isEmpty)
        Self.set(&d, .fiscalAppropriation, .code("210"), .generalPublic, "1223.95")
        let f = try #require(Self.findings(d, "reconciliation.fiscal-appropriation").first)
        #expect(f.table == 4 && f.row == "210" && f.column == "一般公共预算" && f.expected == Amount("1223.59"))
    }

    @Test func generalPublicBasicAndProjects() throws {
        var d = try base("000")
        for rule in ["reconciliation.general-public", "reconciliation.basic", "reconciliation.projects"] {
            #expect(Self.findings(d, rule).isEmpty, "\(rule)")
        }
        Self.set(&d, .generalPublic, .code("2101501"), .total, "61.89")
        #expect(Self.findings(d, "reconciliation.general-public").map(\.row) == ["2101501"])
        Self.set(&d, .basicByEconomicClass, .grandTotal, .total, "326.76")
        #expect(Self.findings(d, "reconciliation.basic").first?.expected == Amount("326.66"))
        Self.set(&d, .generalPublic, .code("2101399"), .project, "41.19")
        let f = try #require(Self.findings(d, "reconciliation.projects").first { $0.row == "2101399" })
        #expect(f.stated == Amount("41.19") && f.expected == Amount("44.19"))
    }

    /// Between a table printed in whole 元 and one printed to the fen, half a 元 (0.00005
    /// 万元) is rounding, a warning; one millionth more is an error. Between two tables
    /// printed in 万元 to 0.01 any difference is an error.
    @Test func reconciliationIn元AllowsHalfA元() throws {
        var d = try base("000")
        func basic(_ value: String) -> [Severity] {
            Self.set(&d, .basicByEconomicClass, .grandTotal, .total, value)
            return Self.findings(d, "reconciliation.basic").map(\.severity)
        }
        // Table 5's basic total is 326.66.
        #expect(basic("326.66005") == [.error])
        d.tables[d.tables.firstIndex { $0.kind == .generalPublic }!].printedUnit = .yuan
        #expect(basic("326.66") == [])
        #expect(basic("326.66005") == [.warning])
        #expect(basic("326.65995") == [.warning])
        #expect(basic("326.660051") == [.error])
        #expect(basic("326.659949") == [.error])
    }

    /// 职业年金: 2080506 ↔ 30109, one finding for the pair, silent where they agree (003).
    @Test func occupationalAnnuityPair() throws {
        var d = try base("003")
        #expect(!Self.findings(d, "reconciliation.function-economic").contains { $0.row == "30109" })
        Self.set(&d, .basicByEconomicClass, .code("30109"), .total, "47.84")
        let pair = Self.findings(d, "reconciliation.function-economic").filter { $0.row == "30109" }
        #expect(pair.count == 1)
        #expect(pair.first?.stated == Amount("47.84") && pair.first?.expected == Amount("47.48")
                && pair.first?.severity == .error)
    }

    /// Medical: 2101101–2101103 against 30110 + 30111 (001: 26.10 both), once for the pair.
    /// Below the paired sections, the three functional items printed explain 0.015; above
    /// them, 30112 may hold the rest, and beyond it the same tolerance applies.
    @Test func medicalPairAtItsBoundary() throws {
        let base = try base("001")
        func judged(_ cells: [(String, String)]) -> [Severity] {
            var d = base
            for (code, value) in cells { Self.set(&d, .basicByEconomicClass, .code(code), .total, value) }
            return Self.findings(d, "reconciliation.function-economic").map(\.severity)
        }
        #expect(judged([]) == [])
        #expect(judged([("30110", "20.335")]) == [.warning])
        #expect(judged([("30110", "20.335001")]) == [.error])
        #expect(judged([("30110", "20.33"), ("30111", "5.79")]) == [.error])   // both codes off: one finding
        #expect(judged([("30110", "20.00")]) == [])                          // 0.32 of 30112's 4.79
        #expect(judged([("30110", "20.00"), ("30112", "0.305")]) == [.warning])
        #expect(judged([("30110", "20.00"), ("30112", "0.304999")]) == [.error])
        var d = base
        Self.set(&d, .basicByEconomicClass, .code("30110"), .total, "20.00")
        Self.set(&d, .basicByEconomicClass, .code("30112"), .total, "0.10")
        let f = try #require(Self.findings(d, "reconciliation.function-economic").first)
        #expect(f.row == "30110" && f.line == 286 && f.stated == Amount("25.78") && f.expected == Amount("26.10"))
    }

    /// Table 6 is compared with table 10 at table 10's two places: 6.005 rounds to 6.01, above
    /// 6.00 (a finding); 6.004999 rounds to 6.00 (none).
    @Test func threePublicRoundsTable6ToTheFen() throws {
        var d = try base("001")
        Self.set(&d, .threePublicCosts, .vehicleOperation, .generalPublic, "6.00")
        Self.set(&d, .basicByEconomicClass, .code("30231"), .total, "6.004999")
        #expect(Self.findings(d, "reconciliation.three-public").isEmpty)
        Self.set(&d, .basicByEconomicClass, .code("30231"), .total, "6.005")
        #expect(Self.findings(d, "reconciliation.three-public").first?.expected == Amount("6.01"))
    }

    @Test func threePublicCarryOverAndPairs() throws {
        var d = try base("001")
        for rule in ["reconciliation.three-public", "reconciliation.carry-over", "reconciliation.function-economic"] {
            #expect(Self.findings(d, rule).isEmpty, "\(rule)")
        }
        Self.set(&d, .threePublicCosts, .vehicleOperation, .generalPublic, "5.00")
        let three = try #require(Self.findings(d, "reconciliation.three-public").first)
        #expect(three.stated == Amount("5.00") && three.expected == Amount("6.00"))
        Self.set(&d, .carryOver, .grandTotal, .total, "14.46")
        #expect(Self.findings(d, "reconciliation.carry-over").contains { $0.stated == Amount("14.46") && $0.expected == Amount("14.64") })
        Self.set(&d, .basicByEconomicClass, .code("30113"), .total, "37.95")
        let pair = try #require(Self.findings(d, "reconciliation.function-economic").first)
        #expect(pair.row == "30113" && pair.expected == Amount("37.59"))
    }

    /// The table findings of the seeds, one per cause, each with the other places it
    /// shows (↳), each checked against the printed document.
    @Test func seedFindings() throws {
        func findings(_ seed: String) throws -> [String] {
            let c = try AuditSeeds.context(seed)
            let families: Set<RuleFamily> = [.arithmetic, .reconciliation]
            return Auditor.audit(c.disclosure, lines: c.lines, document: seed).findings
                .filter { families.contains($0.family) }
                .flatMap { f in
                    ["\(f.rule) \(f.severity) 表\(f.table ?? 0) \(f.row ?? "") \(f.column ?? "") \(f.stated?.description ?? "") \(f.expected?.description ?? "") @\(f.line ?? 0)"]
                        + (f.consequences ?? []).map { "  ↳ \($0.rule) 表\($0.table ?? 0) \($0.row ?? "") \($0.column ?? "") @\($0.line ?? 0)" }
                }
        }
        // 000: rounding, and the occupational annuity: 2080506 职业年金缴费支出 15.19 in table 5
        // is booked in table 6 under 30199 其他工资福利支出 (15.19), not 30109 职业年金缴费. 20805 prints 47.17 for 1.59 + 30.38 + 15.19 = 47.16 and 21011
        // 22.71 for 21.84 + 0.86 = 22.70, so 210 prints 1223.59 for its 款 summing to
        // 1223.60 — in tables 2, 3 and 5 alike; table 6's 301 and 302 are each 0.01 above
        // their 款. One warning per table.
        #expect(try findings("000") == [
            "arithmetic.hierarchy warning 表2 20805 总计 47.17 47.16 @195",
            "  ↳ arithmetic.hierarchy 表2 20805 财政拨款小计 @195",
            "  ↳ arithmetic.hierarchy 表2 20805 一般公共预算 @195",
            "  ↳ arithmetic.hierarchy 表2 210 总计 @211",
            "  ↳ arithmetic.hierarchy 表2 210 财政拨款小计 @211",
            "  ↳ arithmetic.hierarchy 表2 210 一般公共预算 @211",
            "  ↳ arithmetic.hierarchy 表2 21011 总计 @213",
            "  ↳ arithmetic.hierarchy 表2 21011 财政拨款小计 @213",
            "  ↳ arithmetic.hierarchy 表2 21011 一般公共预算 @213",
            "arithmetic.hierarchy warning 表3 20805 合计 47.17 47.16 @342",
            "  ↳ arithmetic.hierarchy 表3 20805 基本支出 @342",
            "  ↳ arithmetic.hierarchy 表3 210 合计 @350",
            "  ↳ arithmetic.hierarchy 表3 210 基本支出 @350",
            "  ↳ arithmetic.hierarchy 表3 21011 合计 @352",
            "  ↳ arithmetic.hierarchy 表3 21011 基本支出 @352",
            "arithmetic.hierarchy warning 表5 20805 合计 47.17 47.16 @489",
            "  ↳ arithmetic.hierarchy 表5 20805 基本支出 @489",
            "  ↳ arithmetic.hierarchy 表5 210 合计 @497",
            "  ↳ arithmetic.hierarchy 表5 210 基本支出 @497",
            "  ↳ arithmetic.hierarchy 表5 21011 合计 @499",
            "  ↳ arithmetic.hierarchy 表5 21011 基本支出 @499",
            "arithmetic.hierarchy warning 表6 301 合计 291.11 291.10 @544",
            "  ↳ arithmetic.hierarchy 表6 301 人员经费 @544",
            "  ↳ arithmetic.hierarchy 表6 302 合计 @566",
            "  ↳ arithmetic.hierarchy 表6 302 公用经费 @566",
            "reconciliation.function-economic error 表6 30109 合计 0 15.19 @495",
            // Medical: 2101101 21.84 + 2101103 0.86 = 22.70 in table 5, more than 30110 13.29 +
            // 30111 0.86 = 14.15, and more even with all of 30112 (5.07): 19.22.
            "reconciliation.function-economic error 表6 30110 合计 14.15 22.70 @554",
        ])
        // 001: 210 prints 570.20 where its columns and 款 give 570.19, carried into the
        // totals of tables 1, 2 and 3; table 6's 301 and 302 are 0.01 below their 款.
        #expect(try findings("001") == [
            "arithmetic.hierarchy warning 表1 支出总计 预算数 661.27 661.28 @120",
            "arithmetic.row-identity warning 表2 210 总计 570.20 570.19 @138",
            "  ↳ arithmetic.hierarchy 表2 总计 总计 @133",
            "  ↳ arithmetic.hierarchy 表2 210 财政拨款小计 @138",
            "  ↳ arithmetic.hierarchy 表2 210 一般公共预算 @138",
            "arithmetic.row-identity warning 表3 210 合计 570.20 570.19 @179",
            "  ↳ arithmetic.hierarchy 表3 总计 合计 @174",
            "  ↳ arithmetic.hierarchy 表3 210 基本支出 @179",
            "arithmetic.hierarchy warning 表5 210 合计 555.55 555.56 @253",
            "  ↳ arithmetic.hierarchy 表5 210 基本支出 @253",
            "arithmetic.hierarchy warning 表6 301 合计 437.54 437.55 @281",
            "  ↳ arithmetic.hierarchy 表6 301 人员经费 @281",
            "  ↳ arithmetic.hierarchy 表6 302 合计 @291",
            "  ↳ arithmetic.hierarchy 表6 302 公用经费 @291",
        ])
        // 002 classifies the housing fund and the medical contributions under no 221 / 21011 row:
        // two causes, one per pair. 20805 prints 200.22 for 8.37 + 191.84 in tables 2, 3 and 5; table 6's 302
        // is 0.01 above its 款, carried into 总计.
        #expect(try findings("002") == [
            "arithmetic.hierarchy warning 表2 20805 总计 200.22 200.21 @259",
            "  ↳ arithmetic.hierarchy 表2 20805 财政拨款小计 @259",
            "  ↳ arithmetic.hierarchy 表2 20805 一般公共预算 @259",
            "arithmetic.hierarchy warning 表3 20805 合计 200.22 200.21 @388",
            "  ↳ arithmetic.hierarchy 表3 20805 基本支出 @388",
            "arithmetic.hierarchy warning 表5 20805 合计 200.22 200.21 @520",
            "  ↳ arithmetic.hierarchy 表5 20805 基本支出 @520",
            "arithmetic.hierarchy warning 表6 总计 合计 1839.18 1839.17 @561",
            "  ↳ arithmetic.hierarchy 表6 总计 人员经费 @561",
            "  ↳ arithmetic.hierarchy 表6 302 合计 @583",
            "  ↳ arithmetic.hierarchy 表6 302 公用经费 @583",
            "reconciliation.function-economic error 表6 30113 合计 159.06 0 @581",
            "reconciliation.function-economic error 表6 30110 合计 98.80 0 @575",
        ])
        // 003: 2101501 prints 707.70 for 704.19 + 3.50, carried into 21015 and 210; 301 is
        // 0.01 above its 款 and 302 0.01 above its 款, so 总计 is 0.01 below; 30108 prints
        // 94.96 where 2080505's basic spending is 98.96. Medical 50.32 lies between 30110 +
        // 30111 (48.46) and that with 30112 (56.05): no finding.
        #expect(try findings("003") == [
            "arithmetic.row-identity warning 表2 21015 总计 741.94 741.93 @333",
            "  ↳ arithmetic.row-identity 表2 2101501 总计 @335",
            "  ↳ arithmetic.hierarchy 表2 210 总计 @240",
            "arithmetic.hierarchy warning 表3 210 合计 7002.77 7002.78 @381",
            "  ↳ arithmetic.hierarchy 表3 210 基本支出 @381",
            "arithmetic.hierarchy warning 表6 总计 合计 987.08 987.09 @570",
            "  ↳ arithmetic.hierarchy 表6 总计 人员经费 @570",
            "  ↳ arithmetic.hierarchy 表6 301 合计 @572",
            "  ↳ arithmetic.hierarchy 表6 301 人员经费 @572",
            "  ↳ arithmetic.hierarchy 表6 302 合计 @594",
            "  ↳ arithmetic.hierarchy 表6 302 公用经费 @594",
            "reconciliation.function-economic error 表6 30108 合计 94.96 98.96 @580",
        ])
        // 004, two causes. Table 7's 21012 prints 664.71 in 对社会保障基金补助 where its projects
        // give 724.71 (its 合计), so its row and 210's column break too. Table 2's 210 carries
        // 76.50 over that none of its 款 rows has, where table 3 has it under 21003/2100399.
        #expect(try findings("004") == [
            "arithmetic.hierarchy error 表7 21012 对社会保障基金补助 664.71 724.71 @769",
            "  ↳ arithmetic.row-identity 表7 21012 合计 @769",
            "  ↳ arithmetic.hierarchy 表7 210 对社会保障基金补助 @751",
            "reconciliation.functional-rows error 表3 2100399 合计 228.08 151.58 @370",
            "  ↳ arithmetic.hierarchy 表2 210 总计 @276",
            "  ↳ arithmetic.hierarchy 表2 210 财政拨款结转 @276",
            "  ↳ reconciliation.functional-rows 表3 21003 合计 @368",
            // 2101101 5.93 + 2101102 8.19 + 2101103 0.20 = 14.32 against 30110 14.13 + 30111
            // 0.20 = 14.33: three printed items explain 0.01, a warning.
            "reconciliation.function-economic warning 表6 30110 合计 14.33 14.32 @592",
        ])
    }

    @Test func findingsQuoteTheirLine() throws {
        let c = try AuditSeeds.context("004")
        let report = Auditor.audit(c.disclosure, lines: c.lines, document: "004")
        // A consequence quotes its own line too.
        let f = try #require(report.findings.flatMap(\.everyPlace).first { $0.rule == "arithmetic.row-identity" && $0.row == "21012" })
        #expect(f.quote == "724.71 664.71")
        #expect(report.engine == Auditor.version)
    }
}
