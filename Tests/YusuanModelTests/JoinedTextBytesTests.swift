import Testing
@testable import YusuanModel

/// The joined text built from the lines' bytes, and the decimals of a printed number.
@Suite struct JoinedTextBytesTests {
    @Test func compactTextKeepsTheRunsBetweenSpaces() {
        let lines = [" 关于 2025 年\u{3000}", "预算\u{A0}说明：增长 5%；", "", "\t𠀀 尾"]
        let joined = JoinedText(lines.map { Located($0) }, compact: true)
        #expect(joined.text == "关于2025年预算说明：增长5%；𠀀尾")
        #expect(joined.length == joined.text.utf16.count)
        #expect(joined.units == Array(joined.text.utf16))
        #expect(joined.substring(2..<6) == "2025")
        #expect(joined.substring(17..<19) == "𠀀")
        #expect(joined.substring(17..<18) == "𠀀")
        #expect(joined.substring(0..<100) == joined.text)
        #expect(joined.lineIndex(at: 7) == 1)
        #expect(joined.lineIndex(at: 17) == 3)
        // Clause and sentence ends: ： at 11, % at 15, ； at 16.
        #expect(joined.clauseStart(before: 14) == 12)
        #expect(joined.clauseEnd(from: 12) == 15)
        #expect(joined.sentenceStart(before: 18) == 17)
        #expect(joined.sentenceStart(before: 16) == 0)
    }

    @Test func plainTextIsTheLinesJoined() {
        let lines = ["一、 收入 ", "合计 1,297.28 万元。"]
        let joined = JoinedText(lines.map { Located($0) })
        #expect(joined.text == lines.joined())
        #expect(joined.units == Array(lines.joined().utf16))
        #expect(joined.substring(9..<17) == "1,297.28")
        #expect(joined.amount(9..<17) == Amount("1297.28"))
        #expect(joined.amount(9..<14) == Amount("1297"))
        #expect(joined.amount(6..<8) == nil)
    }

    @Test func placesAreTheCharactersAfterThePoint() {
        #expect(StatementGrammar.places("12.5") == 1)
        #expect(StatementGrammar.places("1,297.28") == 2)
        #expect(StatementGrammar.places("12") == 0)
        #expect(StatementGrammar.places("12.") == 0)
        #expect(StatementGrammar.places("１２.５") == 1)
        #expect(StatementGrammar.places("3.1\r\n") == 2)
        #expect(StatementGrammar.places("3.é") == 1)
    }
}
