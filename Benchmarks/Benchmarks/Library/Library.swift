import Benchmark
import Foundation
import YusuanCompose
import YusuanLibrary
import YusuanModel

/// 文库基准 — importing documents into a SQLite library end to end, and a ranking
/// across 10,000 stored documents.
///
/// `import 60 documents` reads, audits and stores 60 distinct text documents (the
/// seeds, or the example, each with a different number of trailing line breaks) into
/// a new SQLite library per iteration, on every core, one transaction each; its
/// custom metric is documents/s. The ranking benchmarks run over a library of 10,000
/// composed documents: the example workbook with every amount multiplied by 1 … 50,
/// under 10,000 department names in 40 regions. It is built once, at
/// `$TMPDIR/yusuan-bench-10k.sqlite` (a few minutes), and reused while it holds them.
let benchmarks: @Sendable () -> Void = {
    let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let seeds = package.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    var texts = ((try? FileManager.default.contentsOfDirectory(at: seeds, includingPropertiesForKeys: nil)) ?? [])
        .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
        .compactMap { try? Data(contentsOf: $0) }
    if texts.isEmpty, let example = try? Data(contentsOf: package.appendingPathComponent("examples/demo-county-medical-insurance-2025.txt")) {
        texts = [example]
    }
    let documents: [[UInt8]] = (0..<60).map { n in Array(texts[n % texts.count]) + Array(repeating: 0x0A, count: n / texts.count + 1) }
    print("Library: \(documents.count) documents to import, \(documents.reduce(0) { $0 + $1.count }) bytes")

    Benchmark.defaultConfiguration.maxDuration = .seconds(20)
    Benchmark("import 60 documents into SQLite",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident, Metrics.documents], timeUnits: .milliseconds,
                                   maxIterations: 10)) { benchmark in
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = ContinuousClock.now
        let library = try await Library.open(.sqlite(path: folder.appendingPathComponent("library.sqlite").path))
        try await importAll(documents.enumerated().map { ("d\($0.offset).txt", $0.element) }, into: library)
        let count = try await library.count()
        try await library.close()
        let seconds = Double((ContinuousClock.now - start).components.attoseconds) / 1e18 + Double((ContinuousClock.now - start).components.seconds)
        precondition(count == documents.count, "imported \(count) of \(documents.count)")
        benchmark.measurement(Metrics.documents, Int(Double(count) / seconds))
    }

    let large = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-bench-10k.sqlite").path
    let workbook = package.appendingPathComponent("examples/demo-county-medical-insurance-2025.yaml")
    Benchmark("ranking of 10,000 documents by 支出总计",
              configuration: .init(metrics: [.wallClock], timeUnits: .milliseconds, maxIterations: 50)) { benchmark in
        let library = try await libraryOf(10_000, at: large, workbook: workbook.path)
        benchmark.startMeasurement()
        let report = try await library.rankingReport(year: 2025, cell: .totalSpending)
        benchmark.stopMeasurement()
        precondition(report.rows.count == 10_000)
        try await library.close()
    }
    Benchmark("ranking of 10,000 documents by a share of table 3",
              configuration: .init(metrics: [.wallClock], timeUnits: .milliseconds, maxIterations: 50)) { benchmark in
        let library = try await libraryOf(10_000, at: large, workbook: workbook.path)
        benchmark.startMeasurement()
        let report = try await library.rankingReport(year: 2025, cell: CellAddress("3/210/合计")!, share: true)
        benchmark.stopMeasurement()
        precondition(report.rows.count == 10_000)
        try await library.close()
    }
}

enum Metrics {
    static let documents = BenchmarkMetric.custom("documents/s", polarity: .prefersLarger, useScalingFactor: false)
}

/// Prepares (reads and audits) on every core, stores one transaction each.
func importAll(_ files: [(String, [UInt8])], into library: Library) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        var next = 0
        func launch() {
            guard next < files.count else { return }
            let (name, bytes) = files[next]
            next += 1
            group.addTask { _ = try await library.add(try Submission.read(fileName: name, bytes: bytes)) }
        }
        for _ in 0..<ProcessInfo.processInfo.activeProcessorCount { launch() }
        while try await group.next() != nil { launch() }
    }
}

/// The library at `path` with `count` composed documents, built the first time.
func libraryOf(_ count: Int, at path: String, workbook: String) async throws -> Library {
    let library = try await Library.open(.sqlite(path: path))
    let have = try await library.count()
    guard have < count else { return library }
    print("Library: composing \(count - have) documents into \(path) …")
    let budget = try Workbook.load(contentsOf: workbook)
    let cores = ProcessInfo.processInfo.activeProcessorCount
    try await withThrowingTaskGroup(of: Void.self) { group in
        var next = have
        func launch() {
            guard next < count else { return }
            let n = next
            next += 1
            group.addTask {
                var varied = scaled(budget, by: Int64(1 + n % 50))
                varied.department.name = "第\(n)号示例县医疗保障局"
                varied.department.region = "示例地区\(n % 40)"
                let bytes = Array(try Workbook.json(varied).utf8)
                let submission = try Submission.compose(fileName: "generated-\(n).json", bytes: bytes,
                                                        area: Area(region: "示例地区\(n % 40)", level: "县级"))
                _ = try await library.add(submission)
            }
        }
        for _ in 0..<cores { launch() }
        while try await group.next() != nil { launch() }
    }
    return library
}

/// The budget with every amount multiplied by `k` (an integer, so every sum still adds up).
func scaled(_ budget: Budget, by k: Int64) -> Budget {
    var b = budget
    func times(_ a: Amount) -> Amount { Amount(units: a.units * k) }
    for i in b.items.indices { b.items[i].amount = times(b.items[i].amount) }
    b.income.amounts = b.income.amounts.mapValues(times)
    b.previousYear.sources = b.previousYear.sources.mapValues(times)
    b.previousYear.basic = b.previousYear.basic.map(times)
    b.previousYear.project = b.previousYear.project.map(times)
    b.previousYear.generalPublicBasic = b.previousYear.generalPublicBasic.map(times)
    b.previousYear.generalPublicProject = b.previousYear.generalPublicProject.map(times)
    b.previousYear.items = b.previousYear.items.mapValues(times)
    b.previousYear.threePublic = b.previousYear.threePublic.mapValues(times)
    b.previousYear.operatingCost = b.previousYear.operatingCost.map(times)
    return b
}
