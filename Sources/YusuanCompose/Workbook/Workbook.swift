import Foundation
import Yams
import YusuanModel

/// 预算工作簿 — a `Budget` as a file an officer prepares or a program writes.
///
/// A workbook is YAML (or JSON, the same fields) whose keys are the `Budget`
/// coding keys; the line items are inline, or come from a CSV file
/// (`items: {csv: items.csv}`) or an XLSX sheet (`items: {xlsx: budget.xlsx}`),
/// paths relative to the workbook. An XLSX file laid out as `yusuan template --to
/// xlsx` writes it is a whole workbook too.
///
/// ```swift
/// let budget = try Workbook.load(contentsOf: "examples/demo-county-medical-insurance-2025.yaml")
/// let disclosure = try Composer.compose(budget)
/// ```
///
/// Loading checks every field and reports every problem at once, each with its
/// file, line (or sheet and cell), field and reason (`WorkbookError`).
public enum Workbook {
    /// The kinds of workbook file: YAML (JSON is read as the YAML it is) and XLSX.
    public enum Format: Sendable {
        case yaml, xlsx
    }

    /// Loads the workbook at `path`: as `format` says, else `.xlsx` as a spreadsheet
    /// and anything else as YAML or JSON. With `strict`, a change on the previous
    /// year without its reason is a problem.
    public static func load(contentsOf path: String, format: Format? = nil, strict: Bool = false)
        throws(WorkbookError) -> Budget {
        let data: Data
        switch BoundedFile.read(path) {
        case .success(let bytes): data = bytes
        case .failure(let failure):
            throw WorkbookError(problems: [Problem(file: path, field: "(workbook)", reason: failure.description)])
        }
        let directory = URL(fileURLWithPath: (path as NSString).deletingLastPathComponent.isEmpty
                            ? "." : (path as NSString).deletingLastPathComponent)
        let format = format ?? (path.lowercased().hasSuffix(".xlsx") ? .xlsx : .yaml)
        return try load(data: data, file: path, directory: directory, format: format, strict: strict)
    }

    /// Loads a workbook from bytes (standard input): as `format` says, or when it is
    /// nil by the bytes themselves: a ZIP archive is XLSX, anything else YAML or JSON text.
    public static func load(data: Data, file: String, directory: URL?, format: Format? = nil, strict: Bool = false)
        throws(WorkbookError) -> Budget {
        if data.count > WorkbookLimits.fileSize {
            throw WorkbookError(problems: [Problem(file: file, field: "(workbook)", reason: BoundedFile.Failure.tooLarge.description)])
        }
        if (format ?? (data.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? .xlsx : .yaml)) == .xlsx {
            return try load(xlsx: data, file: file, directory: directory, strict: strict)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw WorkbookError(problems: [Problem(file: file, field: "(workbook)", reason: "the file is not UTF-8 text")])
        }
        return try load(yaml: text, file: file, directory: directory, strict: strict)
    }

    /// Loads a workbook from YAML or JSON text; `file` names it in problems and
    /// `directory` is where referenced CSV and XLSX files are looked for.
    ///
    /// The text is bounded before it is parsed (`WorkbookLimits`): its size, how
    /// deeply it nests, and how far its aliases expand.
    public static func load(yaml text: String, file: String = "workbook.yaml", directory: URL? = nil,
                            strict: Bool = false) throws(WorkbookError) -> Budget {
        let bytes = text.utf8.count
        if bytes > WorkbookLimits.fileSize {
            throw WorkbookError(problems: [Problem(file: file, field: "(workbook)", reason: BoundedFile.Failure.tooLarge.description)])
        }
        if let deep = NestingScan.firstLine(beyond: WorkbookLimits.depth, in: text) {
            throw WorkbookError(problems: [Problem(file: file, line: deep.line, field: "(syntax)", reason:
                "mappings and lists are nested more than \(WorkbookLimits.depth) levels deep (a budget needs about six)")])
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw WorkbookError(problems: [syntaxProblem(error, file: file)])
        } catch {
            throw WorkbookError(problems: [Problem(file: file, field: "(workbook)", reason: "\(error)")])
        }
        var values = max(bytes, 1024) * WorkbookLimits.valuesPerByte
        let tree: Tree
        do {
            tree = try node.map { node throws(Tree.Overrun) in try Tree.from(node, file: file, values: &values) }
                ?? .scalar(nil, Place(file: file, line: 1))
        } catch {
            throw WorkbookError(problems: [Problem(error.place, field: "(workbook)", reason: error.reason)])
        }
        var reader = WorkbookReader(directory: directory)
        return try finish(&reader, tree: tree, strict: strict)
    }

    /// Loads a whole workbook from the bytes of an XLSX file.
    public static func load(xlsx data: Data, file: String = "workbook.xlsx", directory: URL? = nil,
                            strict: Bool = false) throws(WorkbookError) -> Budget {
        var reader = WorkbookReader(directory: directory)
        guard let sheets = reader.sheets(file, data, at: Place(file: file), field: "(workbook)") else {
            throw WorkbookError(problems: reader.problems)
        }
        let tree = reader.tree(of: sheets, file: file)
        return try finish(&reader, tree: tree, strict: strict)
    }

