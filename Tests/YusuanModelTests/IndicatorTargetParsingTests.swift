import Testing
@testable import YusuanModel

/// 指标值 — a target's operator, number and unit, read on its UTF-8 bytes.
@Suite struct IndicatorTargetParsingTests {
    private func normalised(_ text: String) -> String {
        String(decoding: IndicatorTarget.normalisedOperators(text), as: UTF8.self)
    }

    @Test func operatorsBecomeASCIIAndEverySpaceGoes() {
        #expect(normalised("\u{3000}＞\u{2009}1,000.5\u{A0}％") == ">1,000.5%")
        #expect(normalised("≥ 95 %") == ">=95%")
        #expect(normalised("≤\t20\u{1680}万元") == "<=20万元")
        #expect(normalised("＝ 3 \u{85}次") == "=3次")
        #expect(normalised("＜\u{205F}\u{202F}\u{2028}2年") == "<2年")
        // Not a space to `Spaces.isWhitespace` (a zero-width space), and other text: kept.
        #expect(normalised("有效\u{200B}减轻") == "有效\u{200B}减轻")
        #expect(normalised("") == "")
    }

    @Test func theOperatorIsReadFromItsFirstBytes() {
        let greater = IndicatorTarget(parsing: "＞ 1,000.5 ％")
        #expect(greater.comparison == .greater)
        #expect(greater.number == Amount("1000.50"))
        #expect(greater.unit == "%")
        let atMost = IndicatorTarget(parsing: "< =0.7 万元")
        #expect(atMost.comparison == .atMost)
        #expect(atMost.number == Amount("0.7"))
        #expect(atMost.unit == "万元")
        #expect(IndicatorTarget(parsing: "≥90%").comparison == .atLeast)
        #expect(IndicatorTarget(parsing: "<3").comparison == .less)
        #expect(IndicatorTarget(parsing: "=100").unit == nil)
        // An operator without a number keeps no comparison; words keep none either.
        #expect(IndicatorTarget(parsing: "=").comparison == nil)
        #expect(IndicatorTarget(parsing: "有效减轻").comparison == nil)
        #expect(IndicatorTarget(parsing: "有效减轻").printed == "有效减轻")
    }
}
