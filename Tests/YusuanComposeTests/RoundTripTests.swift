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

    /// The explanation says the performance-target tables are attached; the text form
    /// carries them, so they read back field for field and the audit finds every
    /// project's table (no completeness.project-performance).
    @Test func theTextCarriesThePerformanceTablesItsExplanationAttaches() throws {
        let budget = try Workbook.load(contentsOf: ComposedAuditTests.example.path, strict: true)
        let composed = try Composer.compose(budget)
        #expect(composed.performance.department != nil && composed.performance.projects.count == 3)
        let text = TextRenderer().text(composed)
        let read = try DisclosureReader.read(text)
        func located(_ p: PerformanceTargets) -> PerformanceTargets {
            var p = p
            if var department = p.department {
                department.source = nil
                department.indicators = department.indicators.map { var i = $0; i.source = nil; return i }
                p.department = department
            }
            p.projects = p.projects.map { t in
                var t = t
                t.source = nil
                t.indicators = t.indicators.map { var i = $0; i.source = nil; return i }
                return t
            }
            return p
        }
        #expect(located(read.performance) == located(composed.performance))
        let findings = Auditor.audit(read, lines: text.components(separatedBy: "\n"), document: "round trip").findings
        #expect(findings.map { "\($0.severity.rawValue) \($0.rule)" } == [])
    }
}
