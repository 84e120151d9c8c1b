import Foundation

/// 无头浏览器 — finding and running headless Chromium.
public enum Chromium {
    /// The names looked for on `PATH`, after `YUSUAN_CHROMIUM`.
    static let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    static let missing = RenderError(message: """
        PDF output needs headless Chromium, and none was found (looked for $YUSUAN_CHROMIUM, then \
        \(names.joined(separator: ", ")) on PATH). Install it with the CJK fonts \
        (Debian: apt-get install chromium fonts-noto-cjk), or write HTML with --to html and print that.
        """)

    /// The Chromium executable, or nil where none is installed.
    public static func executable() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["YUSUAN_CHROMIUM"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        return which(names)
    }

    /// The first of `names` found as an executable on `PATH`.
    public static func which(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in names {
            for directory in path.split(separator: ":") {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Runs a program to its end (or stops it after `timeout`), returning what it
    /// wrote on standard error.
    static func run(_ executable: String, arguments: [String], in directory: URL, timeout: TimeInterval) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let errors = directory.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let errorHandle = try FileHandle(forWritingTo: errors)
        defer { try? errorHandle.close() }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errorHandle
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw RenderError(message: "\(executable) could not be started: \(error.localizedDescription)")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                process.waitUntilExit()
                throw RenderError(message: "\(executable) did not finish within \(Int(timeout)) seconds and was stopped")
            }
            usleep(50_000)
        }
        return (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
    }
}
