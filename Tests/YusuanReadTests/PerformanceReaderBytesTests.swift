import Testing
@testable import YusuanRead
import YusuanModel

/// The performance reader's byte-level grammar: fragments, vocabulary and targets
/// are tested as UTF-8, not as Strings; these pin what the bytes must still mean.
@Suite struct PerformanceReaderBytesTests {
    typealias Vocabulary = PerformanceReader.IndicatorVocabulary

    static func flat(_ lines: String...) -> PerformanceReader.FlatRows {
        let source = lines.enumerated().map { SourceLine(text: $1, location: SourceLocation(line: $0 + 1)) }
        return PerformanceReader.FlatRows(ArraySlice(source))
    }

    static func bytes(_ text: String) -> ArraySlice<UInt8> { ArraySlice(text.utf8) }

    @Test func fragmentsAreSplitOnSpacesAndCompactedOfOtherSpaces() {
        // A full-width and a no-break space inside a word stay in its text, not in its compact text.
        let rows = Self.flat("名称 计划\u{3000}标准 下\u{00A0}一", "续行")
        #expect(rows.f.count == 4)
        #expect((0..<4).map(rows.string) == ["名称", "计划\u{3000}标准", "下\u{00A0}一", "续行"])
        #expect(String(decoding: rows.compactText(1), as: UTF8.self) == "计划标准")
        #expect(String(decoding: rows.compactText(2), as: UTF8.self) == "下一")
        #expect(rows.f.map(\.startsLine) == [true, false, false, true])
        #expect(rows.f.map(\.endsLine) == [false, false, true, true])
        #expect(rows.basisRun(in: 0..<4) == 1..<2)
        // Runs of fragments read as one text, without the spaces between them or a line break.
        #expect(String(decoding: rows.compactRun(2..<4), as: UTF8.self) == "下一续行")
        #expect(rows.join(0..<4) == "名称 计划\u{3000}标准 下\u{00A0}一续行")
    }

    @Test func aLabelGluedToANameIsCutFromIt() {
        var rows = Self.flat("满意度", "指标服务对象 满意度 >=90%")
        let labels = rows.readLabels(at: 0)
        #expect(labels.level2 == "满意度指标")
        #expect(labels.next == 1)
        #expect(rows.string(1) == "服务对象")
        #expect(rows.f[1].startsLine == false)
        // The run from the cut fragment reads from after the label.
        #expect(String(decoding: rows.compactRun(1..<3), as: UTF8.self) == "服务对象满意度")
        // A run across the cut is copied, not read through the label's bytes.
        #expect(String(decoding: rows.compactRun(0..<2), as: UTF8.self) == "满意度服务对象")
    }

    @Test func labelsOverSeveralFragments() {
        var rows = Self.flat("产出指", "标", "数量指标", "培训次数")
        let labels = rows.readLabels(at: 0)
        #expect(labels.level1 == "产出指标")
        #expect(labels.level2 == "数量指标")
        #expect(labels.next == 3)
        var other = Self.flat("培训", "次数")
        #expect(other.readLabels(at: 0).next == 0)
    }

    @Test func evidenceRunsAreCompleteOpenOrInvalid() {
        #expect(Vocabulary.evidenceState(Self.bytes("工作资料")) == .complete)
        #expect(Vocabulary.evidenceState(Self.bytes("工作资")) == .open)
        #expect(Vocabulary.evidenceState(Self.bytes("正式材料,工作")) == .open)
        #expect(Vocabulary.evidenceState(Self.bytes("原始凭证、会议纪要；验收资料")) == .complete)
        #expect(Vocabulary.evidenceState(Self.bytes("原始凭证，")) == .open)
        // A short word ending like an item counts; a long one or another word does not.
        #expect(Vocabulary.evidenceState(Self.bytes("培训文件")) == .complete)
        #expect(Vocabulary.evidenceState(Self.bytes("培训签到表")) == .invalid)
        #expect(Vocabulary.evidenceState(Self.bytes("全县年度培训工作文件")) == .invalid)
        #expect(Vocabulary.evidenceState(Self.bytes("签到表;工作资料")) == .invalid)
    }

    @Test(arguments: [
        ("＞", true), ("＞=10.2", true), ("=7.37元/", true), (">=95%", true), ("≥4个", true), ("<=8区（县、市）", true),
        ("＜=1,401方", true), ("==3", true), ("≤20万元", true), ("＝5次", true),
        ("", false), ("95%", false), (">>=3", false), ("=3天左右", false), ("=abc!", false), (">=", true), ("=3 次", false),
    ])
    func numericTargetPrefixes(_ text: String, _ expected: Bool) {
        #expect(Vocabulary.isNumericTargetPrefix(Self.bytes(text)) == expected)
    }

