import Foundation
import Synchronization
import SQLKit
import YusuanAudit
import YusuanModel

/// The rows one document becomes, written inside the caller's transaction.
enum Rows {
    /// Rows per INSERT statement (SQLite allows 32,766 bound values, PostgreSQL 65,535).
    static let batch = 400

    /// Inserts the document and everything stored with it; returns its id.
    static func insert(_ submission: Submission, into db: any SQLDatabase) async throws -> Int {
        let disclosure = submission.disclosure
        let departmentID = try await department(disclosure.department, area: submission.area, in: db)
        let id = try await db.insert(into: "documents")
            .columns("hash", "file_name", "source_kind", "department_id", "department", "region", "level",
                     "year", "kind", "template", "engine", "errors", "warnings", "notes", "imported_at")
            .values(SQLBind(submission.hash), SQLBind(submission.fileName), SQLBind(submission.sourceKind.rawValue),
                    SQLBind(departmentID), SQLBind(disclosure.department),
                    SQLBind(submission.area.region), SQLBind(submission.area.level), SQLBind(disclosure.year),
                    SQLBind(disclosure.entityWord), SQLBind(disclosure.template ?? "standard"),
                    SQLBind(submission.report.engine), SQLBind(0), SQLBind(0), SQLBind(0), SQLBind(Timestamp.now()))
            .returning("id")
            .first(decodingColumn: "id", as: Int.self)
        guard let id else { throw LibraryError.cannotOpen("documents", "the new document got no id") }
        try await db.insert(into: "document_files").columns("document_id", "source", "model")
            .values(SQLBind(id), SQLBind(Data(submission.bytes)), SQLBind(submission.modelJSON)).run()
        try await insertCells(disclosure, document: id, into: db)
        CrashPoint.reached()
        try await insertStatements(disclosure, document: id, into: db)
        try await insertIndicators(disclosure, document: id, into: db)
        try await insertFindings(submission.report.findings, document: id, into: db)
        try await recount(document: id, in: db)
        return id
    }

    /// The department's id, inserting it the first time it is seen.
    private static func department(_ name: String, area: Area, in db: any SQLDatabase) async throws -> Int {
        if let id = try await db.select().column("id").from("departments").where("name", .equal, name)
            .first(decodingColumn: "id", as: Int.self) { return id }
        let id = try await db.insert(into: "departments").columns("name", "region", "level")
            .values(SQLBind(name), SQLBind(area.region), SQLBind(area.level))
            .returning("id").first(decodingColumn: "id", as: Int.self)
        guard let id else { throw LibraryError.cannotOpen("departments", "the new department got no id") }
        return id
    }

    /// Inserts `rows` into `table` in batches.
    private static func insert(_ rows: [[any SQLExpression]], into table: String, columns: [String], db: any SQLDatabase) async throws {
        var start = 0
        while start < rows.count {
            let end = min(start + batch, rows.count)
            var statement = db.insert(into: table).columns(columns)
            for row in rows[start..<end] { statement = statement.values(row) }
            try await statement.run()
            start = end
        }
    }

    private static func insertCells(_ disclosure: Disclosure, document: Int, into db: any SQLDatabase) async throws {
        var rows: [[any SQLExpression]] = []
        for table in disclosure.tables.sorted(by: { $0.kind < $1.kind }) {
            for row in table.rows {
                for (c, cell) in row.cells.enumerated() {
                    guard let cell, c < table.columns.count else { continue }
                    rows.append([SQLBind(document), SQLBind(rows.count), SQLBind(table.kind.rawValue), SQLBind(row.key.rawValue),
                                 SQLBind(row.code), SQLBind(row.name), SQLBind(row.role.level),
                                 SQLBind(table.columns[c].rawValue), SQLBind(cell.value.units)])
                }
            }
        }
        try await insert(rows, into: "cells", columns: ["document_id", "ordinal", "table_no", "row_key", "code", "name", "level",
                                                         "column_key", "value"], db: db)
    }

