import Testing
@testable import YusuanAudit
import YusuanModel

/// 同比增减: the consistent statement stays silent, one changed word or figure fires.
@Suite(.auditSeeds) struct YearOnYearRulesTests {
    typealias A = TextAudit
    static let title = "关于测试局 2025 年一般公共预算当年拨款情况说明"

    static func statement(_ lines: [String]) -> Disclosure { A.document(section: "五", title: title, lines) }

    @Test func direction() throws {
        var d = try A.base("001")
        #expect(A.findings(d, "year-on-year.direction").isEmpty)
        A.edit(&d, line: 407, "增长 3.13%", "下降 3.13%")
        let f = try #require(A.findings(d, "year-on-year.direction").first)
        #expect(f.section == "二" && f.line == 407 && f.stated == Amount("3.13"))
        // The rate itself is still right for an increase of 16.66 on 548.13.
        #expect(A.findings(d, "year-on-year.rate").isEmpty)
    }

    @Test func rate() throws {
        var d = try A.base("001")
        #expect(A.findings(d, "year-on-year.rate").isEmpty)
        A.edit(&d, line: 425, "下降 1.74%", "下降 1.76%")
        let f = try #require(A.findings(d, "year-on-year.rate").first)
        #expect(f.section == "三" && f.line == 425 && f.severity == .error)
        #expect(f.stated == Amount("1.76") && f.expected == Amount("1.74"))
        #expect(f.computation == "8.34 / (471.13 + 8.34) × 100")
        var e = try A.base("001")
        A.edit(&e, line: 425, "下降 1.74%", "下降 1.75%")
        #expect(A.findings(e, "year-on-year.rate").first?.severity == .warning)
    }

    /// The rate's tolerance at its boundary: 20.00 on 80.00 is 25.00%; one hundredth off
    /// is a rounding warning, two an error.
    @Test func rateBoundary() {
        func rate(_ printed: String) -> [Severity] {
            A.findings(Self.statement(["基本支出 100.00 万元，比上年预算增加 20.00 万元，增长 \(printed)%。"]),
                       "year-on-year.rate").map(\.severity)
        }
        #expect(rate("25.00").isEmpty)
        #expect(rate("25.01") == [.warning])
        #expect(rate("24.99") == [.warning])
        #expect(rate("25.02") == [.error])
        #expect(rate("24.98") == [.error])
        // Printed to one decimal, judged at one: 0.1 off is a warning, 0.2 an error.
        #expect(rate("25.1") == [.warning])
        #expect(rate("25.2") == [.error])
    }

    /// The line of a wrapped statement is the line where 比上年 starts.
    @Test func wrappedLines() throws {
        var d = try A.base("000")
        A.edit(&d, line: 804, "降 0.35%", "降 0.53%")
        let f = try #require(A.findings(d, "year-on-year.rate").first)
        #expect(f.section == "二" && f.line == 802 && f.stated == Amount("0.53") && f.expected == Amount("0.35"))
        #expect(f.computation == "4.44 / (1248.59 + 4.44) × 100")
    }

    @Test func fromZero() throws {
        let ok = Self.statement(["基本支出 15.19 万元，比上年预算增加 15.19 万元，增长 100.00%。"])
        let f = try #require(A.findings(ok, "year-on-year.from-zero").first)
        #expect(f.severity == .warning && f.line == 10 && f.stated == Amount(100))
        #expect(A.findings(ok, "year-on-year.rate").isEmpty)
        let wrong = Self.statement(["基本支出 15.19 万元，比上年预算增加 15.19 万元，增长 90.00%。"])
        let g = try #require(A.findings(wrong, "year-on-year.rate").first)
        #expect(g.stated == Amount(90) && g.expected == Amount(100) && A.findings(wrong, "year-on-year.from-zero").isEmpty)
    }

