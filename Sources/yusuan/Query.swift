import ArgumentParser
import Foundation
import YusuanLibrary
import YusuanModel

/// `yusuan query` — the library's ready reports, as text, CSV or JSON.
struct Query: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Message.queryAbstract.text,
        discussion: """
            Reports:
              documents  the stored documents (filter with --year, --region, --level, \
            --kind, --department, --rule)
              years      a department's years side by side: every table cell and every \
            figure its explanation states, with the change (--department)
              ranking    the departments of a year ranked by one cell, largest first \
            (--year, --cell TABLE/ROW/COLUMN, default 1/支出总计/预算数; --share ranks by \
            its share of the table's total; --limit)
              findings   findings by rule across the library (--year)
              totals     documents, spending and findings by region and year

            Examples:
              yusuan query ranking --year 2025 --cell 10/合计/合计       (the "三公" total)
              yusuan query years --department 示例县医疗保障局 --to csv -o years.csv
            """
    )

    enum Formats: FormatList {
        static let formats = [
            OutputFormat(name: "text", extensions: ["txt"]), OutputFormat(name: "csv", extensions: ["csv"]),
            OutputFormat(name: "json", extensions: ["json"]),
        ]
        static let fallback: String? = "text"
    }

    enum Name: String, ExpressibleByArgument, CaseIterable {
        case documents, years, ranking, findings, totals
    }

    @Argument(help: "documents, years, ranking, findings or totals.") var report: Name
    @OptionGroup var library: DatabaseOptions
    @OptionGroup var output: OutputOptions<Formats>

    @Option(help: "The department (years; documents).") var department: String?
    @Option(help: "The year (ranking; findings; documents).") var year: Int?
    @Option(help: "The cell to rank by: TABLE/ROW/COLUMN in the keys of spec/tables.md.") var cell: String?
    @Flag(help: "Rank by the cell's share of its table's total row.") var share = false
    @Option(help: "At most this many rows (ranking; documents).") var limit: Int?
    @Option(help: "Documents of this region.") var region: String?
    @Option(help: "Documents of this level (省级, 市级, 县级).") var level: String?
    @Option(help: "Documents of this kind (部门 or 单位).") var kind: String?
    @Option(help: "Documents with a finding of this rule.") var rule: String?

    func validate() throws {
        _ = try output.resolved()
        switch report {
        case .years where department == nil: throw ValidationError("years needs --department NAME")
        case .ranking where year == nil: throw ValidationError("ranking needs --year YEAR")
        default: break
        }
        if let cell, CellAddress(cell) == nil {
            throw ValidationError("--cell \(cell): give TABLE/ROW/COLUMN, for example 1/支出总计/预算数 (table 1 to 11)")
        }
    }

    func run() async throws {
        let format = try output.resolved()
        let result = try await library.withLibrary { library -> Report in
            switch report {
            case .documents:
                return try await library.documentsReport(DocumentFilter(department: department, region: region, level: level, year: year,
                                                                        kind: kind, rule: rule, limit: limit))
            case .years: return try await library.yearsReport(department: department ?? "")
            case .ranking:
                return try await library.rankingReport(year: year ?? 0, cell: cell.flatMap(CellAddress.init) ?? .totalSpending,
                                                       share: share, limit: limit)
            case .findings: return try await library.findingsReport(year: year)
            case .totals: return try await library.totalsReport()
            }
        }
        switch format.name {
        case "csv": try Output.write(result.csv, to: output.file)
        case "json": try Output.write(result.json + Data("\n".utf8), to: output.file)
        default: try Output.write(result.text, to: output.file)
        }
    }
}
