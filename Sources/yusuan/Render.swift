import ArgumentParser
import Foundation
import YusuanModel
import YusuanRender

/// `yusuan render` — write a document as HTML, Markdown, DOCX, XLSX, PDF, JSON or tidy cells.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Message.renderAbstract.text,
        discussion: """
            FILE (or - for standard input) is read as `yusuan read` reads it, then \
            written in the format given by --to, or else by the extension of -o, to \
            standard output or to the file given by -o. DOCX, XLSX and PDF are \
            binary and need -o (-o - writes them to standard output).

            Formats:
              html   .html: one print-ready page (A4, tables laid out as printed, \
            charts of the expenditure structure as inline SVG)
              md     .md: Markdown: every part, the tables as pipe tables
              docx   .docx: a Word document: headings, tables with merged headers, a \
            page per table
              xlsx   .xlsx: an Excel workbook: one sheet a table (表1 … 表11), amounts \
            as numbers, a 数据 sheet of tidy records and a 绩效目标 sheet of the \
            performance tables
              pdf    .pdf: the HTML page printed by headless Chromium (needs chromium \
            and fonts-noto-cjk)
              json   .json: the whole model, as `yusuan read --to json`
              cells  .csv: the tidy CSV table,row,column,value, as `yusuan read --to cells`
              text   .txt: the tab-separated text form, which `yusuan read` reads back

            Example: yusuan render budget.txt -o budget.xlsx
            """
    )

    enum Formats: FormatList {
        static let formats = Renderers.all.map(Render.format)
        static let fallback: String? = nil
    }

    /// A renderer as an output format (HTML and Markdown under their other extensions too).
    static func format(_ renderer: any Renderer) -> OutputFormat {
        let more = ["html": ["htm"], "md": ["markdown"]][renderer.fileExtension] ?? []
        return OutputFormat(name: renderer.name, extensions: [renderer.fileExtension] + more, isBinary: renderer.isBinary)
    }

    @Argument(help: ArgumentHelp(Message.helpDocument.text))
    var file: String

    @OptionGroup var output: OutputOptions<Formats>

    func validate() throws { _ = try output.resolved() }

    func run() throws {
        guard let renderer = Renderers.named(try output.resolved().name) else { throw ExitCode(64) }
        let inputs = try Inputs([file])
        defer { inputs.removeTemporaries() }
        guard let input = inputs.files.first else { throw ExitCode(64) }
        let disclosure: Disclosure
        do {
            disclosure = try Inputs.read(input.path).disclosure
        } catch {
            try Output.fail("\(input.name): \(error)")
        }
        try Output.write(disclosure, with: renderer, to: output.file, source: input.name)
    }
}
