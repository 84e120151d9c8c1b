import Foundation
import Logging
import NIOPosix
import PostgresKit
import SQLKit
@testable import YusuanLibrary

/// Files and databases the library tests use.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let exampleText = root.appendingPathComponent("examples/demo-county-medical-insurance-2025.txt")
    static let exampleWorkbook = root.appendingPathComponent("examples/demo-county-medical-insurance-2025.yaml")
    static let seeds = root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    static let pdfs = root.deletingLastPathComponent().appendingPathComponent("shared/pdf")

    static var seedFiles: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: seeds, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "txt" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static var hasSeeds: Bool { !seedFiles.isEmpty }

    /// The PostgreSQL server `.ci/run` starts for the tests (`postgres://…`), if any.
    static let postgres = ProcessInfo.processInfo.environment["YUSUAN_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    static func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

    /// A new, empty SQLite library in a temporary folder.
    static func sqlite() -> DatabaseLocation {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return .sqlite(path: folder.appendingPathComponent("library.sqlite").path)
    }

    /// A new, empty PostgreSQL library: a database of its own on the test server.
    static func postgresDatabase() async throws -> DatabaseLocation {
        guard let server = postgres, var parts = URLComponents(string: server) else { throw CancellationError() }
        let name = "yusuan_test_" + UUID().uuidString.prefix(8).lowercased()
        let connection = try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(),
            configuration: try SQLPostgresConfiguration(url: server).coreConfiguration, id: 1,
            logger: Logger(label: "yusuan.tests")).get()
        do {
            try await connection.sql().raw(SQLQueryString("CREATE DATABASE \(unsafeRaw: name)")).run()
        } catch {
            try? await connection.close().get()
            throw error
        }
        try await connection.close().get()
        parts.path = "/" + name
        return .postgres(url: parts.string!)
    }

    /// The library at a location of `kind` ("sqlite" or "postgres").
    static func library(_ kind: String) async throws -> Library {
        try await Library.open(kind == "postgres" ? try await postgresDatabase() : sqlite())
    }

    /// Runs `body` on a new library of `kind`, closing it however `body` ends.
    static func with(_ kind: String, _ body: (Library) async throws -> Void) async throws {
        let library = try await library(kind)
        do {
            try await body(library)
        } catch {
            try? await library.close()
            throw error
        }
        try await library.close()
    }

    /// The backends to run a test on: SQLite, and PostgreSQL where a server is given.
    static let backends = ["sqlite", "postgres"]
    static func available(_ kind: String) -> Bool { kind == "sqlite" || postgres != nil }
}
