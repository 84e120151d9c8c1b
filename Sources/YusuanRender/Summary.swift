import YusuanModel

/// 概要 — a readable overview of a document for a terminal: identity, totals,
/// each table with its rows, each section, the performance tables, the glossary
/// and any ambiguity the reader recorded.
public enum Summary {
    public static func render(_ d: Disclosure, name: String? = nil) -> String {
        var out = ""
        if let name { out += "# \(name)\n" }
        out += "\(d.department) \(d.year) 年\(d.entityWord)预算公开 (table format \(d.format.rawValue), unit \(d.unit))\n"
        if let t1 = d.table(.overall) {
            let income = t1[.incomeTotal, .budgeted].map(\.description) ?? "—"
            let spending = t1[.expenditureTotal, .budgeted].map(\.description) ?? "—"
            out += "收入总计 \(income)  支出总计 \(spending)\n"
        }
        if let t3 = d.table(.expenditure), let total = t3.row(.grandTotal) {
            let parts = zip(t3.columns, total.cells).compactMap { column, cell in cell.map { "\(column) \($0.value)" } }
            out += "支出: \(parts.joined(separator: "  "))\n"
        }
        if let s = d.overview.staffing {
            out += "人员: 编制 \(s.authorized), 实有 \(s.actual) (在职 \(s.active.count), 退休 \(s.retired.count), 离休 \(s.honorablyRetired.count))\n"
        }
        if let o = d.overview.offices { out += "内设\(o.word): \(o.count) — \(o.names.joined(separator: "、"))\n" }

        out += "\nTables (\(d.tables.count)):\n"
        for t in d.tables {
            let filled = t.rows.filter { $0.cells.contains { $0 != nil } }.count
            var line = "  表\(t.kind.rawValue) \(t.title): \(t.rows.count) rows, \(filled) with values"
            if t.isEmpty, t.emptyStatement != nil { line += " — published empty (空表)" }
            out += line + "\n"
        }
        let missing = StandardTable.allCases.filter { d.status(of: $0) == .missing }
        if !missing.isEmpty { out += "  missing: " + missing.map { "表\($0.rawValue)" }.joined(separator: ", ") + "\n" }
        let outside = StandardTable.allCases.filter { d.status(of: $0) == .notInTemplate && d.templateTables != nil }
        if !outside.isEmpty {
            out += "  not part of the \(d.template ?? "") template: " + outside.map { "表\($0.rawValue)" }.joined(separator: ", ") + "\n"
        }

        out += "\nSections (\(d.sections.count)):\n"
        for s in d.sections { out += "  \(s.number)、\(s.title) (\(s.lines.count) lines)\n" }

        out += "\nPerformance targets:\n"
        if let dept = d.performance.department {
            out += "  部门整体: \(dept.indicators.count) indicators\n"
        } else {
            out += "  部门整体: not printed\n"
        }
        out += "  项目: \(d.performance.projects.count) tables, \(d.performance.projects.reduce(0) { $0 + $1.indicators.count }) indicators\n"
        for p in d.performance.projects {
            out += "    \(p.project) — \(p.totalFunds.map { "\($0) 万元" } ?? "—"), \(p.indicators.count) indicators\n"
        }
        out += "\nGlossary: \(d.glossary.count) terms\n"
        if let s = d.signature { out += "Signature: \(s.name) \(s.date ?? "")\n" }

        out += "\nAmbiguities (\(d.ambiguities.count)):\n"
        for a in d.ambiguities {
            let at = a.source.map { " [\($0)]" } ?? ""
            // A disagreement between two readings has no alternative columns: its message says it.
            guard !a.alternatives.isEmpty else { out += "  \(a.message)\(at)\n"; continue }
            out += "  表\(a.table ?? 0) \(a.row?.rawValue ?? ""): chose \(a.chosen.map(\.rawValue).joined(separator: "+")); also fits "
            out += a.alternatives.map { $0.map(\.rawValue).joined(separator: "+") }.joined(separator: " | ") + at + "\n"
        }
        return out
    }
}
