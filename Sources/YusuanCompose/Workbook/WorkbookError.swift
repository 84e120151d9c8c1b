/// 工作簿错误 — everything wrong with a budget workbook, found in one pass: each
/// problem names the file, where in it (the line of a YAML, JSON or CSV file; the
/// sheet and cell of an XLSX file), the field and the reason.
///
/// ```
/// budget.yaml:12: department.year: "二〇二五" is not a year (write it as 2025)
/// items.csv:7: items[5].economic: "3021" is not a 5-digit economic 款 code (经济分类款级科目编码，如 30201)
/// budget.xlsx[支出明细 items!F9]: items[7].amount: "12.3456789" is not an exact decimal of at most four places
/// ```
public struct WorkbookError: Error, CustomStringConvertible, Hashable, Sendable {
    public var problems: [Problem]

    public init(problems: [Problem]) { self.problems = problems }

    /// One line a problem.
    public var description: String { problems.map(\.description).joined(separator: "\n") }

    /// True when every problem is only a field left blank in a template (待填写).
    public var onlyFillIn: Bool { problems.allSatisfy(\.isFillIn) }
}

/// 问题 — one thing wrong in a workbook, and where.
public struct Problem: Hashable, Sendable, CustomStringConvertible {
    /// The file, as it was named (the workbook, or the CSV/XLSX file its items come from).
    public var file: String
    /// 1-based line, for YAML, JSON and CSV files.
    public var line: Int?
    /// Sheet name, for XLSX files.
    public var sheet: String?
    /// Cell reference (`B7`), for XLSX files.
    public var cell: String?
    /// The field, as a path of `Budget` coding keys: `department.name`, `items[3].economic`.
    public var field: String
    /// Why it is wrong, in words.
    public var reason: String

    public init(file: String, line: Int? = nil, sheet: String? = nil, cell: String? = nil, field: String,
                reason: String) {
        self.file = file
        self.line = line
        self.sheet = sheet
        self.cell = cell
        self.field = field
        self.reason = reason
    }

    init(_ place: Place, field: String, reason: String) {
        self.init(file: place.file, line: place.line, sheet: place.sheet, cell: place.cell, field: field, reason: reason)
    }

    /// The reason every blank required field gets: a template not yet filled in.
    public static let fillIn = "fill in (待填写)"

    /// A required field left blank.
    public var isFillIn: Bool { reason.hasPrefix(Self.fillIn) }

    /// `file:line: field: reason`, or `file[sheet!cell]: field: reason`.
    public var description: String {
        var at = file
        if let sheet {
            at += "[\(sheet)" + (cell.map { "!\($0)" } ?? "") + "]"
        } else if let line {
            at += ":\(line)"
        }
        return "\(at): \(field): \(reason)"
    }
}

/// Where a value of a workbook was written.
struct Place: Hashable, Sendable {
    var file: String
    var line: Int? = nil
    var sheet: String? = nil
    var cell: String? = nil
}
