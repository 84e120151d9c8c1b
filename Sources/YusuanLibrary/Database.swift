@preconcurrency import AsyncKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit
import Synchronization

/// 数据库位置 — where a library is kept: a SQLite file (the embedded default) or a
/// PostgreSQL server (`postgres://user@host:port/database`).
public enum DatabaseLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    /// The default: `yusuan.sqlite` in the current folder.
    public static let defaultPath = "yusuan.sqlite"

    /// A `--database` argument: a `postgres://` or `postgresql://` URL, else a SQLite file path.
    public init(argument: String) {
        let lower = argument.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            self = .postgres(url: argument)
        } else {
            self = .sqlite(path: argument)
        }
    }

    /// The location as a user gave it, with any password hidden.
    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let url):
            guard var parts = URLComponents(string: url), parts.password != nil else { return url }
            parts.password = "***"
            return parts.string ?? url
        }
    }
}

/// The open connections behind a library, of either kind: `read` for queries, `write`
/// for the writing transactions (which the library runs one at a time).
///
/// On SQLite, one connection writes and two read, round robin; with write-ahead
/// logging (kept in the file) readers see only committed documents and never wait
/// for the writer, and a killed writer leaves every committed transaction whole. A
/// busy database is waited for (sqlite-nio's busy handler), never failed. On
/// PostgreSQL a pool serves both, each transaction on one pooled connection.
struct Connections: Sendable {
    let read: any SQLDatabase
    let write: any SQLDatabase
    let shutdown: @Sendable () async throws -> Void

    static func open(_ location: DatabaseLocation, logger: Logger) async throws -> Connections {
        switch location {
        case .sqlite(let path):
            let storage = SQLiteConnection.Storage.file(path: URL(fileURLWithPath: path).standardizedFileURL.path)
            var opened: [SQLiteConnection] = []
            do {
                for _ in 0..<3 {
                    let connection = try await SQLiteConnection.open(storage: storage, logger: logger)
                    opened.append(connection)
                    _ = try await connection.query("PRAGMA foreign_keys = ON")
                }
                _ = try await opened[0].query("PRAGMA journal_mode = WAL")
            } catch {
                for connection in opened { try? await connection.close() }
                throw error
            }
            let all = opened
            return Connections(read: RoundRobin(all[1...].map { $0.sql(queryLogLevel: nil) }),
                               write: all[0].sql(queryLogLevel: nil),
                               shutdown: { for connection in all { try await connection.close() } })
        case .postgres(let url):
            let configuration = try SQLPostgresConfiguration(url: url)
            let pool = EventLoopGroupConnectionPool(
                source: PostgresConnectionSource(sqlConfiguration: configuration),
                maxConnectionsPerEventLoop: 4, requestTimeout: .seconds(60), logger: logger,
                on: MultiThreadedEventLoopGroup.singleton)
            let sql = pool.database(logger: logger).sql(queryLogLevel: nil)
            do {
                // Fail now, with the server's reason, rather than at the first query.
                try await sql.raw("SELECT 1").run()
            } catch {
                try? await pool.shutdownAsync()
                throw error
            }
            return Connections(read: sql, write: sql, shutdown: { try await pool.shutdownAsync() })
        }
    }
}

/// Several databases used in turn, one per query (the read connections of SQLite).
final class RoundRobin: SQLDatabase, Sendable {
    private let databases: [any SQLDatabase]
    private let counter = Mutex(0)

    init(_ databases: [any SQLDatabase]) { self.databases = databases }

    private var next: any SQLDatabase {
        databases[counter.withLock { n in n = (n + 1) % databases.count; return n }]
    }

    var logger: Logger { databases[0].logger }
    var eventLoop: any EventLoop { databases[0].eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { databases[0].version }
    var dialect: any SQLDialect { databases[0].dialect }
    var queryLogLevel: Logger.Level? { databases[0].queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        next.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try await next.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(next)
    }
}
