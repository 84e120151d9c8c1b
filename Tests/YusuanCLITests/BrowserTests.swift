import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// The workbench in a real browser: headless Chromium driven through WebDriver
/// (Debian's chromium-driver) against `yusuan serve`. It uploads a seed on the upload
/// page, follows the link to the document, sees its findings on and beside the cells,
/// opens the compare page and downloads the XLSX. Screenshots are kept in
/// `.build/browser-test/`.
@Suite(.enabled(if: Browser.chromedriver != nil && ReadCommandTests.binary != nil,
                "chromium-driver is not installed (apt-get install chromium-driver), or the yusuan binary was not built"))
struct BrowserTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let screenshots = root.appendingPathComponent(".build/browser-test")

    @Test func uploadSeeFindingsCompareAndDownload() async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-browser-\(UUID().uuidString)")
        let downloads = work.appendingPathComponent("downloads")
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        let seed = Self.root.deletingLastPathComponent().appendingPathComponent("shared/seeds/000_1d131de1ecb7a292.txt")
        let example = Self.root.appendingPathComponent("examples/demo-county-medical-insurance-2025.txt")
        let upload = FileManager.default.fileExists(atPath: seed.path) ? seed : example

        let port = 20_000 + Int.random(in: 0..<20_000)
        let server = try Self.start(ReadCommandTests.binary!.path, ["serve", "--port", "\(port)", "--no-example",
                                                                   "--database", work.appendingPathComponent("library.sqlite").path])
        defer { Self.stop(server) }
        let driverPort = port + 1
        let driver = try Self.start(Browser.chromedriver!, ["--port=\(driverPort)"])
        defer { Self.stop(driver) }
        let base = "http://127.0.0.1:\(port)"
        try await Self.waitFor("\(base)/ready")
        try await Self.waitFor("http://127.0.0.1:\(driverPort)/status")

        let browser = try await WebDriver(port: driverPort, chromium: Browser.chromium, downloads: downloads.path)
        do {
            // Upload the seed through the page's file input, as a user choosing a file would.
            try await browser.go("\(base)/upload")
            let input = try await browser.find("input[type=file]")
            try await browser.type(input, upload.path)
            let link = try await browser.waitFor("#uploads li.ok a", seconds: 60)
            let uploaded = try await browser.text(link)
            #expect(uploaded.contains("2025年"))
            try await browser.screenshot(Self.screenshots.appendingPathComponent("upload.png"))

            // The document: findings listed, marked on cells and beside their table.
            try await browser.click(link)
            _ = try await browser.waitFor("#findings", seconds: 20)
            let flagged = try await browser.findAll("td.flagged")
            let beside = try await browser.findAll("aside.beside p.finding")
            #expect(!flagged.isEmpty)
            #expect(!beside.isEmpty)
            let marker = try await browser.text(try browser.first(flagged))
            #expect(marker.contains("."), "a flagged amount: \(marker)")
            try await browser.screenshot(Self.screenshots.appendingPathComponent("document.png"))
            try await browser.run("document.querySelector('td.flagged').scrollIntoView({block: 'center'})")
            try await browser.screenshot(Self.screenshots.appendingPathComponent("document-cells.png"))

            // Download the XLSX by its button.
            let xlsx = try await browser.find("a[href$='/render/xlsx']")
            try await browser.click(xlsx)
            let file = try await Self.waitForDownload(in: downloads, suffix: ".xlsx")
            #expect(Array(try Data(contentsOf: file).prefix(2)) == Array("PK".utf8))

            // A second document, then the compare page with its chart.
            _ = try await HTTP.send("POST", "\(base)/api/documents?name=example.txt", body: try Data(contentsOf: example),
                                    type: "text/plain")
            try await browser.go("\(base)/compare?a=1&b=2")
            _ = try await browser.waitFor("svg.compare-chart", seconds: 20)
            let changed = try await browser.findAll("tr.changed")
            #expect(!changed.isEmpty)
            try await browser.screenshot(Self.screenshots.appendingPathComponent("compare.png"))
        } catch {
            try? await browser.screenshot(Self.screenshots.appendingPathComponent("failure.png"))
            try? await browser.quit()
            throw error
        }
        try await browser.quit()
    }

    static func start(_ path: String, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Stops a helper process for good (a process started by the test runner may not
    /// see SIGTERM, whose handling it inherits).
    static func stop(_ process: Process) {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Waits (at most 30 s) until `url` answers 200.
    static func waitFor(_ url: String) async throws {
        for _ in 0..<300 {
            if let (status, _) = try? await HTTP.send("GET", url), status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw WebDriver.Failure("\(url) did not answer within 30 s")
    }

    static func waitForDownload(in folder: URL, suffix: String) async throws -> URL {
        for _ in 0..<300 {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            if let name = names.first(where: { $0.hasSuffix(suffix) }) { return folder.appendingPathComponent(name) }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw WebDriver.Failure("no \(suffix) file was downloaded within 30 s")
    }
}

/// Where the browser and its driver are.
enum Browser {
    static let chromedriver = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// The few WebDriver commands the browser test needs, over HTTP and JSON.
struct WebDriver {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    let endpoint: String

    init(port: Int, chromium: String?, downloads: String) async throws {
        var options: [String: Any] = [
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000", "--disable-dev-shm-usage"],
            "prefs": ["download.default_directory": downloads, "download.prompt_for_download": false],
        ]
        if let chromium { options["binary"] = chromium }
        let answer = try await Self.send("POST", "http://127.0.0.1:\(port)/session",
                                         ["capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": options]]])
        guard let id = (answer as? [String: Any])?["sessionId"] as? String else { throw Failure("no WebDriver session: \(answer)") }
        endpoint = "http://127.0.0.1:\(port)/session/\(id)"
    }

    func go(_ url: String) async throws { _ = try await Self.send("POST", "\(endpoint)/url", ["url": url]) }

    func find(_ css: String) async throws -> String {
        let value = try await Self.send("POST", "\(endpoint)/element", ["using": "css selector", "value": css])
        guard let element = (value as? [String: Any])?.values.first as? String else { throw Failure("no element \(css)") }
        return element
    }

    func findAll(_ css: String) async throws -> [String] {
        let value = try await Self.send("POST", "\(endpoint)/elements", ["using": "css selector", "value": css])
        return (value as? [[String: Any]] ?? []).compactMap { $0.values.first as? String }
    }

    func first(_ elements: [String]) throws -> String {
        guard let element = elements.first else { throw Failure("no element") }
        return element
    }

    /// Polls for an element (at most `seconds`).
    func waitFor(_ css: String, seconds: Int) async throws -> String {
        for _ in 0..<(seconds * 10) {
            if let element = try await findAll(css).first { return element }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure("\(css) did not appear within \(seconds) s")
    }

    func type(_ element: String, _ text: String) async throws {
        _ = try await Self.send("POST", "\(endpoint)/element/\(element)/value", ["text": text])
    }

    func click(_ element: String) async throws { _ = try await Self.send("POST", "\(endpoint)/element/\(element)/click", [:]) }

    func text(_ element: String) async throws -> String {
        try await Self.send("GET", "\(endpoint)/element/\(element)/text", nil) as? String ?? ""
    }

    func screenshot(_ file: URL) async throws {
        guard let base64 = try await Self.send("GET", "\(endpoint)/screenshot", nil) as? String,
              let data = Data(base64Encoded: base64) else { throw Failure("no screenshot") }
        try data.write(to: file)
    }

    func run(_ script: String) async throws {
        _ = try await Self.send("POST", "\(endpoint)/execute/sync", ["script": script, "args": [Any]()])
    }

    func quit() async throws { _ = try await Self.send("DELETE", endpoint, nil) }

    /// One command; returns its `value`, or throws the driver's error message.
    @discardableResult
    static func send(_ method: String, _ url: String, _ body: [String: Any]?) async throws -> Any {
        let (_, data) = try await HTTP.send(method, url, body: try body.map { try JSONSerialization.data(withJSONObject: $0) },
                                            type: "application/json")
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        if let value = object["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure("WebDriver \(method) \(url): \(error): \(value["message"] as? String ?? "")")
        }
        if method == "POST", url.hasSuffix("/session") { return (object["value"] as? [String: Any]) ?? object }
        return object["value"] ?? NSNull()
    }
}

/// HTTP for the browser test, through AsyncHTTPClient (Foundation's URLSession on
/// Linux cannot read chromedriver's answers: "Failed writing header").
enum HTTP {
    static func send(_ method: String, _ url: String, body: Data? = nil, type: String? = nil) async throws -> (Int, Data) {
        var request = HTTPClientRequest(url: url)
        request.method = .RAW(value: method)
        if let type { request.headers.add(name: "Content-Type", value: type) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(120))
        let bytes = try await response.body.collect(upTo: 64 << 20)
        return (Int(response.status.code), Data(bytes.readableBytesView))
    }
}
