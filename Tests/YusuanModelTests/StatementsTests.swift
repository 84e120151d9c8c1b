import Foundation
import Testing
import YusuanModel

/// 说明陈述: a section's amounts, shares and changes, read from its lines whenever
/// they are set.
@Suite struct StatementsTests {
    /// A section of the given printed lines, numbered from line 10 in steps of 2.
    static func section(_ lines: [String], located: Bool = true) -> ExplanationSection {
        ExplanationSection(number: "二", title: "关于测试局收入预算情况说明",
                           lines: lines.enumerated().map { Located($1, at: located ? SourceLocation(line: 10 + 2 * $0) : nil) },
                           source: located ? SourceLocation(line: 8) : nil)
    }

    private func a(_ text: String) -> Amount { Amount(text)! }

    @Test func anAmountItsShareAndAChangeWithItsReason() throws {
        let s = Self.section([
            "2. 一般公共预算 548.13 万元，占 82.89%，比上年预算增加 16.66 万元，",
            "增长 3.13%，主要原因是：人员增加，相应增加 2.00 万元。其他 1.5 万元。",
        ]).statements
        #expect(s.amounts.map(\.amount) == [a("548.13"), a("16.66"), a("2.00"), a("1.5")])
        let first = s.amounts[0]
        #expect(first.label == "一般公共预算" && first.source?.line == 10)
        #expect(first.share == StatedShare(percent: a("82.89"), places: 2, source: SourceLocation(line: 10)))
        #expect(s.amounts.map(\.isChange) == [false, true, false, false])
        #expect(s.amounts.map(\.inReason) == [false, false, true, false])
        #expect(s.plainAmounts.map(\.amount) == [a("548.13"), a("1.5")])
        #expect(s.amounts[3].label == "其他" && s.amounts[3].source?.line == 12)
        let change = try #require(s.changes.first)
        #expect(s.changes.count == 1)
        #expect(change.changeWord == "增加" && change.amount == a("16.66") && change.isIncrease)
        #expect(change.rateWord == "增长" && change.rate == a("3.13") && change.ratePlaces == 2 && change.rateIsIncrease)
        #expect(change.current == a("548.13") && change.previous == nil)
        #expect(change.reason == "人员增加，相应增加 2.00 万元")
        #expect(change.source?.line == 10)
    }

    @Test func aNumberWrappedAcrossLinesReadsWholeOnTheLineItStarts() {
        let s = Self.section(["收支总预算 1,", "297.28 万元。"]).statements
        #expect(s.amounts.map(\.amount) == [a("1297.28")])
        #expect(s.amounts[0].label == "收支总预算" && s.amounts[0].source?.line == 10)
    }

    @Test func thePreviousYearStatedInTheSentence() throws {
        let s = Self.section(["行政单位离退休 7.05 万元，上年预算数为 3.45 万元，比上年预算增加 3.60 万元，增长 104.35%。"])
        let change = try #require(s.statements.changes.first)
        #expect(change.current == a("7.05") && change.previous == a("3.45"))
    }

    /// A change whose sentence states no amount is of the last amount stated for its subject.
    @Test func theSubjectFindsThisYearsAmountInAnEarlierSentence() throws {
        let s = Self.section([
            "公务用车运行费 5.00 万元。公务接待费 1.00 万元。",
            "其中公务用车运行费比上年减少 1.00 万元，下降 16.67%。",
        ])
        let change = try #require(s.statements.changes.first)
        #expect(change.subject == "公务用车运行费")
        #expect(change.current == a("5.00") && !change.isIncrease && !change.rateIsIncrease)
        #expect(change.ratePlaces == 2 && change.source?.line == 12)
    }

    @Test func theRateKeepsTheDecimalsItIsPrintedWith() throws {
        let s = Self.section(["行政运行 225.40 万元，比上年预算增加 61.12 万元，增长 37.2%。"])
        #expect(try #require(s.statements.changes.first).ratePlaces == 1)
    }

