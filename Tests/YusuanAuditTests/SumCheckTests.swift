import Testing
@testable import YusuanAudit
import YusuanModel

/// The tolerance of sums of rounded amounts, at its boundary: changing it fails here.
@Suite struct SumCheckTests {
    let parts = [Amount("1.00")!, Amount("2.00")!, Amount("3.00")!]

    @Test func exactSumsAreNoFinding() {
        #expect(SumCheck.judge(total: Amount("6.00")!, parts: parts) == nil)
    }

    @Test func threeParts万元AllowHalfAFenEach() throws {
        // n × 0.005 for n = 3 printed parts is 0.015: 0.01 is within it, 0.02 is not.
        let within = try #require(SumCheck.judge(total: Amount("6.01")!, parts: parts))
        #expect(within.severity == .warning && within.difference == Amount("0.01"))
        let beyond = try #require(SumCheck.judge(total: Amount("6.02")!, parts: parts))
        #expect(beyond.severity == .error)
        // Exactly at the bound: 0.015 is still rounding.
        #expect(SumCheck.judge(total: Amount("6.015")!, parts: parts)?.severity == .warning)
        #expect(SumCheck.judge(total: Amount("6.015001")!, parts: parts)?.severity == .error)
        #expect(SumCheck.judge(total: Amount("5.985")!, parts: parts)?.severity == .warning)
        #expect(SumCheck.judge(total: Amount("5.984999")!, parts: parts)?.severity == .error)
    }

    @Test func partsPrintedIn元AllowHalfA元Each() {
        // In 万元, half a 元 is 0.00005; three parts allow 0.00015.
        let yuan = [Amount("0.0001")!, Amount("0.0002")!, Amount("0.0003")!]
        #expect(SumCheck.judge(total: Amount("0.00075")!, parts: yuan, printedIn: .yuan)?.severity == .warning)
        #expect(SumCheck.judge(total: Amount("0.000751")!, parts: yuan, printedIn: .yuan)?.severity == .error)
        // The same gap in a 万元 table is well within its rounding.
        #expect(SumCheck.judge(total: Amount("0.000751")!, parts: yuan)?.severity == .warning)
    }
}
