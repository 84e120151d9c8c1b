import ArgumentParser
import Foundation
import YusuanLibrary

/// `--database`, shared by the commands that use the library.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database"), help: ArgumentHelp(Message.helpDatabase.text, valueName: "file-or-url"))
    var database: String = DatabaseLocation.defaultPath

    var location: DatabaseLocation { DatabaseLocation(argument: database) }

    /// Opens the library, runs `body`, and closes it however `body` ends.
    func withLibrary<R>(_ body: (Library) async throws -> R) async throws -> R {
        let library: Library
        do {
            library = try await Library.open(location)
        } catch {
            try Output.fail("\(error)")
        }
        do {
            let result = try await body(library)
            try? await library.close()
            return result
        } catch {
            try? await library.close()
            throw error
        }
    }
}

/// `yusuan import` — read, audit and store documents, in parallel, one transaction each.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: Message.importAbstract.text,
        discussion: """
            Each file is stored once, by the SHA-256 of its bytes: importing it again \
            changes nothing, so an interrupted import is finished by running it again. \
            Each document goes in with one transaction; a file that cannot be read gets \
            one line on standard error with its reason, the rest go in, and the exit \
            status is 1. Where the library holds the department's previous or next \
            year, the years are checked against each other.
            """
    )

    @Argument(help: ArgumentHelp(Message.helpImportPaths.text))
    var paths: [String]

    @OptionGroup var library: DatabaseOptions

    @Option(help: ArgumentHelp(Message.helpRegion.text)) var region: String?
    @Option(help: ArgumentHelp(Message.helpLevel.text)) var level: String?
    @Option(help: ArgumentHelp(Message.helpJobs.text)) var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let level, !["省级", "市级", "县级"].contains(level) { throw ValidationError("--level is 省级, 市级 or 县级") }
    }

    static let documentExtensions: Set<String> = ["txt", "md", "pdf"]

    /// Files as given, and folders searched recursively for documents, in path order.
    static func files(_ paths: [String]) -> (files: [String], missing: [String]) {
        var files: [String] = [], missing: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { missing.append(path); continue }
            guard isDirectory.boolValue else { files.append(path); continue }
            let found = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { documentExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
                .sorted()
                .map { (path as NSString).appendingPathComponent($0) }
            files += found
        }
        return (files, missing)
    }

    func run() async throws {
        let (files, missing) = Self.files(paths)
        var failed = missing.count
        for path in missing { Output.warn("\(path): \(Message.noSuchFile.text)") }
        let area = region.map { Area(region: $0, level: level ?? "未知") }
        let start = Date()
        let (added, stored, errors) = try await library.withLibrary { library in
            try await Self.importAll(files, into: library, area: area, jobs: jobs, start: start)
        }
        failed += errors
        Progress.clear()
        Output.warn(Message.imported(added: added, stored: stored, failed: failed,
                                     seconds: Date().timeIntervalSince(start)).text)
        if failed > 0 { throw ExitCode(1) }
    }

    /// Imports `files` with `jobs` read at once; returns how many were added, already stored and failed.
    static func importAll(_ files: [String], into library: Library, area: Area?, jobs: Int, start: Date)
        async throws -> (Int, Int, Int) {
        var added = 0, stored = 0, failed = 0, done = 0
        try await withThrowingTaskGroup(of: Result<Library.Outcome, SubmissionError>.self) { group in
            var next = 0
            func launch() {
                guard next < files.count else { return }
                let path = files[next]
                next += 1
                group.addTask { try await importOne(path, into: library, area: area) }
            }
            for _ in 0..<min(jobs, files.count) { launch() }
            while let result = try await group.next() {
                done += 1
                switch result {
                case .success(.added): added += 1
                case .success(.alreadyStored): stored += 1
                case .failure(let error):
                    failed += 1
                    Progress.clear()
                    Output.warn(error.description)
                }
                if Progress.shown, files.count > 1 {
                    let elapsed = max(Date().timeIntervalSince(start), 0.001)
                    let rate = Double(done) / elapsed
                    let left = rate > 0 ? Int((Double(files.count - done) / rate).rounded()) : nil
                    Progress.line(Message.importing(done: done, total: files.count, rate: rate, left: left).text)
                }
                launch()
            }
        }
        return (added, stored, failed)
    }

    /// Reads, audits and stores one file, unless its bytes are stored already; a file
    /// that cannot be read is reported and skipped, a database failure ends the import.
    static func importOne(_ path: String, into library: Library, area: Area?) async throws -> Result<Library.Outcome, SubmissionError> {
        do {
            let bytes = try Submission.bytes(path: path)
            if let id = try await library.documentID(hash: Submission.hash(bytes)) { return .success(.alreadyStored(id)) }
            return .success(try await library.add(try Submission.prepare(path: path, bytes: bytes, area: area)))
        } catch let error as SubmissionError {
            return .failure(error)
        }
    }
}

/// `yusuan reaudit` — audit every stored document again.
struct Reaudit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reaudit", abstract: Message.reauditAbstract.text)

    @OptionGroup var library: DatabaseOptions

    func run() async throws {
        let n = try await library.withLibrary { library in
            try await library.reaudit { done, total in
                if Progress.shown { Progress.line(Message.reading(done, total, "").text) }
            }
        }
        Progress.clear()
        Output.warn(Message.reaudited(n).text)
    }
}
