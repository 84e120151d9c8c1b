import Testing
@testable import YusuanRead
import YusuanModel

@Suite struct SourceTextTests {
    @Test func tabularFormStripsMarkupAndKeepsCells() {
        let text = "## 表 1\n\n<b>一、本年收入</b>\t<b>646.63</b>\t201 一般公共服务支出\t\n"
        let source = SourceText(text)
        #expect(source.form == .tabular)
        #expect(source.lines.count == 2)
        #expect(source.lines[0].text == "表 1")
        #expect(source.lines[0].isHeading)
        #expect(source.lines[1].cells == ["一、本年收入", "646.63", "201 一般公共服务支出", ""])
        #expect(source.lines[1].location.line == 3)
    }

    @Test func flattenedFormCountsPagesFromIndentedLines() {
        let text = " 第一部分\n\n正文\n 表 1\n标题\n 表 2\n"
        let source = SourceText(text)
        #expect(source.form == .flattened)
        #expect(source.lines.map(\.text) == ["第一部分", "正文", "表 1", "标题", "表 2"])
        #expect(source.lines.map { $0.location.page } == [1, 1, 2, 2, 3])
        #expect(source.lines.map(\.location.line) == [1, 3, 4, 5, 6])
    }

    @Test func tabularMarkupBulletsAndCellsComeOff() {
        let text = "## <b>表 1</b>\n- **编制部门：某县某局**\n\t- 合计\t<b>12.50</b>\t\n\t\t\n###   说明  \n"
        let source = SourceText(text)
        #expect(source.form == .tabular)
        #expect(source.lines.map(\.text) == ["表 1", "编制部门：某县某局", "- 合计 12.50", "说明"])
        #expect(source.lines.map(\.isHeading) == [true, false, false, true])
        // Each cell on its own: markup and a bullet come off a cell too; the line of empty cells is dropped.
        #expect(source.lines[2].cells == ["", "合计", "12.50", ""])
        #expect(source.lines.map(\.location.line) == [1, 2, 3, 5])
    }

    @Test func flattenedLinesAreTrimmedAndIndentedLinesStartPages() {
        let text = " 第一页\n\u{3000}正文  \n\n 第二页\r\n正文\n 第三页\n"
        let source = SourceText(text)
        #expect(source.form == .flattened)
        #expect(source.lines.map(\.text) == ["第一页", "正文", "第二页", "正文", "第三页"])
        #expect(source.lines.map(\.location.page) == [1, 1, 2, 2, 3])
        // Fewer than three indented lines: no page marks.
        #expect(SourceText(" 一\n二\n 三\n").lines.map(\.location.page) == [nil, nil, nil])
    }
}
