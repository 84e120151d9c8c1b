import YusuanModel

/// The audit report for a terminal: grouped by family, each finding with its
/// place, figures and quoted line, and under it the other places of the same
/// cause (↳); colour when asked (a terminal).
public enum ReportText {
    public static func render(_ reports: [AuditReport], colour: Bool) -> String {
        func paint(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        var out = ""
        for report in reports {
            out += paint("\(report.document) — \(report.department) \(report.year)", "1") + "\n"
            out += "\(report.count(.error)) errors, \(report.count(.warning)) warnings, \(report.count(.info)) notes (engine \(report.engine))\n"
            for family in RuleFamily.allCases {
                let findings = report.findings.filter { $0.family == family }
                guard !findings.isEmpty else { continue }
                out += "\n" + paint("\(family.chinese) \(family.rawValue)", "1;4") + "\n"
                for f in findings {
                    let mark = f.severity == .error ? paint("error  ", "31") : f.severity == .warning ? paint("warning", "33") : paint("info   ", "36")
                    var place: [String] = []
                    if let t = f.table { place.append("表\(t)") }
                    if let r = f.row { place.append(r) }
                    if let c = f.column { place.append(c) }
                    if let s = f.section { place.append("第\(s)节") }
                    if let l = f.line { place.append("line \(l)" + (f.page.map { " p.\($0)" } ?? "")) }
                    out += "  \(mark) [\(f.rule)] \(f.message)\n"
                    out += "          at \(place.joined(separator: " · "))"
                    if let s = f.stated { out += "; stated \(s)" }
                    if let e = f.expected { out += ", expected \(e)" }
                    if let c = f.computation { out += " (\(c))" }
                    out += "\n"
                    if let q = f.quote { out += paint("          │ \(q)", "2") + "\n" }
                    for c in f.consequences ?? [] {
                        out += "          ↳ [\(c.rule)] \(c.message)" + (c.line.map { " (line \($0))" } ?? "") + "\n"
                    }
                }
            }
            out += "\n"
        }
        return out
    }
}