    private static func insertStatements(_ disclosure: Disclosure, document: Int, into db: any SQLDatabase) async throws {
        var rows: [[any SQLExpression]] = []
        for section in disclosure.sections {
            for amount in section.statements.plainAmounts {
                rows.append([SQLBind(document), SQLBind(section.number), SQLBind("amount"), SQLBind(amount.label),
                             SQLBind(amount.amount.units), SQLBind(amount.share?.percent.units), SQLBind(amount.source?.line)])
            }
            for change in section.statements.changes {
                let sign: Int64 = change.isIncrease ? 1 : -1
                let rateSign: Int64 = change.rateIsIncrease ? 1 : -1
                rows.append([SQLBind(document), SQLBind(section.number), SQLBind("change"), SQLBind(change.subject),
                             SQLBind(sign * change.amount.units), SQLBind(rateSign * change.rate.units), SQLBind(change.source?.line)])
            }
        }
        try await insert(rows, into: "statements", columns: ["document_id", "section", "kind", "subject", "amount", "rate", "line"], db: db)
    }

    private static func insertIndicators(_ disclosure: Disclosure, document: Int, into db: any SQLDatabase) async throws {
        var rows: [[any SQLExpression]] = []
        func add(_ indicators: [PerformanceIndicator], project: String?) {
            for indicator in indicators {
                rows.append([SQLBind(document), SQLBind(project), SQLBind(indicator.level1), SQLBind(indicator.level2),
                             SQLBind(indicator.name), SQLBind(indicator.target.printed), SQLBind(indicator.source?.line)])
            }
        }
        if let department = disclosure.performance.department { add(department.indicators, project: nil) }
        for project in disclosure.performance.projects { add(project.indicators, project: project.project) }
        try await insert(rows, into: "indicators", columns: ["document_id", "project", "level1", "level2", "name", "target", "line"], db: db)
    }

    /// Inserts findings, each with the engine that produced it and its whole record as JSON.
    static func insertFindings(_ findings: [Finding], document: Int, into db: any SQLDatabase) async throws {
        let encoder = JSONEncoder()
        var rows: [[any SQLExpression]] = []
        for finding in findings {
            rows.append([SQLBind(document), SQLBind(finding.rule), SQLBind(finding.family.rawValue), SQLBind(finding.severity.rawValue),
                         SQLBind(finding.message), SQLBind(finding.table), SQLBind(finding.row), SQLBind(finding.column),
                         SQLBind(finding.section), SQLBind(finding.line), SQLBind(finding.page), SQLBind(finding.stated?.units),
                         SQLBind(finding.expected?.units), SQLBind(finding.everyPlace.count), SQLBind(Auditor.version),
                         SQLBind(String(decoding: try encoder.encode(finding), as: UTF8.self))])
        }
        try await insert(rows, into: "findings", columns: ["document_id", "rule", "family", "severity", "message", "table_no", "row_key",
                                                            "column_key", "section", "line", "page", "stated", "expected", "places",
                                                            "engine", "detail"], db: db)
    }

    /// Sets the document's finding counts from its stored findings.
    static func recount(document: Int, in db: any SQLDatabase) async throws {
        var counts: [String: Int] = [:]
        for row in try await db.select().column("severity").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("findings").where("document_id", .equal, document).groupBy("severity").all() {
            counts[try row.decode(column: "severity", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        try await db.update("documents")
            .set("errors", to: counts[Severity.error.rawValue] ?? 0)
            .set("warnings", to: counts[Severity.warning.rawValue] ?? 0)
            .set("notes", to: counts[Severity.info.rawValue] ?? 0)
            .where("id", .equal, document).run()
    }
}

/// 崩溃点 — for the test that an import killed half-way through a document leaves
/// nothing of it: with `YUSUAN_TEST_KILL_INSIDE=N` in the environment, the process
/// sends itself SIGKILL inside the writing transaction of its N-th document, after
/// the document's row and cells are written and before they are committed.
enum CrashPoint {
    private static let after = ProcessInfo.processInfo.environment["YUSUAN_TEST_KILL_INSIDE"].flatMap { Int($0) }
    private static let count = Mutex(0)

    static func reached() {
        guard let after else { return }
        if count.withLock({ n in n += 1; return n }) == after { kill(getpid(), SIGKILL) }
    }
}
