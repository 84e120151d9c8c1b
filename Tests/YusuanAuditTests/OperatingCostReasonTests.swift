import Testing
@testable import YusuanAudit
import YusuanModel

/// 机关运行经费的增减原因 (`wording.operating-cost-reason`): the operating cost is public
/// cost, so a change of it explained by staff costs alone is a warning.
@Suite struct OperatingCostReasonTests {
    typealias A = TextAudit
    static let rule = "wording.operating-cost-reason"

    /// The example (no error or warning) explains its decrease by office and travel costs; by
    /// staff costs alone it fires, once, at the change.
    @Test func onTheExample() throws {
        var d = try AuditExample.disclosure()
        A.edit(&d, line: 833, "主要是压减了办公费和差旅费", "主要原因是压减了办公费和差旅费")
        #expect(AuditExample.concerns(d).isEmpty)
        A.edit(&d, line: 833, "压减了办公费和差旅费", "退休 1 人，工资和社保缴费减少")
        let findings = AuditExample.concerns(d)
        #expect(findings.map(\.rule) == [Self.rule])
        let f = try #require(findings.first)
        #expect(f.severity == .warning && f.section == "十二" && f.line == 831 && f.stated == Amount("0.40"))
        #expect(f.message.contains("工资、社保"))
        // One word of public cost beside them lets the reason stand.
        A.edit(&d, line: 833, "社保缴费减少", "社保缴费减少，公用经费定额随之减少")
        #expect(A.findings(d, Self.rule).isEmpty)
    }

    /// 乌鲁木齐 (002) explains its 机关运行经费's increase of 4.30 by new staff's 人员经费、社保、
    /// 养老; naming the office costs they bring, it is silent.
    @Test(.auditSeeds) func seed002() throws {
        var d = try A.base("002")
        let f = try #require(A.findings(d, Self.rule).first)
        #expect(f.severity == .warning && f.section == "十二" && f.line == 1429 && f.stated == Amount("4.30"))
        A.edit(&d, line: 1429, "新录用干部职工，", "新录用干部职工，办公费、")
        #expect(A.findings(d, Self.rule).isEmpty)
    }

    /// The other seeds explain theirs by vehicles, 公用经费 or union dues and welfare: silent.
    @Test(.auditSeeds, arguments: ["000", "001", "003", "004"])
    func otherSeeds(_ seed: String) throws {
        #expect(A.findings(try A.base(seed), Self.rule).isEmpty)
    }
}
