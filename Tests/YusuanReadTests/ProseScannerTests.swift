import Foundation
import Testing
@testable import YusuanRead
import YusuanModel

/// 事实扫描: the hand-written scanner finds exactly what the patterns the readers
/// matched before it find on a `JoinedText` (`JoinedText.firstMatch`, windows
/// included), groups and all: on the seeds, and on many texts generated from the
/// pieces the facts are stated in.
@Suite struct ProseScannerTests {
    typealias G = StatementGrammar
    typealias Fact = ProseScanner.Fact

    static func regex(_ pattern: String) -> NSRegularExpression { try! NSRegularExpression(pattern: pattern) }

    /// The patterns, as the readers wrote them.
    static let patterns: [(Fact, NSRegularExpression)] = [
        (.operatingCost, regex(
            "机关运行经费(?:财政拨款)?预算(?:数)?(?:为)?" + G.amount
                + "(?:[，,。]?" + G.comparison + "(?:预算)?" + G.changeWord + "\\s*" + G.amount
                + "(?:\\s*[，,]?\\s*" + G.rateWord + "\\s*" + G.percent + ")?)?")),
        (.procurementTotal, regex("政府采购预算(?:为)?" + G.amount)),
        (.procurementGoods, regex("政府采购货物预算(?:为)?" + G.amount)),
        (.procurementWorks, regex("政府采购工程预算(?:为)?" + G.amount)),
        (.procurementServices, regex("政府采购服务预算(?:为)?" + G.amount)),
        (.reservedSMEs, regex("中小企业预留政府采购项目预算(?:金额)?(?:为)?" + G.amount)),
        (.reservedSmall, regex("小微企业预留政府采购项目预算(?:金额)?(?:为)?" + G.amount)),
        (.assetsHeading, regex("国有资产占用使用情况")),
        (.asOf, regex("截至(\\d{4})年(?:底|末|12月31日)")),
        (.building, regex("房屋(?:面积)?(\(G.number))平方米[，,]?价值" + G.amount)),
        (.vehicleStatement, regex("车辆(?:共)?\\d+辆[^。]*")),
        (.vehicleKind, regex("([\\p{Han}]+?)(?:共)?(\\d+)辆[，,]?价值" + G.amount)),
        (.furniture, regex("办公家具价值" + G.amount)),
        (.otherAssets, regex("其他资产价值" + G.amount)),
        (.over50, regex("(?<![\\d.])50万元(?:以上|及以上)(?:的)?大型设备(\\d+)台")),
        (.over100, regex("(?<![\\d.])100万元(?:以上|及以上)(?:的)?大型设备(\\d+)台")),
        (.purchase, regex("(?:未)?安排(?:购置)?(?:车辆|购置)")),
        (.noVehiclePurchase, regex("未安排(?:购置)?(?:公务)?车辆|未安排购置车辆")),
        (.vehiclePurchase, regex("购置(?:公务)?车辆(\\d+)辆")),
        (.performanceHeading, regex("预算绩效(?:管理)?情况")),
        (.overallTargets, regex("整体(?:预算)?绩效目标(\\d+)个[，,]?涉及(?:预算)?(?:金额|资金)" + G.amount)),
        (.projectTotal, regex("项目共(?:计)?(\\d+)个")),
        (.fiscalProjects, regex("(?<!非)财政拨款项目(?:共)?(?:(\\d+)个)?[，,]?涉及(?:预算)?(?:金额|资金)" + G.amount)),
        (.nonFiscalProjects, regex("非财政拨款项目(?:共)?(?:(\\d+)个)?[，,]?涉及(?:预算)?(?:金额|资金)" + G.amount)),
        (.noUnits, regex("无下属(?:预算)?单位")),
        (.unitCount, regex("下属(?:预算单位)?(\\d+)[家个](?:预算)?单位")),
        (.unitListIntro, regex("预算单位(?:包括|有)[：:]")),
        (.officeList, regex(
            "[下内]设(?:机构)?(\\d+)个(科室|股室|处室|内设机构|职能科室|部门|科|股|处)[^。；]*?分别(?:是|为)[：:]([^。；]*)")),
        (.authorized, regex("编制(?:人)?数(?:为)?(\\d+)(?:人|名)?")),
        (.actual, regex("实有(?:人数)?(?:为)?(\\d+)(?:人|名)?")),
    ] + ["在职", "退休", "离休"].map { label in
        (.headCount(label), regex("\(label)(?:人员)?(\\d+)(?:人|名)?(?:[，,、]?(?:比上年)?(增加|减少|減少)(\\d+)(?:人|名)?)?"))
    }

