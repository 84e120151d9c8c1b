import YusuanModel

/// 完整性 — every part a disclosure of its year must publish.
public enum CompletenessRules: RuleSet {
    static let tables = Rule(
        "completeness.tables", .completeness, .error,
        zh: "公开本年度格式规定的全部预算公开表（2023 年十张，2024 年起十一张）",
        en: "Every standard table of the document's format is published (ten in 2023, eleven from 2024)")
    static let emptyStatement = Rule(
        "completeness.empty-statement", .completeness, .warning,
        zh: "无数据的表须附说明其为空表的文字",
        en: "A table with no values carries a statement saying why it is empty")
    static let sections = Rule(
        "completeness.sections", .completeness, .error,
        zh: "情况说明各部分齐全（一至十二；2023 年格式一至十一）",
        en: "The explanation has all its numbered sections (一 to 十二; 一 to 十一 in the 2023 format)")
    static let threePublic = Rule(
        "completeness.three-public", .completeness, .error,
        zh: "情况说明中有“三公”经费一节",
        en: "The explanation has a section on the three public costs (“三公”经费)")
    static let projectPerformance = Rule(
        "completeness.project-performance", .completeness, .warning,
        zh: "表7 的每个项目有对应的项目支出绩效目标表，或说明不公开的理由",
        en: "Each project of table 7 has a project performance-target table, or the text says why not")
    static let glossary = Rule(
        "completeness.glossary", .completeness, .warning,
        zh: "附名词解释",
        en: "The glossary (名词解释) is present")
    static let overview = Rule(
        "completeness.overview", .completeness, .warning,
        zh: "部门概况写明主要职能和人员编制情况",
        en: "The overview states the functions and the staffing")

    public static let rules = [tables, emptyStatement, sections, threePublic, projectPerformance, glossary, overview]

    static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]

    public static func check(_ context: AuditContext) -> [Finding] {
        let d = context.disclosure
        var findings: [Finding] = []
        for kind in d.requiredTables where d.status(of: kind) == .missing {
            findings.append(Finding(rule: tables, message: "未公开 表\(kind.rawValue) \(kind.standardTitle)", table: kind.rawValue))
        }
        for t in d.tables where t.isEmpty && t.emptyStatement == nil {
            findings.append(Finding(rule: emptyStatement, message: "表\(t.kind.rawValue) 无数据，也未说明为空表",
                                    table: t.kind.rawValue, at: t.source))
        }
        // The explanation's numbered sections, the glossary and the overview are the
        // seeds' template; a regional template's prose is not yet read into them.
        guard d.templateTables == nil else { return findings }
        let expected = d.format == .edition2023 ? Array(numerals.prefix(11)) : numerals
        let present = Set(d.sections.map(\.number))
        for n in expected where !present.contains(n) {
            findings.append(Finding(rule: sections, message: "情况说明缺少第\(n)部分", section: n))
        }
        if !d.sections.isEmpty, !d.sections.contains(where: { $0.title.includes("三公") }) {
            findings.append(Finding(rule: threePublic, message: "情况说明中没有“三公”经费一节"))
        }
        findings += projectTables(d, context.sections)
        if d.glossary.isEmpty { findings.append(Finding(rule: glossary, message: "缺少名词解释")) }
        if d.overview.functions == nil || d.overview.staffing == nil {
            let missing = [d.overview.functions == nil ? "主要职能" : nil, d.overview.staffing == nil ? "人员编制" : nil]
                .compactMap { $0 }.joined(separator: "、")
            findings.append(Finding(rule: overview, message: "部门概况未写明\(missing)"))
        }
        return findings
    }

    /// Each project row of table 7 needs a performance table: matched by name
    /// (`ClassificationCatalogue.normalised`, one containing the other) or by its amount.
    static func projectTables(_ d: Disclosure, _ sections: [AuditSection]) -> [Finding] {
        guard let t7 = d.table(.projects) else { return [] }
        let tables = d.performance.projects
        // The sections' text as joined once for the audit, searched only for a finding.
        lazy var reasonGiven = sections.contains { $0.joined.includes("不予公开") || $0.joined.includes("不公开") }
        let printed = tables.map { (name: ClassificationCatalogue.normalised($0.project), funds: $0.totalFunds) }
        var findings: [Finding] = []
        for row in t7.rows where row.role == .project {
            let name = ClassificationCatalogue.normalised(row.project ?? row.name)
            let amount = row.cells.first??.value
            let matched = printed.contains { other in
                // The amounts first: comparing them is cheaper than searching the names.
                (amount != nil && other.funds == amount) || (!other.name.isEmpty && !name.isEmpty
                    // Only the longer can hold the other.
                    && (name.utf8.count >= other.name.utf8.count ? name.includes(other.name) : other.name.includes(name)))
            }
            guard !matched else { continue }
            findings.append(Finding(
                rule: projectPerformance,
                message: "表7 项目“\(row.project ?? row.name)”没有对应的项目支出绩效目标表"
                    + (reasonGiven ? "（说明中写明部分绩效目标表不予公开）" : ""),
                severity: reasonGiven ? .info : nil, table: 7, row: row.key, column: .total,
                at: row.source, stated: amount))
        }
        return findings
    }
}
