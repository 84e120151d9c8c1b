import Foundation
import Logging
import SQLKit
import Synchronization
import YusuanAudit
import YusuanModel

/// 文库 — many disclosures in one database: what each document is, its tables as
/// cells, the figures its explanation states, its performance indicators and its
/// audit findings.
///
/// One schema serves SQLite (the embedded default) and PostgreSQL. Every document
/// goes in with one transaction, so a killed import leaves no half-written document;
/// a document is identified by the SHA-256 of its bytes, so importing it again
/// changes nothing.
///
/// ```swift
/// let library = try await Library.open(.sqlite(path: "yusuan.sqlite"))
/// let outcome = try await library.add(try Submission.read(fileName: "a.txt", bytes: bytes))
/// let documents = try await library.documents()
/// try await library.close()
/// ```
public final class Library: Sendable {
    public let location: DatabaseLocation
    /// Queries go here; writing transactions go to `connections.write`.
    let sql: any SQLDatabase
    let connections: Connections
    /// One writer at a time in this process: SQLite takes one anyway, and PostgreSQL
    /// then sees each department inserted once.
    private let writer = WriteGate()
    /// Models decoded recently, by document id with the hash of the bytes they were
    /// read from (an id SQLite reuses after a deletion then names other bytes).
    private let models = Mutex<[Int: (hash: String, model: Disclosure)]>([:])

    /// The schema version found when the library was opened (0: it was new).
    public let foundVersion: Int

    private init(location: DatabaseLocation, connections: Connections, foundVersion: Int) {
        self.location = location
        self.connections = connections
        self.sql = connections.read
        self.foundVersion = foundVersion
    }

