import Foundation
import Testing
@testable import YusuanAudit
@testable import YusuanCompose
import YusuanModel
import YusuanRead
import YusuanRender

/// compose → render to the text form → read → the same tables, cell for cell.
@Suite struct RoundTripTests {
    @Test func theComposedExampleReadsBackCellForCell() throws {
        let budget = try Workbook.load(contentsOf: ComposedAuditTests.example.path, strict: true)
        let composed = try Composer.compose(budget)
        let text = TextRenderer().text(composed)
        let read = try DisclosureReader.read(text)
        #expect(Cells.records(read) == Cells.records(composed))
        #expect(Cells.records(composed).count == 268)
        #expect(read.department == composed.department && read.year == composed.year)
        #expect(read.tables.map(\.title) == composed.tables.map(\.title))
        #expect(read.tables.map { $0.emptyStatement?.value } == composed.tables.map { $0.emptyStatement?.value })
        #expect(read.sections.map(\.number) == composed.sections.map(\.number))
        #expect(read.sections.map(\.title) == composed.sections.map(\.title))
        #expect(read.glossary.map(\.term) == composed.glossary.map(\.term))
        var staffing = try #require(read.overview.staffing)
        staffing.source = nil
        #expect(staffing == composed.overview.staffing)
        #expect(read.ambiguities.isEmpty)
        // The text, read back, still passes the audit.
        let errors = Auditor.audit(read, lines: text.components(separatedBy: "\n"), document: "round trip")
            .findings.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))")
    }
}
