import Foundation
import Testing
@testable import YusuanAudit
import YusuanModel
import YusuanRead

/// year-on-year.parts: the changes listed after 其中 add up to the change they belong to,
/// each mutation made in the printed text and the document read again.
@Suite struct ListedPartsTests {
    typealias A = TextAudit
    static let rule = "year-on-year.parts"

    static func seed(_ prefix: String, _ old: String, _ new: String) throws -> Disclosure {
        let text = try AuditSeeds.text(prefix)
        precondition(text.contains(old), "seed \(prefix) does not hold \(old)")
        return try DisclosureReader.read(text.replacingOccurrences(of: old, with: new))
    }

    static func findings(_ d: Disclosure) -> [Finding] {
        Auditor.audit(d, document: "t").findings.filter { $0.rule == rule }
    }

    /// 尉犁县 三公: 减少 0.42 万元, 其中 four items of which 公务用车运行费 减少 0.42. Four parts:
    /// a tolerance of 0.02 (a warning up to it, an error one fen beyond).
    @Test(.auditSeeds) func threePublicItemsOfSeed000() throws {
        #expect(Self.findings(try A.base("000")).isEmpty)
        let item = "\n务用车运行费减少 0.42 万元"
        func judged(_ value: String) throws -> Finding? {
            Self.findings(try Self.seed("000", item, "\n务用车运行费减少 \(value) 万元")).first
        }
        let one = try #require(try judged("0.43"))
        #expect(one.severity == .warning && one.section == "十" && one.line == 1145)
        #expect(one.stated == Amount("-0.42") && one.expected == Amount("-0.43"))
        #expect(one.message == "其中所列 4 项增减额合计 -0.43 万元，与总的增减额 -0.42 万元相差 0.01 万元")
        #expect(try judged("0.44")?.severity == .warning)   // exactly 4 × 0.005
        #expect(try judged("0.45")?.severity == .error)     // one fen beyond
        #expect(try judged("0.40")?.severity == .warning)
        #expect(try judged("0.39")?.severity == .error)
        let far = try #require(try judged("0.52"))
        #expect(far.severity == .error && far.expected == Amount("-0.52"))
    }

    /// 乌鲁木齐 三公: 减少 0.30 万元, 其中 公务接待费 减少 0.30; the heading changed instead.
    @Test(.auditSeeds) func headingOfSeed002() throws {
        #expect(Self.findings(try A.base("002")).isEmpty)
        let d = try Self.seed("002", "经费预算比上年预算减少0.30万元", "经费预算比上年预算减少0.40万元")
        let f = try #require(Self.findings(d).first)
        #expect(f.severity == .error && f.section == "十" && f.stated == Amount("-0.40") && f.expected == Amount("-0.30"))
    }

    @Test(.auditSeeds, arguments: ["001", "003", "004"]) func otherSeedsAreSilent(_ seed: String) throws {
        #expect(Self.findings(try A.base(seed)).isEmpty)
    }

    static let heading = "2025 年“三公”经费预算比上年预算减少 0.50 万元，下降 50.00%，"

    /// Increases count plus, decreases minus.
    @Test func signedParts() {
        let agree = A.document(section: "十", title: "“三公”经费", [
            Self.heading + "其中：公务接待费减少 0.60 万元，下降 60.00%；公务用车运行费增加 0.10 万元，增长 10.00%。"])
        #expect(Self.findings(agree).isEmpty)
        let wrong = A.document(section: "十", title: "“三公”经费", [
            Self.heading + "其中：公务接待费减少 0.60 万元，下降 60.00%；公务用车运行费减少 0.10 万元，下降 10.00%。"])
        let f = Self.findings(wrong).first
        #expect(f?.severity == .error && f?.expected == Amount("-0.70") && f?.line == 10)
    }

    /// Not judged where the list is not clearly the heading's parts, or a part is not read.
    @Test func onlyAClearList() {
        // A part printed without its rate: the list cannot be read in full.
        let partial = A.document(section: "十", title: "“三公”经费", [
            Self.heading + "其中：公务接待费减少 0.30 万元，下降 30.00%；公务用车运行费减少 0.10 万元。"])
        #expect(Self.findings(partial).isEmpty)
        // A reason between the change and 其中: the list is the reason's, not the change's parts.
        let reason = A.document(section: "十", title: "“三公”经费", [
            Self.heading + "主要原因是压减开支，其中：公务接待费减少 0.30 万元，下降 30.00%。"])
        #expect(Self.findings(reason).isEmpty)
        // Changes in the next sentence are not parts.
        let next = A.document(section: "十", title: "“三公”经费", [
            "2025 年“三公”经费预算比上年预算减少 0.50 万元，下降 50.00%。其中：公务接待费减少 0.30 万元，下降 30.00%。"])
        #expect(Self.findings(next).isEmpty)
        // Without 其中, consecutive changes are not parts.
        let plain = A.document(section: "十", title: "“三公”经费", [
            Self.heading + "公务接待费减少 0.30 万元，下降 30.00%。"])
        #expect(Self.findings(plain).isEmpty)
    }
}