    /// Opens (creating where needed) the library at `location` and brings its schema up to date.
    public static func open(_ location: DatabaseLocation, logger: Logger = Logger(label: "yusuan.library")) async throws -> Library {
        // The pool's own messages (each failed attempt to connect) stay quiet; the
        // error thrown says what went wrong, once.
        var quiet = logger
        quiet.logLevel = .critical
        if case .sqlite(let path) = location {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
                throw LibraryError.cannotOpen(location.description, "its folder \(folder) does not exist")
            }
        }
        let connections: Connections
        do {
            connections = try await Connections.open(location, logger: quiet)
        } catch {
            throw LibraryError.cannotOpen(location.description, LibraryError.reason(error))
        }
        do {
            let found = try await Schema.migrate(connections.write)
            return Library(location: location, connections: connections, foundVersion: found)
        } catch {
            try? await connections.shutdown()
            if let error = error as? LibraryError { throw error }
            throw LibraryError.cannotOpen(location.description, LibraryError.reason(error))
        }
    }

    /// Closes the connections. Call once, when done.
    public func close() async throws {
        try await connections.shutdown()
    }

    /// The schema version the library now has.
    public func schemaVersion() async throws -> Int { try await Schema.version(sql) }

    // MARK: Adding

    /// What `add` did.
    public enum Outcome: Sendable, Hashable {
        /// Stored as a new document with this id.
        case added(Int)
        /// The same bytes were already stored, as this document.
        case alreadyStored(Int)

        public var id: Int {
            switch self { case .added(let id), .alreadyStored(let id): id }
        }
    }

    /// Stores a prepared document, its department, cells, statements, indicators and
    /// findings in one transaction; checks it against the stored previous year and the
    /// stored next year against it.
    @discardableResult
    public func add(_ submission: Submission) async throws -> Outcome {
        let outcome = try await writer.run { [write = connections.write] in
            try await Transaction.run(on: write, immediate: true) { db in
                if let id = try await Self.documentID(hash: submission.hash, in: db) { return Outcome.alreadyStored(id) }
                let id = try await Rows.insert(submission, into: db)
                try await Schema.touch(db)
                return Outcome.added(id)
            }
        }
        if case .added(let id) = outcome { try await checkYears(around: id) }
        return outcome
    }

    /// The id of the document with these bytes, if stored.
    public func documentID(hash: String) async throws -> Int? { try await Self.documentID(hash: hash, in: sql) }

    private static func documentID(hash: String, in db: any SQLDatabase) async throws -> Int? {
        try await db.select().column("id").from("documents").where("hash", .equal, hash).first(decodingColumn: "id", as: Int.self)
    }

    /// Deletes a document and everything stored with it.
    @discardableResult
    public func delete(id: Int) async throws -> Bool {
        let deleted = try await writer.run { [write = connections.write] in
            try await Transaction.run(on: write, immediate: true) { db in
                try await Schema.touch(db)
                guard try await db.select().column("id").from("documents").where("id", .equal, id).first() != nil else { return false }
                for table in ["findings", "indicators", "statements", "cells", "document_files"] {
                    try await db.delete(from: table).where("document_id", .equal, id).run()
                }
                try await db.delete(from: "documents").where("id", .equal, id).run()
                return true
            }
        }
        _ = models.withLock { $0.removeValue(forKey: id) }
        return deleted
    }

    // MARK: Auditing against other years

    /// Re-runs the cross-year check for the document `id` and for the stored year after it.
    func checkYears(around id: Int) async throws {
        guard let this = try await summary(id: id) else { return }
        let years = try await documents(DocumentFilter(departmentID: this.departmentID, kind: this.kind))
        let previous = years.filter { $0.year == this.year - 1 }.max { $0.id < $1.id }
        let next = years.filter { $0.year == this.year + 1 }.max { $0.id < $1.id }
        if let previous { try await storeYearFindings(current: this, previous: previous) }
        if let next { try await storeYearFindings(current: next, previous: this) }
    }

    private func storeYearFindings(current: DocumentSummary, previous: DocumentSummary) async throws {
        guard let model = try await disclosure(id: current.id), let before = try await disclosure(id: previous.id) else { return }
        let findings = PreviousYearRules.check(model, previous: before, previousDocument: previous.fileName)
        try await writer.run { [write = connections.write] in
            try await Transaction.run(on: write, immediate: true) { db in
                try await Schema.touch(db)
                try await db.delete(from: "findings").where("document_id", .equal, current.id)
                    .where("family", .equal, RuleFamily.previousYear.rawValue).run()
                try await Rows.insertFindings(findings, document: current.id, into: db)
                try await Rows.recount(document: current.id, in: db)
            }
        }
    }

    /// Audits every stored document again with this build's rules (re-reading its
    /// stored bytes), then the years against each other; returns how many were audited.
    public func reaudit(progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> Int {
        let all = try await documents()
        for (n, document) in all.enumerated() {
            guard let stored = try await source(id: document.id) else { continue }
            let submission = try Submission.prepare(fileName: document.fileName, kind: document.sourceKind,
                                                    bytes: stored.bytes, area: Area(region: document.region, level: document.level))
            try await writer.run { [write = connections.write] in
                try await Transaction.run(on: write, immediate: true) { db in
                    try await Schema.touch(db)
                    try await db.delete(from: "findings").where("document_id", .equal, document.id).run()
                    try await Rows.insertFindings(submission.report.findings, document: document.id, into: db)
                    try await db.update("documents").set("engine", to: Auditor.version).where("id", .equal, document.id).run()
                    try await Rows.recount(document: document.id, in: db)
                }
            }
            progress?(n + 1, all.count)
        }
        for document in all { try await checkYears(around: document.id) }
        return all.count
    }

    // MARK: Reading

    /// The stored documents that pass `filter`, by department, year and id.
    public func documents(_ filter: DocumentFilter = DocumentFilter()) async throws -> [DocumentSummary] {
        var query = sql.select().columns(DocumentSummary.columns.map { SQLColumn($0) }).from("documents")
        if let value = filter.departmentID { query = query.where("department_id", .equal, value) }
        if let value = filter.department { query = query.where("department", .equal, value) }
        if let value = filter.region { query = query.where("region", .equal, value) }
        if let value = filter.level { query = query.where("level", .equal, value) }
        if let value = filter.year { query = query.where("year", .equal, value) }
        if let value = filter.kind { query = query.where("kind", .equal, value) }
        if let rule = filter.rule {
            query = query.where(SQLColumn("id"), .in, SQLGroupExpression(
                sql.select().distinct().column("document_id").from("findings").where("rule", .equal, rule).query))
        }
        query = query.orderBy("department").orderBy("year").orderBy("id")
        if let limit = filter.limit { query = query.limit(limit) }
        if let offset = filter.offset { query = query.offset(offset) }
        return try await query.all().map(DocumentSummary.init(row:))
    }

    /// One document's summary.
    public func summary(id: Int) async throws -> DocumentSummary? {
        try await sql.select().columns(DocumentSummary.columns.map { SQLColumn($0) }).from("documents")
            .where("id", .equal, id).first().map(DocumentSummary.init(row:))
    }

    /// The library's generation: counted up by every write, by any process. What was
    /// built from the library at one generation is still true while it stays the same.
    public func generation() async throws -> Int {
        try await sql.select().column("generation").from("library_state").where("id", .equal, 1)
            .first(decodingColumn: "generation", as: Int.self) ?? 0
    }

    /// The number of stored documents.
    public func count() async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("documents")
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// A document's model as stored (JSON bytes, as the API serves it).
    public func modelJSON(id: Int) async throws -> Data? {
        try await sql.select().column("model").from("document_files").where("document_id", .equal, id)
            .first(decodingColumn: "model", as: String.self).map { Data($0.utf8) }
    }

    /// A document's model.
    public func disclosure(id: Int) async throws -> Disclosure? {
        guard let hash = try await sql.select().column("hash").from("documents").where("id", .equal, id)
            .first(decodingColumn: "hash", as: String.self) else { return nil }
        if let cached = models.withLock({ $0[id] }), cached.hash == hash { return cached.model }
        guard let json = try await modelJSON(id: id) else { return nil }
        let model = try JSONDecoder().decode(Disclosure.self, from: json)
        models.withLock { cache in
            if cache.count >= 64 { cache.removeAll() }
            cache[id] = (hash, model)
        }
        return model
    }

    /// A document's stored bytes and what they are.
    public func source(id: Int) async throws -> (fileName: String, kind: Submission.SourceKind, bytes: [UInt8])? {
        guard let row = try await sql.select().columns("file_name", "source_kind", "source").from("documents")
            .join("document_files", on: SQLColumn("id", table: "documents"), .equal, SQLColumn("document_id", table: "document_files"))
            .where(SQLColumn("id", table: "documents"), .equal, SQLBind(id)).first() else { return nil }
        let kind = Submission.SourceKind(rawValue: try row.decode(column: "source_kind", as: String.self)) ?? .text
        return (try row.decode(column: "file_name", as: String.self), kind, Array(try row.decode(column: "source", as: Data.self)))
    }

    /// A document's findings, most severe first, each with its consequences.
    public func findings(id: Int) async throws -> [Finding] {
        let rows = try await sql.select().column("detail").from("findings").where("document_id", .equal, id).all()
        let decoder = JSONDecoder()
        let findings = try rows.map { try decoder.decode(Finding.self, from: Data(try $0.decode(column: "detail", as: String.self).utf8)) }
        return findings.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
        }.map(\.element)
    }

    /// A document's stored cells, in table, row and column order as printed.
    public func cells(id: Int) async throws -> [StoredCell] {
        try await sql.select().columns(StoredCell.columns.map { SQLColumn($0) }).from("cells")
            .where("document_id", .equal, id).orderBy("ordinal").all().map(StoredCell.init(row:))
    }
}

