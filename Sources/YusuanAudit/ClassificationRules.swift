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
        "classification.project-economic", .classification, .error,
        zh: "表7 项目的经济分类与功能科目相符：对社会保险基金的补助（功能科目 20826、20827、21012 下各项）列对社会保障基金补助，列入工资福利支出为错误，列入其他经济分类为警告；功能科目不是基金补助（20804、20826、20827、21012）的项目列入对社会保障基金补助为警告",
        en: "A table 7 project's economic class fits its functional code: a subsidy to a social-insurance fund (under 20826, 20827, 21012) is 对社会保障基金补助; booked as wages and welfare (工资福利支出) it is an error, in another class a warning; a project under any other code (not 20804, 20826, 20827, 21012) booked as 对社会保障基金补助 is a warning")

    public static let rules = [unknownCode, name, projectEconomic]

    public static func check(_ context: AuditContext) -> [Finding] {
        let d = context.disclosure
        return check(d, catalogue: ClassificationCatalogue.edition(for: d.year) ?? .standard) + projectColumns(d)
    }

    /// 财政对基本养老保险基金的补助, 财政对其他社会保险基金的补助, 财政对基本医疗保险基金的补助:
    /// money paid into a fund, which the economic classification books as 对社会保障基金补助.
    static let fundSubsidyCodes = ["20826", "20827", "21012"]
    /// The codes whose spending 对社会保障基金补助 may hold: the fund subsidies and
    /// 补充全国社会保障基金 (20804).
    static let fundCodes = ["20804"] + fundSubsidyCodes

    /// 项目经济分类 — each project row of table 7 against its functional code, one finding
    /// per row and column: a fund subsidy outside 对社会保障基金补助 (工资福利支出 an error,
    /// other classes a warning), and 对社会保障基金补助 under a code that pays no fund (a
    /// warning). Where the reader recorded that the row's columns could have been read
    /// otherwise (`Disclosure.ambiguities`), an error is a warning.
    static func projectColumns(_ d: Disclosure) -> [Finding] {
        guard let t7 = d.table(.projects), let fund = t7.columnIndex(.socialSecurityFund) else { return [] }
        let unsettled = Set(d.ambiguities.filter { $0.table == 7 }.compactMap(\.row))
        var findings: [Finding] = []
        for row in t7.rows where row.role == .project {
            guard let code = row.code, code.count == 7 else { continue }
            let name = row.project ?? row.name
            let isFundSubsidy = fundSubsidyCodes.contains { code.begins(with: $0) }
            for (i, column) in t7.columns.enumerated() where column != .total && row.cells.indices.contains(i) {
                guard let value = row.cells[i]?.value, !value.isZero else { continue }
                let at = row.cells[i]?.source ?? row.source
                if isFundSubsidy, i != fund {
                    let wages = column == .wages
                    findings.append(Finding(
                        rule: projectEconomic,
                        message: "表7 项目“\(name)”（\(code) 对社会保险基金的补助）\(value) 万元列入\(column.rawValue)，应列对社会保障基金补助"
                            + (wages && unsettled.contains(row.key) ? "（该行各数所在列读取时有歧义）" : ""),
                        severity: wages && !unsettled.contains(row.key) ? .error : .warning,
                        table: 7, row: row.key, column: column, at: at, stated: value, expected: .zero,
                        computation: "功能科目 \(code) → 经济分类 对社会保障基金补助"))
                } else if !isFundSubsidy, i == fund, !fundCodes.contains(where: { code.begins(with: $0) }) {
                    findings.append(Finding(
                        rule: projectEconomic,
                        message: "表7 项目“\(name)”（\(code)）\(value) 万元列入对社会保障基金补助，而该功能科目不是对社会保险基金的补助",
                        severity: .warning, table: 7, row: row.key, column: column, at: at, stated: value, expected: .zero,
                        computation: "对社会保障基金补助 ← 功能科目 \(fundCodes.joined(separator: "、"))"))
                }
            }
        }
        return findings
    }

    static func check(_ d: Disclosure, catalogue: ClassificationCatalogue) -> [Finding] {
        guard !catalogue.names.isEmpty else { return [] }
        let source = "\(catalogue.edition) 年政府收支分类科目"
        // Where the document's own year's edition is not shipped, the finding says which was used.
        let basis = catalogue.edition == d.year ? "" : "（未收 \(d.year) 年版，按 \(catalogue.edition) 年版核对）"
        var findings: [Finding] = []
        for table in d.tables {
            let economic = table.kind == .basicByEconomicClass
            var seen: [String: [String]] = [:]   // one finding per code and printed name in a table
            seen.reserveCapacity(table.rows.count)
            // By index: a row is copied only for a finding.
            for r in table.rows.indices {
                guard let code = table.rows[r].code else { continue }
                // An ASCII code's length is its bytes': no Characters counted.
                let ascii = code.utf8.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 })
                guard ascii || code.allSatisfy(\.isNumber) else { continue }
                let length = ascii ? code.utf8.count : code.count
                guard [3, 5, 7].contains(length) else { continue }
                // Economic codes live in table 6 only; functional codes everywhere else.
                guard economic == code.begins(with: "3"), !(economic && length == 7) else { continue }
                // The code's names so far, looked up once: a name printed again is skipped.
                let printed = table.rows[r].name
                func isNew(_ names: inout [String]) -> Bool {
                    guard !names.contains(where: { $0.sameBytes(as: printed) }) else { return false }
                    names.append(printed)
                    return true
                }
                guard isNew(&seen[code, default: []]) else { continue }
                // A code the catalogue names is one it covers: `covers` is asked only of the others.
                let expected = catalogue.name(code)
                guard expected != nil || catalogue.covers(code) else { continue }
                let kind = economic ? "经济分类" : "功能分类"
                var row: TableRow { table.rows[r] }
                var at: SourceLocation? { row.source ?? row.cells.lazy.compactMap { $0?.source }.first }
                guard let expected else {
                    findings.append(Finding(
                        rule: unknownCode,
                        message: "表\(table.kind.rawValue) \(kind)科目 \(code)“\(row.name)”不在\(source)中\(basis)",
                        table: table.kind.rawValue, row: row.key, at: at, computation: "\(source)：无 \(code)"))
                    continue
                }
                // Printed exactly as the catalogue prints it: nothing to normalise.
                guard !printed.isEmpty, !printed.sameBytes(as: expected),
                      !ClassificationCatalogue.normalised(printed).sameBytes(as: ClassificationCatalogue.normalised(expected)) else { continue }
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