    static func ranges(_ m: NSTextCheckingResult) -> ProseScanner.Match {
        (0..<m.numberOfRanges).map { g in
            let r = m.range(at: g)
            return r.location == NSNotFound ? nil : r.location..<(r.location + r.length)
        }
    }

    /// Compares the scanner with the pattern on `text` from `start` to `end`; true
    /// where they found a match.
    static func compare(_ fact: Fact, _ regex: NSRegularExpression, _ text: JoinedText, _ scanner: ProseScanner,
                        from start: Int, to end: Int?) -> Bool {
        let bounded = end.map { scanner.prefix($0) } ?? scanner
        if fact == .vehicleKind {
            let expected = text.matches(regex, from: start, to: end).map(ranges)
            let found = bounded.matches(fact, from: start)
            #expect(found == expected, "\(fact) from \(start) to \(end ?? -1) in \(text.text.debugDescription)")
            return !expected.isEmpty
        }
        let expected = text.firstMatch(regex, from: start, to: end).map(ranges)
        let found = bounded.firstMatch(fact, from: start)
        #expect(found == expected, "\(fact) from \(start) to \(end ?? -1) in \(text.text.debugDescription)")
        return expected != nil
    }

    // MARK: - The seeds

    @Test(.enabled(if: Seeds.available, "needs ../shared/seeds"))
    func onTheSeedsTheScannerFindsWhatThePatternsFind() throws {
        for seed in ["000", "001", "002", "003", "004"] {
            let text = JoinedText(SourceText(try Seeds.text(seed)).lines, compact: true)
            let scanner = ProseScanner(text.units)
            var found = 0
            for (fact, regex) in Self.patterns {
                // From the start, from each match's start and just after it; up to the end and to a few points.
                let firsts = text.matches(regex).map { $0.range.location }
                let starts = [0, text.length / 3, text.length / 2] + firsts.prefix(4).flatMap { [$0, $0 + 1] }
                for start in starts {
                    for end: Int? in [nil, text.length * 3 / 4, firsts.first.map { $0 + 12 }] {
                        if Self.compare(fact, regex, text, scanner, from: start, to: end) { found += 1 }
                    }
                }
            }
            #expect(found > 100, "\(seed)")
        }
    }

    // MARK: - Generated texts

    /// The pieces: the words of the facts, digits of several scripts and widths,
    /// separators, punctuation, Han characters in and out of the Basic Plane, spaces.
    static let pieces = [
        "机关运行经费", "财政拨款", "预算", "数", "为", "万", "元", "万元", "，", ",", "。", "；", "、", "：", ":",
        "比上年", "较去年", "增加", "减少", "減少", "增长", "下降", "%", "％", "政府采购", "政府采购预算", "货物",
        "工程", "服务", "中小企业预留", "小微企业预留", "项目", "金额", "国有资产占用使用情况", "截至", "年", "底",
        "末", "12月31日", "房屋", "面积", "平方米", "价值", "车辆", "共", "辆", "一般公务用车", "其中", "办公家具",
        "其他资产", "50万元", "100万元", "以上", "及以上", "的", "大型设备", "台", "未", "安排", "购置", "公务",
        "预算绩效", "管理", "情况", "整体", "绩效目标", "个", "涉及", "资金", "项目共", "计", "非", "财政拨款项目",
        "无下属", "单位", "下属", "预算单位", "家", "包括", "有", "下设", "内设", "机构", "科室", "科", "股室",
        "处", "部门", "职能科室", "分别", "是", "编制", "人", "名", "实有", "人数", "在职", "退休", "离休", "人员",
        "1", "2", "0", "12", "2024", "1,234", "1，234", "3.5", ".", "5", "０", "５", "٣", "𝟙", "𠀀", "〇", "々",
        "ａ", "a", " ", "　", "\t", "\n",
    ]

