import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import YusuanLibrary
import YusuanRender
@testable import YusuanServer

/// A server on a new SQLite library, for one test.
enum TestServer {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let example = root.appendingPathComponent("examples/demo-county-medical-insurance-2025.txt")
    static let workbook = root.appendingPathComponent("examples/demo-county-medical-insurance-2025.yaml")
    static let seeds = root.deletingLastPathComponent().appendingPathComponent("shared/seeds")

    static func library() async throws -> Library {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try await Library.open(.sqlite(path: folder.appendingPathComponent("library.sqlite").path))
    }

    /// Runs `body` against the router of a new library; the library is closed afterwards.
    static func run(options: ServerOptions = ServerOptions(), _ body: @Sendable (any TestClientProtocol, Library) async throws -> Void)
        async throws {
        let library = try await library()
        let app = Application(router: Server.router(library: library, options: options))
        do {
            try await app.test(.router) { client in try await body(client, library) }
        } catch {
            try? await library.close()
            throw error
        }
        try await library.close()
    }

    /// The response's JSON object (empty when it is not one, which the expectations then catch).
    static func json(_ response: TestResponse) -> [String: Any] {
        ((try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any]) ?? [:]
    }

    static func upload(_ client: any TestClientProtocol, _ file: URL, type: String = "text/plain", token: String? = nil) async throws
        -> TestResponse {
        var headers: HTTPFields = [.contentType: type]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: "/api/documents?name=\(file.lastPathComponent)", method: .post, headers: headers,
                                        body: ByteBuffer(bytes: try Data(contentsOf: file)))
    }
}

@Suite("HTTP API")
struct APITests {
    /// Every route the router serves under /api (and /health, /ready, /openapi.json) is in
    /// the OpenAPI document with its method, and every documented operation is served.
    @Test func theOpenAPIDocumentIsTrue() async throws {
        let library = try await TestServer.library()
        let router = Server.router(library: library, options: ServerOptions())
        try await library.close()
        let served = Set(router.routes.map { "\($0.method) \($0.path)" }.filter {
            $0.contains(" /api") || $0.hasSuffix(" /health") || $0.hasSuffix(" /ready") || $0.hasSuffix(" /openapi.json")
        })
        let data = try #require(Server.openAPIDocument)
        let document = try #require((try JSONSerialization.jsonObject(with: data)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var documented: Set<String> = []
        for (path, operations) in paths {
            for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
        }
        #expect(served == documented, "served only: \(served.subtracting(documented).sorted()); documented only: \(documented.subtracting(served).sorted())")
        #expect(served.count >= 15)
        // The render formats it lists are the renderers'.
        let render = (paths["/api/documents/{id}/render/{format}"]?["get"] as? [String: Any])?["parameters"] as? [[String: Any]]
        let formats = (render?.last?["schema"] as? [String: Any])?["enum"] as? [String]
        #expect(formats == Renderers.all.map(\.name))
    }

