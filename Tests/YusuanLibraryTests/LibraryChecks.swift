import Foundation
import SQLKit
import Testing
import YusuanAudit
@testable import YusuanLibrary
import YusuanModel
import YusuanRead

/// What every backend must do; `SQLiteLibraryTests` and `PostgresLibraryTests` run each check.
enum LibraryChecks {
    /// The example goes in whole: its cells, statements, indicators and findings, once however often it is imported.
    static func importIsWholeAndIdempotent(_ library: Library) async throws {
        let bytes = try Fixtures.bytes(Fixtures.exampleText)
        let submission = try Submission.read(fileName: "demo.txt", bytes: bytes)
        let outcome = try await library.add(submission)
        guard case .added(let id) = outcome else { Issue.record("not added: \(outcome)"); return }
        #expect(try await library.add(submission) == .alreadyStored(id))
        #expect(try await library.count() == 1)

        let summary = try #require(try await library.summary(id: id))
        #expect(summary.department == "示例县医疗保障局")
        #expect(summary.year == 2025)
        #expect(summary.region == "示例县" && summary.level == "县级")
        #expect(summary.hash == Submission.hash(bytes))
        #expect(summary.errors == submission.report.count(.error))
        #expect(summary.warnings == submission.report.count(.warning))

        // Every non-empty cell, with its exact value.
        let cells = try await library.cells(id: id)
        var expected = 0
        for table in submission.disclosure.tables { for row in table.rows { expected += row.cells.compactMap { $0 }.count } }
        #expect(cells.count == expected && expected > 100)
        let total = try #require(cells.first { $0.table == 1 && $0.row == RowKey.incomeTotal.rawValue })
        let printed = try #require(submission.disclosure.tables.first { $0.kind.rawValue == 1 }?.rows.first { $0.key == .incomeTotal }?.cells.compactMap { $0 }.first)
        #expect(total.value == printed.value)

        // The model comes back as it went in; the source bytes too.
        #expect(try await library.disclosure(id: id) == submission.disclosure)
        #expect(try await library.source(id: id)?.bytes == bytes)
        #expect(try await library.findings(id: id).count == submission.report.findings.count)
        let statements = try await library.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("statements").where("document_id", .equal, id).first(decodingColumn: "n", as: Int.self)
        #expect((statements ?? 0) > 10)
    }

