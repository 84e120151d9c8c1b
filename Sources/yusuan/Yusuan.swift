import ArgumentParser

/// `yusuan` — compose, read, audit and render 部门预算公开 documents.
@main
struct Yusuan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yusuan",
        abstract: "Read Chinese department budget disclosures (部门预算公开) into a structured model.",
        discussion: """
            Yusuan reads a published 部门预算公开 document (flattened PDF text, or \
            the tab-separated text form) into a complete model: the eleven standard \
            tables, the explanation sections and the facts they state, the \
            performance-target tables and the glossary. Every value keeps the line \
            it was read from.
            """,
        subcommands: [Read.self, Audit.self, Rules.self, Render.self, Template.self, Compose.self]
    )
}
