import Testing
@testable import YusuanAudit
import YusuanModel

/// The arithmetic stated inside project descriptions: silent where the printed
/// figures agree, firing with the printed and the computed figure where one is changed.
@Suite(.auditSeeds) struct ProjectArithmeticRulesTests {
    static func findings(_ context: AuditContext, _ rule: String? = nil) -> [Finding] {
        ProjectArithmeticRules.check(context).filter { rule == nil || $0.rule == rule }
    }

    /// The seed with one printed passage of a project's field replaced.
    static func edited(_ seed: String, _ ordinal: String, _ label: String, _ old: String, _ new: String) throws -> AuditContext {
        var context = try AuditSeeds.context(seed)
        let p = try #require(context.disclosure.facts.projects.firstIndex { $0.ordinal == ordinal })
        let f = try #require(context.disclosure.facts.projects[p].fields.firstIndex { $0.label == label })
        let text = context.disclosure.facts.projects[p].fields[f].text
        try #require(text.contains(old), "\(seed) 项目 \(ordinal) \(label) does not print \(old)")
        context.disclosure.facts.projects[p].fields[f].text = text.replacingOccurrences(of: old, with: new)
        return context
    }

    @Test func allocationSum() throws {
        // 000 项目二: 1.2 + 0.8 + 1.7 + 0.8 = 4.5 (the 4.5 before the list restates the total).
        #expect(Self.findings(try AuditSeeds.context("000"), "project-arithmetic.allocation-sum").isEmpty)
        let context = try Self.edited("000", "二", "资金分配情况", "1.7 万元", "1.9 万元")
        let f = try #require(Self.findings(context, "project-arithmetic.allocation-sum").first)
        #expect(f.severity == .error && f.section == "七" && f.column == "资金分配情况" && f.line == 1059)
        #expect(f.stated == Amount("4.50") && f.expected == Amount("4.70"))
        #expect(f.computation == "1.2 + 0.8 + 1.9 + 0.8 = 4.7")
    }

    @Test func allocationSumWithoutRestatedTotal() throws {
        // 002 项目七: 10.27 + 13.78 = 24.05.
        #expect(Self.findings(try AuditSeeds.context("002"), "project-arithmetic.allocation-sum").isEmpty)
        let context = try Self.edited("002", "七", "资金分配情况", "13.78", "13.87")
        let f = try #require(Self.findings(context, "project-arithmetic.allocation-sum").first)
        #expect(f.stated == Amount("24.05") && f.expected == Amount("24.14") && f.line == 1295)
    }

    /// The words around a figure that make it a rate per head or a bound, looked for in
    /// the characters before it (the last six for a bound) and at the start of those after.
    @Test func figureWords() {
        let figures = ProjectArithmeticRules.scan("共 9 万元，人均 30 元，每笔不超过 2 万元，高于规定的标准 1 万元，5 万元以内。")
        #expect(figures.map(\.printed) == ["9", "30", "2", "1", "5"])
        #expect(figures.map(\.isPerPerson) == [false, true, false, false, false])
        // 高于 is before the six characters in front of the 1: too far to bound it.
        #expect(figures.map(\.isBound) == [false, false, true, false, true])
        #expect(figures.map(\.isMoney) == [true, false, false, true, false])
    }

    @Test func boundsAndOpenListsAreNotAllocations() {
        func check(_ text: String, amount: String) -> [Finding] {
            let p = ProjectDescription(ordinal: "一", name: "测试项目", amount: Amount(amount),
                                       fields: [LabelledText(label: "资金分配情况", text: text, source: SourceLocation(line: 5))])
            let d = Disclosure(department: "测试局", year: 2025, format: .edition2024,
                               facts: ExplanationFacts(projects: [p]))
            return Self.findings(AuditContext(disclosure: d))
        }
        // Ceilings and floors are not parts of the amount.
        #expect(check("单次低于 500 元的按 500 元计，每笔上限不超过 20 万元，重大线索最高 20 万元。", amount: "1.00").isEmpty)
        // A list ending in 等 that falls short is only worth knowing.
        let open = check("主要用于宣传费 4 万元、网络使用费 2 万元等。", amount: "7.00")
        #expect(open.map(\.severity) == [.info])
        let closed = check("主要用于宣传费 4 万元、网络使用费 2 万元。", amount: "7.00")
        #expect(closed.map(\.severity) == [.error] && closed.first?.expected == Amount("6"))
    }

