import SQLKit
import YusuanModel

/// 文件摘要 — what the library knows of one stored document without its model.
public struct DocumentSummary: Sendable, Hashable, Codable {
    public var id: Int
    public var hash: String
    public var fileName: String
    public var sourceKind: Submission.SourceKind
    public var departmentID: Int
    /// 部门 — as printed.
    public var department: String
    /// 地区 and 级次 (see `Area`).
    public var region: String
    public var level: String
    /// 预算年度.
    public var year: Int
    /// 部门 or 单位: whether the document is a department's (its units together) or one unit's.
    public var kind: String
    /// The table template it was read with (`standard`, `shanghai`).
    public var template: String
    /// The rules engine that produced its findings.
    public var engine: String
    public var errors: Int
    public var warnings: Int
    public var notes: Int
    public var importedAt: String

    static let columns = ["id", "hash", "file_name", "source_kind", "department_id", "department", "region", "level", "year",
                          "kind", "template", "engine", "errors", "warnings", "notes", "imported_at"]

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int.self)
        hash = try row.decode(column: "hash", as: String.self)
        fileName = try row.decode(column: "file_name", as: String.self)
        sourceKind = Submission.SourceKind(rawValue: try row.decode(column: "source_kind", as: String.self)) ?? .text
        departmentID = try row.decode(column: "department_id", as: Int.self)
        department = try row.decode(column: "department", as: String.self)
        region = try row.decode(column: "region", as: String.self)
        level = try row.decode(column: "level", as: String.self)
        year = try row.decode(column: "year", as: Int.self)
        kind = try row.decode(column: "kind", as: String.self)
        template = try row.decode(column: "template", as: String.self)
        engine = try row.decode(column: "engine", as: String.self)
        errors = try row.decode(column: "errors", as: Int.self)
        warnings = try row.decode(column: "warnings", as: Int.self)
        notes = try row.decode(column: "notes", as: Int.self)
        importedAt = try row.decode(column: "imported_at", as: String.self)
    }
}

/// Which documents a listing shows; every condition given must hold.
public struct DocumentFilter: Sendable, Hashable {
    public var departmentID: Int?
    public var department: String?
    public var region: String?
    public var level: String?
    public var year: Int?
    public var kind: String?
    /// Documents with at least one finding of this rule.
    public var rule: String?
    public var limit: Int?
    public var offset: Int?

    public init(departmentID: Int? = nil, department: String? = nil, region: String? = nil, level: String? = nil,
                year: Int? = nil, kind: String? = nil, rule: String? = nil, limit: Int? = nil, offset: Int? = nil) {
        self.departmentID = departmentID
        self.department = department
        self.region = region
        self.level = level
        self.year = year
        self.kind = kind
        self.rule = rule
        self.limit = limit
        self.offset = offset
    }
}

/// 单元格 — one stored cell: the tidy record of the data contract, with the row's code,
/// name and level (合计, 类, 款, 项, 项目, …).
public struct StoredCell: Sendable, Hashable, Codable {
    public var table: Int
    public var row: String
    public var code: String?
    public var name: String
    public var level: String
    public var column: String
    public var value: Amount

    static let columns = ["table_no", "row_key", "code", "name", "level", "column_key", "value"]

    init(row: any SQLRow) throws {
        table = try row.decode(column: "table_no", as: Int.self)
        self.row = try row.decode(column: "row_key", as: String.self)
        code = try row.decode(column: "code", as: String?.self)
        name = try row.decode(column: "name", as: String.self)
        level = try row.decode(column: "level", as: String.self)
        column = try row.decode(column: "column_key", as: String.self)
        value = Amount(units: try row.decode(column: "value", as: Int64.self))
    }
}
