import ArgumentParser
import Foundation
import YusuanAudit
import YusuanModel
import YusuanRead
import YusuanRender

/// `yusuan audit` — check documents as a finance-bureau reviewer would.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Message.auditAbstract.text,
        discussion: """
            Every finding names its rule, where it is (table, row and column keys, or \
            section and line), what is printed, what was expected and how it was \
            computed, and quotes the source line. `yusuan rules` lists the rules. \
            FILE may be a document, a folder or - for standard input.

            Formats (--to, or the extension of -o): text (default, .txt; severities \
            coloured on a terminal, see --color), json (.json), csv (.csv), html \
            (.html).

            For a PDF, --annotate OUT.pdf also writes the PDF with each finding \
            boxed in red on its page and numbered, and a list of the numbered \
            findings appended; the original pages are not rewritten (the boxes are \
            laid over them with qpdf). With --to html, each finding of a PDF is \
            shown with a picture of its part of the page.

            --severity RULE=LEVEL (repeatable) sets a rule's level for this run \
            (error, warning or info), for a bureau whose practice differs; `yusuan \
            rules` lists each rule's default level and why. --rules FILE reads such \
            settings from a file, one a line (`#` starts a comment); --severity \
            wins over the file.

            The exit status follows --fail-on: 2 when a finding at or above that \
            severity is reported (error by default), 1 when a file cannot be read \
            or the annotated PDF cannot be written, 0 otherwise.
            """
    )

    enum Formats: FormatList {
        static let formats = [
            OutputFormat(name: "text", extensions: ["txt"]), OutputFormat(name: "json", extensions: ["json"]),
            OutputFormat(name: "csv", extensions: ["csv"]), OutputFormat(name: "html", extensions: ["html", "htm"]),
        ]
        static let fallback: String? = "text"
    }

    enum FailOn: String, ExpressibleByArgument, CaseIterable { case error, warning, never }

    @Argument(help: ArgumentHelp(Message.helpDocuments.text))
    var files: [String]

    @OptionGroup var output: OutputOptions<Formats>

    @OptionGroup var colour: ColourOptions

    @Option(name: .long, help: ArgumentHelp(Message.helpFailOn.text))
    var failOn: FailOn = .error

    @Option(name: .long, help: ArgumentHelp(Message.helpAnnotate.text, valueName: "out.pdf"))
    var annotate: String?

    @Option(name: .long, help: ArgumentHelp(Message.helpSeverity.text, valueName: "rule=level"))
    var severity: [String] = []

    @Option(name: .long, help: ArgumentHelp(Message.helpRules.text, valueName: "file"))
    var rules: String?

    /// 规则级别文件 — the settings of `--rules FILE` (one `RULE=LEVEL` a line, `#`
    /// comments, blank lines skipped), then those of `--severity`, which win.
    func levelSettings() throws -> [String] {
        guard let rules else { return severity }
        guard let data = FileManager.default.contents(atPath: rules) else {
            throw ValidationError("\(rules): \(Message.cannotBeRead.text)")
        }
        var settings: [String] = []
        for (n, raw) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Spaces.trimmed(raw.prefix { $0 != "#" })
            guard !line.isEmpty else { continue }
            do { _ = try SeverityLevels(parsing: [line]) } catch {
                throw ValidationError(Message.rulesFileLine(rules, n + 1, "\(error)").text)
            }
            settings.append(line)
        }
        return settings + severity
    }

    func validate() throws {
        _ = try output.resolved()
        let settings = try levelSettings()
        do { _ = try SeverityLevels(parsing: settings) } catch { throw ValidationError("\(error)") }
        if annotate != nil, (try? Inputs.expand(files))?.count != 1 {
            throw ValidationError(Message.annotateOneFile.text)
        }
    }

    func run() throws {
        let format = try output.resolved()
        let levels = try SeverityLevels(parsing: try levelSettings())
        let inputs = try Inputs(files)
        defer { inputs.removeTemporaries() }
        if let annotate, let file = inputs.files.first { try Self.checkAnnotation(of: file, to: annotate) }
        var audited: [(file: Inputs.File, source: SourceDocument, report: AuditReport)] = []
        var unreadable = false
        for (n, file) in inputs.files.enumerated() {
            Progress.step(n + 1, of: inputs.files.count, file.name)
            do {
                let (source, disclosure) = try Inputs.read(file.path)
                audited.append((file, source, Auditor.audit(disclosure, lines: source.lineTexts, document: file.name,
                                                                 severities: levels)))
            } catch {
                unreadable = true
                Output.warn("\(file.name): \(error)")
            }
        }
        Progress.done(of: inputs.files.count)
        let reports = audited.map(\.report)
        let text: String
        switch format.name {
        case "json": text = try ReportJSON.render(reports)
        case "csv": text = ReportCSV.render(reports)
        case "html":
            var crops: [Int: [Int: ReportHTML.Crop]] = [:]
            for (n, a) in audited.enumerated() where a.source.origin == .pdf {
                crops[n] = AuditCrops.crops(for: a.report, source: a.source, pdf: a.file.path, name: a.file.name)
            }
            text = ReportHTML.render(reports, crops: crops)
        default: text = ReportText.render(reports, colour: colour.enabled(toFile: output.file != nil))
        }
        try Output.write(text, to: output.file)
        if let annotate, let a = audited.first {
            do {
                try Progress.while(Message.printingPDF.text) {
                    try Output.replace(annotate, with: try AuditAnnotation.pdf(a.report, source: a.source, pdf: a.file.path))
                }
            } catch {
                try Output.fail("--annotate \(annotate): \(error)")
            }
        }
        let worst = reports.flatMap(\.findings).map(\.severity).max()
        switch failOn {
        case .error where worst == .error: throw ExitCode(2)
        case .warning where worst == .error || worst == .warning: throw ExitCode(2)
        default: break
        }
        if unreadable { throw ExitCode(1) }
    }
}

extension Audit {
    /// Refuses `--annotate` before any work where it cannot be done: the input is
    /// not a PDF, or a tool it needs is missing. One line, exit status 1.
    static func checkAnnotation(of file: Inputs.File, to output: String) throws {
        // A missing or unreadable file is reported by the reading, as for any input.
        if let handle = FileHandle(forReadingAtPath: file.path) {
            let head = (try? handle.read(upToCount: 5)) ?? nil
            try? handle.close()
            if let head, !head.starts(with: Array("%PDF".utf8)) {
                try Output.fail(Message.annotateNeedsPDF(file.name).text)
            }
        }
        let folder = (output as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isFolder) || !isFolder.boolValue {
            try Output.fail(Message.annotateNoFolder(output, folder).text)
        }
        if !FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
            try Output.fail(Message.annotateFolderNotWritable(output, folder).text)
        }
        do {
            _ = try PDFTools.chromium()
            _ = try PDFTools.Tool.qpdf.executable()
            _ = try PDFTools.Tool.pdfinfo.executable()
        } catch {
            try Output.fail("--annotate \(output): \(error)")
        }
    }
}

/// `yusuan rules` — the catalogue of audit rules.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Message.rulesAbstract.text)

    func run() {
        for rule in Auditor.catalogue {
            print("\(rule.id)\t\(rule.family.rawValue)\t\(rule.severity.rawValue)\t\(rule.chinese)\t\(rule.english)\t\(rule.reason)")
        }
    }
}
