// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Yusuan",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "YusuanModel", targets: ["YusuanModel"]),
        .library(name: "YusuanRead", targets: ["YusuanRead"]),
        .library(name: "YusuanRender", targets: ["YusuanRender"]),
        .library(name: "YusuanAudit", targets: ["YusuanAudit"]),
        .library(name: "YusuanCompose", targets: ["YusuanCompose"]),
        .library(name: "YusuanLibrary", targets: ["YusuanLibrary"]),
        .library(name: "YusuanServer", targets: ["YusuanServer"]),
        .executable(name: "yusuan", targets: ["yusuan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // The domain: Disclosure, tables, amounts, codes. No I/O.
        .target(name: "YusuanModel"),
        // Finding and running the external programs (poppler, qpdf, Chromium, LibreOffice).
        .target(name: "YusuanTools"),
        // Published text or PDF → Disclosure; the regional table templates as data files.
        .target(name: "YusuanRead", dependencies: ["YusuanModel", "YusuanTools"], resources: [.copy("Resources/Templates")]),
        // Disclosure → findings: the rule catalogue, one file per family.
        .target(name: "YusuanAudit", dependencies: ["YusuanModel"], resources: [.copy("Resources")]),
        // Budget (the officer's line items) → Disclosure; the budget workbook (YAML, JSON, CSV, XLSX).
        .target(
            name: "YusuanCompose",
            dependencies: [
                "YusuanModel", .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Disclosure → JSON, tidy cells, summary, HTML, Markdown, DOCX, XLSX, PDF; and an
        // audit's findings drawn on the published PDF.
        .target(
            name: "YusuanRender",
            dependencies: ["YusuanModel", "YusuanAudit", "YusuanTools", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Many disclosures in one database (SQLite by default, PostgreSQL at scale):
        // schema and migrations, import, the library's reports.
        .target(
            name: "YusuanLibrary",
            dependencies: [
                "YusuanModel", "YusuanRead", "YusuanAudit", "YusuanCompose",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The library over HTTP: the JSON API (with its OpenAPI document) and the web workbench.
        .target(
            name: "YusuanServer",
            dependencies: [
                "YusuanModel", "YusuanLibrary", "YusuanRender", "YusuanAudit", "YusuanCompose", "YusuanRead",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources")]
        ),
        // The command line: one file per subcommand.
        .executableTarget(
            name: "yusuan",
            dependencies: [
                "YusuanModel", "YusuanRead", "YusuanRender", "YusuanAudit", "YusuanCompose",
                "YusuanLibrary", "YusuanServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "YusuanModelTests", dependencies: ["YusuanModel"]),
        .testTarget(name: "YusuanReadTests", dependencies: ["YusuanRead", "YusuanModel", "YusuanTools"]),
        .testTarget(
            name: "YusuanComposeTests",
            dependencies: [
                "YusuanCompose", "YusuanAudit", "YusuanRead", "YusuanRender", "YusuanModel",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(name: "YusuanAuditTests", dependencies: ["YusuanAudit", "YusuanRead", "YusuanModel"]),
        .testTarget(
            name: "YusuanRenderTests",
            dependencies: [
                "YusuanRender", "YusuanRead", "YusuanModel", "YusuanTools",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "YusuanLibraryTests",
            dependencies: [
                "YusuanLibrary", "YusuanModel", "YusuanAudit", "YusuanRead",
                .product(name: "SQLKit", package: "sql-kit"), .product(name: "PostgresKit", package: "postgres-kit"),
            ]
        ),
        .testTarget(
            name: "YusuanServerTests",
            dependencies: [
                "YusuanServer", "YusuanLibrary", "YusuanModel", "YusuanRender",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        // Runs the built `yusuan` binary as a user would.
        .testTarget(
            name: "YusuanCLITests",
            dependencies: ["yusuan", "YusuanLibrary", .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
    ]
)
