import Testing
@testable import YusuanAudit
import YusuanModel

/// 表述矛盾: silent where text and tables agree, firing once one word or cell contradicts.
@Suite(.auditSeeds) struct WordingRulesTests {
    typealias A = TextAudit

    /// `reasons` reads only a reason holding a mark of the contradicting kind.
    @Test func everyContradictingWordHoldsAMark() {
        func holdsMark(_ word: String, _ marks: [Unicode.Scalar]) -> Bool { word.unicodeScalars.contains(where: marks.contains) }
        #expect(WordingRules.decreaseWords.allSatisfy { holdsMark($0, WordingRules.decreaseMarks) })
        #expect(WordingRules.increaseWords.allSatisfy { holdsMark($0, WordingRules.increaseMarks) })
    }

    @Test func decreaseExplainedByIncrease() throws {
        var d = try A.base("001")
        let f = try #require(A.findings(d, "wording.reason-direction").first)
        #expect(f.section == "三" && f.line == 425 && f.stated == Amount("8.34") && f.severity == .error)
        A.edit(&d, line: 425, "相应增加人员工资", "相应减少人员工资")
        #expect(A.findings(d, "wording.reason-direction").isEmpty)
    }

    @Test func increaseExplainedByDecrease() throws {
        let title = "关于测试局 2025 年支出预算情况说明"
        let ok = A.document(section: "三", title: title, ["基本支出 100.00 万元，比上年预算增加 10.00 万元，增长 11.11%，主要原因是在职人员增加。"])
        #expect(A.ours(ok).isEmpty)
        let wrong = A.document(section: "三", title: title, ["基本支出 100.00 万元，比上年预算增加 10.00 万元，增长 11.11%，主要原因是在职人员减少。"])
        let f = try #require(A.findings(wrong, "wording.reason-direction").first)
        #expect(f.section == "三" && f.line == 10 && f.stated == Amount("10.00"))
    }

    /// A reason that says only that the years' projects differ names nothing; naming what
    /// fell is silent. An empty reason is as vague.
    @Test func reasonThatNamesNothing() throws {
        var d = try A.base("001")
        let f = try #require(A.findings(d, "wording.reason-vague").first)
        #expect(f.severity == .warning && f.section == "三" && f.line == 427 && f.stated == Amount("99.08"))
        A.edit(&d, line: 427, "的项目存在差异", "的专项行动项目资金减少")
        #expect(A.findings(d, "wording.reason-vague").isEmpty)

        let title = "关于测试局 2025 年支出预算情况说明"
        let named = A.document(section: "三", title: title, ["项目支出 90.00 万元，比上年预算减少 10.00 万元，下降 10.00%，主要原因是培训项目结束。"])
        #expect(A.findings(named, "wording.reason-vague").isEmpty)
        let empty = A.document(section: "三", title: title, ["项目支出 90.00 万元，比上年预算减少 10.00 万元，下降 10.00%，主要原因是。"])
        let e = try #require(A.findings(empty, "wording.reason-vague").first)
        #expect(e.line == 10 && e.message.contains("没有写原因"))
        let differ = A.document(section: "三", title: title, ["项目支出 90.00 万元，比上年预算减少 10.00 万元，下降 10.00%，主要原因是两年项目有所不同。"])
        #expect(A.findings(differ, "wording.reason-vague").map(\.line) == [10])
        // No change: nothing to explain.
        var example = try AuditExample.disclosure()
        #expect(A.findings(example, "wording.reason-vague").isEmpty)
        A.edit(&example, line: 701, "增长 2.06%，", "增长 2.06%，主要原因是与上年存在差异。")
        #expect(A.findings(example, "wording.reason-vague").map(\.line) == [701])
    }

    /// 001's carry-over lists 培训费 twice among the uses of one project; one name changed, silent.
    /// `isVague` reads the reason normalised (spaces out, quotes and brackets unified) and
    /// without its marks: a quoted name is a cause, spaces cannot hide a difference word.
    @Test func vagueReasonsReadNormalised() {
        #expect(WordingRules.isVague("两年 项目 存在 差异。"))
        #expect(WordingRules.isVague("，。 "))
        #expect(WordingRules.isVague("有所、不同"))
        #expect(!WordingRules.isVague("“甲项目”存在差异"))      // a quoted name (“ ” read as ")
        #expect(!WordingRules.isVague("项目存在差异，人员减少"))
        #expect(!WordingRules.isVague("项目安排不同"))
        // A reason without 差, 同, 变 or 致 is vague where it holds only spaces and marks.
        #expect(WordingRules.isVague(""))
        #expect(WordingRules.isVague(" \u{3000}；:\n、"))
        #expect(!WordingRules.isVague("（）"))
        #expect(!WordingRules.isVague("人员减少"))
        #expect(WordingRules.isVague("两年预算有所\u{3000}变化；"))
        #expect(WordingRules.isVague("口径不一致"))
    }

    /// A use's name is the words before its first ASCII digit, normalised, less a trailing 等, 约 or 共.
    @Test func useNames() {
        #expect(WordingRules.useName("培训费 12.00 万元") == "培训费")
        #expect(WordingRules.useName("会议费等约3万元") == "会议费")
        #expect(WordingRules.useName("２号楼维修（护）费5万元") == "２号楼维修(护)费")
        #expect(WordingRules.useName("12 万元") == "")
    }

