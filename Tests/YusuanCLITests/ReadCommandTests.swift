import Foundation
import Testing

/// Runs the built binary, as a user would.
@Suite struct ReadCommandTests {
    static let binary: URL? = {
        guard let here = Bundle.main.executableURL?.deletingLastPathComponent() else { return nil }
        for candidate in [here, here.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("yusuan")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }()

    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seeds")

    /// Runs the binary with `arguments`, `input` on its standard input, in `directory`.
    /// The locale and colour variables of the test run are left out (messages are
    /// English, colour automatic), and `environment` is added.
    static func run(_ arguments: [String], input: Data? = nil, environment: [String: String] = [:],
                    directory: URL? = nil) throws -> (status: Int32, out: String, err: String) {
        guard let binary else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        for name in ["LANG", "LC_ALL", "LC_MESSAGES", "NO_COLOR"] { variables[name] = nil }
        process.environment = variables.merging(environment) { _, new in new }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        // Standard input is written while the outputs are read, so that neither pipe fills.
        let feeder = Thread {
            if let input { stdin.fileHandleForWriting.write(input) }
            try? stdin.fileHandleForWriting.close()
        }
        feeder.start()
        let e = ErrorReader(err.fileHandleForReading)
        let o = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e.data(), as: UTF8.self))
    }

    /// Reads a pipe to its end on a thread of its own.
    final class ErrorReader: @unchecked Sendable {
        private var result = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread {
                self.result = handle.readDataToEndOfFile()
                self.done.signal()
            }.start()
        }

        func data() -> Data {
            done.wait()
            return result
        }
    }

    @Test(.enabled(if: binary != nil, "the yusuan binary was not built beside the tests"))
    func badFilesGetALineEachAndTheRestAreRead() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = dir.appendingPathComponent("empty.txt")
        let binary = dir.appendingPathComponent("binary.txt")
        let prose = dir.appendingPathComponent("prose.txt")
        try Data().write(to: empty)
        try Data([0xff, 0xfe, 0x41]).write(to: binary)
        try Data("一段与预算无关的文字。\n".utf8).write(to: prose)
        let result = try Self.run(["read", empty.path, binary.path, prose.path, dir.appendingPathComponent("missing.txt").path])
        #expect(result.status == 1)
        let lines = result.err.split(separator: "\n").map(String.init)
        #expect(lines == [
            "yusuan: \(empty.path): the file is empty",
            "yusuan: \(binary.path): the file is not UTF-8 text",
            "yusuan: \(prose.path): not a budget disclosure: no standard table (表 1 … 表 10) was found",
            "yusuan: \(dir.appendingPathComponent("missing.txt").path): no such file",
        ])
    }

    @Test(.enabled(if: binary != nil && FileManager.default.fileExists(atPath: seeds.path), "needs the binary and ../shared/seeds"))
    func aFolderIsReadAndAGoodFileSurvivesABadOne() throws {
        let all = try Self.run(["read", Self.seeds.path, "--format", "cells"])
        #expect(all.status == 0)
        #expect(all.out.hasPrefix("document,table,row,column,value\n"))
        let documents = Set(all.out.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] })
        #expect(documents.count == 5)

        let seed = try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path).sorted()[0]
        let mixed = try Self.run(["read", Self.seeds.appendingPathComponent(seed).path, "/nonexistent.txt", "--format", "json"])
        #expect(mixed.status == 1)
        #expect(mixed.err.contains("/nonexistent.txt: no such file"))
        let object = try JSONSerialization.jsonObject(with: Data(mixed.out.utf8)) as? [String: Any]
        #expect(object?["department"] as? String == "尉犁县医疗保障局")
        #expect(object?["year"] as? Int == 2025)
    }
}

/// `yusuan audit` over the five seeds, its JSON parsed and checked.
@Suite struct AuditCommandTests {
    @Test(.enabled(if: ReadCommandTests.binary != nil && FileManager.default.fileExists(atPath: ReadCommandTests.seeds.path),
                   "needs the binary and ../shared/seeds"))
    func auditingTheSeedsGivesParsableFindingsAndAGatingStatus() throws {
        let run = try ReadCommandTests.run(["audit", ReadCommandTests.seeds.path, "--format", "json"])
        #expect(run.status == 2, "the seeds hold real errors, so the default --fail-on error fails")
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [[String: Any]])
        #expect(reports.count == 5)
        for report in reports {
            #expect(report["engine"] is String)
            let findings = try #require(report["findings"] as? [[String: Any]])
            for f in findings {
                #expect(f["rule"] is String && f["family"] is String && f["severity"] is String && f["message"] is String)
            }
        }
        // The carry-over table 2 leaves out of its 款 rows is a consequence of one cause, listed inside it.
        let reported = try #require(reports.last?["findings"] as? [[String: Any]])
        let last = reported + reported.flatMap { $0["consequences"] as? [[String: Any]] ?? [] }
        let carried = last.first { $0["rule"] as? String == "arithmetic.hierarchy" && $0["column"] as? String == "财政拨款结转" }
        #expect(carried?["table"] as? Int == 2)
        #expect(carried?["row"] as? String == "210")
        #expect(carried?["line"] as? Int == 276)
        #expect((carried?["stated"] as? NSNumber)?.stringValue == "76.5")