    /// Sentences of each fact, pieces apart, to vary.
    static let sentences: [[String]] = [
        ["某局", "机关运行经费", "财政拨款", "预算", "数", "为", "12.5", " ", "万", "元", "，", "比上年", "预算", "增加",
         " ", "3", "万元", "，", "增长", " ", "1,234.5", "%", "。"],
        ["政府采购预算", "为", "8", "万元", "，", "政府采购货物预算", "2", "万元", "政府采购工程预算", "为", "1，234",
         "万元", "政府采购服务预算", "3", "万元", "中小企业预留政府采购项目预算", "金额", "为", "5", "万元", "，",
         "其中", "小微企业预留政府采购项目预算", "4", "万元", "。"],
        ["国有资产占用使用情况", "截至", "2024", "年", "底", "，", "房屋", "面积", "1,234", "平方米", "，", "价值",
         "30", "万元", "，", "车辆", "共", "3", "辆", "，", "价值", "60", "万元", "；", "其中", "：", "一般公务用车",
         "1", "辆", "，", "价值", "20", "万元", "，", "其他车辆", "共", "2", "辆", "价值", "40", "万元", "。",
         "办公家具价值", "5", "万元", "，", "其他资产价值", "6", "万元", "，", "50万元", "以上", "的", "大型设备", "2",
         "台", "，", "100万元", "及以上", "大型设备", "1", "台", "。", "未", "安排", "购置", "车辆", "，", "安排",
         "购置", "公务", "车辆", "2", "辆", "，", "50万元", "以上", "大型设备", "1", "台", "。"],
        ["预算绩效", "管理", "情况", "整体", "预算", "绩效目标", "1", "个", "，", "涉及", "预算", "金额", "100",
         "万元", "；", "项目共", "计", "5", "个", "，", "财政拨款项目", "共", "3", "个", "，", "涉及", "资金", "80",
         "万元", "；", "非财政拨款项目", "2", "个", "涉及", "金额", "20", "万元", "。"],
        ["某局", "无下属", "预算", "单位", "，", "下属", "预算单位", "2", "家", "预算", "单位", "，", "预算单位",
         "包括", "：", "内设", "机构", "4", "个", "职能科室", "，", "分别", "是", "：", "甲科", "、", "乙科", "。"],
        ["编制", "人", "数", "为", "12", "人", "，", "实有", "人数", "为", "10", "名", "，", "其中", "：", "在职",
         "人员", "8", "人", "，", "比上年", "增加", "1", "人", "；", "退休", "2", "名", "、", "减少", "1", "名", "；",
         "离休", "0", "人", "。"],
    ]

    /// A deterministic stream of numbers (a linear congruential generator).
    struct Stream {
        var state: UInt64 = 0x5EED
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    /// Variants of each sentence: each piece kept, dropped, replaced or preceded by
    /// another, now and then; some printed over two lines.
    static func texts(count: Int) -> [[String]] {
        var r = Stream()
        return (0..<count).map { n in
            let sentence = sentences[n % sentences.count]
            var pieces: [String] = []
            for piece in sentence {
                switch r.next(12) {
                case 0: break
                case 1: pieces.append(Self.pieces[r.next(Self.pieces.count)])
                case 2: pieces += [Self.pieces[r.next(Self.pieces.count)], piece]
                default: pieces.append(piece)
                }
            }
            let text = pieces.joined()
            let cut = r.next(3) == 0 ? text.index(text.startIndex, offsetBy: r.next(text.count + 1)) : text.endIndex
            return [String(text[..<cut]), String(text[cut...])]
        }
    }

