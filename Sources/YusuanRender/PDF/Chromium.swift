import Foundation
import YusuanTools

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
        return ExternalProgram.find(names)
    }

    /// Runs a program to its end (or stops it after `timeout`), returning what it
    /// wrote on standard error.
    static func run(_ executable: String, arguments: [String], in directory: URL, timeout: TimeInterval) throws -> String {
        do {
            return try ExternalProgram.run(executable, arguments, in: directory, timeout: timeout).messages
        } catch {
            throw RenderError(message: error.description)
        }
    }
}