        let never = try ReadCommandTests.run(["audit", ReadCommandTests.seeds.path, "--format", "csv", "--fail-on", "never"])
        #expect(never.status == 0)
        #expect(never.out.hasPrefix("document,rule,family,severity,"))
        let rules = try ReadCommandTests.run(["rules"])
        #expect(rules.status == 0)
        #expect(rules.out.contains("arithmetic.hierarchy\tarithmetic\terror\t"))
        // The reason for each default level is a sixth column, after the five scripts read.
        for line in rules.out.split(separator: "\n") {
            #expect(line.split(separator: "\t", omittingEmptySubsequences: false).count == 6, "\(line)")
        }
        #expect(rules.out.contains("\treconciliation\twarning\t") && rules.out.contains("项目支出也可能含“三公”经费"))

        // --severity: seed 003's two errors reported as warnings pass the default --fail-on.
        let seed003 = ReadCommandTests.seeds.appendingPathComponent("003_a66b7c4c7731b45c.txt").path
        #expect(try ReadCommandTests.run(["audit", seed003]).status == 2)
        #expect(try ReadCommandTests.run(["audit", seed003, "--severity", "reconciliation.function-economic=warning"]).status == 2)
        let lowered = try ReadCommandTests.run(["audit", seed003, "--severity", "reconciliation.function-economic=warning",
                                                "--severity", "classification.project-economic=warning", "--to", "json"])
        #expect(lowered.status == 0, "\(lowered.err)")
        #expect(lowered.out.contains("\"severity\" : \"warning\"") && !lowered.out.contains("\"severity\" : \"error\""))
        let raised = try ReadCommandTests.run(["audit", seed003, "--severity", "classification.name=error",
                                               "--severity", "year-on-year.from-zero=error", "--fail-on", "never"])
        #expect(raised.status == 0 && raised.out.contains("4 errors"))
        let unknown = try ReadCommandTests.run(["audit", seed003, "--severity", "arithmetic.nope=info"])
        #expect(unknown.status == 64 && unknown.err.contains("--severity arithmetic.nope=…: no such rule"))

        // --rules FILE: the same settings from a file, one a line, with comments; --severity wins over it.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bureau.rules")
        try "# our bureau's practice\n\nreconciliation.function-economic = warning  # pairs within reason\nclassification.project-economic=warning\n"
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(try ReadCommandTests.run(["audit", seed003, "--rules", file.path]).status == 0)
        let overridden = try ReadCommandTests.run(["audit", seed003, "--rules", file.path,
                                                   "--severity", "reconciliation.function-economic=error"])
        #expect(overridden.status == 2)
        try "reconciliation.function-economic=warning\narithmetic.nope=info\n".write(to: file, atomically: true, encoding: .utf8)
        let bad = try ReadCommandTests.run(["audit", seed003, "--rules", file.path])
        #expect(bad.status == 64 && bad.err.contains("\(file.path):2: ") && bad.err.contains("no such rule"), "\(bad.err)")
    }
}

/// `yusuan read` and `yusuan audit` on PDFs.
@Suite struct PDFCommandTests {
    static let pdfs = ReadCommandTests.seeds.deletingLastPathComponent().appendingPathComponent("pdf")
    static let ready = ReadCommandTests.binary != nil && FileManager.default.fileExists(atPath: pdfs.path)
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")

    @Test(.enabled(if: ready, "the binary, ../shared/pdf or /usr/bin/pdftotext is absent"))
    func aShanghaiPDFIsReadAndAudited() throws {
        let file = Self.pdfs.appendingPathComponent("shanghai-putuo-commerce-commission-2025-unit.pdf").path
        let read = try ReadCommandTests.run(["read", file])
        #expect(read.status == 0, "\(read.err)")
        #expect(read.out.hasPrefix("上海市普陀区商务委员会 2025 年单位预算公开"))
        #expect(read.out.contains("not part of the shanghai template: 表7, 表11"))
        let cells = try ReadCommandTests.run(["read", file, "--format", "cells"])
        #expect(cells.out.contains("\n2,215,总计,29381.00\n2,215,财政拨款小计,29381.00\n"))
        let audit = try ReadCommandTests.run(["audit", file])
        #expect(audit.status == 0 && audit.out.contains("0 errors, 0 warnings"), "\(audit.out)")
    }

    @Test(.enabled(if: ready, "the binary, ../shared/pdf or /usr/bin/pdftotext is absent"))
    func aMissingPdftotextIsNamedWithItsInstallCommand() throws {
        let process = Process()
        process.executableURL = ReadCommandTests.binary  // present: the test is enabled only then
        process.arguments = ["read", Self.pdfs.appendingPathComponent("shanghai-putuo-justice-bureau-2026-unit.pdf").path]
        process.environment = ["PATH": "/nonexistent"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(message.contains("pdftotext is not installed") && message.contains("apt-get install poppler-utils"), "\(message)")
    }

    @Test(.enabled(if: ReadCommandTests.binary != nil, "the yusuan binary was not built beside the tests"))
    func aBrokenPDFGetsOneLineAndStatusOne() throws {
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-broken-\(UUID().uuidString).pdf")
        try Data("%PDF-1.7\nnot really a PDF\n".utf8).write(to: bad)
        defer { try? FileManager.default.removeItem(at: bad) }
        let result = try ReadCommandTests.run(["read", bad.path])
        #expect(result.status == 1)
        #expect(result.err.hasPrefix("yusuan: \(bad.path): "))
        #expect(result.err.contains("PDF") || result.err.contains("pdftotext"))
    }
}
