import Foundation
import Testing
@testable import YusuanAudit
import YusuanModel
import YusuanRead

/// text.project-count: the projects the 预算绩效情况 paragraph counts against table 7,
/// each mutation made in the printed text and the document read again.
@Suite struct ProjectCountTests {
    static let rule = "text.project-count"

    static func example(_ old: String, _ new: String) throws -> Disclosure {
        let text = try String(contentsOf: AuditExample.file, encoding: .utf8)
        precondition(text.contains(old), "the example does not hold \(old)")
        return try DisclosureReader.read(text.replacingOccurrences(of: old, with: new))
    }

    static func seed(_ prefix: String, _ old: String, _ new: String) throws -> AuditContext {
        let text = try AuditSeeds.text(prefix)
        precondition(text.contains(old), "seed \(prefix) does not hold \(old)")
        let edited = text.replacingOccurrences(of: old, with: new)
        return AuditContext(disclosure: try DisclosureReader.read(edited), lines: edited.components(separatedBy: "\n"))
    }

    static func findings(_ d: Disclosure) -> [Finding] {
        Auditor.audit(d, document: "t").findings.filter { $0.rule == rule }
    }

    @Test func statedTotalAgainstTable7() throws {
        #expect(Self.findings(try AuditExample.disclosure()).isEmpty)
        let found = Self.findings(try Self.example("排的项目共 3 个", "排的项目共 4 个"))
        #expect(found.count == 1)
        let f = try #require(found.first)
        #expect(f.severity == .error && f.section == "十二" && f.line == 869 && f.table == 7)
        #expect(f.stated == Amount(4) && f.expected == Amount(3))
        #expect(f.message == "预算绩效情况称项目 4 个，表7 列有项目 3 个")
        // One fewer is found as well.
        let fewer = Self.findings(try Self.example("排的项目共 3 个", "排的项目共 2 个"))
        #expect(fewer.map(\.stated) == [Amount(2)] && fewer.map(\.expected) == [Amount(3)])
    }

    @Test func table7RowRemoved() throws {
        var d = try AuditExample.disclosure()
        let t = try #require(d.tables.firstIndex { $0.kind == .projects })
        let r = try #require(d.tables[t].rows.lastIndex { $0.role == .project })
        d.tables[t].rows.remove(at: r)
        let f = try #require(Self.findings(d).first)
        #expect(f.stated == Amount(3) && f.expected == Amount(2) && f.line == 869)
    }

    /// A project printed on two rows (two functional codes) of one unit is one project.
    @Test func oneProjectOverTwoCodes() throws {
        var d = try AuditExample.disclosure()
        let t = try #require(d.tables.firstIndex { $0.kind == .projects })
        let r = try #require(d.tables[t].rows.lastIndex { $0.role == .project })
        var twin = d.tables[t].rows[r]
        let name = try #require(twin.key.rawValue.split(separator: "|").last.map(String.init))
        let unit = twin.key.rawValue.split(separator: "/").first.map(String.init) ?? ""
        twin.key = RowKey(rawValue: "\(unit)/2101501|\(name)")
        twin.code = "2101501"
        d.tables[t].rows.insert(twin, at: r + 1)
        #expect(Self.findings(d).isEmpty)
        // Another name is another project.
        twin.key = RowKey(rawValue: "\(unit)/2101501|另一个项目")
        twin.project = "另一个项目"
        d.tables[t].rows.insert(twin, at: r + 1)
        #expect(Self.findings(d).map(\.expected) == [Amount(4)])
    }

    /// A count of fiscal projects alone is not the count of table 7 (which holds every
    /// source's projects): no finding, whatever it says.
    @Test func fiscalCountAloneIsNotCompared() throws {
        let d = try Self.example("排的项目共 3 个，均设定了绩效目标，其中：", "排的财政拨款项目 5 个，均设定了绩效目标，其中：")
        #expect(d.facts.performanceSummary?.nonFiscalProjectCount == nil)
        #expect(Self.findings(d).isEmpty)
    }

    /// 库尔勒 states 财政拨款项目 5 个 and 非财政拨款项目 0个: table 7's five; its three
    /// carried-over projects (table 11) it states apart, so 5 to 8 are accepted.
    @Test(.auditSeeds) func fiscalAndNonFiscalCounts() throws {
        let c = try AuditSeeds.context("003")
        #expect(Self.findings(c.disclosure).isEmpty)
        #expect(Self.findings(try Self.seed("003", "当年财政拨款项目 5 个", "当年财政拨款项目 8 个").disclosure).isEmpty)
        let fewer = try Self.seed("003", "当年财政拨款项目 5 个", "当年财政拨款项目 4 个")
        let f = try #require(Self.findings(fewer.disclosure).first)
        #expect(f.line == 1332 && f.section == "十二" && f.stated == Amount(4) && f.expected == Amount(5))
        #expect(f.message == "预算绩效情况称项目 4 个，表7 列有项目 5 个，另表11 上年结转项目 3 个")
        let more = try Self.seed("003", "当年财政拨款项目 5 个", "当年财政拨款项目 9 个")
        #expect(Self.findings(more.disclosure).map(\.expected) == [Amount(8)])
        // A non-fiscal project is not in table 7: 8 fiscal + 1 non-fiscal is still within.
        let nonFiscal = try Self.seed("003", "款项目 0个", "款项目 1个")
        #expect(Self.findings(nonFiscal.disclosure).isEmpty)
        let both = try Self.seed("003", "当年财政拨款项目 5 个", "当年财政拨款项目 4 个")
        #expect(Self.findings(both.disclosure).count == 1)
    }

    /// 特克斯 (2023 tables, no table 11) counts 财政拨款项目 7 个 of 962.79 万元: table 7's five
    /// rows (886.29), the 90 project table 7 merges into another's row, and its 2022 project
    /// carried over as table 1's 76.50. Carried-over money with no table 11 to list its
    /// projects sets no upper bound; fewer than table 7's five is still an error, and without
    /// the carry-over seven is one.
    @Test(.auditSeeds) func carryOverWithoutTable11() throws {
        let c = try AuditSeeds.context("004")
        #expect(Self.findings(c.disclosure).isEmpty)
        let fewer = try Self.seed("004", "财政拨款项目 7 个", "财政拨款项目 4 个")
        #expect(Self.findings(fewer.disclosure).map(\.expected) == [Amount(5)])
        var none = c.disclosure
        TextAudit.set(&none, .overall, .appropriationCarryOver, .budgeted, nil)
        let f = try #require(Self.findings(none).first)
        #expect(f.line == 1391 && f.stated == Amount(7) && f.expected == Amount(5))
    }

    /// 尉犁县 says 项目共 3 个 of table 7's three (no carry-over); 巴州 of table 7's three and
    /// one carried-over project in table 11.
    @Test(.auditSeeds, arguments: [("000", 3), ("001", 4)]) func seedsWithThree(_ seed: String, _ most: Int) throws {
        #expect(Self.findings(try AuditSeeds.context(seed).disclosure).isEmpty)
        let edited = try Self.seed(seed, "项目共 3 个", "项目共 30 个")
        #expect(Self.findings(edited.disclosure).map(\.expected) == [Amount(most)])
        let fewer = try Self.seed(seed, "项目共 3 个", "项目共 2 个")
        #expect(Self.findings(fewer.disclosure).map(\.expected) == [Amount(3)])
    }
}
