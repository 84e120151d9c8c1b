import ArgumentParser
import Foundation
import YusuanModel
import YusuanRead
import YusuanRender

/// `yusuan read` — read documents and print them as a summary, JSON or tidy cells.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Message.readAbstract.text,
        discussion: """
            FILE may be a document, a folder (every .txt, .md and .pdf file in it is \
            read, in name order) or - for standard input. A file that cannot be read \
            gets one line on standard error naming the file and the reason; the other \
            files are still read, and the exit status is 1.

            Formats (--to, or the extension of -o: .txt, .json, .csv):
              summary  a readable overview (default)
              json     the whole model; with several documents, an array of \
            {"document", "disclosure"} objects
              cells    the tidy CSV table,row,column,value of spec/tables.md; with \
            several documents a leading document column
            """
    )

    enum Formats: FormatList {
        static let formats = [
            OutputFormat(name: "summary", extensions: ["txt"]), OutputFormat(name: "json", extensions: ["json"]),
            OutputFormat(name: "cells", extensions: ["csv"]),
        ]
        static let fallback: String? = "summary"
    }

    @Argument(help: ArgumentHelp(Message.helpDocuments.text))
    var files: [String]

    @OptionGroup var output: OutputOptions<Formats>

    func validate() throws { _ = try output.resolved() }

    func run() throws {
        let format = try output.resolved()
        let inputs = try Inputs(files)
        defer { inputs.removeTemporaries() }
        var documents: [(name: String, disclosure: Disclosure)] = []
        var failed = false
        for (n, file) in inputs.files.enumerated() {
            Progress.step(n + 1, of: inputs.files.count, file.name)
            do {
                documents.append((file.name, try Inputs.read(file.path).disclosure))
            } catch {
                failed = true
                Output.warn("\(file.name): \(error)")
            }
        }
        Progress.done(of: inputs.files.count)
        if !documents.isEmpty {
            switch format.name {
            case "json":
                try Output.write(try JSONOutput.render(documents), to: output.file)
            case "cells":
                try Output.write(Cells.csv(documents), to: output.file)
            default:
                let named = documents.count > 1
                try Output.write(documents.map { Summary.render($0.disclosure, name: named ? $0.name : nil) }
                    .joined(separator: "\n"), to: output.file)
            }
        }
        if failed { throw ExitCode(1) }
    }
}
