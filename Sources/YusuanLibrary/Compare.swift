import YusuanModel

/// 对比 — two stored documents cell by cell (two years of one department, or two
/// departments of one year): every cell either prints, with its change.
public struct DocumentComparison: Sendable, Hashable, Codable {
    public var a: DocumentSummary
    public var b: DocumentSummary
    public var cells: [Difference]

    /// One cell of either document.
    public struct Difference: Sendable, Hashable, Codable {
        public var table: Int
        public var row: String
        public var code: String?
        public var name: String
        public var level: String
        public var column: String
        public var a: Amount?
        public var b: Amount?

        /// b − a, where both print the cell.
        public var change: Amount? {
            guard let a, let b else { return nil }
            return b - a
        }

        /// The change as a percentage of a, to two places (none from zero).
        public var rate: Amount? {
            guard let a, let change, !a.isZero else { return nil }
            return change.percent(of: a, places: 2)
        }

        /// True where the two differ (one prints it and the other not, or the amounts differ).
        public var differs: Bool { a != b }
    }

    /// How many cells differ.
    public var differing: Int { cells.filter(\.differs).count }
}

extension Library {
    /// The cells of documents `a` and `b` side by side, in `a`'s order, then those only `b` prints.
    public func compare(_ a: Int, _ b: Int) async throws -> DocumentComparison? {
        guard let first = try await summary(id: a), let second = try await summary(id: b) else { return nil }
        struct Key: Hashable { var table: Int; var row: String; var column: String }
        let left = try await cells(id: a), right = try await cells(id: b)
        var rightByKey: [Key: StoredCell] = [:]
        for cell in right { rightByKey[Key(table: cell.table, row: cell.row, column: cell.column)] = cell }
        var seen: Set<Key> = []
        var differences: [DocumentComparison.Difference] = []
        for cell in left {
            let key = Key(table: cell.table, row: cell.row, column: cell.column)
            seen.insert(key)
            differences.append(.init(table: cell.table, row: cell.row, code: cell.code, name: cell.name, level: cell.level,
                                     column: cell.column, a: cell.value, b: rightByKey[key]?.value))
        }
        for cell in right where !seen.contains(Key(table: cell.table, row: cell.row, column: cell.column)) {
            differences.append(.init(table: cell.table, row: cell.row, code: cell.code, name: cell.name, level: cell.level,
                                     column: cell.column, a: nil, b: cell.value))
        }
        // By table; within a table, each document's printed order as collected.
        let ordered = differences.enumerated().sorted { ($0.element.table, $0.offset) < ($1.element.table, $1.offset) }.map(\.element)
        return DocumentComparison(a: first, b: second, cells: ordered)
    }
}
