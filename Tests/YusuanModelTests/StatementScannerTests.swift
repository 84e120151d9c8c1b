import Foundation
import Testing
@testable import YusuanModel

/// 陈述扫描: the hand-written scanner finds exactly what the grammar's patterns
/// find. The patterns are composed here from `StatementGrammar`'s fragments, as the
/// reader composed them before it scanned by hand, and run by ICU on texts drawn
/// from the pieces statements are made of.
@Suite struct StatementScannerTests {
    static let amountPattern = regex("(\(StatementGrammar.amount))(?:\(StatementGrammar.share))?")
    static let changePattern = regex("(?:\(StatementGrammar.comparison)[^0-9，。；,;]{0,8}?)?\(StatementGrammar.change)")
    static let reasonPattern = regex(StatementGrammar.reason)
    static let numberPattern = regex(StatementGrammar.number)
    static let enumeratorPattern = regex(
        "^(?:[0-9]+|[一二三四五六七八九十]+)[、.．)]|^\\((?:[0-9]+|[一二三四五六七八九十]+)\\)")
    static let innerEnumeratorPattern = regex("(?:^|[^0-9.])[0-9]+[、.．](?![0-9])")

    static func regex(_ pattern: String) -> NSRegularExpression { try! NSRegularExpression(pattern: pattern) }

    /// The pieces: digits and separators, units, the words of changes and reasons,
    /// punctuation, enumerators, and spaces of several kinds.
    static let pieces = [
        "1", "2", "3", "0", "12", "1234", ",", "，", ".", "．", "万", "元", "万元", "占", "%", "％",
        "比", "较", "上年", "去年", "预算", "增加", "减少", "減少", "增长", "下降", "持平",
        "。", "；", ";", "：", ":", "、", "(", ")", "类", "一", "十",
        "原因", "主要原因", "是", "为", "在于", "人员", "其中",
        " ", "　", "\t", "\n", "\u{0B}", "\u{85}", "\u{A0}",
    ]

    /// A deterministic stream of texts (a linear congruential generator: the same
    /// texts on every run).
    static func texts(count: Int, length: ClosedRange<Int>) -> [String] {
        var state: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        return (0..<count).map { _ in
            (0..<(length.lowerBound + next(length.count))).map { _ in pieces[next(pieces.count)] }.joined()
        }
    }

    static func ranges(_ m: NSTextCheckingResult) -> [Range<Int>?] {
        (0..<m.numberOfRanges).map { g in
            let r = m.range(at: g)
            return r.location == NSNotFound ? nil : r.location..<(r.location + r.length)
        }
    }

    static func matches(_ regex: NSRegularExpression, _ text: String) -> [NSTextCheckingResult] {
        regex.matches(in: text, range: NSRange(location: 0, length: text.utf16.count))
    }

    @Test func amountStatementsAreThePatternsMatches() {
        var nonEmpty = 0
        // Random texts, and texts built around an amount so that most hold one or nearly one.
        let numbers = ["12", "1,234", "1，234.5", "0.5", "12345", "1,23", "9.", "1234,567"]
        let around = Self.texts(count: 4000, length: 0...5).enumerated().map { i, noise in
            String(noise.prefix(3)) + numbers[i % numbers.count] + [" ", "", "　"][i % 3] + "万" + ["", " "][i % 2] + "元"
                + (i % 3 == 0 ? "，占" + numbers[(i / 3) % numbers.count] + "%" : "") + noise
        }
        for text in Self.texts(count: 4000, length: 1...14) + around {
            let expected = Self.matches(Self.amountPattern, text).map { m in
                let r = Self.ranges(m)
                return StatementScanner.AmountMatch(whole: r[1]!, number: r[2]!, share: r[3])
            }
            let found = StatementScanner(Array(text.utf16)).amountStatements()
            #expect(found == expected, "\(text.debugDescription)")
            if !expected.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty > 2000)
    }

    @Test func changeStatementsAreThePatternsMatches() {
        var nonEmpty = 0
        // Texts built around a change, so that most hold one or nearly one.
        let openings = ["比上年", "较去年", "比上年预算", "比上年预算数", "比去年同期实际", "比上年，", ""]
        for (i, tail) in Self.texts(count: 4000, length: 0...8).enumerated() {
            let noise = i % 4 == 0 ? tail : ""
            let text = openings[i % openings.count] + (i % 3 == 0 ? noise : "") + ["增加", "下降", "減少"][i % 3]
                + "1\(i % 10).5万元" + (i % 4 == 1 ? tail : "，") + ["增长", "减少"][i % 2]
                + (i % 5 == 0 ? "1,234" : "3") + "%" + tail
            let expected = Self.matches(Self.changePattern, text).map { m in
                let r = Self.ranges(m)
                return ChangeMatch(whole: r[0]!, changeWord: r[1]!, amount: r[2]!, rateWord: r[3]!,
                                                    rate: r[4]!)
            }
            let found = StatementScanner(Array(text.utf16)).changeStatements()
            #expect(found == expected, "\(text.debugDescription)")
            if !expected.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty > 500)
    }

    @Test func reasonOpeningsAreThePatternsAnchoredMatches() {
        var matched = 0
        for text in Self.texts(count: 3000, length: 1...6) {
            let u = Array(text.utf16)
            for limit in [u.count, u.count / 2] {
                let prefix = String(decoding: u[..<limit], as: UTF16.self)
                let expected = Self.reasonPattern.firstMatch(in: prefix, options: .anchored,
                                                             range: NSRange(location: 0, length: limit))
                    .map { $0.range.location + $0.range.length }
                #expect(StatementScanner(u).reasonOpening(at: 0, limit: limit) == expected, "\(prefix.debugDescription)")
                if expected != nil { matched += 1 }
            }
        }
        #expect(matched > 50)
    }

    @Test func enumeratorsAreThePatternsMatches() {
        var found = 0
        for text in Self.texts(count: 4000, length: 1...6) {
            let u = Array(text.utf16)
            let leading = Self.enumeratorPattern.firstMatch(in: text, options: .anchored,
                                                            range: NSRange(location: 0, length: u.count))
                .map { $0.range.location + $0.range.length }
            #expect(StatementScanner(u).leadingEnumerator() == leading, "\(text.debugDescription)")
            let inner = Self.matches(Self.innerEnumeratorPattern, text).last.map { $0.range.location + $0.range.length }
            #expect(StatementScanner(u).lastInnerEnumerator() == inner, "\(text.debugDescription)")
            if leading != nil || inner != nil { found += 1 }
        }
        #expect(found > 50)
    }

    @Test func theFirstNumberIsThePatternsFirstMatch() {
        for text in Self.texts(count: 2000, length: 1...8) {
            let compact = JoinedText.compact(text)
            let expected = Self.numberPattern.firstMatch(in: compact, range: NSRange(location: 0, length: compact.utf16.count))
                .flatMap { Amount((compact as NSString).substring(with: $0.range)) }
            #expect(StatementGrammar.firstAmount(in: text) == expected, "\(text.debugDescription)")
        }
    }

    /// A run of digits as long as a line can be is scanned once, not once from each digit.
    @Test func aLongRunOfDigitsEndsInOneMatch() {
        let text = String(repeating: "9", count: 200_000) + ",123万元"
        let found = StatementScanner(Array(text.utf16)).amountStatements()
        #expect(found.map(\.whole) == [199_997..<200_006])
    }
}
