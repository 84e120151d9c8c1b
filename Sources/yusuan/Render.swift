import ArgumentParser
import Foundation
import YusuanModel
import YusuanRender

/// `yusuan render` — write a document as HTML, Markdown, DOCX, XLSX, PDF, JSON or tidy cells.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render a disclosure as HTML, Markdown, DOCX, XLSX, PDF, JSON or tidy cells.",
        discussion: """
            FILE is read as `yusuan read` reads it, then written in the format given \
            by --to, to standard output or to the file given by -o. DOCX, XLSX and \
            PDF are binary and need -o.

            Formats:
              html   one print-ready page (A4, tables laid out as printed, charts of \
            the expenditure structure as inline SVG)
              md     Markdown: every part, the tables as pipe tables
              docx   a Word document: headings, tables with merged headers, a page per table
              xlsx   an Excel workbook: one sheet a table (表1 … 表11), amounts as numbers
              pdf    the HTML page printed by headless Chromium (needs chromium and \
            fonts-noto-cjk)
              json   the whole model, as `yusuan read --format json`
              cells  the tidy CSV table,row,column,value, as `yusuan read --format cells`

            Example: yusuan render budget.txt --to xlsx -o budget.xlsx
            """
    )

    @Argument(help: "The document to render.")
    var file: String

    @Option(name: .long, help: ArgumentHelp("Output format: \(Renderers.all.map(\.name).joined(separator: ", ")).",
                                            valueName: "format"))
    var to: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        guard let renderer = Renderers.named(to) else {
            throw ValidationError("unknown format '\(to)'; use one of \(Renderers.all.map(\.name).joined(separator: ", "))")
        }
        if renderer.isBinary, output == nil {
            throw ValidationError("--to \(renderer.name) writes a binary file: give it with -o FILE.\(renderer.fileExtension)")
        }
    }

    func run() throws {
        guard let renderer = Renderers.named(to) else { throw ExitCode(64) }
        let disclosure: Disclosure
        do {
            disclosure = try Inputs.read(file).disclosure
        } catch {
            FileHandle.standardError.write(Data("yusuan: \(file): \(error)\n".utf8))
            throw ExitCode(1)
        }
        try Output.write(disclosure, with: renderer, to: output, source: file)
    }
}
