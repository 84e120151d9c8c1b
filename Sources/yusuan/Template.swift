import ArgumentParser
import Foundation
import YusuanCompose

/// `yusuan template` — write an empty budget workbook to fill in.
struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Message.templateAbstract.text,
        discussion: """
            Every field of the workbook is named and explained in Chinese and English \
            (YAML comments; in XLSX a notes column). The YAML template is written to \
            standard output unless -o is given; XLSX is binary and needs -o.

            Formats (--to, or the extension of -o):
              yaml  .yaml or .yml: one YAML file: department, overview, income, items \
            (inline, or items: {csv: FILE} / {xlsx: FILE}), names, previousYear, \
            reasons, projects, departmentPerformance, procurement, assets, signatureDate
              xlsx  .xlsx: a workbook with a readme sheet, a sheet per part (部门, 收入, \
            支出明细 items, 科目名称, 上年数, 原因, 项目) and a notes column

            Example: yusuan template -o budget-2026.xlsx
            """
    )

    enum Formats: FormatList {
        static let formats = [
            OutputFormat(name: "yaml", extensions: ["yaml", "yml"]), OutputFormat(name: "xlsx", extensions: ["xlsx"], isBinary: true),
        ]
        static let fallback: String? = "yaml"
    }

    @OptionGroup var output: OutputOptions<Formats>

    func validate() throws { _ = try output.resolved() }

    func run() throws {
        let data: Data
        switch try output.resolved().name {
        case "xlsx": data = try WorkbookTemplate.xlsx()
        default: data = Data(WorkbookTemplate.yaml.utf8)
        }
        try Output.write(data, to: output.file)
    }
}