    @Test func settingTheLinesReadsTheStatementsAgain() {
        var s = Self.section(["基本支出 15.19 万元。"])
        #expect(s.statements.amounts.map(\.amount) == [a("15.19")])
        s.lines[0].value = "基本支出 15.91 万元，比上年增加 0.72 万元，增长 4.74%。"
        #expect(s.statements.amounts.map(\.amount) == [a("15.91"), a("0.72")])
        #expect(s.statements.changes.map(\.current) == [a("15.91")])
        s.lines = []
        #expect(s.statements == SectionStatements())
    }

    /// A composed section has no lines to point to: its statements have no source.
    @Test func aComposedSectionHasStatementsWithoutSources() {
        let s = Self.section(["收入预算 100.00 万元，比上年增加 10.00 万元，增长 11.11%。"], located: false)
        #expect(s.statements.amounts.count == 2 && s.statements.amounts.allSatisfy { $0.source == nil })
        #expect(s.statements.changes.first?.current == a("100.00"))
    }

    @Test func statementsRoundTripThroughJSONAndAreReadWhereAbsent() throws {
        let s = Self.section(["一般公共预算 548.13 万元，占 82.89%，比上年预算增加 16.66 万元，增长 3.13%。"])
        let data = try JSONEncoder().encode(s)
        #expect(try JSONDecoder().decode(ExplanationSection.self, from: data) == s)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["statements"] != nil)
        object["statements"] = nil
        let without = try JSONSerialization.data(withJSONObject: object)
        #expect(try JSONDecoder().decode(ExplanationSection.self, from: without) == s)
    }

    /// A long section without a sentence end is read completely: every statement,
    /// each at its own line. (How its time grows is measured by benchmarks, not here.)
    @Test func aLongSectionWithoutSentenceEndsIsReadCompletely() {
        let input = (0..<5000).map {
            Located("项目\($0) \($0).00 万元，比上年增加 1.00 万元，增长 1.00%，", at: SourceLocation(line: $0 + 1))
        }
        let statements = SectionStatements(reading: input)
        #expect(statements.changes.count == 5000)
        #expect(statements.changes.last?.source?.line == 5000)
    }

    /// `normalize` takes out every kind of white space and unifies every bracket and quote,
    /// and returns a text holding none of them as it is.
    @Test func normalizeTakesOutSpacesAndUnifiesBracketsAndQuotes() {
        #expect(StatementGrammar.normalize("维修（护）费") == "维修(护)费")
        #expect(StatementGrammar.normalize("一般 公共\t预算\u{3000}拨款\u{A0}收入\u{2003}") == "一般公共预算拨款收入")
        #expect(StatementGrammar.normalize("〔2025〕【甲】［乙］｛丙｝[丁]{戊}") == "(2025)(甲)(乙)(丙)(丁)(戊)")
        #expect(StatementGrammar.normalize("“甲”‘乙’\"丙\"") == "\"甲\"\"乙\"\"丙\"")
        #expect(StatementGrammar.normalize("\u{85}\u{1680}\u{205F}\r\n") == "")
        #expect(StatementGrammar.normalize("行政运行2101") == "行政运行2101")
        #expect(StatementGrammar.normalize("其他（项）支出".dropFirst(2)) == "(项)支出")
        #expect(StatementGrammar.normalize("事业运行ＡＢ".dropLast(2)) == "事业运行")
        #expect(StatementGrammar.normalize("") == "")
    }

    /// A label loses its enumerator, the opening words in their order (其中, 主要用于,
    /// 包括, 用于) and a trailing (类), after its spaces and brackets are normalised.
    @Test func aLabelLosesItsEnumeratorOpeningWordsAndClass() {
        func label(_ text: String) -> String { StatementGrammar.label(ArraySlice(Array(text.utf16))) }
        #expect(label("其中 主要用于 办公费") == "办公费")
        #expect(label("用于其中办公费") == "其中办公费")
        #expect(label("（一）社会保障和就业支出（类）") == "社会保障和就业支出")
        #expect(label("2、 住房保障支出 【类】") == "住房保障支出")
        #expect(label("其中：(类)") == "：")
        #expect(label("(类)") == "")
        #expect(label("包括") == "")
    }
}
