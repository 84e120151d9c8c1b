import Testing
import YusuanModel

@Suite struct SourceDocumentTests {
    @Test func linesAreCutAtBreaksAndLoseTheirCarriageReturns() {
        let d = SourceDocument(text: Array("一\r\n\n二 三\n四".utf8))
        #expect(d.lines.map(d.text(of:)) == ["一", "", "二 三", "四"])
        #expect(d.lines.map(\.number) == [1, 2, 3, 4])
        #expect(SourceDocument(text: Array("甲\n".utf8)).lines.count == 1)
        #expect(SourceDocument(text: Array("\r\n".utf8)).lines.map(\.range) == [0..<0])
        #expect(SourceDocument(text: []).lines.isEmpty)
    }
}