    @Test func countRateWithStandardField() throws {
        // 000 项目一: 50300 人 × 180 元/人 = 905.40 万元; 200 人 × 826.5 元/人 = 16.53 万元 (rates in 补贴标准).
        #expect(Self.findings(try AuditSeeds.context("000"), "project-arithmetic.count-rate").isEmpty)
        let context = try Self.edited("000", "一", "补贴标准", "180 元/人", "190 元/人")
        let f = try #require(Self.findings(context, "project-arithmetic.count-rate").first)
        #expect(f.severity == .warning && f.line == 1014 && f.section == "七")
        #expect(f.stated == Amount("905.40") && f.expected == Amount("955.70"))
        #expect(f.computation == "50300 人 × 190 元/人 = 9557000 元 = 955.7 万元")
    }

    @Test func countRateAgainstProjectAmount() throws {
        // 000 项目三: 6.00 万人 × 7.37 元 = 44.22, within the rounding of 6.00 万人 for 44.19.
        let context = try Self.edited("000", "三", "资金分配情况", "每人每年 7.37 元", "每人每年 7.47 元")
        let f = try #require(Self.findings(context, "project-arithmetic.count-rate").first)
        #expect(f.stated == Amount("44.19") && f.expected == Amount("44.82") && f.line == 1096)
    }

    @Test func productFormula() throws {
        // 002 项目四: 0.39 万元/月 × 12 月 = 4.68 万元.
        #expect(Self.findings(try AuditSeeds.context("002"), "project-arithmetic.formula").allSatisfy { $0.line != 1231 })
        let context = try Self.edited("002", "四", "资金分配情况", "=4.68", "=4.86")
        let f = try #require(Self.findings(context, "project-arithmetic.formula").first { $0.line == 1231 })
        #expect(f.severity == .error && f.stated == Amount("4.86") && f.expected == Amount("4.68"))
        #expect(f.computation == "0.39 × 12 = 4.68")
    }

    static func described(_ label: String, _ text: String, amount: String) -> [Finding] {
        let p = ProjectDescription(ordinal: "一", name: "测试项目", amount: Amount(amount),
                                   fields: [LabelledText(label: label, text: text, source: SourceLocation(line: 5))])
        let d = Disclosure(department: "测试局", year: 2025, format: .edition2024, facts: ExplanationFacts(projects: [p]))
        return Self.findings(AuditContext(disclosure: d))
    }

    /// A written product's tolerance at its boundary: 2 × 3 printed as 6 ± 0.005 is within the
    /// rounding of its result (a warning), 0.001 more an error.
    @Test func formulaBoundary() {
        func formula(_ result: String) -> [Severity] {
            Self.described("资金分配情况", "按 2 万元 × 3 = \(result) 万元 安排。", amount: result)
                .filter { $0.rule == "project-arithmetic.formula" }.map(\.severity)
        }
        #expect(formula("6").isEmpty)
        #expect(formula("6.004") == [.warning])
        #expect(formula("6.005") == [.warning])
        #expect(formula("5.995") == [.warning])
        #expect(formula("6.006") == [.error])
        #expect(formula("5.994") == [.error])
        // The same bound for a bracketed sum of products, 6 万（2*3）元.
        func bracket(_ result: String) -> [Severity] {
            Self.described("资金分配情况", "安排 \(result)万（2*3）元。", amount: result)
                .filter { $0.rule == "project-arithmetic.formula" }.map(\.severity)
        }
        #expect(bracket("6").isEmpty)
        #expect(bracket("6.004") == [.warning])
        #expect(bracket("6.005") == [.warning])
        #expect(bracket("5.995") == [.warning])
        #expect(bracket("6.006") == [.error])
        #expect(bracket("5.994") == [.error])
    }

    /// A count × rate's tolerance at its boundary: 100 人 × 100 元/人 is 1 万元; within 0.005
    /// of it nothing is said, beyond it the rule fires.
    @Test func countRateBoundary() {
        func countRate(_ amount: String) -> [Finding] {
            Self.described("资金分配情况", "为 100 人每人每年补助 100 元。", amount: amount)
                .filter { $0.rule == "project-arithmetic.count-rate" }
        }
        #expect(countRate("1.00").isEmpty)
        #expect(countRate("1.004").isEmpty)
        #expect(countRate("1.005").isEmpty)
        #expect(countRate("0.995").isEmpty)
        #expect(countRate("1.006").count == 1)
        #expect(countRate("0.994").count == 1)
    }

