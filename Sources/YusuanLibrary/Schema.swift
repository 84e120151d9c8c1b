import SQLKit

/// 库结构 — the library's tables, one migration per version, on SQLite and PostgreSQL alike.
///
/// `schema_version` records each applied version; opening a library applies the
/// versions it lacks, in order, in one transaction, so an older library upgrades
/// itself (wholly or not at all) and a newer one is refused rather than misread.
///
/// Amounts are stored as `BIGINT` millionths of 万元 (`Amount.units`), exact and
/// sortable in SQL; the whole model is kept as JSON beside the rows that queries use.
enum Schema {
    /// One step of the schema.
    struct Migration: Sendable {
        var version: Int
        var summary: String
        var apply: @Sendable (any SQLDatabase) async throws -> Void
    }

    /// The versions, oldest first. Append; never edit one that has shipped.
    static let migrations: [Migration] = [
        Migration(version: 1, summary: "departments, documents, cells, statements, indicators, findings", apply: version1),
        Migration(version: 2, summary: "library_state: a generation counted up by every write", apply: version2),
    ]

    /// The newest version this build knows.
    static var current: Int { migrations.last?.version ?? 0 }

    private static func version1(_ db: any SQLDatabase) async throws {
        try await db.create(table: "departments")
            .column("id", type: .bigint, .primaryKey)
            .column("name", type: .text, .notNull, .unique)
            .column("region", type: .text, .notNull)
            .column("level", type: .text, .notNull)
            .run()
        try await db.create(table: "documents")
            .column("id", type: .bigint, .primaryKey)
            .column("hash", type: .text, .notNull, .unique)
            .column("file_name", type: .text, .notNull)
            .column("source_kind", type: .text, .notNull)
            .column("department_id", type: .bigint, .notNull, .references("departments", "id"))
            .column("department", type: .text, .notNull)
            .column("region", type: .text, .notNull)
            .column("level", type: .text, .notNull)
            .column("year", type: .int, .notNull)
            .column("kind", type: .text, .notNull)
            .column("template", type: .text, .notNull)
            .column("engine", type: .text, .notNull)
            .column("errors", type: .int, .notNull)
            .column("warnings", type: .int, .notNull)
            .column("notes", type: .int, .notNull)
            .column("imported_at", type: .text, .notNull)
            .run()
        try await db.create(index: "documents_department_year").on("documents").column("department_id").column("year").run()
        // The large parts, read only one document at a time, apart: listings and
        // rankings over many documents never step over them.
        try await db.create(table: "document_files")
            .column("document_id", type: .bigint, .primaryKey(autoIncrement: false), .references("documents", "id", onDelete: .cascade))
            .column("source", type: .blob, .notNull)
            .column("model", type: .text, .notNull)
            .run()
        try await db.create(index: "documents_year").on("documents").column("year").run()
        try await db.create(table: "cells")
            .column("document_id", type: .bigint, .notNull, .references("documents", "id", onDelete: .cascade))
            .column("ordinal", type: .int, .notNull)
            .column("table_no", type: .int, .notNull)
            .column("row_key", type: .text, .notNull)
            .column("code", type: .text)
            .column("name", type: .text, .notNull)
            .column("level", type: .text, .notNull)
            .column("column_key", type: .text, .notNull)
            .column("value", type: .bigint, .notNull)
            .run()
        try await db.create(index: "cells_document").on("cells").column("document_id").run()
        // A ranking reads one cell of every document from this index alone; a share
        // finds its document's total row through the second.
        try await db.create(index: "cells_key").on("cells").column("table_no").column("row_key").column("column_key")
            .column("value").column("document_id").run()
        try await db.create(index: "cells_total").on("cells").column("document_id").column("table_no").column("column_key")
            .column("level").column("value").run()
        try await db.create(table: "statements")
            .column("document_id", type: .bigint, .notNull, .references("documents", "id", onDelete: .cascade))
            .column("section", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("subject", type: .text, .notNull)
            .column("amount", type: .bigint, .notNull)
            .column("rate", type: .bigint)
            .column("line", type: .int)
            .run()
        try await db.create(index: "statements_document").on("statements").column("document_id").run()
        try await db.create(table: "indicators")
            .column("document_id", type: .bigint, .notNull, .references("documents", "id", onDelete: .cascade))
            .column("project", type: .text)
            .column("level1", type: .text, .notNull)
            .column("level2", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("target", type: .text, .notNull)
            .column("line", type: .int)
            .run()
        try await db.create(index: "indicators_document").on("indicators").column("document_id").run()
        try await db.create(table: "findings")
            .column("document_id", type: .bigint, .notNull, .references("documents", "id", onDelete: .cascade))
            .column("rule", type: .text, .notNull)
            .column("family", type: .text, .notNull)
            .column("severity", type: .text, .notNull)
            .column("message", type: .text, .notNull)
            .column("table_no", type: .int)
            .column("row_key", type: .text)
            .column("column_key", type: .text)
            .column("section", type: .text)
            .column("line", type: .int)
            .column("page", type: .int)
            .column("stated", type: .bigint)
            .column("expected", type: .bigint)
            .column("places", type: .int, .notNull)
            .column("detail", type: .text, .notNull)
            .column("engine", type: .text, .notNull)
            .run()
        try await db.create(index: "findings_document").on("findings").column("document_id").run()
        try await db.create(index: "findings_rule").on("findings").column("rule").run()
    }

    /// One row whose `generation` every writing transaction counts up, in whichever
    /// process it runs, so that a server can tell whether what it built from the
    /// library (a page, a listing) is still true.
    private static func version2(_ db: any SQLDatabase) async throws {
        try await db.create(table: "library_state")
            .column("id", type: .int, .primaryKey(autoIncrement: false))
            .column("generation", type: .bigint, .notNull)
            .run()
        try await db.insert(into: "library_state").columns("id", "generation").values(SQLBind(1), SQLBind(0)).run()
    }

    /// Counts the library's generation up; called inside every writing transaction.
    static func touch(_ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE library_state SET generation = generation + 1 WHERE id = 1").run()
    }

    /// Brings the schema up to `current`; returns the version found before.
    ///
    /// All in one transaction that first takes the database's write lock (SQLite's
    /// `BEGIN IMMEDIATE`, a PostgreSQL advisory lock), so that two processes opening a
    /// new library at once do not both create it: the second waits, then finds it made.
    static func migrate(_ db: any SQLDatabase) async throws -> Int {
        try await Transaction.run(on: db, immediate: true) { db in
            if db.dialect.name == "postgresql" {
                try await db.raw("SELECT pg_advisory_xact_lock(\(literal: 7_310_531))").run()
            }
            try await db.create(table: "schema_version").ifNotExists()
                .column("version", type: .int, .primaryKey(autoIncrement: false))
                .column("summary", type: .text, .notNull)
                .column("applied_at", type: .text, .notNull)
                .run()
            let found = try await version(db)
            guard found <= current else { throw LibraryError.newerSchema(found: found, known: current) }
            for migration in migrations where migration.version > found {
                try await migration.apply(db)
                try await db.insert(into: "schema_version")
                    .columns("version", "summary", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.summary), SQLBind(Timestamp.now()))
                    .run()
            }
            return found
        }
    }

    /// The applied version (0 for a new library).
    static func version(_ db: any SQLDatabase) async throws -> Int {
        let row = try await db.select().column(SQLFunction("MAX", args: SQLColumn("version")), as: "v")
            .from("schema_version").first()
        return try row?.decodeNil(column: "v") == false ? try row!.decode(column: "v", as: Int.self) : 0
    }
}

/// A transaction on one session (one pooled connection): committed when `body`
/// returns, rolled back when it throws.
enum Transaction {
    /// `immediate` takes SQLite's write lock at the start (another process writing
    /// makes this one wait, instead of failing half-way).
    static func run<R: Sendable>(on db: any SQLDatabase, immediate: Bool = false,
                                 _ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await db.withSession { db in
            try await db.raw(immediate && db.dialect.name == "sqlite" ? "BEGIN IMMEDIATE" : "BEGIN").run()
            do {
                let result = try await body(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}
