import Testing
@testable import YusuanAudit
import YusuanModel

/// The audit's quicker look-ups held to the plain computations they replaced, on the seeds.
@Suite(.auditSeeds) struct LookupTests {
    /// `TextRules.firstOffset(onLine:in:)` finds the offset a scan over every offset finds,
    /// for every line of every section (and none for a line outside it).
    @Test func firstOffsetOfALine() throws {
        var checked = 0
        for seed in ["000", "001", "002", "003", "004"] {
            let context = try AuditSeeds.context(seed)
            for s in context.sections {
                let lines = Set(s.section.lines.compactMap { $0.source?.line }) .union([0, 1_000_000])
                for line in lines {
                    let scanned = (0..<s.joined.length).first { s.location(at: $0)?.line == line }
                    #expect(TextRules.firstOffset(onLine: line, in: s) == scanned, "\(seed) \(s.number) line \(line)")
                    checked += 1
                }
            }
        }
        #expect(checked > 500)
    }
}

/// Section titles are read without their spaces (any Unicode space, as `Character.isWhitespace` has them).
@Suite struct SectionTitleTests {
    @Test func titlesReadWithoutSpaces() {
        #expect(SectionKind(title: "三 公 经 费", number: "一", format: .edition2024) == .threePublic)
        #expect(SectionKind(title: "上年结转\u{3000}结余\n情况", number: "二", format: .edition2024) == .carryOver)
        #expect(SectionKind(title: "政府性\u{2003}基金预算支出", number: "二", format: .edition2024) == .fund)
        #expect(SectionKind(title: "其他", number: "三", format: .edition2024) == .expenditure)
        #expect(Text.withoutWhitespace(" 收 支\t总体\u{A0}情况\r\n") == "收支总体情况")
    }

    /// Every kind of white space is taken out, whichever byte leads it; a text without any is kept as it is.
    @Test func everyWhiteSpaceIsTakenOut() {
        for space in ["\t", " ", "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}", "\u{2028}", "\u{205F}", "\u{3000}"] {
            #expect(Text.withoutWhitespace("项目\(space)支出（类）") == "项目支出（类）")
        }
        #expect(Text.withoutWhitespace("一般公共预算“三公”经费支出情况说明") == "一般公共预算“三公”经费支出情况说明")
        #expect(SectionKind(title: "基本\u{1680}支出", number: "三", format: .edition2024) == .basic)
    }
}

/// An audit section's locations: a line's own, else the section's heading.
@Suite struct AuditSectionLocationTests {
    @Test func aPositionWithoutALocatedLineTakesTheHeading() {
        let heading = SourceLocation(line: 40)
        let section = ExplanationSection(number: "五", title: "一般公共预算", lines: [
            Located("本年 10.00 万元，"), Located("上年 8.00 万元。", at: SourceLocation(line: 42)),
        ], source: heading)
        let s = AuditSection(section, format: .edition2024)
        #expect(s.location(at: 0) == heading)
        #expect(s.location(at: 11) == heading)
        #expect(s.location(at: 12)?.line == 42)
        #expect(s.joined.includes("上年 8.00"))
        #expect(s.plainAmounts.map(\.amount) == [Amount("10.00"), Amount("8.00")])
        let composed = AuditSection(ExplanationSection(number: "五", title: "一般公共预算", lines: [Located("无")], source: nil),
                                    format: .edition2024)
        #expect(composed.location(at: 0) == nil)
    }
}

/// The marks that end a name said new, and characters that do not.
@Suite struct NameEndTests {
    @Test func marksEndANameSaidNew() {
        #expect("，。；：,.;:（(！？“”\"".utf16.allSatisfy(YearOnYearRules.endsName))
        #expect(!"新增办公设备、）)【 \u{3000}".utf16.contains(where: YearOnYearRules.endsName))
    }
}
