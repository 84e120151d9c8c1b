import ArgumentParser
import YusuanModel
import YusuanAudit

/// `yusuan` — compose, read, audit and render 部门预算公开 documents.
@main
struct Yusuan: AsyncParsableCommand {
    /// Yusuan's version; `--version` prints it with the rules engine's (`Auditor.version`,
    /// which every audit report records as `engine`).
    static let version = YusuanVersion.string

    static let configuration = CommandConfiguration(
        commandName: "yusuan",
        abstract: Message.yusuanAbstract.text,
        discussion: """
            Yusuan reads a published 部门预算公开 document (flattened PDF text, or \
            the tab-separated text form) into a complete model: the eleven standard \
            tables, the explanation sections and the facts they state, the \
            performance-target tables and the glossary. Every value keeps the line \
            it was read from.

            Wherever a command takes a file, - is standard input; -o - is standard \
            output. The output format is --to's, or else the one the extension of -o \
            names. Messages are in Chinese when LANG (or LC_ALL, LC_MESSAGES) starts \
            with zh.
            """,
        version: "yusuan \(version) (rules engine \(Auditor.version))",
        subcommands: [Read.self, Audit.self, Rules.self, Render.self, Template.self, Compose.self, Import.self, Query.self,
                      Reaudit.self, Serve.self]
    )
}
