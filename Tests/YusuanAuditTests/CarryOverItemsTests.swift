import Testing
@testable import YusuanAudit
import YusuanModel

/// 上年结转结余各项 (`text.carry-over`): each carried-over project the section lists with
/// its amount equals its row of table 11.
@Suite(.auditSeeds) struct CarryOverItemsTests {
    typealias A = TextAudit
    static let rule = "text.carry-over"

    /// 乌鲁木齐 (002) lists its three projects as table 11 prints them; one figure changed fires,
    /// at the project's row.
    @Test func seed002() throws {
        var d = try A.base("002")
        #expect(A.findings(d, Self.rule).isEmpty)
        A.edit(&d, line: 1410, "128.98 万元", "129.98 万元")
        let found = A.findings(d, Self.rule)
        #expect(found.count == 1)
        let f = try #require(found.first)
        #expect(f.severity == .error && f.section == "十一" && f.line == 1410 && f.table == 11)
        #expect(f.row == "2023 年医疗服务与保障能力提升补助资金" && f.column == "合计")
        #expect(f.stated == Amount("129.98") && f.expected == Amount("128.98"))
    }

    /// 库尔勒 (003): a name wrapped over two lines, with 〔〕 brackets, is still its row.
    @Test func seed003() throws {
        var d = try A.base("003")
        #expect(A.findings(d, Self.rule).isEmpty)
        A.edit(&d, line: 1266, "7.06 万元", "7.60 万元")
        let f = try #require(A.findings(d, Self.rule).first)
        #expect(f.line == 1266 && f.stated == Amount("7.60") && f.expected == Amount("7.06"))
        #expect(f.row?.hasPrefix("巴财社〔2022〕105 号") == true)
    }

    @Test(arguments: ["000", "001", "004"]) func otherSeeds(_ seed: String) throws {
        #expect(A.findings(try A.base(seed), Self.rule).isEmpty)
    }
}