    @Test func weightsArePlainNumbersUpTo100() {
        for (text, expected) in [("20", true), ("3.5", true), ("100", true), ("100.5", false), ("1,0", false), ("２０", false), ("", false)] {
            #expect(Vocabulary.isWeight(text.utf8) == expected, "\(text)")
        }
    }

    @Test func qualitativeTargets() {
        #expect(Vocabulary.isQualitative(Self.bytes("有效减轻")))
        #expect(Vocabulary.isQualitative(Self.bytes("达标")))
        #expect(!Vocabulary.isQualitative(Self.bytes("达标率")))
        #expect(!Vocabulary.isQualitative(Self.bytes("减")))
    }

    @Test func headerWordsAreSpelledIgnoringSpaces() {
        #expect("一 级\u{3000}指标".compactEquals("一级指标"))
        #expect(!"一级指标 二级指标".compactEquals("一级指标"))
        #expect("一级指标 二级指标".compactBegins(with: "一级指标"))
        #expect("一级".compactBegins(with: "一级"))
        #expect(!"一".compactBegins(with: "一级"))
        #expect(!"二级指标".compactBegins(with: "一级"))
    }

    @Test func tidyCollapsesSpacesByTheirNeighbours() {
        #expect(PerformanceReader.tidy("经济  成本") == "经济成本")
        #expect(PerformanceReader.tidy("DRG  付费") == "DRG 付费")
        #expect(PerformanceReader.tidy(" 某县 2025 年 ") == "某县 2025 年")
        #expect(PerformanceReader.tidy("无空格") == "无空格")
    }

    @Test func headerAmountsTakeTheFirstNumber() {
        #expect(PerformanceReader.amount("其他 0") == Amount.zero)
        #expect(PerformanceReader.amount("：1,248.59 万元") == Amount("1248.59"))
        #expect(PerformanceReader.amount("无") == nil)
        #expect(PerformanceReader.amount(nil) == nil)
    }

    @Test func fullWidthDigitsStillMakeADate() {
        #expect(IndicatorTarget(parsing: "２０２５年１２月").date == "２０２５-１２")
        #expect(IndicatorTarget(parsing: "2025年3月").date == "2025-03")
        #expect(IndicatorTarget(parsing: "２０２５年３月５日前").date == "２０２５-0３-0５")
        #expect(IndicatorTarget(parsing: "≥２０２５年").date == nil)
        #expect(IndicatorTarget(parsing: "＞=１２次").number == nil)
    }
}

@Suite struct PerformanceHeaderTextTests {
    typealias Label = PerformanceReader.ProjectLabel

    @Test func labelsIgnoreSpacesColonsAndBracketWidths() {
        let header = PerformanceReader.HeaderText(Array(
            "项目名称：\u{3000}示例 项目 项目负责人 :\u{00A0}王五 项目资金（万元） 年度预算 总额 9.5 其中\t财政拨款 9.5".utf8))
        let values = header.values(for: Label.searched)
        #expect(values[Label.unit.rawValue] == nil)
        #expect(values[Label.project.rawValue] == "示例 项目")
        #expect(values[Label.owner.rawValue] == "王五")
        #expect(values[Label.funds.rawValue] == "")
        #expect(values[Label.total.rawValue] == "9.5")
        #expect(values[Label.fiscal.rawValue] == "9.5")
        #expect(values[Label.goal.rawValue] == nil)
    }

    @Test func normalisedScalars() {
        typealias Header = PerformanceReader.HeaderText
        func normalised(_ c: Unicode.Scalar) -> String { String(decoding: Header.needle(String(c)), as: UTF8.self) }
        for dropped: Unicode.Scalar in [" ", "\u{3000}", "\t", "\u{00A0}", ":", "："] {
            #expect(normalised(dropped) == "", "\(dropped.value)")
        }
        #expect(normalised("（") == "(")
        #expect(normalised("）") == ")")
        // Kept: among them scalars whose first bytes are those of U+3000, U+00A0 or ：.
        for kept: Unicode.Scalar in ["(", "a", "、", "，", "【", "目", "〇", "¡", "｛", "＂"] {
            #expect(normalised(kept) == String(kept))
        }
        #expect(Header.needle("项目 资金（万元）：") == Array("项目资金(万元)".utf8))
    }
}
