import Foundation
import Hummingbird
import Logging
import YusuanLibrary

/// 服务 — the library over HTTP: the JSON API under `/api` (described at
/// `/openapi.json`), `/health` and `/ready`, and the Chinese web workbench.
///
/// ```swift
/// let library = try await Library.open(.sqlite(path: "yusuan.sqlite"))
/// let app = Server.application(library: library, options: ServerOptions())
/// try await app.runService()
/// ```
public enum Server {
    /// The router with every route: API, workbench pages and their static files.
    public static func router(library: Library, options: ServerOptions) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: CacheMiddleware(library: library))
        let context = Handlers(library: library, options: options)
        API.add(to: router, context)
        Workbench.add(to: router, context)
        return router
    }

    /// The API's OpenAPI document (served at `/openapi.json`).
    public static let openAPIDocument: Data? = Bundle.module.url(forResource: "openapi", withExtension: "json")
        .flatMap { try? Data(contentsOf: $0) }

    /// The application, bound where `options` say.
    public static func application(library: Library, options: ServerOptions,
                                   logger: Logger = Logger(label: "yusuan.server")) throws -> some ApplicationProtocol {
        try options.check()
        return Application(
            router: router(library: library, options: options),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "yusuan"),
            logger: logger)
    }
}

/// How the server runs.
public struct ServerOptions: Sendable {
    /// The address to bind (127.0.0.1 unless told).
    public var host: String
    public var port: Int
    /// The token every write must carry (`Authorization: Bearer …`); required when
    /// binding beyond loopback.
    public var token: String?
    /// The largest upload taken (bytes); larger gets 413.
    public var uploadLimit: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, uploadLimit: Int = Submission.sizeLimit) {
        self.host = host
        self.port = port
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        self.uploadLimit = uploadLimit
    }

    /// True for an address only this machine reaches.
    public var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(host) || host.hasPrefix("127.") }

    /// Binding beyond loopback without a token is refused.
    public func check() throws {
        if !isLoopback, token == nil { throw ServerError.tokenNeeded(host) }
    }
}

/// Why the server would not start.
public enum ServerError: Error, CustomStringConvertible {
    case tokenNeeded(String)

    public var description: String {
        switch self {
        case .tokenNeeded(let host):
            "binding to \(host) lets other machines in: set YUSUAN_TOKEN to a secret every write must carry, or bind to 127.0.0.1"
        }
    }
}

/// What every handler needs.
struct Handlers: Sendable {
    let library: Library
    let options: ServerOptions

    /// Refuses a write without the token, where one is set.
    func authorize(_ request: Request) throws {
        guard let token = options.token else { return }
        let given = request.headers[.authorization] ?? ""
        guard given == "Bearer \(token)" else {
            throw APIError(.unauthorized, "this server takes writes only with its token: Authorization: Bearer <YUSUAN_TOKEN>")
        }
    }

    /// The document id in the path, or 404.
    func documentID(_ context: BasicRequestContext, _ name: String = "id") throws -> Int {
        guard let id = context.parameters.get(name, as: Int.self) else { throw APIError(.notFound, "no such document") }
        return id
    }

    /// The stored document's summary, or 404.
    func summary(_ id: Int) async throws -> DocumentSummary {
        guard let summary = try await library.summary(id: id) else { throw APIError(.notFound, "no document \(id)") }
        return summary
    }

    /// The request's body, at most the upload limit (413 beyond it), at least one byte (400).
    func body(_ request: Request) async throws -> [UInt8] {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: options.uploadLimit)
        } catch {
            throw APIError(.contentTooLarge, "the upload is larger than \(options.uploadLimit >> 20) MiB")
        }
        guard buffer.readableBytes > 0 else { throw APIError(.badRequest, "the request has no body: send the file's bytes") }
        return Array(buffer.readableBytesView)
    }
}
