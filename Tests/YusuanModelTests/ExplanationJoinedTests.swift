import Foundation
import Testing
@testable import YusuanModel

/// The joined text a section keeps of its lines, and what the audit asks of it.
@Suite struct ExplanationJoinedTests {
    static let lines = [Located("一般公共预算拨款 120.00 万元，比上年增加", at: SourceLocation(line: 7)),
                        Located("20.00 万元，增长 20.00%。其中 ：办公费", at: SourceLocation(line: 8))]

    /// The section's joined text is its lines joined; setting the lines joins and reads them again.
    @Test func aSectionKeepsItsLinesJoined() {
        var section = ExplanationSection(number: "四", title: "财政拨款", lines: Self.lines, source: SourceLocation(line: 6))
        #expect(section.joined.units == Array(Self.lines.map(\.value).joined().utf16))
        #expect(section.joined.location(at: 30)?.line == 8)
        #expect(section.statements.changes.count == 1)
        section.lines = [Located("基本支出 50.00 万元。", at: SourceLocation(line: 9))]
        #expect(section.joined.units == Array("基本支出 50.00 万元。".utf16))
        #expect(section.statements.changes.isEmpty)
        #expect(section.statements.amounts.map(\.amount) == [Amount("50.00")])
    }

    /// Decoded, a section has its joined text made again, and equals (and hashes as) the one encoded.
    @Test func aDecodedSectionJoinsItsLinesAgain() throws {
        let section = ExplanationSection(number: "四", title: "财政拨款", lines: Self.lines, source: SourceLocation(line: 6),
                                         paragraphStarts: [0])
        let data = try JSONEncoder().encode(section)
        #expect(!String(decoding: data, as: UTF8.self).contains("joined"))
        let decoded = try JSONDecoder().decode(ExplanationSection.self, from: data)
        #expect(decoded == section)
        #expect(decoded.hashValue == section.hashValue)
        #expect(decoded.joined.units == section.joined.units)
        var other = section
        other.title = "其他"
        #expect(other != section)
    }

    /// Byte searches of the joined text, with and without its spaces, and a search of its units.
    @Test func searchesOfTheJoinedText() throws {
        let joined = JoinedText(Self.lines)
        #expect(joined.includes("其中 ："))
        #expect(!joined.includes("其中："))
        #expect(joined.compactIncludes("其中：办公费"))
        #expect(!joined.compactIncludes("其中：印刷费"))
        let among = Array("其中".utf16)
        let at = try #require(joined.offset(of: among, from: 0, to: joined.length))
        #expect(joined.substring(at..<(at + 2)) == "其中")
        #expect(joined.offset(of: among, from: at + 1, to: joined.length) == nil)
        #expect(joined.offset(of: among, from: 0, to: at + 1) == nil)
        #expect(joined.offset(of: among, from: 0, to: at + 2) == at)
        #expect(joined.offset(of: among, from: -5, to: 1_000) == at)
        #expect(joined.offset(of: [], from: 3, to: 4) == 3)
    }

    /// A position before every located line has no location of its own.
    @Test func noLocationBeforeTheFirstLocatedLine() {
        let joined = JoinedText([Located("标题"), Located("正文", at: SourceLocation(line: 3))])
        #expect(joined.location(at: 0) == nil)
        #expect(joined.location(at: 2)?.line == 3)
    }

    /// Only 减少, 減少 and 下降 speak of less.
    @Test func wordsOfLess() {
        #expect(StatementGrammar.isIncrease("增加"))
        #expect(StatementGrammar.isIncrease("增长"))
        #expect(!StatementGrammar.isIncrease("减少"))
        #expect(!StatementGrammar.isIncrease("減少"))
        #expect(!StatementGrammar.isIncrease("下降"))
        #expect(StatementGrammar.isIncrease("下降了"))
    }
}
