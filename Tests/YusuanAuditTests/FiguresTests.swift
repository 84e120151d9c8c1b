import Testing
@testable import YusuanAudit
import YusuanModel

/// `Amount.printed`, the audit's own writing of an amount, prints what `description` does.
@Suite struct FiguresTests {
    @Test func printedIsTheDescription() {
        let units: [Int64] = [
            0, 1, -1, 9, 10, 100_000, 1_000_000, -1_000_000, 10_000, 12_300_000, 12_340_000, 12_345_600, 12_345_678,
            1_297_280_000, 100_000_000_000, -5_000, 999_999, 1_000_001, .max, .min, .min + 1,
        ]
        for u in units {
            let a = Amount(units: u)
            #expect(a.printed == a.description, "\(u)")
        }
        #expect(Amount("1297.28")!.printed == "1297.28")
        #expect(Amount("0.5")!.printed == "0.50")
        #expect(Amount("-0.000001")!.printed == "-0.000001")
        #expect(Amount(100).printed == "100.00")
    }

    /// Messages interpolate amounts through `printed`.
    @Test func messagesPrintAmountsAsTheirDescription() {
        let a = Amount("921.9")!
        #expect("表5 \(a) 万元" == "表5 921.90 万元")
        #expect(SumCheck.describe([Amount("1.5")!, Amount(-2)]) == "1.50 + -2.00")
        #expect(SumCheck.describe([Amount("1.5")!, .zero, Amount(3)]) == "1.50 + 0 + 3.00")
        #expect(SumCheck.describe([Amount(7)]) == "7.00" && SumCheck.describe([]) == "0")
    }
}
