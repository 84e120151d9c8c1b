import Testing
@testable import YusuanAudit
import YusuanModel

/// Mutation tests for the completeness, arithmetic and reconciliation rules:
/// the consistent document stays silent at a place, one changed number or part
/// makes the right rule fire there with the right figures.
@Suite(.auditSeeds) struct TableRulesTests {
    static func findings(_ d: Disclosure, _ rule: String) -> [Finding] {
        Auditor.audit(d, document: "t").findings.filter { $0.rule == rule }
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

    /// The real inconsistencies of the seeds, each checked against the printed document.
    @Test func seedErrors() throws {
        func errors(_ seed: String) throws -> [String] {
            let c = try AuditSeeds.context(seed)
            let families: Set<RuleFamily> = [.completeness, .arithmetic, .reconciliation]
            return Auditor.audit(c.disclosure, lines: c.lines, document: seed).findings
                .filter { $0.severity == .error && families.contains($0.family) }
                .map { "\($0.rule) 表\($0.table ?? 0) \($0.row ?? "") \($0.column ?? "") \($0.stated?.description ?? "") \($0.expected?.description ?? "") @\($0.line ?? 0)" }
        }
        #expect(try errors("000") == [])
        #expect(try errors("001") == [])
        // 002 classifies the housing fund and civil-servant medical subsidy under no 221 / 2101103 row.
        #expect(try errors("002") == [
            "reconciliation.function-economic 表6 30113 合计 159.06 0 @581",
            "reconciliation.function-economic 表6 30111 合计 19.18 0 @577",
        ])
        // 003: 30108 prints 94.96 where 2080505's basic spending is 98.96.
        #expect(try errors("003") == ["reconciliation.function-economic 表6 30108 合计 94.96 98.96 @580"])
        // 004: table 2's 款 rows omit the 76.50 carried over (table 3 has it under 21003), and
        // table 7's 21012 prints 664.71 for a 724.71 total.
        #expect(try errors("004") == [
            "arithmetic.hierarchy 表2 210 总计 1202.75 1126.25 @276",
            "arithmetic.hierarchy 表2 210 财政拨款结转 76.50 0 @276",
            "arithmetic.row-identity 表7 21012 合计 724.71 664.71 @769",
            "arithmetic.hierarchy 表7 210 对社会保障基金补助 876.29 816.29 @751",
            "arithmetic.hierarchy 表7 21012 对社会保障基金补助 664.71 724.71 @769",
            "reconciliation.functional-rows 表3 21003 合计 228.08 151.58 @368",
            "reconciliation.functional-rows 表3 2100399 合计 228.08 151.58 @370",
        ])
    }

    @Test func findingsQuoteTheirLine() throws {
        let c = try AuditSeeds.context("004")
        let report = Auditor.audit(c.disclosure, lines: c.lines, document: "004")
        let f = try #require(report.findings.first { $0.rule == "arithmetic.row-identity" && $0.row == "21012" })
        #expect(f.quote == "724.71 664.71")
        #expect(report.engine == Auditor.version)
    }
}
