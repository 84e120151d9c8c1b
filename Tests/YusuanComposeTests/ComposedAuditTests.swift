import Foundation
import Testing
@testable import YusuanAudit
@testable import YusuanCompose
import YusuanModel

/// The example workbook, composed, passes the whole audit: no error, and every
/// warning or note listed here with its reason.
@Suite struct ComposedAuditTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/demo-county-medical-insurance-2025.yaml")

    @Test func theComposedExamplePassesTheAudit() throws {
        let budget = try Workbook.load(contentsOf: Self.example.path, strict: true)
        let d = try Composer.compose(budget)
        #expect(Composer.placeholders(in: d).isEmpty)
        let findings = Auditor.audit(d, document: "example").findings
        // Each share is its own amount rounded (so that every printed share is exact);
        // their sum can then be 0.01 off 100, a rounding warning by the audit's own rule.
        // Growth from zero (the carry-over) is noted as the documents' convention.
        #expect(findings.map { "\($0.severity.rawValue) \($0.rule) \($0.section ?? "")" } == [
            "warning text.share-sum 二",
            "warning text.share-sum 五",
            "info year-on-year.from-zero 二",
        ])
    }

    @Test func aMissingReasonLeavesAVisiblePlaceholder() throws {
        var budget = try Workbook.load(contentsOf: Self.example.path)
        budget.reasons["item.2101501"] = nil
        let d = try Composer.compose(budget)
        let open = Composer.placeholders(in: d)
        #expect(open.count == 1)
        #expect(open.first?.hasPrefix("五：") == true && open.first?.contains("行政运行（项）") == true)
        #expect(Composer.neededReasons(budget).contains { $0.key == "item.2101501" && $0.figure == "previousYear.items.2101501" })
    }
}
