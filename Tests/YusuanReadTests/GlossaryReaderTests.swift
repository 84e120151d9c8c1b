import Testing
@testable import YusuanRead
import YusuanModel

@Suite struct GlossaryReaderTests {
    /// 第四部分 of a seed, read.
    private func glossary(_ seed: String) throws -> ([GlossaryEntry], Signature?) {
        let src = SourceText(try Seeds.text(seed))
        let layout = try Layout(src.lines)
        return GlossaryReader.read(src.lines[layout.glossary])
    }

    private func read(_ text: String) -> ([GlossaryEntry], Signature?) {
        GlossaryReader.read(SourceText(text).lines[...])
    }

    private let terms = ["财政拨款", "一般公共预算", "财政专户管理资金", "其他资金", "基本支出", "项目支出", "“三公”经费",
                         "机关运行经费"]

    // MARK: Hand-written pieces

    @Test func entriesWrapAndTakeEitherColon() {
        let (entries, signature) = read("""
            一、甲术语:指甲，其中:包括乙
            和丙。
            二、**乙术语**：指乙。
            三、丙术语：指丙，
            二、不是新条目。
            某某局
            2025 年 2月 14 日
            """)
        #expect(entries.map(\.number) == ["一", "二", "三"])
        #expect(entries.map(\.term) == ["甲术语", "乙术语", "丙术语"])
        #expect(entries[0].definition == "指甲，其中:包括乙和丙。")
        #expect(entries[2].definition == "指丙，二、不是新条目。")
        #expect(entries[1].source?.line == 3)
        #expect(signature == Signature(name: "某某局", date: "2025-02-14", source: SourceLocation(line: 6)))
    }

    @Test func aSignatureMayHaveNoDate() {
        let (entries, signature) = read("""
            一、甲术语：指甲。
            某某局
            """)
        #expect(entries.count == 1)
        #expect(entries[0].definition == "指甲。")
        #expect(signature?.name == "某某局")
        #expect(signature?.date == nil)
    }

    @Test func aDefinitionEndingTheDocumentIsNoSignature() {
        let (entries, signature) = read("""
            一、甲术语：指甲。
            二、乙术语：指乙，包括丙、丁。
            """)
        #expect(entries.count == 2)
        #expect(signature == nil)
    }

    @Test func datesNormalise() {
        #expect(GlossaryReader.date("2024 年 02 月 23 日") == "2024-02-23")
        #expect(GlossaryReader.date("2023 年 3 月 10 日") == "2023-03-10")
        #expect(GlossaryReader.date("二〇二五年二月十四日") == "2025-02-14")
        #expect(GlossaryReader.date("2025 年 13 月 1 日") == nil)
        #expect(GlossaryReader.date("截至 2025 年 2 月 1 日") == nil)
    }

    // MARK: Seeds

    @Test(.seeds, arguments: [("000", "尉犁县医疗保障局", "2025-02-14"),
                              ("001", "巴音郭楞蒙古自治州医疗保障局", "2025-02-12"),
                              ("002", "乌鲁木齐市医疗保障局", "2025-02-21"),
                              ("003", "库尔勒市医疗保障局", "2024-02-23"),
                              ("004", "新疆伊犁哈萨克自治州特克斯县医疗保障局", "2023-03-10")])
    func seed(_ seed: String, name: String, date: String) throws {
        let (entries, signature) = try glossary(seed)
        #expect(entries.map(\.number) == Array(Prose.numerals.prefix(8)))
        #expect(entries.map(\.term) == terms)
        // The definition is the printed one, wrapped lines joined: found whole in the
        // seed once its line breaks and spaces are removed.
        let flat = try Seeds.text(seed).filter { !$0.isWhitespace }
        #expect(entries[0].definition.hasPrefix("指由") && entries[0].definition.hasSuffix("财政拨款数。"))
        #expect(flat.contains(entries[0].definition.filter { !$0.isWhitespace }))
        #expect(entries[7].definition.hasSuffix("公务用车运行维护费及其他费用。"))
        #expect(!entries[7].definition.contains(name))
        #expect(signature?.name == name)
        #expect(signature?.date == date)
    }

    @Test(.seeds) func seedLocations() throws {
        let (entries, signature) = try glossary("000")
        #expect(entries.first?.source == SourceLocation(line: 1807, page: 27))
        #expect(entries[6].definition.hasPrefix("指部门（单位）因公出国（境）费"))
        #expect(signature?.source?.line == 1853)
        let (wrapped, _) = try glossary("004")
        let flat004 = try Seeds.text("004").filter { !$0.isWhitespace }
        #expect(wrapped[4].definition.hasPrefix("包括人员经费") && wrapped[4].definition.hasSuffix("对个人和家庭的补助。"))
        #expect(flat004.contains(wrapped[4].definition))
    }

    @Test func theTermEndsAtTheFirstColonThatIsACharacterOfItsOwn() {
        func split(_ text: String) -> String? { GlossaryReader.firstColon(text).map { String(text[..<$0]) } }
        #expect(split("财政拨款收入：指本级财政") == "财政拨款收入")
        #expect(split("基本支出:指为保障") == "基本支出")
        #expect(split("项目支出（含：专项）：指") == "项目支出（含")
        #expect(split("无冒号") == nil)
        // A colon joined to a mark is no colon: the next one is.
        #expect(split("甲:\u{301}乙：丙") == "甲:\u{301}乙")
    }
}
