import YusuanModel

/// 单元格记录 — the tidy `table,row,column,value` records of `spec/tables.md`.
///
/// One record per non-empty cell, in table order, then the printed row order,
/// then column order. Values are plain decimals in 万元 (`1297.28`; a printed
/// `0.00` is `0`).
public enum Cells {
    /// One tidy record.
    public struct Record: Hashable, Sendable {
        public var table: Int
        public var row: RowKey
        public var column: ColumnKey
        public var value: Amount
    }

    /// Every non-empty cell of every table of the document.
    public static func records(_ disclosure: Disclosure) -> [Record] {
        var result: [Record] = []
        for table in disclosure.tables.sorted(by: { $0.kind < $1.kind }) {
            for row in table.rows {
                for (c, cell) in row.cells.enumerated() {
                    guard let cell else { continue }
                    result.append(Record(table: table.kind.rawValue, row: row.key, column: table.columns[c], value: cell.value))
                }
            }
        }
        return result
    }

    /// The CSV text. With more than one document, a leading `document` column
    /// names the document of each record.
    public static func csv(_ documents: [(name: String, disclosure: Disclosure)]) -> String {
        let named = documents.count > 1
        var out = named ? "document,table,row,column,value\n" : "table,row,column,value\n"
        for (name, disclosure) in documents {
            for r in records(disclosure) {
                if named { out += CSV.field(name) + "," }
                out += "\(r.table),\(CSV.field(r.row.rawValue)),\(CSV.field(r.column.rawValue)),\(r.value)\n"
            }
        }
        return out
    }
}
