import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import YusuanLibrary
@testable import YusuanServer

@Suite("Web workbench")
struct WorkbenchTests {
    static func page(_ response: TestResponse) -> String { String(buffer: response.body) }

    /// The library page lists each department by year with its finding counts, and filters.
    @Test func theLibraryPage() async throws {
        try await TestServer.run { client, library in
            _ = try await TestServer.upload(client, TestServer.example)
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                let html = Self.page(response)
                #expect(html.contains("示例县医疗保障局"))
                #expect(html.contains("<th>2025年</th>"))
                #expect(html.contains("href=\"/documents/1\""))
            }
            try await client.execute(uri: "/?year=2024", method: .get) { response in
                #expect(!Self.page(response).contains("href=\"/documents/1\""))
            }
        }
    }

    /// On a document's page each finding is numbered, marked on the cells it concerns and
    /// listed beside their table.
    @Test func findingsSitBesideTheirCells() async throws {
        // The example with one amount of table 3 broken: the 合计 of 行政运行 (210 15 01) printed 1 more.
        let text = try String(contentsOf: TestServer.example, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let tableThree = try #require(lines.firstIndex { $0.contains("部门支出总体情况表") })
        let row = try #require(lines[tableThree...].firstIndex { $0.hasPrefix("210 15 01 行政运行 58.36") })
        var broken = lines
        broken[row] = broken[row].replacingOccurrences(of: "行政运行 58.36", with: "行政运行 59.36")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-broken-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("broken.txt")
        try broken.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)

        try await TestServer.run { client, library in
            let stored = TestServer.json(try await TestServer.upload(client, file))
            let id = try #require((stored["document"] as? [String: Any])?["id"] as? Int)
            let findings = try await library.findings(id: id)
            let first = try #require(findings.first { $0.table == 3 })
            try await client.execute(uri: "/documents/\(id)", method: .get) { response in
                let html = Self.page(response)
                #expect(response.status == .ok)
                // Listed, numbered, with its rule and expected figure.
                #expect(html.contains("id=\"finding-1\""))
                #expect(html.contains(first.rule))
                // Marked on a cell of table 3, linking to its entry, and listed beside table 3.
                let tableThreeHTML = html.components(separatedBy: "id=\"t3\"").dropFirst().first?.components(separatedBy: "id=\"t4\"").first ?? ""
                #expect(tableThreeHTML.contains("flagged"))
                #expect(tableThreeHTML.contains("href=\"#finding-"))
                #expect(tableThreeHTML.contains("<aside class=\"beside\"><p class=\"finding"))
                // Every render format offered for download.
                for format in ["html", "md", "docx", "xlsx", "pdf", "json", "cells", "text"] {
                    #expect(html.contains("/api/documents/\(id)/render/\(format)"))
                }
                #expect(!html.contains("nil"))
            }
        }
    }

    /// Whatever a document or its file name holds is escaped on every page.
    @Test func textIsEscaped() async throws {
        try await TestServer.run { client, _ in
            let name = "<img src=x onerror=alert(1)>.txt"
            let query = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let response = try await client.execute(uri: "/api/documents?name=\(query)", method: .post, headers: [.contentType: "text/plain"],
                                                    body: ByteBuffer(bytes: try Data(contentsOf: TestServer.example)))
            #expect(response.status == .created)
            for uri in ["/", "/documents/1", "/reports/documents", "/compare?a=1&b=1"] {
                let html = Self.page(try await client.execute(uri: uri, method: .get))
                #expect(!html.contains("<img src=x"), "\(uri)")
            }
            let page = Self.page(try await client.execute(uri: "/documents/1", method: .get))
            #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;.txt"))
        }
    }

    @Test func theOtherPages() async throws {
        try await TestServer.run { client, _ in
            _ = try await TestServer.upload(client, TestServer.example)
            let pages: [(String, String)] = [
                ("/upload", "data-upload=\"document\""), ("/compose", "data-upload=\"workbook\""),
                ("/compare?a=1&b=1", "<svg"), ("/reports/findings", "文库各规则发现的问题"),
                ("/reports/ranking?year=2025", "2025年各部门按"), ("/reports/totals", "示例县"),
                ("/reports/years?department=%E7%A4%BA%E4%BE%8B%E5%8E%BF%E5%8C%BB%E7%96%97%E4%BF%9D%E9%9A%9C%E5%B1%80", "逐年对比"),
                ("/static/workbench.css", "--error"), ("/static/workbench.js", "XMLHttpRequest"),
            ]
            for (uri, words) in pages {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok, "\(uri)")
                #expect(Self.page(response).contains(words), "\(uri)")
            }
            let missing = try await client.execute(uri: "/documents/99", method: .get)
            #expect(missing.status == .notFound)
            #expect(Self.page(missing).contains("没有编号为 99 的文件"))
            #expect(try await client.execute(uri: "/static/..%2Fopenapi.json", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/reports/nothing", method: .get).status == .notFound)
        }
    }

    /// Uploads in parallel, several of each file: every document stored exactly once.
    @Test func parallelUploadsStoreEachDocumentOnce() async throws {
        let text = try String(contentsOf: TestServer.example, encoding: .utf8)
        // Eight distinct documents (a different number of trailing blank lines each).
        let bodies = (0..<8).map { ByteBuffer(string: text + String(repeating: "\n", count: $0 + 1)) }
        try await TestServer.run { client, library in
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for round in 0..<4 {
                    for (n, body) in bodies.enumerated() {
                        group.addTask {
                            try await client.execute(uri: "/api/documents?name=\(n)-\(round).txt", method: .post,
                                                     headers: [.contentType: "text/plain"], body: body).status
                        }
                    }
                }
                var created = 0, existing = 0
                for try await status in group {
                    if status == .created { created += 1 } else if status == .ok { existing += 1 }
                }
                #expect(created == 8)
                #expect(existing == 24)
            }
            #expect(try await library.count() == 8)
        }
    }
}