    private static func finish(_ reader: inout WorkbookReader, tree: Tree, strict: Bool) throws(WorkbookError) -> Budget {
        let budget = reader.budget(tree)
        if strict, let budget, reader.problems.isEmpty {
            for (key, figure) in neededReasons(budget) where (budget.reasons[key] ?? "").isEmpty {
                reader.problem(reader.places[figure] ?? reader.places["previousYear"] ?? tree.place, "reasons.\(key)",
                               "\(Problem.fillIn): \(figure) differs from this year, so the change needs a reason")
            }
        }
        guard let budget, reader.problems.isEmpty else {
            throw WorkbookError(problems: reader.problems.isEmpty
                                ? [Problem(tree.place, field: "(workbook)", reason: "no budget could be read")] : reader.problems)
        }
        return budget
    }

    static func syntaxProblem(_ error: YamlError, file: String) -> Problem {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let around = context.map { " \($0.text)" } ?? ""
            return Problem(file: file, line: mark.line, field: "(syntax)", reason: "not valid YAML: \(problem)\(around)")
        default:
            return Problem(file: file, field: "(syntax)", reason: "not valid YAML: \(error)")
        }
    }

    // MARK: Writing

    /// The budget as a JSON workbook (keys sorted, amounts as exact decimals): what a
    /// program writes for `yusuan compose` to read.
    public static func json(_ budget: Budget) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(budget), as: UTF8.self) + "\n"
    }

    /// The budget as an XLSX workbook in the layout of `yusuan template --to xlsx`
    /// (one field a row in the field sheets, one line item a row in 支出明细 items).
    public static func xlsx(_ budget: Budget) throws -> Data {
        guard let root = try Yams.compose(yaml: try json(budget)) else { return try XLSXFile.write([]) }
        var rows: [([String], String)] = []
        func flatten(_ node: Node, _ path: [String]) {
            switch node {
            case .scalar(let s): rows.append((path, s.string))
            case .mapping(let m): for (k, v) in m { flatten(v, path + [k.scalar?.string ?? ""]) }
            case .sequence(let s): for (i, v) in s.enumerated() { flatten(v, path + [String(i + 1)]) }
            }
        }
        flatten(root, [])
        var sheets: [String: [[XLSXFile.Value]]] = [:]
        for (path, value) in rows where path.first != "items" {
            var key = path
            let spec = WorkbookSheets.fieldSheets.first { !$0.root.isEmpty && path.starts(with: $0.root) }
                ?? WorkbookSheets.fieldSheets[0]
            key.removeFirst(spec.root.count)
            if spec.root == ["income"], key.first == "amounts" { key.removeFirst() }
            sheets[spec.name, default: [WorkbookSheets.fieldHeader]].append([.text(key.joined(separator: ".")), .text(value)])
        }
        let itemRows: [[XLSXFile.Value]] = budget.items.map { item in
            [.text(item.function), .text(item.economic), .text(item.source.rawValue), .text(item.kind.rawValue),
             item.project.map { .text($0) } ?? .empty, .number(item.amount.description)]
        }
        var result = WorkbookSheets.fieldSheets.map { spec in
            XLSXFile.SheetData(name: spec.name, rows: sheets[spec.name] ?? [WorkbookSheets.fieldHeader],
                               columnWidths: [34, 60, 40], header: true, textColumns: [2])
        }
        result.insert(WorkbookSheets.itemsSheet(itemRows), at: 2)
        return try XLSXFile.write(result)
    }

    /// The line items as CSV, in the columns a workbook's `items: {csv: …}` reads.
    public static func csv(_ items: [LineItem]) -> String {
        var out = WorkbookReader.itemColumns.joined(separator: ",") + "\n"
        for item in items {
            out += [item.function, item.economic, item.source.rawValue, item.kind.rawValue, item.project ?? "",
                    item.amount.description].map(YusuanModel.CSV.field).joined(separator: ",") + "\n"
        }
        return out
    }

    // MARK: Checks beyond the fields

    /// The reasons the explanation will ask for: each key with the previous-year field
    /// whose figure differs from this year's (the composer's own list).
    public static func neededReasons(_ budget: Budget) -> [(key: String, figure: String)] {
        Composer.neededReasons(budget)
    }

    /// The codes the tables print (functional 类/款/项, economic 类/款 of table 6)
    /// that have no name in `names` (functional 类 are named by the composer).
    public static func unnamedCodes(_ budget: Budget) -> [String] {
        var codes: Set<String> = []
        for item in budget.items {
            codes.formUnion([String(item.function.prefix(5)), item.function])
            if FunctionalClasses.name(String(item.function.prefix(3))) == nil { codes.insert(String(item.function.prefix(3))) }
            if item.kind.isBasic && item.source.isGeneralPublic {
                codes.formUnion([String(item.economic.prefix(3)), item.economic])
            }
        }
        return codes.filter { budget.names[$0] == nil }.sorted()
    }
}
