import YusuanModel

/// 对比 — stored documents side by side, cell by cell: two years of one department,
/// or several departments of one year. Every cell any of them prints is a row, with
/// each document's amount and the change from the first to the last.
public struct DocumentComparison: Sendable, Hashable, Codable {
    /// The documents, in the order asked.
    public var documents: [DocumentSummary]
    public var cells: [Row]

    /// One cell across the documents.
    public struct Row: Sendable, Hashable, Codable {
        public var table: Int
        public var row: String
        public var code: String?
        public var name: String
        public var level: String
        public var column: String
        /// Each document's amount, in the documents' order (nil where it does not print the cell).
        public var values: [Amount?]

        /// Last − first, where both print the cell.
        public var change: Amount? {
            guard let first = values.first ?? nil, let last = values.last ?? nil else { return nil }
            return last - first
        }

        /// The change as a percentage of the first, to two places (none from zero).
        public var rate: Amount? {
            guard let first = values.first ?? nil, let change, !first.isZero else { return nil }
            return change.percent(of: first, places: 2)
        }

        /// True where the documents do not all print the same amount.
        public var differs: Bool { Set(values).count > 1 }
    }

    /// How many cells differ.
    public var differing: Int { cells.filter(\.differs).count }
}

extension Library {
    /// The cells of the documents `ids` side by side: in the first document's order,
    /// then those only later ones print. Nil when one of them is not stored.
    public func compare(_ ids: [Int]) async throws -> DocumentComparison? {
        var summaries: [DocumentSummary] = []
        for id in ids {
            guard let summary = try await summary(id: id) else { return nil }
            summaries.append(summary)
        }
        struct Key: Hashable { var table: Int; var row: String; var column: String }
        var order: [Key] = []
        var rows: [Key: DocumentComparison.Row] = [:]
        for (n, id) in ids.enumerated() {
            for cell in try await cells(id: id) {
                let key = Key(table: cell.table, row: cell.row, column: cell.column)
                if rows[key] == nil {
                    order.append(key)
                    rows[key] = DocumentComparison.Row(table: cell.table, row: cell.row, code: cell.code, name: cell.name,
                                                       level: cell.level, column: cell.column,
                                                       values: Array(repeating: nil, count: ids.count))
                }
                rows[key]?.values[n] = cell.value
            }
        }
        // By table; within a table, the order collected.
        let ordered = order.enumerated().sorted { ($0.element.table, $0.offset) < ($1.element.table, $1.offset) }
            .compactMap { rows[$0.element] }
        return DocumentComparison(documents: summaries, cells: ordered)
    }

    /// Two documents side by side.
    public func compare(_ a: Int, _ b: Int) async throws -> DocumentComparison? { try await compare([a, b]) }
}
