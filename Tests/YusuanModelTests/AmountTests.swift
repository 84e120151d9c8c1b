import Foundation
import Testing
import YusuanModel

@Suite struct AmountTests {
    @Test func yuanToTheFenConvertExactlyToWan() throws {
        let yuan = try #require(Amount("31,214,205.80"))
        #expect(yuan.inWan(from: .yuan) == Amount("3121.42058"))
        #expect(yuan.inWan(from: .yuan).description == "3121.42058")
        #expect(Amount("87267272.44")!.inWan(from: .yuan).description == "8726.727244")
        #expect(Amount("171,915,169")!.inWan(from: .yuan).description == "17191.5169")
        #expect(Amount("10.71")!.inWan(from: .wan) == Amount("10.71"))
    }

    @Test func sixDecimalsAreHeldAndASeventhIsRefused() {
        #expect(Amount("0.000001")?.units == 1)
        #expect(Amount("0.0000001") == nil)
        #expect(Amount("1.5")?.description == "1.50")
        #expect(Amount("0")?.description == "0")
        #expect(Amount("-4.500")?.description == "-4.50")
    }

    /// What a printed number may be, and what it may not: one sign first, separators
    /// (`,` or the full-width `，`) between digits of the whole part, one point.
    @Test func printedNumbersAndWhatIsNotOne() {
        #expect(Amount("1，297.28") == Amount("1297.28"))
        #expect(Amount("1,297.28")?.units == 1_297_280_000)
        #expect(Amount("+3") == Amount("3"))
        #expect(Amount(Substring("x12.5").dropFirst()) == Amount("12.5"))
        for bad in ["", "-", "+", "--1", "1-", ",1", "，1", "1.2.3", "1.", ".5", "1.2,3", "1.2，3", "1 2", " 1", "１２",
                    "1\u{FF0E}5", "1\u{FF0D}", "1％"] {
            #expect(Amount(bad) == nil, "\(bad)")
        }
    }

    @Test func numbersTooLargeToHoldAreRefusedNotTrapped() {
        #expect(Amount("9,223,372,036,855") == nil)
        #expect(Amount("9223372") != nil)
        // The whole part fits; with its fraction the units would not.
        #expect(Amount("9223372036854.999999") == nil)
        #expect(Amount("-9223372036854.775807")?.units == -Int64.max)
    }

    @Test func checkedArithmeticReportsOverflowInsteadOfTrapping() {
        let big = Amount(units: Int64.max - 1)
        #expect(big.addingReportingOverflow(Amount(units: 2)).overflow)
        #expect(!big.addingReportingOverflow(Amount(units: 1)).overflow)
        #expect((-big).subtractingReportingOverflow(Amount(units: 3)).overflow)
        #expect(big.multipliedReportingOverflow(by: 2).overflow)
        #expect(Amount.checkedSum([big, Amount(units: 1)]) == Amount(units: Int64.max))
        #expect(Amount.checkedSum([big, big]) == nil)
        #expect(Amount(units: Int64.max).rounded(toPlaces: 2).units <= Int64.max)
        #expect(Amount(units: Int64.min).description == "-9223372036854.775808")
    }

    @Test func percentRoundsHalfAwayFromZeroAndNeverOverflows() throws {
        #expect(Amount("1")!.percent(of: Amount("3")!) == Amount("33.33"))
        #expect(Amount("2")!.percent(of: Amount("3")!) == Amount("66.67"))
        #expect(Amount("-2")!.percent(of: Amount("3")!) == Amount("-66.67"))
        #expect(Amount("1")!.percent(of: Amount("3")!, places: 1) == Amount("33.3"))
        #expect(Amount("1")!.percent(of: .zero) == nil)
        // A province-sized amount: 10⁶ × 10⁶ units would overflow 64 bits.
        let large = try #require(Amount("922,337,203.69"))
        #expect(large.percent(of: large) == Amount(100))
        #expect(large.percent(of: Amount("0.000001")!) == nil)
    }

    @Test func stepsAtEachPlace() {
        #expect(Amount.step(places: 2) == Amount("0.01"))
        #expect(Amount.halfStep(places: 2) == Amount("0.005"))
        #expect(Amount("2.345")!.rounded(toPlaces: 2) == Amount("2.35"))
        #expect(Amount("-2.345")!.rounded(toPlaces: 2) == Amount("-2.35"))
    }

    @Test func printedUnits() {
        #expect(MoneyUnit(printed: "单位：元") == .yuan)
        #expect(MoneyUnit(printed: "单位:万元") == .wan)
        #expect(MoneyUnit(printed: "编制单位") == nil)
    }

    /// An amount is a JSON number with as many decimals as it needs, and reads back
    /// to itself; the extremes encode without a trap.
    @Test(arguments: ["1297.28", "-3.5", "0", "0.000001", "921.93", "123456789012.345678"])
    func jsonNumber(_ printed: String) throws {
        let amount = try #require(Amount(printed))
        let json = String(decoding: try JSONEncoder().encode([amount]), as: UTF8.self)
        #expect(json == "[\(printed)]")
        #expect(try JSONDecoder().decode([Amount].self, from: Data(json.utf8)) == [amount])
    }

    @Test func extremesEncode() throws {
        let json = String(decoding: try JSONEncoder().encode([Amount(units: .min), Amount(units: .max)]), as: UTF8.self)
        #expect(json == "[-9223372036854.775808,9223372036854.775807]")
    }
}
