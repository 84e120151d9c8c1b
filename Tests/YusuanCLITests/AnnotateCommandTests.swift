import Foundation
import Testing

/// `yusuan audit FILE.pdf --annotate OUT.pdf` and the pictures of the HTML report,
/// on a real Shanghai PDF, checked with poppler as a reader would see them.
@Suite struct AnnotateCommandTests {
    static let justice = PDFCommandTests.pdfs.appendingPathComponent("shanghai-putuo-justice-bureau-2026-unit.pdf").path

    /// A program on `PATH`, or nil.
    static func which(_ names: String...) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    static let poppler = which("pdftotext") != nil && which("pdfinfo") != nil && which("pdftoppm") != nil
    static let chromium = ProcessInfo.processInfo.environment["YUSUAN_CHROMIUM"].map { !$0.isEmpty }
        ?? (which("chromium", "chromium-browser", "google-chrome", "google-chrome-stable") != nil)
    static let canAnnotate = ReadCommandTests.binary != nil && FileManager.default.fileExists(atPath: justice)
        && poppler && which("qpdf") != nil && chromium
    static let canPicture = ReadCommandTests.binary != nil && FileManager.default.fileExists(atPath: justice) && poppler

    /// Runs a tool and returns its standard output.
    static func tool(_ name: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(which(name), "\(name) is not on PATH"))
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(name) \(arguments.joined(separator: " "))")
        return data
    }

    /// `Pages:` and page 1's `size:` as pdfinfo prints them.
    static func info(_ pdf: String) throws -> (pages: Int, size: String) {
        let text = String(decoding: try tool("pdfinfo", ["-f", "1", "-l", "1", pdf]), as: UTF8.self)
        let lines = text.split(separator: "\n")
        let pages = lines.first { $0.hasPrefix("Pages:") }.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
        let size = lines.first { $0.hasPrefix("Page ") && $0.contains("size:") }
            .map { String($0[$0.range(of: "size:")!.upperBound...]).trimmingCharacters(in: .whitespaces) }
        return (try #require(pages), try #require(size))
    }

    /// A page's words as `pdftotext` reads them, with their counts.
    static func words(_ pdf: String, page: Int) throws -> [String: Int] {
        let text = String(decoding: try tool("pdftotext", ["-f", String(page), "-l", String(page), "-enc", "UTF-8", pdf, "-"]),
                          as: UTF8.self)
        return text.split(whereSeparator: \.isWhitespace).reduce(into: [:]) { $0[String($1), default: 0] += 1 }
    }

    /// A page rasterised at 72 dpi (1 px = 1 pt), as a binary PPM (pdftoppm's default): width, height, RGB bytes.
    static func raster(_ pdf: String, page: Int) throws -> (width: Int, height: Int, rgb: [UInt8]) {
        let ppm = [UInt8](try tool("pdftoppm", ["-f", String(page), "-l", String(page), "-r", "72", "-singlefile", pdf]))
        // `P6`, width, height, maximum value, each after whitespace; then one byte of whitespace and the pixels.
        var fields: [Int] = []
        var i = 2
        try #require(ppm.starts(with: Array("P6".utf8)))
        while fields.count < 3 {
            while i < ppm.count, ppm[i] == 0x20 || ppm[i] == 0x0A || ppm[i] == 0x0D || ppm[i] == 0x09 { i += 1 }
            var value = 0
            while i < ppm.count, (0x30...0x39).contains(ppm[i]) {
                value = value * 10 + Int(ppm[i] - 0x30)
                i += 1
            }
            fields.append(value)
        }
        i += 1
        try #require(fields[2] == 255 && ppm.count - i == fields[0] * fields[1] * 3)
        return (fields[0], fields[1], Array(ppm[i...]))
    }

    /// Whether a pixel within `reach` of (x, y) on the same row is red.
    static func redNear(_ image: (width: Int, height: Int, rgb: [UInt8]), x: Double, y: Double, reach: Int = 3) -> Bool {
        let row = Int(y.rounded())
        guard row >= 0, row < image.height else { return false }
        for column in Int(x.rounded()) - reach...Int(x.rounded()) + reach where column >= 0 && column < image.width {
            let p = (row * image.width + column) * 3
            if image.rgb[p] > 200, image.rgb[p + 1] < 80, image.rgb[p + 2] < 80 { return true }
        }
        return false
    }

    /// The findings of the justice bureau's PDF, from the JSON report.
    static func findings() throws -> [[String: Any]] {
        let run = try ReadCommandTests.run(["audit", justice, "--format", "json", "--fail-on", "never"])
        #expect(run.status == 0, "\(run.err)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        return try #require(report["findings"] as? [[String: Any]])
    }

    @Test(.enabled(if: canAnnotate, "needs the yusuan binary, ../shared/pdf, qpdf, chromium and poppler-utils (pdftotext, pdfinfo, pdftoppm)"))
    func theAnnotatedPDFKeepsThePagesAndBoxesTheFirstError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-annotate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let annotated = dir.appendingPathComponent("annotated.pdf").path

        let run = try ReadCommandTests.run(["audit", Self.justice, "--annotate", annotated, "--fail-on", "never"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err.isEmpty, "\(run.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["annotated.pdf"], "no temporary file is left")

        let original = try Self.info(Self.justice), result = try Self.info(annotated)
        #expect(result.pages > original.pages, "the list of findings is appended after the original pages")
        #expect(result.pages <= original.pages + 2)
        #expect(result.size == original.size)
        let list = try Self.words(annotated, page: original.pages + 1)
        #expect(list["arithmetic.row-identity"] != nil)

        let findings = try Self.findings()
        let error = try #require(findings.first { $0["severity"] as? String == "error" && $0["box"] != nil })
        let page = try #require(error["page"] as? Int)
        let box = try #require(error["box"] as? [String: Double])
        let (xMin, yMin, yMax) = (try #require(box["xMin"]), try #require(box["yMin"]), try #require(box["yMax"]))

        // The original's words are all still there: the overlay adds only its numbers.
        let before = try Self.words(Self.justice, page: page), after = try Self.words(annotated, page: page)
        for (word, count) in before {
            #expect((after[word] ?? 0) >= count, "page \(page) lost \(word)")
        }

        let image = try Self.raster(annotated, page: page)
        #expect(Self.redNear(image, x: xMin, y: (yMin + yMax) / 2), "a red border at the left edge of the first error's box")
        let plain = try Self.raster(Self.justice, page: page)
        #expect(!Self.redNear(plain, x: xMin, y: (yMin + yMax) / 2), "the original has no red there")
    }

    @Test(.enabled(if: ReadCommandTests.binary != nil, "the yusuan binary was not built beside the tests"))
    func annotatingATextInputIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-annotate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = dir.appendingPathComponent("budget.txt").path
        try Data("表1\n部门收支总体情况表\n".utf8).write(to: URL(fileURLWithPath: text))
        let out = dir.appendingPathComponent("out.pdf").path
        let run = try ReadCommandTests.run(["audit", text, "--annotate", out])
        #expect(run.status == 1)
        #expect(run.out.isEmpty)
        #expect(run.err == "yusuan: \(text): --annotate needs a PDF input; this file is not a PDF (a text input can be audited without it)\n")
        #expect(!FileManager.default.fileExists(atPath: out))

        let two = try ReadCommandTests.run(["audit", text, text, "--annotate", out])
        #expect(two.status == 64)
        #expect(two.err.contains("--annotate writes one annotated PDF"))
    }

    @Test(.enabled(if: ReadCommandTests.binary != nil && FileManager.default.fileExists(atPath: justice),
                   "needs the yusuan binary and ../shared/pdf"))
    func anOutputInAMissingFolderIsOneLineAndStatusOne() throws {
        let folder = "/nonexistent-\(UUID().uuidString)"
        let out = folder + "/annotated.pdf"
        let run = try ReadCommandTests.run(["audit", Self.justice, "--annotate", out, "--fail-on", "never"])
        #expect(run.status == 1)
        #expect(run.err == "yusuan: --annotate \(out): cannot be written: there is no folder \(folder)\n")
    }

    @Test(.enabled(if: canPicture, "needs the yusuan binary, ../shared/pdf and poppler-utils (pdftotext, pdftoppm)"))
    func theHTMLReportShowsEachPlacedFindingOnItsPage() throws {
        let findings = try Self.findings()
        // A finding is pictured where it has a box, or a page and a line whose box is taken.
        let placed = findings.filter { $0["box"] != nil || ($0["page"] != nil && $0["line"] != nil) }.count
        #expect(placed > 0)
        let run = try ReadCommandTests.run(["audit", Self.justice, "--format", "html", "--fail-on", "never"])
        #expect(run.status == 0 && run.err.isEmpty, "\(run.err)")
        let marker = "data:image/png;base64,"
        let images = run.out.components(separatedBy: marker).dropFirst()
        #expect(images.count == placed)
        for image in images {
            let encoded = try #require(image.split(separator: "\"", maxSplits: 1).first)
            let png = try #require(Data(base64Encoded: String(encoded)))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            #expect(png.count > 1000)
        }
        #expect(run.out.contains("class=box style=\"left:"))
    }
}
