import YusuanModel

/// 分类科目 — every classification code printed in the tables exists in the
/// 政府收支分类科目 and carries its catalogue name.
///
/// Functional codes (类/款/项) are read from tables 1–5 and 7–9, economic codes
/// (类/款) from table 6. The catalogue is the edition of the document's year where it
/// is shipped, else the latest before it, else the earliest after it (today only 2025
/// is shipped, so 2023 and 2024 are judged by it and their findings say so); 款 and 项
/// are judged only for the classes it details (see
/// `ClassificationCatalogue`), so a code under another class is never reported as
/// unknown. Names are compared without spaces and with full/half-width brackets
/// made equal; a different name is a warning, since names change between editions.
public enum ClassificationRules: RuleSet {
    static let unknownCode = Rule(
        "classification.unknown-code", .classification, .error,
        zh: "表中的功能分类（类、款、项）和经济分类（类、款）科目编码须在当年政府收支分类科目中存在",
        en: "Each functional (class, section, item) and economic (class, section) code in the tables exists in the year's government classification catalogue")
    static let name = Rule(
        "classification.name", .classification, .warning,
        zh: "科目名称须与分类科目中该编码的名称一致（忽略空格和全半角括号）",
        en: "The printed name of a code matches the catalogue's name for it (ignoring spaces and bracket width)")

    static let projectEconomic = Rule(
        "classification.project-economic", .classification, .warning,
        zh: "表7 中对社会保险基金的补助项目（功能科目 2082601–2082699、2082701–2082799、2101201–2101299）不得列入工资福利支出",
        en: "A table 7 project subsidising a social-insurance fund (functional 20826xx, 20827xx, 21012xx) is not booked as wages and welfare (工资福利支出)")

    public static let rules = [unknownCode, name, projectEconomic]

    public static func check(_ context: AuditContext) -> [Finding] {
        let d = context.disclosure
        return check(d, catalogue: ClassificationCatalogue.edition(for: d.year) ?? .standard) + projectColumns(d)
    }

    /// 财政对基本养老保险基金的补助, 财政对其他社会保险基金的补助, 财政对基本医疗保险基金的补助:
    /// money paid into a fund, which the economic classification books as 对社会保障基金补助.
    static let fundSubsidyCodes = ["20826", "20827", "21012"]

    /// A fund subsidy booked as 工资福利支出: one finding per project row, at the row.
    static func projectColumns(_ d: Disclosure) -> [Finding] {
        guard let t7 = d.table(.projects), let wages = t7.columnIndex(.wages) else { return [] }
        return t7.rows.compactMap { row in
            guard row.role == .project, let code = row.code, code.count == 7,
                  fundSubsidyCodes.contains(where: { code.begins(with: $0) }),
                  row.cells.indices.contains(wages), let value = row.cells[wages]?.value, !value.isZero else { return nil }
            let name = row.project ?? row.name
            return Finding(
                rule: projectEconomic,
                message: "表7 项目“\(name)”（\(code) 对社会保险基金的补助）\(value) 万元列入工资福利支出，应列对社会保障基金补助",
                table: 7, row: row.key, column: .wages, at: row.cells[wages]?.source ?? row.source,
                stated: value, expected: .zero, computation: "功能科目 \(code) → 经济分类 对社会保障基金补助")
        }
    }

    static func check(_ d: Disclosure, catalogue: ClassificationCatalogue) -> [Finding] {
        guard !catalogue.names.isEmpty else { return [] }
        let source = "\(catalogue.edition) 年政府收支分类科目"
        // Where the document's own year's edition is not shipped, the finding says which was used.
        let basis = catalogue.edition == d.year ? "" : "（未收 \(d.year) 年版，按 \(catalogue.edition) 年版核对）"
        var findings: [Finding] = []
        for table in d.tables {
            let economic = table.kind == .basicByEconomicClass
            var seen = Set<String>()   // one finding per code and printed name in a table
            for row in table.rows {
                guard let code = row.code, [3, 5, 7].contains(code.count), code.allSatisfy(\.isNumber) else { continue }
                // Economic codes live in table 6 only; functional codes everywhere else.
                guard economic == code.begins(with: "3"), !(economic && code.count == 7) else { continue }
                guard seen.insert(code + "\t" + row.name).inserted, catalogue.covers(code) else { continue }
                let kind = economic ? "经济分类" : "功能分类"
                let at = row.source ?? row.cells.compactMap { $0?.source }.first
                guard let expected = catalogue.name(code) else {
                    findings.append(Finding(
                        rule: unknownCode,
                        message: "表\(table.kind.rawValue) \(kind)科目 \(code)“\(row.name)”不在\(source)中\(basis)",
                        table: table.kind.rawValue, row: row.key, at: at, computation: "\(source)：无 \(code)"))
                    continue
                }
                let printed = row.name
                guard !printed.isEmpty,
                      ClassificationCatalogue.normalised(printed) != ClassificationCatalogue.normalised(expected) else { continue }
                findings.append(Finding(
                    rule: name,
                    message: "表\(table.kind.rawValue) \(kind)科目 \(code) 印作“\(printed)”，\(source)中为“\(expected)”\(basis)",
                    table: table.kind.rawValue, row: row.key, at: at,
                    computation: "\(source)：\(code) \(expected)"))
            }
        }
        return findings
    }
}