    @Test func onGeneratedTextsTheScannerFindsWhatThePatternsFind() {
        var found: [String: Int] = [:]
        var r = Stream(state: 7)
        for lines in Self.texts(count: 3000) {
            for compact in [false, true] {
                let text = JoinedText(lines.map { Located($0) }, compact: compact)
                let scanner = ProseScanner(text.units)
                for (fact, regex) in Self.patterns {
                    let start = r.next(4) == 0 ? r.next(text.length + 1) : 0
                    let end = r.next(4) == 0 ? start + r.next(text.length - start + 1) : nil
                    if Self.compare(fact, regex, text, scanner, from: start, to: end) { found["\(fact)", default: 0] += 1 }
                }
            }
        }
        // Every fact is found on many texts, not only missed on all.
        for (fact, _) in Self.patterns { #expect(found["\(fact)", default: 0] > 30, "\(fact)") }
    }

    // MARK: - Lines

    /// The patterns of whole lines, as the readers wrote them, and the scans that replace them.
    static let linePatterns: [(String, NSRegularExpression, @Sendable (ProseScanner) -> ProseScanner.Match?)] = [
        ("projectStart", regex("^(?:[（(]\\s*([一二三四五六七八九十]+)\\s*[）)]|(\\d+)\\s*[.．、])\\s*项目名称\\s*[：:]\\s*(.*)$"),
         { $0.projectStart() }),
        ("listedUnit", regex("^\\d+[、.．]\\s*(\\S.*)$"), { $0.listedUnit() }),
        ("date", regex("^([0-9〇零一二三四五六七八九十○]{4})年([0-9〇零一二三四五六七八九十]{1,3})月([0-9〇零一二三四五六七八九十]{1,3})日$"),
         { $0.date() }),
    ]

    static let fieldPattern = regex("^([\\p{Han}]{2,12})\\s*[：:]\\s*(.*)$")

    /// `ExplanationReader.field`, matched on the bytes, finds the label and the
    /// trimmed text the pattern it replaces finds; true where the pattern matches.
    static func fieldMatchesPattern(_ line: String) -> Bool {
        let m = fieldPattern.firstMatch(in: line, range: NSRange(location: 0, length: line.utf16.count))
        let expected = m.map { m in (1...2).map { String(line[Range(m.range(at: $0), in: line)!]) } }
        let found = ExplanationReader.field(line)
        #expect(found?.0 == expected?[0] && found?.1 == expected?[1].trimmingSpaces(), "field in \(line.debugDescription)")
        return m != nil
    }

    /// The pieces of lines: openings, labels, numerals, the words of a date, and
    /// every kind of line terminator and space.
    static let linePieces = [
        "（", "(", "）", ")", "一", "十", "三", "1", "12", "５", "٣", "𝟙", ".", "．", "、", "：", ":", "项目名称", "项目",
        "资金来源", "补贴标准", "设立的政策依据", "某", "局", "𠀀", "々", "〇", "○", "零", "二〇二五", "2025", "年", "月", "日",
        "a", "%", " ", "　", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}",
        "\u{A0}",
    ]

    /// Lines of each kind, pieces apart, to vary.
    static let lineSentences: [[String]] = [
        ["（", "一", "）", "项目名称", "：", "某", "项目"], ["(", " ", "二", " ", ")", " ", "项目名称", " ", ":", " ", "某局"],
        ["6", ".", " ", "项目名称", "：", "某"], ["1", "2", "、", "项目名称", "：", ""],
        ["资金来源", "：", "某局", "。"], ["设立的政策依据", " ", ":", " ", "某"], ["补贴标准", "补贴标准", "：", "1", "%"],
        ["1", "、", "某局", "（", "本级", "）"], ["12", ".", " ", " ", "某中心"],
        ["2025", "年", "2", "月", "14", "日"], ["二〇二五", "年", "十", "二", "月", "三十一", "日"],
    ]

