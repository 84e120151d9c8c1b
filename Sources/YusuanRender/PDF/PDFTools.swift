import Foundation
import YusuanTools

/// PDF 工具 — the command-line PDF tools Yusuan drives (qpdf, poppler's pdfinfo
/// and pdftoppm): finding them, with the Debian package to install where one is
/// missing, and running them.
public enum PDFTools {
    /// A tool and the Debian package that brings it.
    public struct Tool: Sendable, Hashable {
        public var name: String
        public var package: String

        public static let qpdf = Tool(name: "qpdf", package: "qpdf")
        public static let pdfinfo = Tool(name: "pdfinfo", package: "poppler-utils")
        public static let pdftoppm = Tool(name: "pdftoppm", package: "poppler-utils")
        public static let pdftotext = Tool(name: "pdftotext", package: "poppler-utils")

        /// The tool's path on `PATH`, or a one-line error that says what to install.
        public func executable() throws(RenderError) -> String {
            guard let path = ExternalProgram.find(name) else {
                throw RenderError(message: "\(name) is not installed; install \(package) (Debian: apt-get install \(package))")
            }
            return path
        }
    }

    /// Headless Chromium, or a one-line error that says what to install.
    public static func chromium() throws(RenderError) -> String {
        guard let path = Chromium.executable() else {
            throw RenderError(message: "headless Chromium is not installed (looked for $YUSUAN_CHROMIUM, then "
                + "\(Chromium.names.joined(separator: ", ")) on PATH); Debian: apt-get install chromium fonts-noto-cjk")
        }
        return path
    }

    /// Runs a tool to its end and returns its standard output. A non-zero status
    /// (other than one of `accepting`) is an error carrying the tool's first line
    /// of messages.
    @discardableResult
    static func run(_ tool: Tool, _ arguments: [String], accepting: Set<Int32> = [0]) throws(RenderError) -> Data {
        let executable = try tool.executable()
        let outcome: ExternalProgram.Outcome
        do { outcome = try ExternalProgram.run(executable, arguments) } catch {
            throw RenderError(message: error.description)
        }
        guard accepting.contains(outcome.status) else {
            throw RenderError(message: "\(tool.name) failed: \(outcome.firstMessage)")
        }
        return outcome.output
    }

    /// A page as `pdfinfo` gives it: its size in points and its `/Rotate`.
    public struct PageInfo: Sendable, Hashable {
        public var width: Double
        public var height: Double
        public var rotation: Int
    }

    /// Every page of a PDF, by `pdfinfo`.
    public static func pages(of pdf: String) throws(RenderError) -> [PageInfo] {
        let info = String(decoding: try run(.pdfinfo, [pdf]), as: UTF8.self)
        let count = info.split(separator: "\n").lazy.compactMap { line -> Int? in
            line.hasPrefix("Pages:") ? Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) : nil
        }.first
        guard let count, count > 0 else { throw RenderError(message: "pdfinfo found no pages in \(pdf)") }
        // `Page    3 size:  842 x 595 pts (A4)` and `Page    3 rot:   0`, for each page.
        let listing = String(decoding: try run(.pdfinfo, ["-f", "1", "-l", String(count), pdf]), as: UTF8.self)
        var pages: [PageInfo] = []
        for line in listing.split(separator: "\n") where line.hasPrefix("Page ") {
            let fields = line.split(separator: " ")
            if let size = fields.firstIndex(of: "size:"), size + 3 < fields.count,
               let width = Double(fields[size + 1]), let height = Double(fields[size + 3]) {
                pages.append(PageInfo(width: width, height: height, rotation: 0))
            } else if let rot = fields.firstIndex(of: "rot:"), rot + 1 < fields.count, let rotation = Int(fields[rot + 1]),
                      !pages.isEmpty {
                pages[pages.count - 1].rotation = rotation
            }
        }
        guard pages.count == count else { throw RenderError(message: "pdfinfo gave \(pages.count) page sizes for \(count) pages") }
        return pages
    }
}
