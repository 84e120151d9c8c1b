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

    @Test func charactersAtTheEdgesOfTheHanRangeKeepTheirUnitsAndOffsets() {
        // U+3FFF and U+A000 lie just outside the three-byte path of U+4000–U+9FFF.
        let lines = ["\u{3FFF}\u{4000}a\u{9FFF}", "\u{A000}说，明。"]
        let joined = JoinedText(lines.map { Located($0) })
        #expect(joined.units == [0x3FFF, 0x4000, 0x61, 0x9FFF, 0xA000, 0x8BF4, 0xFF0C, 0x660E, 0x3002])
        #expect(joined.substring(1..<2) == "\u{4000}")
        #expect(joined.substring(3..<5) == "\u{9FFF}\u{A000}")
        #expect(joined.lineIndex(at: 4) == 1)
        #expect(joined.clauseStart(before: 8) == 7)
        #expect(joined.sentenceStart(before: 9) == 9)
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
