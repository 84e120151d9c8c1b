import Testing
@testable import YusuanCompose
import YusuanModel

/// The wording the explanation is built from: shares that add up, growth from nothing.
@Suite struct PhrasesTests {
    static func percent(_ share: String) -> Amount? {
        Amount(share.replacingOccurrences(of: "占", with: "").replacingOccurrences(of: "%", with: ""))
    }

    @Test func sharesAddUpToExactlyOneHundred() throws {
        // Rounded one by one these give 94.36 + 4.57 + 1.08 = 100.01.
        let parts = [Amount("842.55")!, Amount("40.80")!, Amount("9.60")!]
        let shares = Phrases.shares(parts, of: Amount("892.95")!)
        #expect(shares == ["占94.36%", "占4.57%", "占1.07%"], "the hundredths go to the largest remainders")
        #expect(shares.compactMap(Self.percent).reduce(Amount.zero, +) == Amount(100))

        // Three equal thirds: 33.34 + 33.33 + 33.33, the first taking the tie.
        #expect(Phrases.shares([Amount(1), Amount(1), Amount(1)], of: Amount(3)) == ["占33.34%", "占33.33%", "占33.33%"])
        // Exact shares are left alone; a zero part has no share.
        #expect(Phrases.shares([Amount(3), Amount(1), .zero], of: Amount(4)) == ["占75.00%", "占25.00%", "占0.00%"])
        // Parts that do not make the total are each rounded on their own.
        #expect(Phrases.shares([Amount(1), Amount(1)], of: Amount(3)) == [Phrases.share(Amount(1), of: Amount(3)),
                                                                        Phrases.share(Amount(1), of: Amount(3))])
        // Many small parts of a large total still add up.
        let many = (1...37).map { Amount(units: Int64($0) * 1_234_567) }
        let total = try #require(Amount.checkedSum(many))
        #expect(Phrases.shares(many, of: total).compactMap(Self.percent).reduce(Amount.zero, +) == Amount(100))
    }

    @Test func growthFromNothingIsNew() {
        #expect(Phrases.change(from: .zero, to: Amount("9.60")!) == "比上年预算新增 9.60 万元（上年无此项预算）")
        #expect(Phrases.change(from: Amount(10), to: Amount(11)) == "比上年预算增加 1.00 万元，增长 10.00%")
        #expect(Phrases.change(from: Amount(10), to: Amount(10)) == "与上年预算持平")
        #expect(Phrases.change(from: nil, to: Amount(10)) == nil)
    }

    @Test func theComposedExampleSaysNew() throws {
        let budget = try Workbook.load(contentsOf: ComposedAuditTests.example.path, strict: true)
        let text = try Composer.compose(budget).sections.flatMap(\.lines).map(\.value).joined(separator: "\n")
        #expect(text.contains("新增 9.60 万元（上年无此项预算）"))
        #expect(!text.contains("增长 100.00%"))
    }
}
