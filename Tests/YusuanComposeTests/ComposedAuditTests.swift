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
        // Each list of shares is rounded by largest remainder, so that it adds up to
        // exactly 100.00%; the share the method moves is 0.01 off its own half-up
        // rounding (二: 财政拨款结转 1.07 for 1.0751; 五: 社会保障和就业支出 3.51 for 3.515),
        // which text.share accepts. Growth from zero (the carry-over) is written 新增, with no rate.
        #expect(findings.map { "\($0.severity.rawValue) \($0.rule) \($0.section ?? "")" } == [])
        #expect(!findings.contains { $0.severity == .error || $0.severity == .warning })
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

    @Test func aMissingReasonIsListedWithItsField() throws {
        var budget = try Workbook.load(contentsOf: Self.example.path)
        #expect(Composer.missingReasons(budget).isEmpty)
        budget.reasons["item.2101501"] = nil
        budget.reasons["basic"] = " 。"
        let missing = Composer.missingReasons(budget)
        // One for each placeholder the text prints; a reason of nothing but 。 is missing too.
        #expect(missing.count == Composer.placeholders(in: try Composer.compose(budget)).count)
        #expect(missing.map(\.field).sorted() == ["reasons.basic", "reasons.item.2101501"])
        #expect(missing.first { $0.key == "item.2101501" }?.message
                == "reasons.item.2101501: previousYear.items.2101501 differs from this year and the change has no reason; the explanation prints 【待填写原因】")
    }
}
