import Foundation
import Hummingbird
import YusuanAudit
import YusuanLibrary
import YusuanModel
import YusuanRead
import YusuanRender

/// 接口 — the JSON API. Every route here is in `Resources/openapi.json`, and a test
/// holds the two to each other.
enum API {
    static func add(to router: Router<BasicRequestContext>, _ h: Handlers) {
        router.get("/health") { _, _ in try JSON.response(Health(status: "ok")) }
        router.get("/ready") { _, _ in
            do {
                return try JSON.response(Health(status: "ready", documents: try await h.library.count()))
            } catch {
                return try JSON.response(Health(status: "the library cannot be read: \(error)"), status: .serviceUnavailable)
            }
        }
        router.get("/openapi.json") { _, _ in
            guard let data = Server.openAPIDocument else {
                throw APIError(.internalServerError, "the OpenAPI document is missing from this build")
            }
            return JSON.response(bytes: data)
        }

        let api = router.group("/api")
        api.get("/documents") { request, _ in
            let filter = try Self.filter(request.query)
            return try JSON.response(["documents": try await h.library.documents(filter)])
        }
        api.post("/documents") { request, _ in try await upload(request, h) }
        api.get("/documents/{id}") { _, context in
            let id = try h.documentID(context)
            let summary = try await h.summary(id)
            guard let model = try await h.library.modelJSON(id: id) else { throw APIError(.notFound, "no document \(id)") }
            var body = Data("{\"document\":".utf8)
            body += try JSON.encoder.encode(summary)
            body += Data(",\"model\":".utf8)
            body += model
            body += Data("}".utf8)
            return JSON.response(bytes: body)
        }
        api.delete("/documents/{id}") { request, context in
            try h.authorize(request)
            let id = try h.documentID(context)
            guard try await h.library.delete(id: id) else { throw APIError(.notFound, "no document \(id)") }
            return Response(status: .noContent)
        }
        api.get("/documents/{id}/cells") { _, context in
            let id = try h.documentID(context)
            _ = try await h.summary(id)
            return try JSON.response(["cells": try await h.library.cells(id: id)])
        }
        api.get("/documents/{id}/tables") { _, context in
            try JSON.response(["tables": try await disclosure(h, context).tables])
        }
        api.get("/documents/{id}/sections") { _, context in
            try JSON.response(["sections": try await disclosure(h, context).sections])
        }
        api.get("/documents/{id}/findings") { _, context in
            let id = try h.documentID(context)
            _ = try await h.summary(id)
            return try JSON.response(["findings": try await h.library.findings(id: id)])
        }
        api.get("/documents/{id}/source") { _, context in
            let id = try h.documentID(context)
            guard let source = try await h.library.source(id: id) else { throw APIError(.notFound, "no document \(id)") }
            let type = source.kind == .pdf ? "application/pdf" : source.kind == .workbook ? "application/octet-stream" : "text/plain; charset=utf-8"
            return download(Data(source.bytes), type: type, name: (source.fileName as NSString).lastPathComponent)
        }
        api.get("/documents/{id}/annotated.pdf") { _, context in
            let id = try h.documentID(context)
            let summary = try await h.summary(id)
            guard summary.sourceKind == .pdf, let source = try await h.library.source(id: id) else {
                throw APIError(.notFound, "document \(id) was not imported from a PDF, so there is no annotated PDF")
            }
            let findings = try await h.library.findings(id: id)
            let report = AuditReport(document: summary.fileName, department: summary.department, year: summary.year,
                                     engine: summary.engine, findings: findings)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-annotate-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let data: Data
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let file = folder.appendingPathComponent("source.pdf")
                try Data(source.bytes).write(to: file)
                data = try AuditAnnotation.pdf(report, source: try PDFSource.load(contentsOf: file.path), pdf: file.path)
            } catch {
                throw APIError(.serviceUnavailable, "cannot annotate the PDF: \(error)")
            }
            return download(data, type: "application/pdf", name: "\(summary.department)-\(summary.year)-审核批注.pdf")
        }
        api.get("/documents/{id}/render/{format}") { _, context in
            let id = try h.documentID(context)
            let name = context.parameters.get("format") ?? ""
            guard let renderer = Renderers.named(name) else {
                throw APIError(.notFound, "no format \(name); the formats are \(Renderers.all.map(\.name).joined(separator: ", "))")
            }
            let summary = try await h.summary(id)
            guard let model = try await h.library.disclosure(id: id) else { throw APIError(.notFound, "no document \(id)") }
            let data: Data
            do {
                data = try renderer.render(model)
            } catch {
                throw APIError(.serviceUnavailable, "cannot render \(name): \(error)")
            }
            return download(data, type: contentType(renderer), name: "\(summary.department)-\(summary.year).\(renderer.fileExtension)")
        }
        api.get("/compare") { request, _ in
            let ids = try Self.compared(request.query)
            guard ids.count >= 2 else {
                throw APIError(.badRequest, "give the documents: /api/compare?a=ID&b=ID, or ?ids=ID,ID,… (2 to 12)")
            }
            guard let comparison = try await h.library.compare(ids) else {
                throw APIError(.notFound, "no document among \(ids.map(String.init).joined(separator: ", "))")
            }
            return try JSON.response(comparison)
        }
        for name in ["documents", "years", "ranking", "findings", "totals"] {
            api.get("/reports/\(name)") { request, _ in
                let report = try await Self.report(name, request.query, h.library)
                if request.query["format"] == "csv" {
                    return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
                                    body: ResponseBody(byteBuffer: ByteBuffer(string: report.csv)))
                }
                return JSON.response(bytes: report.json)
            }
        }
    }

    /// What `/health` and `/ready` answer.
    struct Health: Encodable {
        var status: String
        var documents: Int?
    }

    /// A report from its query parameters (the same for the API and the pages).
    static func report(_ name: String, _ query: [String: String], _ library: Library) async throws -> Report {
        switch name {
        case "documents":
            return try await library.documentsReport(try filter(query))
        case "years":
            guard let department = query["department"], !department.isEmpty else {
                throw APIError(.badRequest, "years needs ?department=NAME")
            }
            return try await library.yearsReport(department: department)
        case "ranking":
            guard let year = query["year"].flatMap(Int.init) else { throw APIError(.badRequest, "ranking needs ?year=YEAR") }
            var cell = CellAddress.totalSpending
            if let text = query["cell"], !text.isEmpty {
                guard let address = CellAddress(text) else {
                    throw APIError(.badRequest, "cell \(text): give TABLE/ROW/COLUMN, for example 1/支出总计/预算数")
                }
                cell = address
            }
            return try await library.rankingReport(year: year, cell: cell, share: query["share"] == "true",
                                                   limit: query["limit"].flatMap(Int.init))
        case "findings":
            return try await library.findingsReport(year: query["year"].flatMap(Int.init))
        default:
            return try await library.totalsReport()
        }
    }

    /// The documents a comparison names: `ids=1,2,3`, or `a`, `b`, `c`, `d`; at most 12.
    static func compared(_ query: [String: String]) throws -> [Int] {
        let given = query["ids"].map { $0.split(separator: ",").map(String.init) } ?? ["a", "b", "c", "d"].compactMap { query[$0] }
        let ids = try given.filter { !$0.isEmpty }.map { text -> Int in
            guard let id = Int(text) else { throw APIError(.badRequest, "\(text) is not a document id") }
            return id
        }
        guard ids.count <= 12 else { throw APIError(.badRequest, "compare at most 12 documents at once") }
        return ids
    }

    /// A listing's filter from query parameters; a malformed number is a 400.
    static func filter(_ query: [String: String]) throws -> DocumentFilter {
        func number(_ name: String) throws -> Int? {
            guard let text = query[name], !text.isEmpty else { return nil }
            guard let n = Int(text), n >= 0 else { throw APIError(.badRequest, "\(name)=\(text) is not a number") }
            return n
        }
        func text(_ name: String) -> String? { query[name].flatMap { $0.isEmpty ? nil : $0 } }
        return DocumentFilter(department: text("department"), region: text("region"), level: text("level"), year: try number("year"),
                              kind: text("kind"), rule: text("rule"), limit: try number("limit").map { min($0, 10_000) },
                              offset: try number("offset"))
    }

    /// Stores an upload: a published document (text or PDF) or, with `kind=workbook`
    /// or a workbook's type or name, a budget workbook composed first.
    static func upload(_ request: Request, _ h: Handlers) async throws -> Response {
        try h.authorize(request)
        let query = request.query
        let name = query["name"].flatMap { $0.isEmpty ? nil : ($0 as NSString).lastPathComponent } ?? "upload"
        let type = (request.headers[.contentType] ?? "").lowercased()
        let workbookTypes = ["application/yaml", "application/x-yaml", "text/yaml", "application/json",
                             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
        let documentTypes = ["text/plain", "text/markdown", "application/pdf", "application/octet-stream", ""]
        let mediaType = String(type.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces)
        let isWorkbook = query["kind"] == "workbook" || workbookTypes.contains(mediaType)
            || Submission.workbookExtensions.contains((name as NSString).pathExtension.lowercased())
        guard isWorkbook || documentTypes.contains(mediaType) else {
            throw APIError(.unsupportedMediaType, "Content-Type \(mediaType) is not a disclosure (text/plain, application/pdf) "
                           + "or a budget workbook (application/yaml, application/json, .xlsx)")
        }
        let bytes = try await h.body(request)
        let area = query["region"].map { Area(region: $0, level: query["level"] ?? "未知") }
        let submission: Submission
        do {
            submission = isWorkbook ? try Submission.compose(fileName: name, bytes: bytes, area: area)
                                    : try Submission.read(fileName: name, bytes: bytes, area: area)
        } catch {
            switch error.reason {
            case .tooLarge: throw APIError(.contentTooLarge, error.description)
            case .unreadable(.notUTF8), .unreadable(.notPDF), .unreadable(.noText): throw APIError(.unsupportedMediaType, error.description)
            case .unreadable(.tool): throw APIError(.serviceUnavailable, error.description)
            default: throw APIError(.unprocessableContent, error.description)
            }
        }
        let outcome = try await h.library.add(submission)
        let summary = try await h.summary(outcome.id)
        struct Answer: Encodable {
            var document: DocumentSummary
            var stored: Bool
            var page: String
            var findings: [Finding]
        }
        let answer = Answer(document: summary, stored: outcome == .added(outcome.id), page: "/documents/\(outcome.id)",
                            findings: try await h.library.findings(id: outcome.id))
        var response = try JSON.response(answer, status: outcome == .added(outcome.id) ? .created : .ok)
        response.headers[.location] = "/api/documents/\(outcome.id)"
        return response
    }

    static func disclosure(_ h: Handlers, _ context: BasicRequestContext) async throws -> Disclosure {
        let id = try h.documentID(context)
        guard let model = try await h.library.disclosure(id: id) else { throw APIError(.notFound, "no document \(id)") }
        return model
    }

    /// A file to download, named.
    static func download(_ data: Data, type: String, name: String) -> Response {
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-_"))) ?? "document"
        return Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename*=UTF-8''\(encoded)"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func contentType(_ renderer: any Renderer) -> String {
        switch renderer.fileExtension {
        case "html": "text/html; charset=utf-8"
        case "md": "text/markdown; charset=utf-8"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "pdf": "application/pdf"
        case "json": "application/json"
        case "csv": "text/csv; charset=utf-8"
        default: "text/plain; charset=utf-8"
        }
    }
}

extension Request {
    /// The query parameters (the first of a repeated name), decoded as a browser's form
    /// encodes them: `+` is a space, and `%XX` escapes are UTF-8 bytes.
    var query: [String: String] {
        var result: [String: String] = [:]
        for pair in (uri.query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let key = decode(parts[0])
            if result[key] == nil { result[key] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        return result
    }
}
