import YusuanModel

/// 支出结构 — what the charts draw, taken from table 3 (部门支出总体情况表): the
/// spending of each 类 and the split between 基本支出 and 项目支出, as exact amounts.
public struct ExpenditureStructure: Sendable, Hashable {
    /// One 类 of the functional classification and its 合计.
    public struct Share: Sendable, Hashable {
        public var code: String
        public var name: String
        public var amount: Amount
    }

    /// Each 类 printed in table 3, in printed order.
    public var byClass: [Share]
    /// 基本支出 of the 总计 row (or the sum of the 类 rows where no 总计 is printed).
    public var basic: Amount
    /// 项目支出, likewise.
    public var project: Amount

    /// The structure of a document's table 3; nil where table 3 is absent or has no 类 rows.
    public init?(_ disclosure: Disclosure) {
        guard let table = disclosure.table(.expenditure),
              let total = table.columnIndex(.total) else { return nil }
        let classes = table.rows.filter { $0.role == .classLevel && $0.code != nil }
        byClass = classes.compactMap { row in
            guard let code = row.code, let amount = row.cells[total]?.value else { return nil }
            return Share(code: code, name: row.name, amount: amount)
        }
        guard !byClass.isEmpty else { return nil }
        func column(_ key: ColumnKey) -> Amount {
            guard let c = table.columnIndex(key) else { return .zero }
            if let totalRow = table.rows.first(where: { $0.role == .total }) {
                return totalRow.cells[c]?.value ?? .zero
            }
            return classes.reduce(.zero) { $0 + ($1.cells[c]?.value ?? .zero) }
        }
        basic = column(.basic)
        project = column(.project)
    }

    /// The largest 类 amount (the full length of a bar).
    public var largest: Amount { byClass.map(\.amount).max() ?? .zero }

    /// `part / whole` as a fraction for drawing (exact amounts in, one division out).
    public static func fraction(_ part: Amount, of whole: Amount) -> Double {
        whole.units == 0 ? 0 : Double(part.units) / Double(whole.units)
    }
}