    @Test func aUseListedTwice() throws {
        var d = try A.base("001")
        let f = try #require(A.findings(d, "wording.repeated-use").first)
        #expect(f.severity == .warning && f.section == "十一" && f.line == 559 && f.message.contains("“培训费”"))
        A.edit(&d, line: 559, "培训费 4 万元", "会议费 4 万元")
        #expect(A.findings(d, "wording.repeated-use").isEmpty)

        let title = "关于测试局 2025 年项目支出情况说明"
        func uses(_ list: String) -> [Finding] {
            A.findings(A.document(section: "七", title: title, ["资金分配情况：主要用于\(list)。"]), "wording.repeated-use")
        }
        #expect(uses("差旅费 1.00 万元、办公费 2.00 万元").isEmpty)
        #expect(uses("差旅费 1.00 万元、办公费 2.00 万元、差旅费 0.50 万元").map(\.line) == [10])
        #expect(uses("差旅费等 1.00 万元、差旅费 0.50 万元").count == 1)
        // Names without amounts, and clauses that repeat a word after a comma, are not uses listed twice.
        #expect(uses("差旅费、差旅费").isEmpty)
        #expect(uses("标准 32 元，人数 10 人；标准 40 元").isEmpty)
        #expect(uses("标准 32 元，人数 10 人，标准 40 元").isEmpty)
    }

    /// 持平 on the example: "与上年预算持平" is silent, "增加 0.00 万元，增长 0.00%" is a warning.
    @Test func unchangedSaidAsAChange() throws {
        var d = try AuditExample.disclosure()
        #expect(A.findings(d, "wording.unchanged").isEmpty)
        A.edit(&d, line: 821, "与上年预算持平", "比上年预算增加 0.00 万元，增长 0.00%")
        let findings = AuditExample.concerns(d)
        #expect(findings.map(\.rule) == ["wording.unchanged"])
        let f = try #require(findings.first)
        #expect(f.severity == .warning && f.section == "十" && f.line == 821 && f.stated == .zero)
        #expect(f.message.hasSuffix("写作增加 0 万元、增长 0%，没有变化，应写作“与上年持平”"))
        // A real change, or a decrease of nothing, is judged the same way.
        var e = try AuditExample.disclosure()
        A.edit(&e, line: 821, "与上年预算持平", "比上年预算减少 0.00 万元，下降 0.00%")
        #expect(A.findings(e, "wording.unchanged").count == 1)
    }

    @Test func notArranged() throws {
        var d = try A.base("000")
        #expect(A.findings(d, "wording.not-arranged").isEmpty)
        A.set(&d, .overall, .governmentFundOwn, .budgeted, "5.00")
        let f = try #require(A.findings(d, "wording.not-arranged").first)
        #expect(f.section == "二" && f.line == 814 && f.table == 1 && f.row == "本年收入/政府性基金预算拨款/政府性基金收入")
        #expect(f.stated == .zero && f.expected == Amount("5.00"))
        // 三公: the text says no reception costs were arranged.
        var e = try A.base("001")
        A.set(&e, .threePublicCosts, .reception, .total, "1.00")
        let g = try #require(A.findings(e, "wording.not-arranged").first)
        #expect(g.section == "十" && g.table == 10 && g.row == "公务接待费" && g.expected == Amount("1.00"))
    }

    static func addRow(_ d: inout Disclosure, _ kind: StandardTable, value: String) {
        let t = d.tables.firstIndex { $0.kind == kind }!
        var cells: [Cell?] = Array(repeating: nil, count: d.tables[t].columns.count)
        cells[0] = Cell(Amount(value)!)
        d.tables[t].rows.append(TableRow(key: .grandTotal, name: "合计", role: .total, cells: cells))
    }

    @Test func emptyTable() throws {
        var d = try A.base("000")
        #expect(A.findings(d, "wording.empty-table").isEmpty)
        Self.addRow(&d, .governmentFund, value: "5.00")
        let found = A.findings(d, "wording.empty-table")
        let f = try #require(found.first { $0.section == "八" })
        #expect(f.line == 1127 && f.table == 8 && f.expected == Amount("5.00"))
        // The table's own 空表说明 contradicts its rows as well.
        #expect(found.contains { $0.section == nil && $0.table == 8 && $0.line == 712 })
    }

    @Test func noCarryOver() throws {
        var d = try A.base("000")
        #expect(A.findings(d, "wording.no-carry-over").isEmpty)
        Self.addRow(&d, .carryOver, value: "3.50")
        let f = try #require(A.findings(d, "wording.no-carry-over").first)
        #expect(f.section == "十一" && f.line == 1161 && f.table == 11 && f.expected == Amount("3.50"))
        // Table 1 carrying a carry-over contradicts the sentence too.
        var e = try A.base("000")
        A.set(&e, .overall, .carryOver, .budgeted, "2.00")
        #expect(A.findings(e, "wording.no-carry-over").first?.table == 1)
    }
}