    /// A transaction that fails half-way leaves nothing behind.
    static func failedTransactionLeavesNothing(_ library: Library) async throws {
        struct Stop: Error {}
        await #expect(throws: Stop.self) {
            try await Transaction.run(on: library.connections.write, immediate: true) { db in
                try await db.insert(into: "departments").columns("name", "region", "level")
                    .values(SQLBind("半途部门"), SQLBind(""), SQLBind("未知")).run()
                throw Stop()
            }
        }
        let left = try await library.sql.select().column("id").from("departments").where("name", .equal, "半途部门").all()
        #expect(left.isEmpty)
    }

    /// Filters, deletion, and the reports over several documents.
    static func listsAndReports(_ library: Library) async throws {
        let example = try Submission.read(fileName: "demo.txt", bytes: try Fixtures.bytes(Fixtures.exampleText))
        let composed = try Submission.compose(fileName: "demo.yaml", bytes: try Fixtures.bytes(Fixtures.exampleWorkbook),
                                              directory: Fixtures.exampleWorkbook.deletingLastPathComponent())
        let a = try await library.add(example).id
        let b = try await library.add(composed).id
        #expect(a != b)
        #expect(try await library.documents(DocumentFilter(year: 2025)).count == 2)
        #expect(try await library.documents(DocumentFilter(year: 2024)).isEmpty)
        #expect(try await library.documents(DocumentFilter(region: "示例县")).count == 2)

        let ranking = try await library.rankingReport(year: 2025, cell: .totalSpending, share: false)
        #expect(ranking.rows.count == 2)
        let spending = try #require(example.disclosure.tables.first { $0.kind.rawValue == 1 }?.rows.first { $0.key == .expenditureTotal }?.cells.first??.value)
        #expect(spending == Amount("801.96"))
        #expect(ranking.rows.contains { $0[5] == .amount(spending) })

        // Share of the total: the 208 class of table 3 is 36.90 of 801.96 in the example.
        let share = try await library.rankingReport(year: 2025, cell: try #require(CellAddress("3/208/合计")), share: true)
        #expect(share.rows.first?[6] == .percent(try #require(Amount("4.60"))))

        let totals = try await library.totalsReport()
        #expect(totals.rows.count == 1)
        #expect(totals.rows[0][2] == .integer(2))

        let byRule = try await library.findingsReport()
        let findings = example.report.findings.count + composed.report.findings.count
        #expect(byRule.rows.reduce(0) { if case .integer(let n) = $1[3] { $0 + n } else { $0 } } == findings)

        #expect(try await library.delete(id: b))
        #expect(try await library.count() == 1)
        #expect(try await library.cells(id: b).isEmpty)
        #expect(try await library.delete(id: b) == false)
    }

    /// Two years of one department: what the later one says of the earlier is checked against it.
    static func yearsAreCheckedAgainstEachOther(_ library: Library) async throws {
        let text = try String(contentsOf: Fixtures.exampleText, encoding: .utf8)
        let current = try Submission.read(fileName: "2025.txt", bytes: Array(text.utf8))
        // The 2024 document states, for every change, the amount the 2025 document implies.
        var lines = text.components(separatedBy: "\n")
        var changed = 0
        for section in current.disclosure.sections {
            for change in section.statements.changes {
                guard let now = change.current, let line = change.source?.line, !change.amount.isZero else { continue }
                let implied = change.isIncrease ? now - change.amount : now + change.amount
                if let range = lines[line - 1].range(of: now.description) {
                    lines[line - 1].replaceSubrange(range, with: implied.description)
                    changed += 1
                }
            }
        }
        #expect(changed > 3)
        let earlier = lines.joined(separator: "\n").replacingOccurrences(of: "2025", with: "2024")
        let previous = try Submission.read(fileName: "2024.txt", bytes: Array(earlier.utf8))
        #expect(previous.disclosure.year == 2024)
        let b = try await library.add(current).id
        let a = try await library.add(previous).id
        var cross = try await library.findings(id: b).filter { $0.family == .previousYear }
        #expect(cross.isEmpty, "\(cross.map(\.message))")
        #expect(try await library.findings(id: a).filter { $0.family == .previousYear }.isEmpty)

        // One amount of 2024 off by 0.01: exactly that statement is questioned, once, in 2025's findings.
        try await library.delete(id: a)
        let firstChange = try #require(previous.disclosure.sections.flatMap(\.statements.changes).first { $0.current != nil && !$0.amount.isZero })
        let line = try #require(firstChange.source?.line)
        var broken = earlier.components(separatedBy: "\n")
        let stated = try #require(firstChange.current)
        broken[line - 1] = broken[line - 1].replacingOccurrences(of: stated.description, with: (stated + Amount(units: 10_000)).description)
        _ = try await library.add(try Submission.read(fileName: "2024-broken.txt", bytes: Array(broken.joined(separator: "\n").utf8)))
        cross = try await library.findings(id: b).filter { $0.family == .previousYear }
        #expect(cross.count == 1)
        #expect(cross.first?.rule == "previous-year.amount")
        #expect(cross.first?.expected == stated + Amount(units: 10_000))
        #expect(try await library.summary(id: b)?.warnings == (current.report.count(.warning) + 1))

        // Re-auditing keeps them.
        #expect(try await library.reaudit() == 2)
        #expect(try await library.findings(id: b).filter { $0.family == .previousYear }.count == 1)
    }

    /// A model kept by one process is not served for other bytes that another process
    /// stored under the same id (SQLite gives a deleted last id out again).
    static func keptModelsFollowTheirBytes(_ library: Library) async throws {
        let text = try String(contentsOf: Fixtures.exampleText, encoding: .utf8)
        let first = try await library.add(try Submission.read(fileName: "a.txt", bytes: Array(text.utf8))).id
        #expect(try await library.disclosure(id: first)?.department == "示例县医疗保障局")
        let other = try await Library.open(library.location)
        try await other.delete(id: first)
        let renamed = text.replacingOccurrences(of: "示例县医疗保障局", with: "示例市医疗保障局")
        let second = try await other.add(try Submission.read(fileName: "b.txt", bytes: Array(renamed.utf8))).id
        try await other.close()
        #expect(try await library.disclosure(id: second)?.department == "示例市医疗保障局")
        if second != first { #expect(try await library.disclosure(id: first) == nil) }
    }

    /// Reopening finds the schema current; a library of version 1 is upgraded, keeping
    /// its documents; a library from a newer Yusuan is refused.
    static func schemaIsVersioned(_ location: DatabaseLocation) async throws {
        var library = try await Library.open(location)
        #expect(library.foundVersion == 0)
        #expect(try await library.schemaVersion() == Schema.current)
        _ = try await library.add(try Submission.read(fileName: "demo.txt", bytes: try Fixtures.bytes(Fixtures.exampleText)))
        #expect(try await library.generation() == 1)
        // Back to version 1, as an older Yusuan left it.
        try await library.sql.drop(table: "library_state").run()
        try await library.sql.delete(from: "schema_version").where("version", .greaterThan, 1).run()
        try await library.close()
        library = try await Library.open(location)
        #expect(library.foundVersion == 1)
        #expect(try await library.schemaVersion() == Schema.current)
        #expect(try await library.count() == 1)
        #expect(try await library.generation() == 0)
        try await library.sql.insert(into: "schema_version").columns("version", "summary", "applied_at")
            .values(SQLBind(Schema.current + 1), SQLBind("from the future"), SQLBind("2030-01-01T00:00:00Z")).run()
        try await library.close()
        await #expect(throws: LibraryError.self) { try await Library.open(location) }
    }
}

@Suite("Library on SQLite")
struct SQLiteLibraryTests {
    @Test func importIsWholeAndIdempotent() async throws {
        try await Fixtures.with("sqlite", LibraryChecks.importIsWholeAndIdempotent)
    }

    @Test func failedTransactionLeavesNothing() async throws {
        try await Fixtures.with("sqlite", LibraryChecks.failedTransactionLeavesNothing)
    }

    @Test func listsAndReports() async throws {
        try await Fixtures.with("sqlite", LibraryChecks.listsAndReports)
    }

    @Test func yearsAreCheckedAgainstEachOther() async throws {
        try await Fixtures.with("sqlite", LibraryChecks.yearsAreCheckedAgainstEachOther)
    }

    @Test func schemaIsVersioned() async throws {
        try await LibraryChecks.schemaIsVersioned(Fixtures.sqlite())
    }

    @Test func keptModelsFollowTheirBytes() async throws {
        try await Fixtures.with("sqlite", LibraryChecks.keptModelsFollowTheirBytes)
    }

    @Test func aMissingFolderIsNamed() async throws {
        await #expect {
            try await Library.open(.sqlite(path: "/no/such/folder/library.sqlite"))
        } throws: { error in
            "\(error)".contains("/no/such/folder")
        }
    }
}

@Suite("Library on PostgreSQL", .enabled(if: Fixtures.postgres != nil,
                                         "no PostgreSQL server: YUSUAN_TEST_POSTGRES is not set (.ci/run starts one and sets it)"))
struct PostgresLibraryTests {
    @Test func importIsWholeAndIdempotent() async throws {
        try await Fixtures.with("postgres", LibraryChecks.importIsWholeAndIdempotent)
    }

    @Test func failedTransactionLeavesNothing() async throws {
        try await Fixtures.with("postgres", LibraryChecks.failedTransactionLeavesNothing)
    }

    @Test func listsAndReports() async throws {
        try await Fixtures.with("postgres", LibraryChecks.listsAndReports)
    }

    @Test func yearsAreCheckedAgainstEachOther() async throws {
        try await Fixtures.with("postgres", LibraryChecks.yearsAreCheckedAgainstEachOther)
    }

    @Test func schemaIsVersioned() async throws {
        try await LibraryChecks.schemaIsVersioned(try await Fixtures.postgresDatabase())
    }
}
