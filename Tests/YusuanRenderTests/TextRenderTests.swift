import Foundation
import Testing
import YusuanModel
import YusuanRead
@testable import YusuanRender

/// A read seed written in the text form reads back to the same tables.
@Suite struct TextRenderTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seeds")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seeds.path), "../shared/seeds is absent"),
          arguments: ["000", "001", "002", "003", "004"])
    func seedTablesSurviveTheTextForm(seed: String) throws {
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path).sorted()
            .first { $0.hasPrefix(seed) })
        let original = try DisclosureReader.read(String(contentsOf: Self.seeds.appendingPathComponent(name), encoding: .utf8))
        let again = try DisclosureReader.read(TextRenderer().text(original))
        #expect(Cells.records(again) == Cells.records(original))
        #expect(again.sections.map(\.number) == original.sections.map(\.number))
    }
}
