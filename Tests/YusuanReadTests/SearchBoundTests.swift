import Foundation
import Testing
@testable import YusuanRead
import YusuanModel

/// The column search is bounded: a table it cannot settle within its bound is read
/// with the best columns found and recorded as ambiguous, instead of being searched
/// on for minutes (the search for children's combinations grew exponentially with
/// the number of projects under one parent).
@Suite struct SearchBoundTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/demo-county-medical-insurance-2025.txt")

    /// The example with `count` projects under 21015 in table 7, whose parent row
    /// spreads its total over three columns in a way no combination of them adds up to.
    static func manyProjects(_ count: Int) throws -> String {
        let text = try String(contentsOf: example, encoding: .utf8)
        let projectTail = "210 15 医疗保障管理事务 6.00 6.00\n\n210 15 06 医疗保障经办事务\n\n医保经办服务能力提升 6.00 6.00\n"
        #expect(text.contains(projectTail))
        let values = (0..<count).map { Amount(units: Int64(100 + 37 * $0 % 800) * 10_000) }
        let total = values.reduce(.zero, +)
        let third = Amount(units: total.units / 3 / 10_000 * 10_000)
        let rest = total - third - third + Amount("0.01")!
        var rows = "210 15 医疗保障管理事务 \(total) \(third) \(third) \(rest)\n"
        for (n, v) in values.enumerated() {
            rows += "\n210 15 06 医疗保障经办事务\n\n专项工作经费\(n + 1) \(v) \(v)\n"
        }
        return text.replacingOccurrences(of: projectTail, with: rows)
    }

    @Test func fiftyProjectsUnderOneParentAreReadWithinTheBound() throws {
        let d = try DisclosureReader.read(try Self.manyProjects(50))
        let t7 = try #require(d.table(.projects))
        let projects = t7.rows.filter { $0.role == .project && $0.code == "2101506" }
        #expect(projects.count == 50)
        #expect(projects.allSatisfy { $0.cells[0] != nil && $0.cells.compactMap { $0 }.count == 2 })
        #expect(d.ambiguities.contains { $0.table == 7 && $0.message.contains("stopped at its bound") })
    }

    @Test func theExampleItselfIsSettledWellInsideTheBound() throws {
        let d = try DisclosureReader.read(try String(contentsOf: Self.example, encoding: .utf8))
        #expect(!d.ambiguities.contains { $0.message.contains("stopped at its bound") })
    }
}

/// Lines a document should not contain, placed where a reader would not expect
/// them: each is read without a trap (the mutation runs found these).
@Suite struct StrayLineTests {
    @Test func aTableLinePrintedAfterTheExplanationIsNoTrap() throws {
        var lines = try String(contentsOf: SearchBoundTests.example, encoding: .utf8).components(separatedBy: "\n")
        // Table 11's 表 line moved into the explanation: the last table now starts past the tables' part.
        let eleven = try #require(lines.firstIndex { $0.replacingOccurrences(of: " ", with: "") == "表11" })
        lines.remove(at: eleven)
        let three = try #require(lines.lastIndex { $0.replacingOccurrences(of: " ", with: "").hasPrefix("第三部分") })
        lines.insert("表 11", at: three + 3)
        let d = try DisclosureReader.read(lines.joined(separator: "\n"))
        #expect(d.table(.overall) != nil)
    }
}