    @Test func decreaseToZero() throws {
        let ok = Self.statement(["培训支出 0.00 万元，比上年预算减少 1.20 万元，下降 100.00%。"])
        #expect(A.ours(ok).isEmpty)
        let wrong = Self.statement(["培训支出 0.40 万元，比上年预算减少 1.20 万元，下降 100.00%。"])
        let f = try #require(A.findings(wrong, "year-on-year.rate").first)
        #expect(f.expected == Amount("75.00") && f.computation == "1.20 / (0.40 + 1.20) × 100")
    }

    @Test func noChange() throws {
        // The arithmetic holds; the wording is wording.unchanged's (持平).
        let ok = Self.statement(["公务接待费 0.00 万元，比上年预算增加 0.00 万元，增长 0.00%。"])
        #expect(A.ours(ok).map(\.rule) == ["wording.unchanged"])
        let wrong = Self.statement(["公务接待费 0.00 万元，比上年预算增加 0.00 万元，增长 5.00%。"])
        let f = try #require(A.findings(wrong, "year-on-year.rate").first)
        #expect(f.stated == Amount(5) && f.expected == .zero)
    }

    /// A rate printed with one decimal is judged at one decimal (37.2 for 37.205).
    @Test func printedPrecision() throws {
        let ok = Self.statement(["行政运行 225.40 万元，比上年预算增加 61.12 万元，增长 37.2%。"])
        #expect(A.ours(ok).isEmpty)
        let wrong = Self.statement(["行政运行 225.40 万元，比上年预算增加 61.12 万元，增长 37.5%。"])
        let f = try #require(A.findings(wrong, "year-on-year.rate").first)
        #expect(f.expected == Amount("37.2") && f.severity == .error)
    }

    /// On the example (no error or warning): a change restated as growth from nothing fires, once
    /// (the sources of 二, which still grow by 16.76 in all, no longer add up to it: the other
    /// finding the restatement makes).
    @Test func fromZeroOnTheExample() throws {
        var d = try AuditExample.disclosure()
        #expect(AuditExample.concerns(d).isEmpty)
        A.edit(&d, line: 701, "增加 13.66 万元，增长 2.06%", "增加 676.50 万元，增长 100.00%")
        let findings = AuditExample.concerns(d)
        #expect(findings.map(\.rule) == ["year-on-year.from-zero", "year-on-year.sum-of-changes"])
        let f = try #require(findings.first)
        #expect(f.severity == .warning && f.section == "三" && f.line == 701 && f.stated == Amount(100))
        #expect(f.message.contains("从零增长没有增长率"))
    }

    @Test func change() throws {
        let ok = Self.statement(["行政单位离退休 7.05 万元，上年预算数为 3.45 万元，比上年预算增加 3.60 万元，增长 104.35%。"])
        #expect(A.ours(ok).isEmpty)
        let wrong = Self.statement(["行政单位离退休 7.05 万元，上年预算数为 3.40 万元，比上年预算增加 3.60 万元，增长 104.35%。"])
        let f = try #require(A.findings(wrong, "year-on-year.change").first)
        #expect(f.line == 10 && f.stated == Amount("3.60") && f.expected == Amount("3.65") && f.computation == "7.05 − 3.40")
        // An increase larger than this year's amount.
        let larger = Self.statement(["行政单位离退休 2.00 万元，比上年预算增加 3.60 万元，增长 100.00%。"])
        let g = try #require(A.findings(larger, "year-on-year.change").first)
        #expect(g.stated == Amount("3.60") && g.expected == Amount("2.00"))
    }

    /// 三公 items without an amount in their sentence take the one stated for the same name.
    @Test func threePublicItems() throws {
        var d = try A.base("002")
        #expect(A.findings(d, "year-on-year.rate").isEmpty)
        A.edit(&d, line: 1400, "下降 60.00%", "下降 66.00%")
        let f = try #require(A.findings(d, "year-on-year.rate").first)
        #expect(f.section == "十" && f.expected == Amount("60.00") && f.computation == "0.30 / (0.20 + 0.30) × 100")
    }
}
