import Foundation
import Testing

/// 变异测试 — documents damaged in deterministic ways (lines deleted, doubled or
/// moved, numbers made huge or negative, text cut short, bytes that are not
/// UTF-8) are read and audited by the built binary, one process each: every one
/// must end with status 0, 1 or 2 and a clear message, within a time limit — never
/// a trap, a hang or output that is not JSON.
@Suite struct MutationTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/demo-county-medical-insurance-2025.txt")

    /// A small deterministic generator (SplitMix64), so a failure names a reproducible case.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    }

    /// The mutation numbered `seed` of a document's lines.
    static func mutate(_ lines: [String], seed: UInt64) -> [UInt8] {
        var g = Generator(state: seed)
        var lines = lines
        let i = g.below(lines.count), j = g.below(lines.count)
        switch g.below(10) {
        case 0: lines.remove(at: i)
        case 1: lines.insert(lines[i], at: j)
        case 2: lines.swapAt(i, j)
        case 3: lines[i] = lines[i].replacingOccurrences(of: ".", with: "9999999999999.")
        case 4: lines[i] = lines[i].split(separator: " ").map { Double($0) != nil ? "-\($0)" : String($0) }.joined(separator: " ")
        case 5: lines.insert(["表 7", "表 2", "合计 1.00 2.00 3.00", "第三部分", "总计"][g.below(5)], at: i)
        case 6: lines = Array(lines.prefix(i))
        case 7: lines[i] = String(lines[i].prefix(g.below(lines[i].count + 1)))
        case 8: lines.insert(String(repeating: "1.00 ", count: 200), at: i)
        default: return Array(lines.joined(separator: "\n").utf8.prefix(g.below(40_000))) + [0xFF, 0xFE]
        }
        return Array(lines.joined(separator: "\n").utf8)
    }

    @Test(.enabled(if: ReadCommandTests.binary != nil, "the yusuan binary was not built beside the tests"))
    func damagedDocumentsNeverCrashTheReaderOrTheAudit() throws {
        let lines = try String(contentsOf: Self.example, encoding: .utf8).components(separatedBy: "\n")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-mutations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for seed in UInt64(1)...UInt64(80) {
            let file = directory.appendingPathComponent("mutation-\(seed).txt")
            try Data(Self.mutate(lines, seed: seed)).write(to: file)
            for command in [["read", file.path, "--format", "json"], ["audit", file.path, "--format", "json"]] {
                let result = try Self.run(command, timeout: 20)
                #expect(!result.timedOut, "mutation \(seed): \(command[0]) did not finish within 20 s")
                #expect([0, 1, 2].contains(result.status) && !result.signalled,
                        "mutation \(seed): \(command[0]) ended with \(result.signalled ? "signal" : "status") \(result.status): \(result.err.suffix(300))")
                if result.status != 1 {
                    #expect((try? JSONSerialization.jsonObject(with: Data(result.out.utf8))) != nil,
                            "mutation \(seed): \(command[0]) printed output that is not JSON")
                }
            }
        }
    }

    /// Runs the binary with its output in files (so a large output cannot block it), stopping it after `timeout`.
    static func run(_ arguments: [String], timeout: TimeInterval) throws
        -> (status: Int32, signalled: Bool, timedOut: Bool, out: String, err: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-run-\(UUID().uuidString)")
        let outURL = base.appendingPathExtension("out"), errURL = base.appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let process = Process()
        guard let binary = ReadCommandTests.binary else { throw CocoaError(.fileNoSuchFile) }
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        let timedOut = process.isRunning
        if timedOut { process.terminate() }
        process.waitUntilExit()
        let out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return (process.terminationStatus, process.terminationReason == .uncaughtSignal, timedOut, out, err)
    }
}
