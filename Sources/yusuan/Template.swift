import ArgumentParser
import Foundation
import YusuanCompose

/// `yusuan template` — write an empty budget workbook to fill in.
struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an empty budget workbook (YAML or XLSX) to fill in for `yusuan compose`.",
        discussion: """
            Every field of the workbook is named and explained in Chinese and English \
            (YAML comments; in XLSX a notes column). The YAML template is written to \
            standard output unless -o is given; XLSX is binary and needs -o.

            Formats:
              yaml  one YAML file: department, overview, income, items (inline, or \
            items: {csv: FILE} / {xlsx: FILE}), names, previousYear, reasons, projects, \
            departmentPerformance, procurement, assets, signatureDate
              xlsx  a workbook with a readme sheet, a sheet per part (部门, 收入, \
            支出明细 items, 科目名称, 上年数, 原因, 项目) and a notes column

            Example: yusuan template --to xlsx -o budget-2026.xlsx
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case yaml, xlsx
    }

    @Option(name: .long, help: "Format: yaml or xlsx.")
    var to: Format = .yaml

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if to == .xlsx && output == nil {
            throw ValidationError("--to xlsx writes a binary file: give it with -o FILE.xlsx")
        }
    }

    func run() throws {
        let data: Data
        switch to {
        case .yaml: data = Data(WorkbookTemplate.yaml.utf8)
        case .xlsx: data = try WorkbookTemplate.xlsx()
        }
        guard let output else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: output))
        } catch {
            FileHandle.standardError.write(Data("yusuan: \(output): cannot be written: \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
    }
}