/// Serialises the writing transactions of one process: an asynchronous lock, first
/// come first served (an actor would not do: it lets a second call in at every `await`).
final class WriteGate: Sendable {
    private struct State: Sendable {
        var busy = false
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    func run<R: Sendable>(_ body: @Sendable () async throws -> R) async throws -> R {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { state in
                if state.busy { state.waiting.append(continuation); return false }
                state.busy = true
                return true
            }
            if now { continuation.resume() }
        }
    }

    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiting.isEmpty { state.busy = false; return nil }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}

/// Why a library could not be used.
public enum LibraryError: Error, Sendable, CustomStringConvertible {
    case cannotOpen(String, String)
    case newerSchema(found: Int, known: Int)

    /// A database error in words: PostgreSQL's errors describe themselves only when
    /// reflected, and then at length; the reason is the part a user can act on.
    static func reason(_ error: any Error) -> String {
        let text = String(reflecting: error)
        for (clue, reason) in [("Connection refused", "the server refused the connection (is PostgreSQL running there?)"),
                               ("does not exist", "the database or role does not exist"),
                               ("password authentication failed", "the password was not accepted"),
                               ("unable to open database file", "the file cannot be opened or created"),
                               ("Failed to open", "the file cannot be opened or created")]
        where text.contains(clue) {
            return reason
        }
        if let message = text.range(of: "message: ") {
            return String(text[message.upperBound...].prefix { $0 != "," && $0 != ")" })
        }
        return String(text.prefix(300))
    }

    public var description: String {
        switch self {
        case .cannotOpen(let location, let why): "cannot open the library \(location): \(why)"
        case .newerSchema(let found, let known):
            "the library has schema version \(found), newer than this Yusuan knows (\(known)); use a newer Yusuan"
        }
    }
}

/// Now, as stored (`2026-11-30T15:04:05Z`).
enum Timestamp {
    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}
