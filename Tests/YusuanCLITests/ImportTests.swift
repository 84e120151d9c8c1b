import Foundation
import SQLKit
import Testing
@testable import YusuanLibrary

/// `yusuan import` as a user runs it, and killed in the middle.
@Suite(.enabled(if: ReadCommandTests.binary != nil, "the yusuan binary was not built beside the tests"))
struct ImportTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/demo-county-medical-insurance-2025.txt")

    /// A folder of `count` distinct documents (the example with 1 … count trailing line breaks).
    static func folder(_ count: Int) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-import-\(UUID().uuidString)")
        let documents = folder.appendingPathComponent("documents/nested")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        let text = try String(contentsOf: example, encoding: .utf8)
        for n in 1...count {
            try (text + String(repeating: "\n", count: n)).write(to: documents.appendingPathComponent(String(format: "d%03d.txt", n)),
                                                                 atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// An import killed (SIGKILL) in the middle of writing a document, then the same
    /// import again: every document is in the library exactly once, and each whole
    /// (its cells with it). The kill comes from the import itself, inside the writing
    /// transaction of its 7th document (`YUSUAN_TEST_KILL_INSIDE`), so the test does
    /// not depend on timing.
    @Test func aKilledImportIsFinishedByRunningItAgain() async throws {
        let count = 20
        let folder = try Self.folder(count)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("library.sqlite").path
        let arguments = ["import", folder.appendingPathComponent("documents").path, "--database", database, "--jobs", "2"]

        let killed = try ReadCommandTests.run(arguments, environment: ["YUSUAN_TEST_KILL_INSIDE": "7"])
        #expect(killed.status == 9 || killed.status == 128 + 9, "the import was to be killed, not end with \(killed.status)")
        let library = try await Library.open(.sqlite(path: database))
        let before = try await library.count()
        #expect(before == 6, "the six documents committed before the kill, and not the seventh")

        let again = try ReadCommandTests.run(arguments)
        #expect(again.status == 0, "\(again.err)")
        #expect(again.err.contains("imported \(count - before), already in the library \(before), failed 0"))

        #expect(try await library.count() == count)
        let documents = try await library.documents()
        #expect(Set(documents.map(\.hash)).count == count)
        for document in documents {
            #expect(try await library.cells(id: document.id).count > 100, "document \(document.id) is not whole")
        }
        let check = try await library.sql.raw("PRAGMA integrity_check").first(decodingColumn: "integrity_check", as: String.self)
        #expect(check == "ok")
        try await library.close()
    }

    /// A bad file among good ones is reported with its reason and skipped; the rest go in.
    @Test func aBadFileIsSkipped() async throws {
        let folder = try Self.folder(2)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "不是预算公开文件。\n".write(to: folder.appendingPathComponent("documents/nested/bad.txt"), atomically: true, encoding: .utf8)
        let database = folder.appendingPathComponent("library.sqlite").path
        let result = try ReadCommandTests.run(["import", folder.appendingPathComponent("documents").path, "--database", database])
        #expect(result.status == 1)
        #expect(result.err.contains("bad.txt: not a budget disclosure"))
        #expect(result.err.contains("imported 2, already in the library 0, failed 1"))
        let query = try ReadCommandTests.run(["query", "documents", "--database", database, "--to", "csv"])
        #expect(query.status == 0)
        #expect(query.out.split(separator: "\n").count == 3)
        #expect(query.out.contains("示例县医疗保障局,2025,部门,示例县,县级,standard"))
    }
}
