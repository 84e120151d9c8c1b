import YusuanModel

/// 上年结转结余各项 — each carried-over project the explanation lists with its amount
/// (`1．项目名称 128.98 万元，主要用于…`) against its row of table 11.
extension TextRules {
    /// The listed projects of the carry-over section: a stated amount whose label names a
    /// project row of table 11 (the same name, or one within the other, the shorter at least
    /// six characters) and differs from that row's 合计. A name that matches no row, or
    /// several rows none of which has the amount, is not judged.
    static func carryOverItems(_ s: AuditSection, _ d: Disclosure) -> [Finding] {
        guard s.kind == .carryOver, d.format == .edition2024, let t11 = d.table(.carryOver),
              let total = t11.columnIndex(.total) else { return [] }
        let rows = t11.rows.filter { $0.role == .project }.map { (row: $0, name: StatementGrammar.normalize($0.project ?? $0.name)) }
        guard !rows.isEmpty else { return [] }
        func same(_ a: String, _ b: String) -> Bool {
            a == b || min(a.unicodeScalars.count, b.unicodeScalars.count) >= 6 && (a.includes(b) || b.includes(a))
        }
        var findings: [Finding] = []
        for a in s.plainAmounts {
            let named = rows.filter { same(a.label, $0.name) }
            guard named.count == 1, let row = named.first?.row else { continue }
            let value = row.cells.indices.contains(total) ? row.cells[total]?.value ?? .zero : .zero
            guard a.amount != value else { continue }
            findings.append(Finding(
                rule: carryOver, message: "上年结转结余说明“\(a.label) \(a.amount) 万元”与表11 该项合计 \(value) 不符",
                table: 11, row: row.key, column: .total, section: s.number, at: s.at(a.source),
                stated: a.amount, expected: value, computation: "表11 \(row.key) 合计"))
        }
        return findings
    }
}
