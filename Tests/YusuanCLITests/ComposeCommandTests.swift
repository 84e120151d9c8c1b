import Foundation
import Testing

/// 待填原因 — `yusuan compose` tells the officer which reasons the workbook lacks:
/// a warning on standard error for each, naming the field, and a list in the
/// summary; the composed document still carries 【待填写原因】, and `--strict`
/// still refuses the workbook.
@Suite(.enabled(if: ReadCommandTests.binary != nil, "the yusuan binary was not built beside the tests"))
struct ComposeCommandTests {
    static let examples = ConventionsTests.examples
    static let workbook = examples.appendingPathComponent("demo-county-medical-insurance-2025.yaml")

    /// A folder holding the example workbook without the reasons whose lines start with `dropped`.
    static func withoutReasons(_ dropped: [String]) throws -> URL {
        let dir = try ConventionsTests.folder()
        let text = try String(contentsOf: workbook, encoding: .utf8)
        let kept = text.components(separatedBy: "\n").filter { line in !dropped.contains { line.hasPrefix("  \($0):") } }
        try kept.joined(separator: "\n").write(to: dir.appendingPathComponent("budget.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: examples.appendingPathComponent("demo-items.csv"),
                                         to: dir.appendingPathComponent("demo-items.csv"))
        return dir
    }

    @Test func theExampleComposesWithoutWarnings() throws {
        let run = try ConventionsTests.run(["compose", Self.workbook.path])
        #expect(run.status == 0)
        #expect(run.err.isEmpty, "\(run.err)")
        #expect(!run.out.contains("Missing reasons"))
    }

    @Test func theComposedTextAuditsWithItsPerformanceTables() throws {
        let text = try ConventionsTests.run(["compose", Self.workbook.path, "--to", "text"])
        #expect(text.status == 0)
        #expect(text.out.components(separatedBy: "\n## 项目支出绩效目标表\n").count - 1 == 3)
        let audit = try ConventionsTests.run(["audit", "-"], input: Data(text.out.utf8))
        #expect(audit.status == 0, "\(audit.out)\(audit.err)")
        #expect(!audit.out.contains("completeness.project-performance"))
        #expect(audit.out.contains("0 errors, 0 warnings"))
    }

    @Test func eachMissingReasonIsAWarningAndInTheSummary() throws {
        let dir = try Self.withoutReasons(["item.2101501", "item.2101101"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let summary = try ConventionsTests.run(["compose", "budget.yaml"], directory: dir)
        #expect(summary.status == 0)
        let warnings = summary.err.split(separator: "\n").map(String.init)
        #expect(warnings.count == 2)
        #expect(warnings.contains("yusuan: budget.yaml: warning: reasons.item.2101501: previousYear.items.2101501 differs "
                                  + "from this year and the change has no reason; the explanation prints 【待填写原因】"))
        #expect(warnings.contains { $0.contains("reasons.item.2101101: previousYear.items.2101101") })
        #expect(summary.out.contains("Missing reasons (2), printed 【待填写原因】:\n"))
        #expect(summary.out.contains("  reasons.item.2101501: previousYear.items.2101501 differs from this year\n"))

        // Any output format warns the same, and the text keeps its marks.
        let text = try ConventionsTests.run(["compose", "budget.yaml", "--to", "text"], directory: dir)
        #expect(text.status == 0)
        #expect(text.err.split(separator: "\n").count == 2)
        #expect(text.out.components(separatedBy: "【待填写原因】").count - 1 == 2)

        // In Chinese under a Chinese locale.
        let chinese = try ConventionsTests.run(["compose", "budget.yaml", "--to", "json"], environment: ["LANG": "zh_CN.UTF-8"],
                                               directory: dir)
        #expect(chinese.err.contains("警告：reasons.item.2101501："))

        // --strict refuses it, as before.
        let strict = try ConventionsTests.run(["compose", "--strict", "budget.yaml"], directory: dir)
        #expect(strict.status == 1)
        #expect(strict.err.contains("reasons.item.2101501: fill in (待填写)"))
    }
}
