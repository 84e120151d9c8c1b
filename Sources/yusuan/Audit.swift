import ArgumentParser
import Foundation
import YusuanAudit
import YusuanModel
import YusuanRead
import YusuanRender

/// `yusuan audit` — check documents as a finance-bureau reviewer would.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit published disclosures: completeness, arithmetic, reconciliation, text against tables, …",
        discussion: """
            Every finding names its rule, where it is (table, row and column keys, or \
            section and line), what is printed, what was expected and how it was \
            computed, and quotes the source line. `yusuan rules` lists the rules.

            For a PDF, --annotate OUT.pdf also writes the PDF with each finding \
            boxed in red on its page and numbered, and a list of the numbered \
            findings appended; the original pages are not rewritten (the boxes are \
            laid over them with qpdf). With --format html, each finding of a PDF is \
            shown with a picture of its part of the page.

            The exit status follows --fail-on: 2 when a finding at or above that \
            severity is reported (error by default), 1 when a file cannot be read \
            or the annotated PDF cannot be written, 0 otherwise.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, html }
    enum FailOn: String, ExpressibleByArgument, CaseIterable { case error, warning, never }

    @Argument(help: "Documents or folders of documents to audit.")
    var files: [String]

    @Option(name: .shortAndLong, help: "Output format: text, json, csv or html.")
    var format: Format = .text

    @Option(name: .long, help: "Exit with status 2 when a finding of this severity or worse is found: error, warning or never.")
    var failOn: FailOn = .error

    @Option(name: .long, help: ArgumentHelp(
        "Also write the PDF with each finding boxed in red and numbered on its page, and the numbered findings "
            + "listed on pages appended (one PDF input only; needs qpdf, poppler-utils and chromium).",
        valueName: "out.pdf"))
    var annotate: String?

    func validate() throws {
        if annotate != nil, (try? Inputs.expand(files))?.count != 1 {
            throw ValidationError("--annotate writes one annotated PDF: give exactly one PDF to audit")
        }
    }

    func run() throws {
        let paths = try Inputs.expand(files)
        if let annotate, let path = paths.first { try Self.checkAnnotation(of: path, to: annotate) }
        var audited: [(path: String, source: SourceDocument, report: AuditReport)] = []
        var unreadable = false
        for path in paths {
            do {
                let (source, disclosure) = try Inputs.read(path)
                audited.append((path, source, Auditor.audit(disclosure, lines: source.lineTexts, document: path)))
            } catch {
                unreadable = true
                FileHandle.standardError.write(Data("yusuan: \(path): \(error)\n".utf8))
            }
        }
        let reports = audited.map(\.report)
        switch format {
        case .text: print(ReportText.render(reports, colour: isatty(1) != 0), terminator: "")
        case .json: print(try ReportJSON.render(reports), terminator: "")
        case .csv: print(ReportCSV.render(reports), terminator: "")
        case .html:
            var crops: [Int: [Int: ReportHTML.Crop]] = [:]
            for (n, a) in audited.enumerated() where a.source.origin == .pdf {
                crops[n] = AuditCrops.crops(for: a.report, source: a.source, pdf: a.path)
            }
            print(ReportHTML.render(reports, crops: crops), terminator: "")
        }
        if let annotate, let a = audited.first {
            do {
                try AuditAnnotation.write(a.report, source: a.source, pdf: a.path, to: annotate)
            } catch {
                FileHandle.standardError.write(Data("yusuan: --annotate \(annotate): \(error)\n".utf8))
                throw ExitCode(1)
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
    static func checkAnnotation(of path: String, to output: String) throws {
        func refuse(_ message: String) throws -> Never {
            FileHandle.standardError.write(Data("yusuan: \(message)\n".utf8))
            throw ExitCode(1)
        }
        // A missing or unreadable file is reported by the reading, as for any input.
        if let handle = FileHandle(forReadingAtPath: path) {
            let head = (try? handle.read(upToCount: 5)) ?? nil
            try? handle.close()
            if let head, !head.starts(with: Array("%PDF".utf8)) {
                try refuse("\(path): --annotate needs a PDF input; this file is not a PDF (a text input can be audited without it)")
            }
        }
        let folder = (output as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isFolder) || !isFolder.boolValue {
            try refuse("--annotate \(output): cannot be written: there is no folder \(folder)")
        }
        if !FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
            try refuse("--annotate \(output): cannot be written: the folder \(folder) is not writable")
        }
        do {
            _ = try PDFTools.chromium()
            _ = try PDFTools.Tool.qpdf.executable()
            _ = try PDFTools.Tool.pdfinfo.executable()
        } catch {
            try refuse("--annotate \(output): \(error)")
        }
    }
}

/// `yusuan rules` — the catalogue of audit rules.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the audit rules: id, family, severity, description.")

    func run() {
        for rule in Auditor.catalogue {
            print("\(rule.id)\t\(rule.family.rawValue)\t\(rule.severity.rawValue)\t\(rule.chinese)\t\(rule.english)")
        }
    }
}
