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
}
