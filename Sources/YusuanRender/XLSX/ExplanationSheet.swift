import YusuanModel

/// 情况说明 — the **情况说明** sheet: 第三部分 as text, each section's heading in
/// bold and its paragraphs one a row below it, wrapped in one wide column with
/// each row as tall as its text, so that the workbook carries the words the
/// tables are explained with. The text prints as text, without a grid.
enum ExplanationSheet {
    /// The sheet's name.
    static let name = "情况说明"

    /// The column's width, in column-width units.
    static let width = 80.0

    /// Whether the disclosure has an explanation for this sheet.
    static func applies(_ disclosure: Disclosure) -> Bool { !disclosure.sections.isEmpty }

    static func sheet(_ disclosure: Disclosure, strings: inout SharedStrings) -> String {
        var rows: [String] = []
        var r = 0
        func row(_ text: String, _ style: XLSXParts.Style) {
            r += 1
            let lines = RowHeights.lines(text, width: width)
            // A section's heading sits at the foot of a row a little taller than its text, apart from the section before.
            let height = style == .title ? " ht=\"24\" customHeight=\"1\""
                : style == .plainBold ? " ht=\"\(RowHeights.height(lines: lines) + 8)\" customHeight=\"1\""
                : RowHeights.attributes(lines: lines)
            rows.append("<row r=\"\(r)\"\(height)><c r=\"A\(r)\" s=\"\(style.rawValue)\" t=\"s\"><v>\(strings.index(text))</v></c></row>")
        }
        row(Outline.partTitles(disclosure)[2], .title)
        for section in disclosure.sections {
            row("\(section.number)、\(section.title)", .plainBold)
            for paragraph in section.paragraphs { row(paragraph, .plainText) }
        }
        return XLSXParts.worksheet(dimension: "A1:A\(max(r, 1))", widths: [Int(width)], rows: rows.joined(), landscape: false)
    }
}
