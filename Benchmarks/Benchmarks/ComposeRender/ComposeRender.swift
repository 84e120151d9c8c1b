import Benchmark
import Foundation
import YusuanCompose
import YusuanModel
import YusuanRender

/// 编制与输出基准 — composing the example workbook and rendering it.
///
/// The workbook is loaded once (file parsing is not measured); each benchmark
/// composes the disclosure from its line items and renders one format. PDF is
/// measured separately: most of its time is the external Chromium process.
let benchmarks: @Sendable () -> Void = {
    let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let workbook = package.appendingPathComponent("../examples/demo-county-medical-insurance-2025.yaml").standardizedFileURL
    guard let budget = try? Workbook.load(contentsOf: workbook.path) else {
        print("ComposeRender: cannot load \(workbook.path)")
        return
    }
    Benchmark.defaultConfiguration.timeUnits = .microseconds
    Benchmark.defaultConfiguration.maxDuration = .seconds(5)
    Benchmark.defaultConfiguration.maxIterations = 1000

    Benchmark("compose", configuration: .init(metrics: [.wallClock, .mallocCountTotal])) { _ in
        blackHole(try? Composer.compose(budget))
    }
    for renderer in [HTMLRenderer(), DOCXRenderer(), XLSXRenderer(), TextRenderer()] as [any Renderer] {
        Benchmark("compose + render \(renderer.name)", configuration: .init(metrics: [.wallClock, .mallocCountTotal])) { _ in
            if let d = try? Composer.compose(budget) { blackHole(try? renderer.render(d)) }
        }
    }
    Benchmark("compose + render pdf (Chromium)",
              configuration: .init(metrics: [.wallClock], timeUnits: .milliseconds, maxDuration: .seconds(20), maxIterations: 5)) { _ in
        if let d = try? Composer.compose(budget) { blackHole(try? PDFRenderer().render(d)) }
    }
}
