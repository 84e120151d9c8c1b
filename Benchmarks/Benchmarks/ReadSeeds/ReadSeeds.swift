import Benchmark
import Foundation
import YusuanModel
import YusuanRead
import YusuanAudit

/// 读取基准 — how fast `DisclosureReader.read(_:)` turns published text into a
/// `Disclosure`.
///
/// The documents are the five seeds in `../../shared/seeds` (relative to this
/// package), or the folder named by `YUSUAN_SEEDS`; where neither exists, the
/// fictional example in `../examples`. Every iteration reads all of them. Besides
/// the framework's wall clock and throughput (iterations per second), two custom
/// metrics report `documents/s` and `kB/s` (UTF-8 bytes of source text read per
/// second), measured over the same iteration.
let benchmarks: @Sendable () -> Void = {
    let corpus = Corpus.load()
    let bytes = corpus.documents.reduce(0) { $0 + $1.bytes }
    let megabytes = Double(bytes) / 1_000_000
    print("ReadSeeds: \(corpus.documents.count) documents, \(bytes) bytes (\(String(format: "%.3f", megabytes)) MB), from \(corpus.origin)")

    Benchmark.defaultConfiguration.timeUnits = .milliseconds
    Benchmark.defaultConfiguration.maxDuration = .seconds(5)
    Benchmark.defaultConfiguration.maxIterations = 200

    Benchmark(
        "DisclosureReader.read, all \(corpus.documents.count) documents",
        configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident,
                                       Throughput.documents, Throughput.kilobytes])
    ) { benchmark in
        let clock = ContinuousClock()
        let start = clock.now
        for document in corpus.documents {
            blackHole(try? DisclosureReader.read(document.text))
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        guard seconds > 0 else { return }
        benchmark.measurement(Throughput.documents, Int((Double(corpus.documents.count) / seconds).rounded()))
        benchmark.measurement(Throughput.kilobytes, Int((Double(bytes) / 1_000 / seconds).rounded()))
    }

    // The audit of every document, read once beforehand: the audit should cost at
    // most half a read.
    let disclosures = corpus.documents.compactMap { try? DisclosureReader.read($0.text) }
    Benchmark(
        "Auditor.audit, all \(disclosures.count) documents",
        configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal, Throughput.documents])
    ) { benchmark in
        let clock = ContinuousClock()
        let start = clock.now
        for disclosure in disclosures {
            blackHole(Auditor.audit(disclosure, document: ""))
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        guard seconds > 0 else { return }
        benchmark.measurement(Throughput.documents, Int((Double(disclosures.count) / seconds).rounded()))
    }

    // One benchmark a document, to see which layout costs most.
    for document in corpus.documents {
        Benchmark("DisclosureReader.read \(document.name)",
                  configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal])) { _ in
            blackHole(try? DisclosureReader.read(document.text))
        }
    }
}

/// Custom metrics: larger is better, not scaled by the inner-loop factor.
enum Throughput {
    static let documents = BenchmarkMetric.custom("documents/s", polarity: .prefersLarger, useScalingFactor: false)
    static let kilobytes = BenchmarkMetric.custom("kB/s", polarity: .prefersLarger, useScalingFactor: false)
}

/// The documents a run reads, loaded once before any measurement.
struct Corpus: Sendable {
    struct Document: Sendable {
        var name: String
        var text: String
        var bytes: Int
    }

    var documents: [Document]
    var origin: String

    /// `YUSUAN_SEEDS`, else `../../shared/seeds`, else `../examples`.
    static func load() -> Corpus {
        let package = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()   // ReadSeeds/
            .deletingLastPathComponent()   // Benchmarks/Benchmarks/
            .deletingLastPathComponent()   // Benchmarks/ (this package)
        var folders: [URL] = []
        if let env = ProcessInfo.processInfo.environment["YUSUAN_SEEDS"], !env.isEmpty {
            folders.append(URL(fileURLWithPath: env))
        }
        folders.append(package.appendingPathComponent("../../shared/seeds").standardizedFileURL)
        folders.append(package.appendingPathComponent("../examples").standardizedFileURL)
        for folder in folders {
            let documents = read(folder)
            if !documents.isEmpty { return Corpus(documents: documents, origin: folder.path) }
        }
        fatalError("ReadSeeds: no .txt document in \(folders.map(\.path).joined(separator: ", "))")
    }

    /// The .txt files of a folder, in name order.
    static func read(_ folder: URL) -> [Document] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                return nil
            }
            return Document(name: name, text: String(decoding: data, as: UTF8.self), bytes: data.count)
        }
    }
}
