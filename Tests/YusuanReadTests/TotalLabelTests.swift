import Testing
@testable import YusuanRead

/// 总计 / 合计 — a total row's label, alone or followed by a number, spaces aside.
@Suite struct TotalLabelTests {
    @Test func theWordAloneOrBeforeANumberIsATotal() {
        #expect(TableReader.isTotalLabel("合计"))
        #expect(TableReader.isTotalLabel(" 总 计 "))
        #expect(TableReader.isTotalLabel("合\u{3000}计 1,234.50 1,234.50"))
        #expect(TableReader.isTotalLabel("总计\u{A0}8"))
        // A number that is not ASCII: a full-width digit, a Chinese numeral.
        #expect(TableReader.isTotalLabel("合计 ３"))
        #expect(TableReader.isTotalLabel("合计一"))
    }

    @Test func theWordBeforeTextOrAfterAnythingIsNot() {
        #expect(!TableReader.isTotalLabel("合计（万元）"))
        #expect(!TableReader.isTotalLabel("总计 支出"))
        #expect(!TableReader.isTotalLabel("合计x"))
        #expect(!TableReader.isTotalLabel("本年合计"))
        #expect(!TableReader.isTotalLabel("合"))
        #expect(!TableReader.isTotalLabel(""))
    }
}
