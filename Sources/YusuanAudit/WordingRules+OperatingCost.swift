import YusuanModel

/// 机关运行经费的增减原因 — the operating cost of the administration is public cost
/// (公用经费: office, travel, utilities, vehicles, union dues and welfare, …), by the
/// glossary every document prints; a change of it explained by staff costs alone
/// explains something else.
extension WordingRules {
    static let operatingCostReason = Rule(
        "wording.operating-cost-reason", .wording, .warning,
        zh: "机关运行经费是公用经费：其增减原因只讲人员经费（工资、社保、养老、公积金等），不提任何公用经费事项，为警告",
        en: "The operating cost is public cost: a change of it explained by staff costs alone (pay, social insurance, pensions, housing fund), naming nothing of public cost, is a warning")

    /// Words of staff cost (人员经费), which the operating cost does not hold.
    static let personnelWords = ["人员经费", "工资", "津贴", "绩效", "社保", "社会保险", "养老", "医疗保险", "公积金",
                                 "职业年金"]
    /// Words of public cost, any one of which lets the reason stand (福利 included: 福利费
    /// is public cost, and 工资福利 names it too).
    static let publicCostWords = ["公用", "办公", "印刷", "邮电", "差旅", "会议", "培训", "福利", "工会", "维修", "维护",
                                  "水电", "水费", "电费", "取暖", "物业", "租赁", "公务用车", "车辆", "接待", "设备",
                                  "定额", "材料", "劳务", "委托", "手续费"]

    /// The change stated for the 机关运行经费 (this year's amount is the fact's, within a few
    /// lines of it) whose reason names staff costs and nothing of public cost.
    static func operatingCostReasons(_ d: Disclosure, _ sections: [AuditSection]) -> [Finding] {
        guard let cost = d.facts.operatingCost, let line = cost.source?.line else { return [] }
        for s in sections {
            for c in s.statements.changes where c.current == cost.amount && !c.amount.isZero {
                guard let at = c.source?.line, at >= line, at <= line + 8 else { continue }
                let reason = StatementGrammar.normalize(c.reason ?? "")
                let named = personnelWords.filter { reason.includes($0) }
                guard !named.isEmpty, !publicCostWords.contains(where: { reason.includes($0) }) else { return [] }
                return [Finding(
                    rule: operatingCostReason,
                    message: "机关运行经费\(c.changeWord) \(c.amount) 万元，原因只讲\(named.joined(separator: "、"))，而机关运行经费是公用经费，不含人员经费",
                    section: s.number, at: s.at(c.source), stated: c.amount,
                    computation: "原因：\(reason.prefix(60))")]
            }
        }
        return []
    }
}
