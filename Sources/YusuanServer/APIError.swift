import Foundation
import Hummingbird

/// An error as the API answers it: the status, and JSON `{"error": message, "status": code}`.
struct APIError: Error, HTTPResponseError {
    var status: HTTPResponse.Status
    var message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try JSON.response(Body(error: message, status: status.code), status: status)
    }

    /// The JSON an error answers with.
    struct Body: Encodable {
        var error: String
        var status: Int
    }
}

/// Turns any other error into JSON too (a router's 404, a database failure as 500),
/// so that no answer is an HTML error page or an empty body.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try answer(error, request, context)
        } catch let error as HTTPError {
            let message = error.body ?? (error.status == .notFound ? "no such page or endpoint: \(request.uri.path)" : error.status.reasonPhrase)
            return try answer(APIError(error.status, message), request, context)
        } catch {
            context.logger.error("\(request.method) \(request.uri.path): \(error)")
            return try answer(APIError(.internalServerError, "the server failed: \(error)"), request, context)
        }
    }

    /// JSON for the API and the service endpoints, a page for the workbench.
    private func answer(_ error: APIError, _ request: Request, _ context: Context) throws -> Response {
        let path = request.uri.path
        if path.hasPrefix("/api") || ["/health", "/ready", "/openapi.json"].contains(path) {
            return try error.response(from: request, context: context)
        }
        return Workbench.errorPage(error.status, error.status == .notFound ? "没有这个页面：\(path)" : error.message)
    }
}

/// JSON answers.
enum JSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// An encodable value as the response body.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        response(bytes: try encoder.encode(value), status: status)
    }

    /// Bytes already JSON as the response body.
    static func response(bytes: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
