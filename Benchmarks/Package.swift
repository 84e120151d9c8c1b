// swift-tools-version: 6.1
import PackageDescription

// The benchmarks live in a package of their own so that `swift build` and
// `swift test` at the root never fetch or build the benchmark framework.
//
//   cd Benchmarks && swift package benchmark --target ReadSeeds
let package = Package(
    name: "YusuanBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Yusuan", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        // DisclosureReader.read over the five seed documents (or the example).
        .executableTarget(
            name: "ReadSeeds",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "YusuanRead", package: "Yusuan"),
                .product(name: "YusuanAudit", package: "Yusuan"),
                .product(name: "YusuanModel", package: "Yusuan"),
            ],
            path: "Benchmarks/ReadSeeds",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Reading the Shanghai PDFs: poppler's share and Yusuan's.
        .executableTarget(
            name: "ReadPDF",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "YusuanRead", package: "Yusuan"),
                .product(name: "YusuanModel", package: "Yusuan"),
            ],
            path: "Benchmarks/ReadPDF",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Composing the example workbook and rendering it to each format.
        .executableTarget(
            name: "ComposeRender",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "YusuanCompose", package: "Yusuan"),
                .product(name: "YusuanRender", package: "Yusuan"),
                .product(name: "YusuanModel", package: "Yusuan"),
            ],
            path: "Benchmarks/ComposeRender",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Importing into a SQLite library, and ranking 10,000 stored documents.
        .executableTarget(
            name: "Library",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "YusuanLibrary", package: "Yusuan"),
                .product(name: "YusuanCompose", package: "Yusuan"),
                .product(name: "YusuanModel", package: "Yusuan"),
            ],
            path: "Benchmarks/Library",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
