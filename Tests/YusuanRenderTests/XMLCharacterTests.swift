import Foundation
import Testing
import YusuanModel
import YusuanRead
@testable import YusuanRender

/// 非法字符 — characters XML cannot hold (U+0000–U+0008, U+000B, U+000C,
/// U+000E–U+001F, U+FFFE, U+FFFF), read from a document, once made DOCX and XLSX
/// files that would not open; they are dropped, and the rest of the text kept.
@Suite struct XMLCharacterTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/demo-county-medical-insurance-2025.txt")

    static let hostile = "示例\u{FFFE}县\u{0}医疗\u{B}保障\u{1F}局\u{FFFF}"

    /// The example with the characters in its department's name and a table's first row name.
    static func disclosure() throws -> Disclosure {
        var d = try DisclosureReader.read(String(contentsOf: example, encoding: .utf8))
        d.department = hostile
        if !d.tables.isEmpty, !d.tables[0].rows.isEmpty { d.tables[0].rows[0].name = hostile }
        return d
    }

    /// True when no byte sequence of a character XML cannot hold is in `data`.
    static func holdsOnlyXMLCharacters(_ data: Data) -> Bool {
        let text = String(decoding: data, as: UTF8.self)
        return !text.unicodeScalars.contains { s in
            (s.value < 0x20 && s != "\t" && s != "\n" && s != "\r") || s == "\u{FFFE}" || s == "\u{FFFF}"
        }
    }

    @Test func escapeDropsThemAndKeepsTheRest() {
        #expect(escape(Self.hostile) == "示例县医疗保障局")
        #expect(escape("a\tb\nc\r<&>") == "a\tb\nc\r&lt;&amp;&gt;")
    }

    @Test(arguments: ["docx", "xlsx"])
    func theFileHoldsOnlyCharactersXMLAllows(format: String) throws {
        let renderer = try #require(Renderers.named(format))
        let parts = try unzip(try renderer.render(try Self.disclosure()))
        #expect(!parts.isEmpty)
        for (path, data) in parts where path.hasSuffix(".xml") || path.hasSuffix(".rels") {
            #expect(Self.holdsOnlyXMLCharacters(data), "\(format): \(path)")
        }
        let all = parts.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(all.contains("示例县医疗保障局"))
    }
}
