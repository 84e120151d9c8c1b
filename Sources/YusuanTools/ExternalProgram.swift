import Foundation

/// 外部程序 — a program Yusuan drives (poppler's pdftotext, pdfinfo and pdftoppm,
/// qpdf, Chromium, LibreOffice): found on `PATH` and run to its end, with what it
/// wrote kept apart from the caller's terminal.
///
/// One place finds and runs them, so that every caller looks on `PATH` alike and
/// no program can block Yusuan by filling a pipe.
public enum ExternalProgram {
    /// The folders searched when `PATH` is not set.
    static let defaultPath = "/usr/local/bin:/usr/bin:/bin"

    /// The first of `names` found as an executable file on `PATH` (in `PATH`'s
    /// order for each name), or nil.
    public static func find(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? defaultPath
        for name in names {
            for folder in path.split(separator: ":") where !folder.isEmpty {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// The program `name` on `PATH`, or nil.
    public static func find(_ name: String) -> String? { find([name]) }

    /// What a finished program left: its exit status, its standard output and its
    /// messages (standard error).
    public struct Outcome: Sendable {
        public var status: Int32
        public var output: Data
        public var messages: String

        /// The first line of the messages, or the exit status where there were none.
        public var firstMessage: String {
            messages.split(separator: "\n").first.map(String.init) ?? "exited with status \(status)"
        }
    }

    /// Why a program could not be run to its end.
    public enum Failure: Error, CustomStringConvertible, Sendable {
        /// The program could not be started (the system's reason).
        case notStarted(program: String, reason: String)
        /// The program ran longer than allowed and was stopped.
        case timedOut(program: String, seconds: Int)

        public var description: String {
            switch self {
            case .notStarted(let program, let reason): "\(program) could not be started: \(reason)"
            case .timedOut(let program, let seconds): "\(program) did not finish within \(seconds) seconds and was stopped"
            }
        }
    }

    /// Runs `executable` with `arguments` to its end and returns what it left.
    ///
    /// Standard output and standard error go to files in a private temporary folder,
    /// so neither can fill while the other is waited on; standard input is empty.
    /// - Parameters:
    ///   - directory: the working folder; a private temporary one where nil.
    ///   - timeout: where given, the program is stopped after so many seconds.
    public static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil,
                           timeout: TimeInterval? = nil) throws(Failure) -> Outcome {
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory.appendingPathComponent("yusuan-run-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: scratch) }
        let outputFile = scratch.appendingPathComponent("stdout"), messagesFile = scratch.appendingPathComponent("stderr")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? scratch
        process.standardInput = FileHandle.nullDevice
        do {
            try fm.createDirectory(at: scratch, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            _ = fm.createFile(atPath: outputFile.path, contents: nil)
            _ = fm.createFile(atPath: messagesFile.path, contents: nil)
            let output = try FileHandle(forWritingTo: outputFile), messages = try FileHandle(forWritingTo: messagesFile)
            defer { try? output.close(); try? messages.close() }
            process.standardOutput = output
            process.standardError = messages
            try process.run()
        } catch {
            throw .notStarted(program: executable, reason: error.localizedDescription)
        }
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning {
                if Date() > deadline {
                    process.terminate()
                    process.waitUntilExit()
                    throw .timedOut(program: executable, seconds: Int(timeout))
                }
                usleep(20_000)
            }
        }
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       output: fm.contents(atPath: outputFile.path) ?? Data(),
                       messages: (try? String(contentsOf: messagesFile, encoding: .utf8)) ?? "")
    }
}
