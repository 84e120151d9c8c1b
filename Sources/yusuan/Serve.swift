import ArgumentParser
import Foundation
import Hummingbird
import YusuanLibrary
import YusuanServer

/// `yusuan serve` — the library over HTTP: the JSON API and the Chinese web workbench.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Message.serveAbstract.text,
        discussion: """
            The workbench opens at http://127.0.0.1:8080/ (the library, a document's \
            tables with its findings beside the cells, upload, compare, compose, the \
            reports); the API is described at /openapi.json. A new, empty library \
            first takes in the fictional example (examples/ in the current folder), so \
            there is something to look at.

            It binds to 127.0.0.1 unless --host says otherwise; binding elsewhere needs \
            YUSUAN_TOKEN in the environment, a secret every upload and deletion must \
            carry (Authorization: Bearer …). Ctrl-C stops it, finishing the requests \
            under way.
            """
    )

    @OptionGroup var library: DatabaseOptions
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Flag(help: "Do not put the example into a new, empty library.") var noExample = false

    /// The fictional example a new library starts with, relative to the current folder.
    static let example = "examples/demo-county-medical-insurance-2025.txt"

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1 to 65535") }
    }

    func run() async throws {
        let options = ServerOptions(host: host, port: port, token: ProcessInfo.processInfo.environment["YUSUAN_TOKEN"])
        do { try options.check() } catch { try Output.fail("\(error)") }
        try await library.withLibrary { library in
            if !noExample, try await library.count() == 0, FileManager.default.fileExists(atPath: Self.example) {
                _ = try await library.add(try Submission.load(path: Self.example))
                Output.warn("the library was empty: the example \(Self.example) is in it now")
            }
            let app = try Server.application(library: library, options: options)
            Output.warn("Yusuan 工作台 http://\(host.contains(":") ? "[\(host)]" : host):\(port)/ · \(library.location)")
            try await app.runService()
        }
    }
}