    @Test func onGeneratedLinesTheLineScansFindWhatThePatternsFind() {
        var r = Stream(state: 11)
        var found: [String: Int] = [:]
        for n in 0..<6000 {
            var pieces: [String] = []
            for piece in Self.lineSentences[n % Self.lineSentences.count] {
                switch r.next(10) {
                case 0: break
                case 1: pieces.append(Self.linePieces[r.next(Self.linePieces.count)])
                case 2: pieces += [piece, Self.linePieces[r.next(Self.linePieces.count)]]
                default: pieces.append(piece)
                }
            }
            let line = pieces.joined()
            for (name, regex, scan) in Self.linePatterns {
                let expected = regex.firstMatch(in: line, range: NSRange(location: 0, length: line.utf16.count)).map(Self.ranges)
                #expect(scan(ProseScanner(line: line)) == expected, "\(name) in \(line.debugDescription)")
                if expected != nil { found[name, default: 0] += 1 }
            }
            if Self.fieldMatchesPattern(line) { found["field", default: 0] += 1 }
        }
        #expect(found["field", default: 0] > 100)
        for (name, _, _) in Self.linePatterns { #expect(found[name, default: 0] > 100, "\(name)") }
    }

    @Test(.enabled(if: Seeds.available, "needs ../shared/seeds"))
    func onTheSeedsLinesTheLineScansFindWhatThePatternsFind() throws {
        var found = 0
        for seed in ["000", "001", "002", "003", "004"] {
            for line in SourceText(try Seeds.text(seed)).lines {
                for text in [line.text, line.text.trimmingSpaces(), JoinedText.compact(line.text)] {
                    for (name, regex, scan) in Self.linePatterns {
                        let expected = regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count))
                            .map(Self.ranges)
                        #expect(scan(ProseScanner(line: text)) == expected, "\(name) in \(text.debugDescription)")
                        if expected != nil { found += 1 }
                    }
                    if Self.fieldMatchesPattern(text) { found += 1 }
                }
            }
        }
        #expect(found > 100)
    }

    // MARK: - Classes

    /// Every scalar, as one string, and the scalars a pattern of one character matches in it.
    static func scalarsMatching(_ pattern: String) -> (all: [Unicode.Scalar], matched: Set<Int>) {
        let all = (0...UInt32(0x10FFFF)).compactMap(Unicode.Scalar.init)
        var string = ""
        string.unicodeScalars.append(contentsOf: all)
        let ns = string as NSString
        var offsets: [Int] = []
        var offset = 0
        for c in all {
            offsets.append(offset)
            offset += c.value > 0xFFFF ? 2 : 1
        }
        let index = Dictionary(uniqueKeysWithValues: offsets.enumerated().map { ($1, $0) })
        let matched = regex(pattern).matches(in: string, range: NSRange(location: 0, length: ns.length))
            .compactMap { index[$0.range.location] }
        return (all, Set(matched))
    }

    @Test func hanAndDigitsAreICUs() {
        let han = Self.scalarsMatching("\\p{Han}")
        #expect(han.matched.count > 90_000)
        for (n, c) in han.all.enumerated() where ProseScanner.isHan(c) != han.matched.contains(n) {
            Issue.record("\\p{Han} of U+\(String(c.value, radix: 16))")
        }
        let digits = Self.scalarsMatching("\\d")
        #expect(digits.matched.count > 500)
        for (n, c) in digits.all.enumerated() {
            let units = Array(String(c).utf16)
            if (ProseScanner(units).decimal(at: 0) == units.count) != digits.matched.contains(n) {
                Issue.record("\\d of U+\(String(c.value, radix: 16))")
            }
        }
    }
}
