import Foundation
import Testing
@testable import YusuanModel

/// 连排文本的匹配: a pattern matched on the part of the text it can lie in finds
/// what it finds on the whole text within the same range.
@Suite struct JoinedTextMatchTests {
    @Test func theLeadingLiteralStopsWhereThePatternStopsBeingLiteral() {
        func literal(_ p: String) -> String { String(decoding: JoinedText.leadingLiteral(of: p), as: UTF16.self) }
        #expect(literal("政府采购预算(?:为)?([0-9]+)") == "政府采购预算")
        #expect(literal("项目共(?:计)?") == "项目共")
        #expect(literal("车辆共?\\d+辆") == "车辆")          // 共 is optional
        #expect(literal("截至(\\d{4})年") == "截至")
        #expect(literal("(?<!非)财政拨款项目") == "")         // a look-behind sees before the match
        #expect(literal("收入|支出") == "")                   // either word can open a match
        #expect(literal("预算(?:收入|支出)") == "预算")       // an alternative inside a group is fine
        #expect(literal("[下内]设") == "")
    }

    @Test func matchesInTheWindowAreTheMatchesInTheRange() throws {
        let lines = ["一、收入预算 1,297.28 万元，其中：政府采购预算为 12.5 万元；", "非财政拨款项目共 3 个，财政拨款项目共 2 个。",
                     "截至 2024 年底，车辆共 2 辆，价值 30.1 万元。政府采购预算为 8 万元。"]
        let text = JoinedText(lines.map { Located($0) }, compact: true)
        let patterns = ["政府采购预算(?:为)?([0-9.]+)万元", "(?<!非)财政拨款项目共([0-9]+)个", "截至([0-9]{4})年",
                        "车辆共?([0-9]+)辆", "政府|收入", "价值([0-9.]+)", "不在文中"]
        for pattern in patterns {
            let regex = try NSRegularExpression(pattern: pattern)
            for start in [0, 10, 40] {
                let range = NSRange(location: start, length: text.length - start)
                let expected = regex.matches(in: text.text, range: range).map { m in
                    (0..<m.numberOfRanges).map { m.range(at: $0) }
                }
                let found = text.matches(regex, from: start).map { m in (0..<m.numberOfRanges).map { m.range(at: $0) } }
                #expect(found == expected, "\(pattern) from \(start)")
                #expect(text.firstMatch(regex, from: start)?.range == expected.first?.first, "\(pattern) from \(start)")
            }
        }
    }
}
