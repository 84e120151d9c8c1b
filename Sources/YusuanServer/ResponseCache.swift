import Hummingbird
import Synchronization
import YusuanLibrary

/// 应答缓存 — answers built from the library, kept while the library's generation
/// stays the same.
///
/// Every write, by this server or by any other process (an import from the command
/// line), counts the library's generation up (`Library.generation()`); a kept answer
/// is served only while the generation it was built at is the current one, so a page
/// is never staler than the library. GET requests only, and only answers of 200;
/// `/health`, `/ready` and the static files are cheap and not kept.
struct CacheMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    let library: Library
    let cache = ResponseCache()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard request.method == .get, !["/health", "/ready"].contains(path), !path.hasPrefix("/static/") else {
            return try await next(request, context)
        }
        let generation = try await library.generation()
        let key = request.uri.description
        if let kept = cache.answer(for: key, at: generation) { return kept }
        var response = try await next(request, context)
        guard response.status == .ok else { return response }
        let collected = Collected()
        try await response.body.write(Collector(into: collected))
        let bytes = collected.buffer
        cache.keep(key, at: generation, status: response.status, headers: response.headers, body: bytes)
        response.body = ResponseBody(byteBuffer: bytes)
        return response
    }
}

/// The kept answers, at most `limit` of them and none larger than `largest` bytes.
final class ResponseCache: Sendable {
    struct Entry: Sendable {
        var generation: Int
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
    }

    let limit = 512
    let largest = 16 << 20
    private let entries = Mutex<[String: Entry]>([:])

    func answer(for key: String, at generation: Int) -> Response? {
        guard let entry = entries.withLock({ $0[key] }), entry.generation == generation else { return nil }
        return Response(status: entry.status, headers: entry.headers, body: ResponseBody(byteBuffer: entry.body))
    }

    func keep(_ key: String, at generation: Int, status: HTTPResponse.Status, headers: HTTPFields, body: ByteBuffer) {
        guard body.readableBytes <= largest else { return }
        entries.withLock { entries in
            // Answers of an older generation are never served again: drop them first.
            if entries.count >= limit { entries = entries.filter { $0.value.generation == generation } }
            if entries.count >= limit { entries.removeAll() }
            entries[key] = Entry(generation: generation, status: status, headers: headers, body: body)
        }
    }
}

/// Where a response body is collected (a reference, so that it outlives the consumed writer).
final class Collected: @unchecked Sendable {
    var buffer = ByteBuffer()
}

/// Writes a response body into `Collected`.
struct Collector: ResponseBodyWriter {
    let into: Collected

    mutating func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        into.buffer.writeBuffer(&buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
