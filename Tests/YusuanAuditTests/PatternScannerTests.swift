import Foundation
import Testing
@testable import YusuanAudit
import YusuanModel
import YusuanRead

/// The hand scan of 五（三）'s items finds exactly what the patterns it stands for find.
@Suite struct PatternScannerTests {
    /// The pattern's matches over the whole text, as UTF-16 ranges of every group.
    static func patternMatches(_ regex: NSRegularExpression, _ text: String) -> [[Range<Int>]] {
        regex.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)).map { m in
            (0..<m.numberOfRanges).map { i in
                let r = m.range(at: i)
                return r.location..<(r.location + r.length)
            }
        }
    }

    static func expectSame(_ text: String) {
        let scanner = PatternScanner(units: Array(text.utf16))
        #expect(scanner.matches(withChange: false) == patternMatches(TextRules.itemPattern, text), "items of \(text)")
        #expect(scanner.matches(withChange: true) == patternMatches(YearOnYearRules.itemChange, text),
                "items with changes of \(text)")
        #expect(scanner.changes() == patternMatches(YearOnYearRules.changePattern, text), "changes of \(text)")
        #expect(scanner.anyChanges(from: 0, to: scanner.units.count) == patternMatches(YearOnYearRules.anyChange, text),
                "any changes of \(text)")
        #expect(scanner.statedNew() == patternMatches(YearOnYearRules.statedNew, text), "stated new of \(text)")
    }

    /// The list scans against the patterns they were (Swift's `Regex` for the lists of 二 and
    /// 六, ICU's for 主要用于), as UTF-16 offsets: where each starts, and its list.
    static func expectSameLists(_ text: String) throws {
        func offsets(_ r: Range<String.Index>) -> Range<Int> { r.lowerBound.utf16Offset(in: text)..<r.upperBound.utf16Offset(in: text) }
        let scanner = PatternScanner(units: Array(text.utf16))
        for word in ["收入预算包括", "支出预算包括"] {
            let m = text.firstMatch(of: try Regex(word + "\\s*[：:]\\s*([^。]*)"))
            let expected = m.map { ($0.range.lowerBound.utf16Offset(in: text), offsets($0.output[1].range!)) }
            let found = scanner.list(after: word)
            #expect(found?.start == expected?.0 && found?.list == expected?.1, "\(word) in \(text)")
        }
        let costs = text.matches(of: try Regex(
            "(人员经费|公用经费)\\s*(?:\(StatementGrammar.number))\\s*万\\s*元\\s*[，,]?\\s*主要包括\\s*[：:]?\\s*([^。]*)"))
        let scanned = scanner.costLists()
        #expect(scanned.map(\.kind) == costs.map { String($0.output[1].substring!) }, "costs in \(text)")
        #expect(scanned.map(\.start) == costs.map { $0.range.lowerBound.utf16Offset(in: text) }, "costs in \(text)")
        #expect(scanned.map(\.list) == costs.map { offsets($0.output[2].range!) }, "costs in \(text)")
        let uses = patternMatches(StatementGrammarText.regex("(?:主要)?(?:用于|包括)[：:]?([^。：:]+)"), text)
        let usesScanned = scanner.useLists()
        #expect(usesScanned.map(\.start) == uses.map(\.[0].lowerBound), "uses in \(text)")
        #expect(usesScanned.map(\.list) == uses.map(\.[1]), "uses in \(text)")
    }

    @Test(.auditSeeds) func seedListsMatchThePatterns() throws {
        for prefix in ["000", "001", "002", "003", "004"] {
            let d = try DisclosureReader.read(try AuditSeeds.text(prefix))
            for section in d.sections { try Self.expectSameLists(JoinedText(section.lines).text) }
        }
    }

    @Test func writtenListsMatchThePatterns() throws {
        let texts = [
            "收入预算包括 ：一般公共预算、政府性基金。支出预算包括:教育支出等",
            "收入预算包括一般公共预算。收入预算包括：单位资金",
            "人员经费 1,297.28 万元，主要包括：基本工资、津贴补贴。公用经费12万 元主要包括办公费；人员经费1234,567万元，主要包括：",
            "主要用于：A 1 万元、B 2 万元；主要包括：。用于:：包括X、Y主要用于",
        ]
        for text in texts { try Self.expectSameLists(text) }
    }

    @Test(.auditSeeds) func seedSectionsMatchThePatterns() throws {
        var items = 0
        for prefix in ["000", "001", "002", "003", "004"] {
            let d = try DisclosureReader.read(try AuditSeeds.text(prefix))
            for section in d.sections {
                let text = JoinedText(section.lines).text
                Self.expectSame(text)
                items += Self.patternMatches(TextRules.itemPattern, text).count
            }
        }
        // The seeds hold items to find, or the comparison says little.
        #expect(items > 20)
    }

    /// Texts written to make the patterns backtrack: spaces a name may take, names that run
    /// past a bracket, a 预算 that is not the amount's, numbers that are not enumerators, a
    /// change too far after its amount, and items run together.
    @Test func writtenTextsMatchThePatterns() {
        let texts = [
            "1、一般公共服务（类）人大事务（款）行政运行（项）：2025年预算数为644.71万元，比上年预算增加27.14万元，增长4.39%。",
            "2. 卫生健康支出 (类) 医疗保障管理事务 ( 款 ) 医疗保障经办事务（项） 预算为 2,046.50 万元。",
            "3、 （类）B（款）C（项）：预算数为 5 万元",
            "4、A（类）B（类）C（款）D（项）：上年预算为3万元，今年预算数为 12.5 万 元 ,较去年预算减少 1.5 万元。",
            "5、A（类）B（款）C（项）预算数是10万元，预算数为20万元，比上年增长 20万元",
            "金额27.14万元，2025年预算数为30万元。6、A（类）B（款）C（项）：预算数为 1,2345 万元，预算为 7 万元",
            "7、A（类）B（款）C（项）：预算数为8万元，比上年预算（一般公共预算）增加1万元",
            "8、A（类）B（款）C（项）：预算数为8万元，比上年一般公共预算资金安排的增加1万元",
            "9、A（类）B（款）C（项）：预算数为8万元10、D（类）E（款）F（项）：预算数为9万元，较上年下降2万元。",
            "11、A（类）B（款）C（项）：预算数为8万元；12、A（类）B（款）C（项）：预算为8万元，比去年減少 0.5 万元",
            "13、A（类）B（款）\u{3000}C（项）\u{3000}：\u{3000}预算数为\u{3000}8\u{3000}万元",
            "14、A%（类）B（款）C（项）预算数为1万元；15.B（类）C（款）D(项)：预算数为 2 万元",
        ]
        for text in texts { Self.expectSame(text) }
    }

    /// Changes and 新增 written to try the optional comparison, the words allowed before
    /// the change, commas, full-width signs and numbers that start inside a run of digits.
    @Test func writtenChangesMatchThePatterns() {
        let texts = [
            "比上年预算增加 27.14 万元，增长 4.39%，主要原因是人员增加。",
            "较去年减少1,234.5万元,下降 12％；比上年（一般公共预算）增加 1 万元，增长 2%",
            "比上年一般公共预算资金安排的增加1万元，增长1%，其中：A增加 0 万元，增长 0.00%；B 减少 0.42 万元，下降 100%。",
            "增加 0 万元 增长 0%減少3万元，下降5%下降 1 万元，减少 2%增长 3 万元",
            "本年 30.50 万元，比上年预算新增 20.00 万元，较去年新增加 1 万元。",
            "1234,567万元，比上年新增加 5 万元；12 万元比去年新增12万元；7万元，比上年一二三四五六七八九新增 1 万元",
            "15.19 万 元 ， 比 上年新增 15.19 万元，比上年新增万元",
        ]
        for text in texts { Self.expectSame(text) }
    }

    /// The project counts of 预算绩效情况 against the patterns they were, run as the rule ran
    /// them: on the text from `from` to `to` alone (the lookbehind sees nothing before it).
    @Test func writtenProjectCountsMatchThePatterns() {
        let total = StatementGrammarText.regex("项目共(?:计)?\\s*([0-9]+)\\s*个")
        let fiscal = StatementGrammarText.regex("(?<!非)财政拨款项目(?:共)?\\s*([0-9]+)\\s*个")
        let texts = [
            "本部门项目共 12 个，其中财政拨款项目 9 个，非财政拨款项目 3 个。",
            "项目共计\u{3000}7\t个", "项目共计个，项目共 3 个", "项目共 个；项目共 12", "项目共12 3个",
            "非财政拨款项目 2 个，财政拨款项目共 5 个。", "非财政拨款项目 2 个", "财政拨款项目共计 5 个",
            "财政拨款项目 4 个", "财政拨款项目 4", "项目共计 99999999999999999999 个", "",
        ]
        for text in texts {
            let units = Array(text.utf16)
            for from in [0, 1, 3] where from <= units.count {
                for to in [units.count, max(from, units.count - 2)] {
                    let piece = String(decoding: Array(units[from..<to]), as: UTF16.self)
                    for (regex, word, extra, notAfter) in [(total, "项目共", UInt16(0x8BA1), UInt16?.none),
                                                           (fiscal, "财政拨款项目", 0x5171, 0x975E)] {
                        let m = Self.patternMatches(regex, piece).first
                        let found = PatternScanner(units: units).count(word, extra: extra, notAfter: notAfter, from: from, to: to)
                        #expect(found?.start == m.map { $0[0].lowerBound + from }, "\(word) in \(piece)")
                        #expect(found?.digits == m.map { ($0[1].lowerBound + from)..<($0[1].upperBound + from) },
                                "\(word) in \(piece)")
                    }
                }
            }
        }
        // Counted in the text as printed: 项目共 12 个 at its start, 财政拨款项目 not after 非.
        let text = Array("非财政拨款项目 2 个，财政拨款项目共 5 个".utf16)
        #expect(PatternScanner(units: text).count("财政拨款项目", extra: 0x5171, notAfter: 0x975E, from: 0, to: text.count)
            .map { $0.start } == 12)
    }
}
