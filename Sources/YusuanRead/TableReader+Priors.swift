import YusuanModel

extension TableReader {
    /// What the classification implies about the column of a row's value — used
    /// only where the identities leave a choice. The row is looked at once; a prior
    /// for each of `columns` is appended to `priors` (neutral for column 0, the
    /// row's total).
    static func appendPriors(_ kind: StandardTable, row: TableRow, hint: [ColumnKey]?, columns: [ColumnKey],
                             to priors: inout [ColumnSolver.Prior]) {
        typealias Prior = ColumnSolver.Prior
        // Asked of each column in turn, not kept: no closure outlives the row.
        func each(_ prior: (ColumnKey) -> Prior) {
            for c in columns.indices { priors.append(c == 0 ? .neutral : prior(columns[c])) }
        }
        /// `favoured` is `strength`; with `elsewhere`, every other column.
        func only(_ favoured: ColumnKey, _ strength: Prior, elsewhere: Prior) {
            each { $0 == favoured ? strength : elsewhere }
        }
        func neutral() { each { _ in .neutral } }
        if let hint { return each { hint.contains($0) ? .implied : .unlikely } }
        let name = row.name
        let code = row.code ?? ""
        switch kind {
        case .expenditure, .generalPublic:
            guard row.role == .item else { return neutral() }
            if basicItem(code: code, name: name) { return only(.basic, .implied, elsewhere: .unlikely) }
            if projectItem(code: code, name: name) { return only(.project, .implied, elsewhere: .unlikely) }
            return neutral()
        case .basicByEconomicClass:
            // 人员经费 = 工资福利支出 (301) + 对个人和家庭的补助 (303); the rest is 公用经费.
            guard !code.isEmpty else { return neutral() }
            let personnel = code.begins(with: "301") || code.begins(with: "303")
            return each { ($0 == .personnel) == personnel ? .implied : .unlikely }
        case .projects:
            guard row.role == .project || row.role == .item else { return neutral() }
            if code.begins(with: "21012") || code.begins(with: "20908") {
                return only(.socialSecurityFund, .implied, elsewhere: .unlikely)
            }
            if code.begins(with: "21013") { return only(.householdSubsidies, .implied, elsewhere: .unlikely) }
            if (row.project ?? "").includes("奖励") { return only(.householdSubsidies, .usual, elsewhere: .neutral) }
            return only(.goodsAndServices, .usual, elsewhere: .neutral)
        case .income, .fiscalAppropriation, .threePublicCosts:
            return only(.generalPublic, .usual, elsewhere: .neutral)
        case .carryOver:
            // A carried-over item is listed by its project's name: it is 项目支出.
            guard row.role == .project else { return neutral() }
            return each { $0 == .appropriationCarryProject || $0 == .otherCarryProject ? .implied : .neutral }
        default:
            return neutral()
        }
    }

    /// Items that are 基本支出 by their nature: running costs, pensions, health
    /// insurance and housing fund of staff.
    static func basicItem(code: String, name: String) -> Bool {
        for word in ["行政运行", "事业运行", "机关服务", "离退休", "基本养老保险缴费", "职业年金缴费",
                     "行政单位医疗", "事业单位医疗", "公务员医疗补助", "住房公积金", "提租补贴", "购房补贴"]
        where name.includes(word) { return true }
        return code.begins(with: "21011")
    }

    /// Items that are 项目支出 by their nature.
    static func projectItem(code: String, name: String) -> Bool {
        for word in ["一般行政管理事务", "信息化建设", "财政对", "医疗救助"] where name.includes(word) { return true }
        return code.begins(with: "21012") || code.begins(with: "21013")
    }
}