    @Test func healthAndReadiness() async throws {
        try await TestServer.run { client, _ in
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/ready", method: .get) { response in
                #expect(response.status == .ok)
                #expect(TestServer.json(response)["documents"] as? Int == 0)
            }
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect(TestServer.json(response)["paths"] != nil)
            }
        }
    }

    /// Upload, read back every part, download every text format, delete.
    @Test func aDocumentsLife() async throws {
        try await TestServer.run { client, library in
            let first = try await TestServer.upload(client, TestServer.example)
            #expect(first.status == .created)
            let answer = TestServer.json(first)
            let document = try #require(answer["document"] as? [String: Any])
            let id = try #require(document["id"] as? Int)
            #expect(document["department"] as? String == "示例县医疗保障局")
            #expect(document["year"] as? Int == 2025)
            #expect(answer["page"] as? String == "/documents/\(id)")
            #expect(first.headers[.location] == "/api/documents/\(id)")

            let again = try await TestServer.upload(client, TestServer.example)
            #expect(again.status == .ok)
            #expect(TestServer.json(again)["stored"] as? Bool == false)

            try await client.execute(uri: "/api/documents?year=2025", method: .get) { response in
                #expect((TestServer.json(response)["documents"] as? [Any])?.count == 1)
            }
            try await client.execute(uri: "/api/documents?year=2024", method: .get) { response in
                #expect((TestServer.json(response)["documents"] as? [Any])?.count == 0)
            }
            try await client.execute(uri: "/api/documents/\(id)", method: .get) { response in
                let body = TestServer.json(response)
                let model = try #require(body["model"] as? [String: Any])
                #expect(model["department"] as? String == "示例县医疗保障局")
                #expect((model["tables"] as? [Any])?.count == 11)
            }
            let cells = try await library.cells(id: id)
            try await client.execute(uri: "/api/documents/\(id)/cells", method: .get) { response in
                let listed = try #require(TestServer.json(response)["cells"] as? [[String: Any]])
                #expect(listed.count == cells.count)
                let total = listed.first { $0["table"] as? Int == 1 && $0["row"] as? String == "支出总计" }
                #expect((total?["value"] as? NSNumber)?.doubleValue == 801.96)
            }
            for part in ["tables", "sections", "findings"] {
                try await client.execute(uri: "/api/documents/\(id)/\(part)", method: .get) { response in
                    #expect(response.status == .ok, "\(part)")
                    #expect(TestServer.json(response)[part] is [Any], "\(part)")
                }
            }
            let original = try Data(contentsOf: TestServer.example)
            try await client.execute(uri: "/api/documents/\(id)/source", method: .get) { response in
                #expect(Data(buffer: response.body) == original)
            }
            for (format, type) in [("html", "text/html"), ("json", "application/json"), ("cells", "text/csv"),
                                   ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), ("md", "text/markdown")] {
                try await client.execute(uri: "/api/documents/\(id)/render/\(format)", method: .get) { response in
                    #expect(response.status == .ok, "\(format)")
                    #expect(response.headers[.contentType]?.hasPrefix(type) == true, "\(format)")
                    #expect(response.headers[.contentDisposition]?.contains("attachment") == true)
                    #expect(response.body.readableBytes > 1000, "\(format)")
                }
            }
            try await client.execute(uri: "/api/documents/\(id)/render/rtf", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/documents/\(id)", method: .delete) { #expect($0.status == .noContent) }
            try await client.execute(uri: "/api/documents/\(id)", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(TestServer.json(response)["status"] as? Int == 404)
            }
            try await client.execute(uri: "/api/documents/\(id)", method: .delete) { #expect($0.status == .notFound) }
        }
    }

    /// Each kind of bad request gets its status and a JSON message.
    @Test func errorsHaveTheirStatus() async throws {
        try await TestServer.run(options: ServerOptions(uploadLimit: 1 << 20)) { client, _ in
            func expect(_ response: TestResponse, _ status: HTTPResponse.Status, _ words: String) throws {
                #expect(response.status == status)
                let body = TestServer.json(response)
                #expect(body["status"] as? Int == status.code)
                #expect((body["error"] as? String)?.contains(words) == true, "\(body)")
            }
            try expect(try await client.execute(uri: "/api/documents", method: .post, headers: [.contentType: "image/png"],
                                                body: ByteBuffer(string: "x")), .unsupportedMediaType, "image/png")
            try expect(try await client.execute(uri: "/api/documents?name=note.txt", method: .post, headers: [.contentType: "text/plain"],
                                                body: ByteBuffer(string: "一段不是预算公开的文字。\n")), .unprocessableContent, "not a budget disclosure")
            try expect(try await client.execute(uri: "/api/documents", method: .post, headers: [.contentType: "application/pdf"],
                                                body: ByteBuffer(string: "%PDF-1.4 broken")), .unsupportedMediaType, "PDF")
            try expect(try await client.execute(uri: "/api/documents", method: .post, headers: [.contentType: "text/plain"],
                                                body: ByteBuffer(bytes: [UInt8](repeating: 0x41, count: (1 << 20) + 1))), .contentTooLarge, "larger")
            try expect(try await client.execute(uri: "/api/documents", method: .post, headers: [.contentType: "text/plain"]),
                       .badRequest, "no body")
            try expect(try await client.execute(uri: "/api/documents?year=two", method: .get), .badRequest, "year=two")
            try expect(try await client.execute(uri: "/api/documents/abc", method: .get), .notFound, "no such document")
            try expect(try await client.execute(uri: "/api/compare?a=1", method: .get), .badRequest, "a=ID&b=ID")
            try expect(try await client.execute(uri: "/api/compare?ids=1,x", method: .get), .badRequest, "x is not a document id")
            try expect(try await client.execute(uri: "/api/reports/years", method: .get), .badRequest, "department")
            try expect(try await client.execute(uri: "/api/reports/ranking?year=2025&cell=nonsense", method: .get), .badRequest, "TABLE/ROW/COLUMN")
            try expect(try await client.execute(uri: "/api/no/such/endpoint", method: .get), .notFound, "/api/no/such/endpoint")
        }
    }

    /// With a token, writes need it and reads do not.
    @Test func writesNeedTheToken() async throws {
        try await TestServer.run(options: ServerOptions(token: "s3cret")) { client, _ in
            #expect(try await TestServer.upload(client, TestServer.example).status == .unauthorized)
            #expect(try await TestServer.upload(client, TestServer.example, token: "wrong").status == .unauthorized)
            let stored = try await TestServer.upload(client, TestServer.example, token: "s3cret")
            #expect(stored.status == .created)
            try await client.execute(uri: "/api/documents", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/documents/1", method: .delete) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/api/documents/1", method: .delete, headers: [.authorization: "Bearer s3cret"]) {
                #expect($0.status == .noContent)
            }
        }
        #expect(throws: ServerError.self) { try ServerOptions(host: "0.0.0.0").check() }
        try ServerOptions(host: "0.0.0.0", token: "s3cret").check()
        try ServerOptions(host: "127.0.0.1").check()
    }

    /// A workbook upload is composed; compare and the reports answer over two documents.
    @Test func composeCompareAndReports() async throws {
        try await TestServer.run { client, _ in
            let text = TestServer.json(try await TestServer.upload(client, TestServer.example))
            let a = try #require((text["document"] as? [String: Any])?["id"] as? Int)
            // The example workbook names a CSV beside it, which an upload cannot carry: a clear 422.
            let workbook = try await TestServer.upload(client, TestServer.workbook, type: "application/yaml")
            #expect(workbook.status == .unprocessableContent)
            #expect((TestServer.json(workbook)["error"] as? String)?.contains("demo-items.csv") == true)
            // Its JSON form with the items inline composes.
            let yaml = try String(contentsOf: TestServer.workbook, encoding: .utf8)
            let csv = try String(contentsOf: TestServer.workbook.deletingLastPathComponent().appendingPathComponent("demo-items.csv"), encoding: .utf8)
            let inline = yaml.replacingOccurrences(of: "items: {csv: demo-items.csv}", with: "items:\n" + Self.yamlItems(csv))
            let composed = try await client.execute(uri: "/api/documents?name=demo.yaml", method: .post, headers: [.contentType: "application/yaml"],
                                                    body: ByteBuffer(string: inline))
            #expect(composed.status == .created, "\(String(buffer: composed.body))")
            let b = try #require((TestServer.json(composed)["document"] as? [String: Any])?["id"] as? Int)
            try await client.execute(uri: "/api/compare?a=\(a)&b=\(b)", method: .get) { response in
                let body = TestServer.json(response)
                let cells = try #require(body["cells"] as? [[String: Any]])
                #expect(cells.count > 100)
                #expect((body["documents"] as? [Any])?.count == 2)
                // The example's 支出总计 (801.96) and the composed one's, side by side.
                let total = try #require(cells.first { $0["table"] as? Int == 1 && $0["row"] as? String == "支出总计" })
                #expect(((total["values"] as? [Any])?.first as? NSNumber)?.doubleValue == 801.96)
            }
            try await client.execute(uri: "/api/compare?ids=\(a),\(b),\(a)", method: .get) { response in
                #expect((TestServer.json(response)["documents"] as? [Any])?.count == 3)
            }
            for report in ["documents", "findings", "totals", "ranking?year=2025", "years?department=示例县医疗保障局"] {
                let uri = "/api/reports/" + (report.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? report)
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(report)")
                    #expect(TestServer.json(response)["rows"] is [Any], "\(report)")
                }
            }
            // A browser's form sends a space as +.
            try await client.execute(uri: "/api/reports/years?department=%E7%A4%BA%E4%BE%8B+%E5%8E%BF", method: .get) { response in
                #expect((TestServer.json(response)["title"] as? String)?.hasPrefix("示例 县") == true)
            }
            try await client.execute(uri: "/api/reports/totals?format=csv", method: .get) { response in
                #expect(String(buffer: response.body).hasPrefix("地区,年度,文件数"))
            }
        }
    }

    /// A kept answer is never staler than the library, whoever wrote to it: this
    /// server, or another process (here a second connection to the same file).
    @Test func keptAnswersFollowTheLibrary() async throws {
        try await TestServer.run { client, library in
            func listed() async throws -> Int {
                let response = try await client.execute(uri: "/api/documents", method: .get)
                return (TestServer.json(response)["documents"] as? [Any])?.count ?? -1
            }
            #expect(try await listed() == 0)
            #expect(try await listed() == 0)
            _ = try await TestServer.upload(client, TestServer.example)
            #expect(try await listed() == 1)
            let page = try await client.execute(uri: "/", method: .get)
            #expect(String(buffer: page.body).contains("示例县医疗保障局"))

            let other = try await Library.open(library.location)
            let text = try String(contentsOf: TestServer.example, encoding: .utf8) + "\n\n"
            _ = try await other.add(try Submission.read(fileName: "other.txt", bytes: Array(text.utf8)))
            try await other.close()
            #expect(try await listed() == 2)
            let id = try #require(try await library.documents().last?.id)
            try await client.execute(uri: "/documents/\(id)", method: .get) { #expect($0.status == .ok) }
            _ = try await library.delete(id: id)
            try await client.execute(uri: "/documents/\(id)", method: .get) { #expect($0.status == .notFound) }
        }
    }

    /// The CSV line items as a YAML list.
    static func yamlItems(_ csv: String) -> String {
        let lines = csv.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return "  - {" + zip(header, fields).filter { !$0.1.isEmpty }.map { "\($0.0): \"\($0.1)\"" }.joined(separator: ", ") + "}"
        }.joined(separator: "\n")
    }
}

