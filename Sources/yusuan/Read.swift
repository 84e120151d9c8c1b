import ArgumentParser
import Foundation
import YusuanModel
import YusuanRead
import YusuanRender

/// `yusuan read` — read documents and print them as a summary, JSON or tidy cells.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read published disclosures and print them.",
        discussion: """
            FILE may be a document or a folder (every .txt and .md file in it is read, \
            in name order). A file that cannot be read gets one line on standard \
            error naming the file and the reason; the other files are still read, \
            and the exit status is 1.

            Formats:
              summary  a readable overview (default)
              json     the whole model; with several documents, an array of \
            {"document", "disclosure"} objects
              cells    the tidy CSV table,row,column,value of spec/tables.md; with \
            several documents a leading document column
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case summary, json, cells
    }

    @Argument(help: "Documents or folders of documents to read.")
    var files: [String]

    @Option(name: .shortAndLong, help: "Output format: summary, json or cells.")
    var format: Format = .summary

    func run() throws {
        var documents: [(name: String, disclosure: Disclosure)] = []
        var failed = false
        for path in try Inputs.expand(files) {
            do {
                documents.append((path, try Inputs.read(path).disclosure))
            } catch {
                failed = true
                FileHandle.standardError.write(Data("yusuan: \(path): \(error)\n".utf8))
            }
        }
        if !documents.isEmpty {
            switch format {
            case .summary:
                let named = documents.count > 1
                print(documents.map { Summary.render($0.disclosure, name: named ? $0.name : nil) }.joined(separator: "\n"),
                      terminator: "")
            case .json:
                print(try JSONOutput.render(documents), terminator: "")
            case .cells:
                print(Cells.csv(documents), terminator: "")
            }
        }
        if failed { throw ExitCode(1) }
    }
}
