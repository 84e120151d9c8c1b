import Testing
@testable import YusuanRead
import YusuanModel

/// The prose readers' pieces read on UTF-8 bytes: what each answers, edge cases
/// included, as its former reading on characters answered.
@Suite struct ProseBytesTests {
    @Test func aNumberedPrefixIsUpToThreeNumeralsThenAMarkOfItsOwn() {
        func prefix(_ text: String) -> [String]? { Prose.numberedPrefix(text).map { [$0.0, $0.1] } }
        #expect(prefix("一、 关于某局") == ["一", "关于某局"])
        #expect(prefix("  十二 、说明 ") == ["十二", "说明"])
        #expect(prefix("\u{3000}\t三、标题\u{3000}") == ["三", "标题"])
        #expect(prefix("二十三、其他") == ["二十三", "其他"])
        #expect(prefix("一、（一）某") == ["一", "（一）某"])
        #expect(prefix("四、") == ["四", ""])
        #expect(prefix("一二三四、某") == nil)
        #expect(prefix("一般公共预算、其他") == nil)
        #expect(prefix("一 般、某") == nil)
        #expect(prefix("一") == nil)
        #expect(prefix("、一") == nil)
        #expect(prefix("") == nil)
        // A no-break space is no margin here, and a mark joined to 、 makes another character.
        #expect(prefix("\u{A0}一、某") == nil)
        #expect(prefix("一、\u{301}某") == nil)
        #expect(prefix("一\u{301}、某") == nil)
    }

    @Test func aMarkIsTheCharacterItselfOrOneCanonicallyEqual() {
        #expect(Prose.isMark("、", of: "、，"))
        #expect(Prose.isMark("，", of: "、，"))
        #expect(Prose.isMark("\u{37E}", of: ";"))  // GREEK QUESTION MARK is ; canonically
        #expect(!Prose.isMark("，\u{301}", of: "、，"))
        #expect(!Prose.isMark("科", of: "、，"))
        #expect(!Prose.isMark("7", of: "、，"))
        #expect(!Prose.isMark("：", of: "、，"))
    }

    @Test func widthCountsTwoForAWideCharacterOneForASCII() {
        #expect(Prose.width("") == 0)
        #expect(Prose.width("ab 1") == 4)
        #expect(Prose.width("预算") == 4)
        #expect(Prose.width("é·") == 4)
        #expect(Prose.width("𠀀a") == 3)
        // Longer than one lane of 127 bytes.
        #expect(Prose.width(String(repeating: "中", count: 300)) == 600)
        #expect(Prose.width(String(repeating: "a", count: 300) + "中") == 302)
    }

    @Test func theWrapWidthIsTheFifthWidestOfTheFullLines() {
        let full = String(repeating: "中", count: 20)  // 40 columns
        #expect(Prose.wrapWidth(Array(repeating: full, count: 10) + ["短"]) == 40)
        #expect(Prose.wrapWidth(["短", "也短"]) == nil)
        let wide = String(repeating: "中", count: 100)  // 200 columns
        #expect(Prose.wrapWidth(Array(repeating: "一二三四五六七八九十", count: 4) + [wide]) == nil)
        #expect(Prose.wrapWidth(Array(repeating: "一二三四五六七八九十", count: 5) + [wide]) == 20)
        #expect(Prose.wrapWidth([String(repeating: "中", count: 60)]) == 120)
        #expect(Prose.wrapWidth([String(repeating: "中", count: 60) + "a"]) == nil)
        #expect(Prose.wrapWidth(["一二三四五六七八九十", full, full, full, full]) == 40)
    }

    @Test func aLineWrapsWhenItFillsTheWidthAndDoesNotEndASentence() {
        let full = String(repeating: "中", count: 20)
        #expect(Prose.isWrapped(full, width: 40))
        #expect(Prose.isWrapped(" \u{3000}" + full + "  ", width: 40))
        #expect(!Prose.isWrapped(String(repeating: "中", count: 16), width: 40))
        #expect(Prose.isWrapped(String(repeating: "中", count: 17), width: 40))
        #expect(!Prose.isWrapped(full + "。", width: 40))
        #expect(Prose.isWrapped(full + "。", width: 40, inPoint: true))
        #expect(Prose.isWrapped(full + "；", width: 40, inPoint: true))
        #expect(!Prose.isWrapped(full + ";", width: 40))
        #expect(!Prose.isWrapped(full + "：", width: 40, inPoint: true))
        #expect(!Prose.isWrapped(full + ":", width: 40, inPoint: true))
        #expect(Prose.isWrapped(full + "，", width: 40))
        #expect(Prose.isWrapped(full + "𠀀", width: 40))
        #expect(!Prose.isWrapped(full, width: nil))
        #expect(!Prose.isWrapped("", width: 40))
    }

    @Test func withoutAWrapWidthEveryLineIsAParagraph() {
        #expect(Prose.paragraphStarts(["一行", "（一）二行", "三行"], wrap: nil) == [0, 1, 2])
    }

    @Test func aGroupOfALineIsSlicedFromTheLine() {
        let line = "（一）项目名称：é𠀀 某·项目\u{3000}1,2"
        let scanner = ProseScanner(line: line)
        let units = scanner.units
        func whole(_ i: Int) -> Bool { i == units.count || !UTF16.isTrailSurrogate(units[i]) }
        for lower in 0...units.count where whole(lower) {
            for upper in lower...units.count where whole(upper) {
                #expect(scanner.string(Optional(lower..<upper)) == String(decoding: units[lower..<upper], as: UTF16.self))
            }
        }
        #expect(scanner.string(Optional(8..<11)) == "é𠀀")
        #expect(scanner.string(nil) == nil)
    }

    @Test func aPointIsANumeralOrTwoDigitsInBracketsOrBeforeAMark() {
        for point in ["（ 一 ）某", "(1)", "（一）", "（十2）某", "12、某", "1.a", "\u{3000}（一）某", "\u{A0}1、某", "\t2．某"] {
            #expect(ExplanationSection.startsPoint(point), "\(point)")
        }
        for prose in ["（一二三四）某", "（一", "（）某", "（一 某）", "1.", "1.5", "1 、某", "１、某", "", "  ", "一、某"] {
            #expect(!ExplanationSection.startsPoint(prose), "\(prose)")
        }
    }
}
