import ArgumentParser
import Foundation
import YusuanAudit
import YusuanModel
import YusuanRead

/// `yusuan audit` — check documents as a finance-bureau reviewer would.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit published disclosures: completeness, arithmetic, reconciliation, text against tables, …",
        discussion: """
            Every finding names its rule, where it is (table, row and column keys, or \
            section and line), what is printed, what was expected and how it was \
            computed, and quotes the source line. `yusuan rules` lists the rules.

            The exit status follows --fail-on: 2 when a finding at or above that \
            severity is reported (error by default), 1 when a file cannot be read, \
            0 otherwise.
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

    func run() throws {
        var reports: [AuditReport] = []
        var unreadable = false
        for path in try Inputs.expand(files) {
            do {
                let (source, disclosure) = try Inputs.read(path)
                reports.append(Auditor.audit(disclosure, lines: source.lineTexts, document: path))
            } catch {
                unreadable = true
                FileHandle.standardError.write(Data("yusuan: \(path): \(error)\n".utf8))
            }
        }
        switch format {
        case .text: print(ReportText.render(reports, colour: isatty(1) != 0), terminator: "")
        case .json: print(try ReportJSON.render(reports), terminator: "")
        case .csv: print(ReportCSV.render(reports), terminator: "")
        case .html: print(ReportHTML.render(reports), terminator: "")
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

/// `yusuan rules` — the catalogue of audit rules.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the audit rules: id, family, severity, description.")

    func run() {
        for rule in Auditor.catalogue {
            print("\(rule.id)\t\(rule.family.rawValue)\t\(rule.severity.rawValue)\t\(rule.chinese)\t\(rule.english)")
        }
    }
}
