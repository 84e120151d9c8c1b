import Testing
@testable import YusuanAudit
import YusuanModel

/// 增减合计 (`year-on-year.sum-of-changes`): the parts' changes add up to the whole's.
@Suite struct SumOfChangesTests {
    typealias A = TextAudit
    static let rule = "year-on-year.sum-of-changes"

    /// 五（一） and two 项 of 五（三）; the second item's decrease as given, its amount this year too.
    static func section(decrease: String, second: String = "50.00") -> Disclosure {
        A.document(section: "五", title: "关于测试局 2025 年一般公共预算当年拨款情况说明", [
            "基本支出 100.00 万元，比上年预算增加 10.00 万元，增长 11.11%。",
            "项目支出 50.00 万元，比上年预算减少 5.00 万元，下降 9.09%。",
            "1、一般公共服务支出（类）人大事务（款）行政运行（项）：预算数为 100.00 万元，较上年增加 10.00 万元，增长 11.11%。",
            "2、一般公共服务支出（类）人大事务（款）人大会议（项）：预算数为 \(second) 万元，较上年减少 \(decrease) 万元，下降 9.09%。",
        ])
    }

    /// Two items: within 2 × 0.005 of the whole's change is rounding (no finding), one fen
    /// beyond is an error at the first item's line.
    @Test func tolerance() throws {
        #expect(A.findings(Self.section(decrease: "5.00"), Self.rule).isEmpty)
        #expect(A.findings(Self.section(decrease: "5.01"), Self.rule).isEmpty)
        #expect(A.findings(Self.section(decrease: "4.99"), Self.rule).isEmpty)
        let f = try #require(A.findings(Self.section(decrease: "5.02"), Self.rule).first)
        #expect(f.severity == .error && f.section == "五" && f.line == 14)
        #expect(f.stated == Amount("5.00") && f.expected == Amount("4.98"))
        #expect(f.computation == "10.00 + -5.02 = 4.98（增加为正、减少为负）")
        #expect(A.findings(Self.section(decrease: "4.98"), Self.rule).map(\.expected) == [Amount("5.02")])
    }

    /// Items that do not make up the whole this year are not all the parts: not judged.
    @Test func incompleteParts() {
        #expect(A.findings(Self.section(decrease: "6.00", second: "40.00"), Self.rule).isEmpty)
        #expect(A.findings(Self.section(decrease: "6.00"), Self.rule).count == 1)
    }

    /// 尉犁县 (000): the twelve items' changes add up to 五（一）'s −4.75, and 二's two sources to
    /// 三's; one changed figure in either list fires.
    @Test(.auditSeeds) func seed000() throws {
        let d = try A.base("000")
        #expect(A.findings(d, Self.rule).isEmpty)
        var item = d
        A.edit(&item, line: 935, "减少 31.86 万元", "减少 30.86 万元")
        let f = try #require(A.findings(item, Self.rule).first)
        #expect(f.section == "五" && f.severity == .error && f.stated == Amount("-4.75") && f.expected == Amount("-3.75"))
        var source = d
        A.edit(&source, line: 802, "减少 4.44 万元", "减少 5.44 万元")
        let g = try #require(A.findings(source, Self.rule).first)
        #expect(g.section == "二" && g.line == 802 && g.stated == Amount("-4.75") && g.expected == Amount("-5.75"))
    }

    /// Every seed's lists add up within rounding (001's sixteen items miss by 0.02, 004's
    /// eleven by 0.01: last year's rounding).
    @Test(.auditSeeds, arguments: ["000", "001", "002", "003", "004"])
    func seeds(_ seed: String) throws {
        #expect(A.findings(try A.base(seed), Self.rule).isEmpty)
    }

    /// The example states no item's change: nothing to add up.
    @Test func example() throws {
        #expect(A.findings(try AuditExample.disclosure(), Self.rule).isEmpty)
    }
}
