import Benchmark
import Foundation
import YusuanModel
import YusuanRead

/// PDF 读取基准 — how long reading a published PDF takes, and how that time splits
/// between poppler (`pdftotext -bbox-layout`, an external process) and Yusuan
/// (scanning poppler's output, regrouping the words into lines, recognising the
/// template and reading every table from geometry).
///
/// The documents are the PDFs in `../../shared/pdf` (relative to this package), or
/// the folder named by `YUSUAN_PDFS`. Without them, or without `pdftotext`, no
/// benchmark is registered.
let benchmarks: @Sendable () -> Void = {
    let environment = ProcessInfo.processInfo.environment
    let folder = environment["YUSUAN_PDFS"].map { URL(fileURLWithPath: $0) }
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/pdf")
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".pdf") }.sorted()
    guard let pdftotext = Poppler.pdftotext(), !names.isEmpty else {
        print("ReadPDF: no PDFs in \(folder.path) or no pdftotext on PATH; nothing to measure")
        return
    }
    Benchmark.defaultConfiguration.timeUnits = .milliseconds
    Benchmark.defaultConfiguration.maxDuration = .seconds(5)
    Benchmark.defaultConfiguration.maxIterations = 100

    for name in names {
        let path = folder.appendingPathComponent(name).path
        let xhtml = Poppler.run(pdftotext, path)
        let pages = (try? PDFSource.document(fromBBoxLayout: xhtml))?.pages.count ?? 0
        let short = String(name.dropFirst("shanghai-putuo-".count).prefix(24))
        print("ReadPDF: \(name), \(pages) pages, \(xhtml.count) bytes of bbox XHTML")

        Benchmark("poppler: pdftotext -bbox-layout, \(short) (\(pages) p.)",
                  configuration: .init(metrics: [.wallClock])) { _ in
            blackHole(Poppler.run(pdftotext, path))
        }
        Benchmark("Yusuan: bbox XHTML → Disclosure, \(short) (\(pages) p.)",
                  configuration: .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident])) { _ in
            blackHole(try? DisclosureReader.read(try PDFSource.document(fromBBoxLayout: xhtml)))
        }
        Benchmark("end to end: PDFSource.load + read, \(short) (\(pages) p.)",
                  configuration: .init(metrics: [.wallClock])) { _ in
            blackHole(try? DisclosureReader.read(try PDFSource.load(contentsOf: path)))
        }
    }
}

/// Running poppler's `pdftotext` the way `PDFSource` does.
enum Poppler {
    static func pdftotext() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/pdftotext" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ tool: String, _ path: String) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-bbox-layout", "-enc", "UTF-8", path, "-"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return [] }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }
}
