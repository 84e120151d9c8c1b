import ArgumentParser
import Foundation
import YusuanCompose
import YusuanModel
import YusuanRender

/// `yusuan compose` — compose a disclosure from a budget workbook.
struct Compose: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compose a disclosure from a budget workbook (YAML, JSON or XLSX) and print it.",
        discussion: """
            WORKBOOK is a budget workbook as `yusuan template` writes it: YAML or JSON \
            whose line items are inline or come from a CSV file or an XLSX sheet, or \
            a whole XLSX workbook. Every table of the disclosure is derived from the \
            line items, so the tables agree by construction.

            A malformed workbook is not composed: every problem is printed on standard \
            error, one a line (file, line or sheet and cell, field, reason), and the \
            exit status is 1.

            Formats: summary (default), \(Renderers.all.map(\.name).joined(separator: ", ")) \
            — as `yusuan read` and `yusuan render` print them. Binary formats need -o.

            --strict also refuses a workbook while a change on the previous year has \
            no reason in `reasons`.

            Example: yusuan compose budget.yaml --to xlsx -o budget-tables.xlsx
            """
    )

    @Argument(help: "The budget workbook (.yaml, .yml, .json or .xlsx).")
    var workbook: String

    @Option(name: .long, help: ArgumentHelp("Output format: summary, \(Renderers.all.map(\.name).joined(separator: ", ")).",
                                            valueName: "format"))
    var to: String = "summary"

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Refuse to compose while a change on the previous year has no reason.")
    var strict = false

    func validate() throws {
        if to == "summary" { return }
        guard let renderer = Renderers.named(to) else {
            throw ValidationError("unknown format '\(to)'; use one of summary, \(Renderers.all.map(\.name).joined(separator: ", "))")
        }
        if renderer.isBinary, output == nil {
            throw ValidationError("--to \(renderer.name) writes a binary file: give it with -o FILE.\(renderer.fileExtension)")
        }
    }

    func run() throws {
        let budget: Budget
        do {
            budget = try Workbook.load(contentsOf: workbook, strict: strict)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        let disclosure: Disclosure
        do {
            disclosure = try Composer.compose(budget)
        } catch {
            let lines = error.messages.map { "\(workbook): \($0)" }.joined(separator: "\n")
            FileHandle.standardError.write(Data("\(lines)\n".utf8))
            throw ExitCode(1)
        }
        if to == "summary" {
            try Output.write(Data(Summary.render(disclosure).utf8), to: output)
        } else {
            guard let renderer = Renderers.named(to) else { throw ExitCode(64) }
            try Output.write(disclosure, with: renderer, to: output, source: workbook)
        }
    }
}