    @Test func bracketFormula() throws {
        // 002 项目九 prints 48万（40*0.19+32*1.22+20*0.06）元: 47.84, within the rounding of the counts.
        let seed = try #require(Self.findings(try AuditSeeds.context("002"), "project-arithmetic.formula").first)
        #expect(seed.severity == .warning && seed.stated == Amount("48") && seed.expected == Amount("47.84"))
        let context = try Self.edited("002", "九", "资金分配情况", "20*0.06", "20*0.6")
        let f = try #require(Self.findings(context, "project-arithmetic.formula").first)
        #expect(f.severity == .error && f.stated == Amount("48") && f.expected == Amount("58.64") && f.line == 1354)
        #expect(f.computation == "40 × 0.19 + 32 × 1.22 + 20 × 0.6 = 58.64")
        // Figures that give exactly the printed 48: silent.
        let exact = try Self.edited("002", "九", "资金分配情况", "20*0.06", "20*0.068")
        #expect(Self.findings(exact, "project-arithmetic.formula").isEmpty)
    }

    @Test func unitSlipInList() throws {
        // 001 项目一 prints 办公费 6.08 元 among amounts in 万元 that add up to 77.00 only in 万元.
        let f = try #require(Self.findings(try AuditSeeds.context("001"), "project-arithmetic.unit-slip").first)
        // Stated: 6.08 元 as printed, in 万元; expected: the figure corrected, 6.08 万元.
        #expect(f.line == 513 && f.stated == Amount("0.000608") && f.expected == Amount("6.08"))
        #expect(f.message.contains("：6.08 元应为 6.08 万元；"))
        #expect(f.computation == "6 + 0.000608（6.08 元） + 60.92 + 4 = 70.920608")
        let fixed = try Self.edited("001", "一", "资金分配情况", "6.08 元", "6.08 万元")
        #expect(Self.findings(fixed).isEmpty)
        let wrong = try Self.edited("001", "一", "资金分配情况", "6.08 元", "6.80 万元")
        let sum = try #require(Self.findings(wrong, "project-arithmetic.allocation-sum").first)
        #expect(sum.stated == Amount("77.00") && sum.expected == Amount("77.72"))
    }

    @Test func unitSlipInFormula() throws {
        // 002 项目八 prints 2.38元*12月=28.56万元.
        let f = try #require(Self.findings(try AuditSeeds.context("002"), "project-arithmetic.unit-slip").first)
        #expect(f.line == 1311 && f.stated == Amount("0.000238") && f.expected == Amount("2.38"))
        #expect(f.message.contains("：2.38 元应为 2.38 万元；"))
        let fixed = try Self.edited("002", "八", "资金分配情况", "2.38元", "2.38万元")
        #expect(Self.findings(fixed, "project-arithmetic.unit-slip").isEmpty)
        #expect(Self.findings(fixed, "project-arithmetic.formula").allSatisfy { $0.line != 1311 })
    }

    /// Every finding of the family on the seeds, each checked against the document.
    @Test func seeds() throws {
        typealias Expected = (rule: String, severity: Severity, line: Int, stated: Amount?, expected: Amount?)
        let expected: [String: [Expected]] = [
            "000": [],
            // 办公费 6.08 元 should read 6.08 万元 (the rest add up to 77.00 only so).
            "001": [("project-arithmetic.unit-slip", .warning, 513, Amount("0.000608"), Amount("6.08"))],
            "002": [
                ("project-arithmetic.unit-slip", .warning, 1311, Amount("0.000238"), Amount("2.38")),   // 2.38元*12月=28.56万元
                ("project-arithmetic.formula", .warning, 1354, Amount("48"), Amount("47.84")),
            ],
            // 325348 人 × 180 元/人 = 5856.264 万元, printed 共计 5869.52 万元.
            "003": [("project-arithmetic.count-rate", .warning, 1156, Amount("5869.52"), Amount("5856.264"))],
            // 14.54 万人 × 6.18 元 = 89.8572 万元, outside the rounding of both for 90 万元.
            "004": [("project-arithmetic.count-rate", .warning, 1255, Amount("90"), Amount("89.8572"))],
        ]
        for (seed, list) in expected {
            let found = Self.findings(try AuditSeeds.context(seed))
            #expect(found.count == list.count, "\(seed): \(found.map(\.message))")
            for e in list {
                #expect(found.contains { $0.rule == e.rule && $0.severity == e.severity && $0.line == e.line && $0.stated == e.stated
                    && $0.expected == e.expected && $0.section == "七" }, "\(seed): \(e)")
            }
        }
    }
}