@Suite("HTTP API on published PDFs", .enabled(if: PDFUpload.ready, "needs ../shared/pdf and pdftotext, qpdf and chromium"))
struct PDFUploadTests {
    /// A Shanghai PDF uploaded is read from its geometry; its annotated PDF is the
    /// original's pages with the boxes, and the findings' list appended.
    @Test func aPublishedPDFAndItsAnnotatedCopy() async throws {
        try await TestServer.run { client, _ in
            let response = try await TestServer.upload(client, PDFUpload.justice, type: "application/pdf")
            #expect(response.status == .created)
            let document = try #require(TestServer.json(response)["document"] as? [String: Any])
            #expect(document["department"] as? String == "上海市普陀区司法局")
            #expect(document["year"] as? Int == 2026)
            #expect(document["template"] as? String == "shanghai")
            #expect(document["errors"] as? Int == 1)
            let id = try #require(document["id"] as? Int)
            let annotated = try await client.execute(uri: "/api/documents/\(id)/annotated.pdf", method: .get)
            #expect(annotated.status == .ok)
            #expect(annotated.headers[.contentType] == "application/pdf")
            let bytes = Data(buffer: annotated.body)
            #expect(bytes.starts(with: Array("%PDF".utf8)))
            #expect(bytes.count > (try Data(contentsOf: PDFUpload.justice)).count)
            let page = String(buffer: try await client.execute(uri: "/documents/\(id)", method: .get).body)
            #expect(page.contains("/api/documents/\(id)/annotated.pdf"))
            // A text document has none.
            let text = TestServer.json(try await TestServer.upload(client, TestServer.example))
            let textID = try #require((text["document"] as? [String: Any])?["id"] as? Int)
            #expect(try await client.execute(uri: "/api/documents/\(textID)/annotated.pdf", method: .get).status == .notFound)
        }
    }
}

enum PDFUpload {
    static let justice = TestServer.root.deletingLastPathComponent().appendingPathComponent("shared/pdf/shanghai-putuo-justice-bureau-2026-unit.pdf")
    static let ready = FileManager.default.fileExists(atPath: justice.path)
        && ["pdftotext", "qpdf", "chromium"].allSatisfy { tool in
            (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
                .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
        }
}
