import ArgumentParser
import Foundation
import YusuanCompose
import YusuanModel
import YusuanRender

/// `yusuan compose` — compose a disclosure from a budget workbook.
struct Compose: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Message.composeAbstract.text,
        discussion: """
            WORKBOOK is a budget workbook as `yusuan template` writes it: YAML or JSON \
            whose line items are inline or come from a CSV file or an XLSX sheet, or \
            a whole XLSX workbook; - reads it from standard input (its format from \
            --input-format, or else from its bytes; files it names are looked for \
            in the current folder). Every table of the disclosure is derived from \
            the line items, so the tables agree by construction.

            A malformed workbook is not composed: every problem is printed on standard \
            error, one a line (file, line or sheet and cell, field, reason), and the \
            exit status is 1.

            Formats (--to, or the extension of -o): summary (default), \
            \(Renderers.all.map(\.name).joined(separator: ", ")) — as `yusuan read` and \
            `yusuan render` print them. Binary formats need -o.

            A change on the previous year with no reason in `reasons` is composed with \
            【待填写原因】 in its place and reported: a warning on standard error, one a \
            line naming the field to fill in (reasons.KEY), and, in the summary, a \
            list of the missing reasons. --strict refuses such a workbook instead.

            Example: yusuan compose budget.yaml -o budget-tables.xlsx
            """
    )

    enum Formats: FormatList {
        static let formats = [OutputFormat(name: "summary", extensions: ["txt"])] + Render.Formats.formats
        static let fallback: String? = "summary"
    }

    enum InputFormat: String, ExpressibleByArgument, CaseIterable { case yaml, json, xlsx }

    @Argument(help: ArgumentHelp(Message.helpWorkbook.text))
    var workbook: String

    @OptionGroup var output: OutputOptions<Formats>

    @Option(name: .long, help: ArgumentHelp(Message.helpInputFormat.text, valueName: "format"))
    var inputFormat: InputFormat?

    @Flag(help: ArgumentHelp(Message.helpStrict.text))
    var strict = false

    func validate() throws { _ = try output.resolved() }

    func run() throws {
        let format = try output.resolved()
        let name = workbook == "-" ? Inputs.standardInputName : workbook
        let budget: Budget
        do {
            budget = try load()
        } catch let error as WorkbookError {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        let disclosure: Disclosure
        do {
            disclosure = try Composer.compose(budget)
        } catch {
            let lines = error.messages.map { "\(name): \($0)" }.joined(separator: "\n")
            FileHandle.standardError.write(Data("\(lines)\n".utf8))
            throw ExitCode(1)
        }
        let missing = Composer.missingReasons(budget)
        for reason in missing { Output.warn("\(name): \(Message.missingReason(field: reason.field, figure: reason.figure).text)") }
        if let renderer = Renderers.named(format.name) {
            try Output.write(disclosure, with: renderer, to: output.file, source: name)
        } else {
            try Output.write(Summary.render(disclosure) + Self.missingReasons(missing), to: output.file)
        }
    }

    /// 待填原因 — the summary's list of the reasons the workbook still lacks.
    static func missingReasons(_ missing: [MissingReason]) -> String {
        guard !missing.isEmpty else { return "" }
        return "\nMissing reasons (\(missing.count)), printed 【待填写原因】:\n"
            + missing.map { "  \($0.field): \($0.figure) differs from this year\n" }.joined()
    }

    /// The budget of the workbook: a file by its extension unless --input-format
    /// says otherwise; standard input by --input-format or its bytes.
    func load() throws -> Budget {
        let kind: Workbook.Format? = inputFormat.map { $0 == .xlsx ? .xlsx : .yaml }
        guard workbook == "-" else { return try Workbook.load(contentsOf: workbook, format: kind, strict: strict) }
        let data: Data
        do {
            data = try Inputs.standardInput(limit: WorkbookLimits.fileSize)
        } catch {
            try Output.fail("\(error)")
        }
        return try Workbook.load(data: data, file: Inputs.standardInputName,
                                 directory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                                 format: kind, strict: strict)
    }
}
