import YusuanModel

/// 绩效目标表 — the performance-target tables in the text form, as published text
/// prints them (a heading, the year, the labelled header cells, then one indicator
/// a line, cells by tab), after the explanation that says they are attached, so
/// that `DisclosureReader` reads them back.
extension TextRenderer {
    func performance(_ d: Disclosure) -> [String] {
        var out: [String] = []
        if let t = d.performance.department { out += department(t, d) }
        for t in d.performance.projects { out += project(t, d) }
        return out
    }

    /// 部门整体绩效目标表: name, contact, goal, the funds by source, the indicators.
    func department(_ t: DepartmentPerformanceTable, _ d: Disclosure) -> [String] {
        let name = d.entityWord
        var out = ["## \(name)整体绩效目标表", "", "(\(t.year ?? d.year) 年)", ""]
        out.append(cells(["\(name)名称 (盖章)", "", t.department, "", "", ""]))
        out.append(cells(["\(name)联系人", "", t.contact ?? "", "联系电话", t.phone ?? "", ""]))
        out.append(cells(["年度绩效目标", "", Self.oneLine(t.annualGoal), "", "", ""]))
        out.append(cells(["年度预算(万元)", "", "资金来源", "", "资金总额 (万元)", ""]))
        out.append(cells(["", "", "财政资金 (万元)", "上级安排", Self.amount(t.superiorFunds), ""]))
        out.append(cells(["", "", "", "本级安排", Self.amount(t.ownFunds), ""]))
        out.append(cells(["其他资金 (万元)", "其他", Self.amount(t.otherFunds), "", "", ""]))
        out.append(cells(["一级指标", "二级指标", "三级指标", "指标值", "指标设定依据", "分值权重"]))
        for i in t.indicators {
            out.append(cells([i.level1, i.level2, i.name, i.target.printed, i.basis ?? "", Self.amount(i.weight)]))
        }
        return out + [""]
    }

    /// 项目支出绩效目标表: unit, project, owner, funds, goal, the indicators.
    func project(_ t: ProjectPerformanceTable, _ d: Disclosure) -> [String] {
        var out = ["## 项目支出绩效目标表", "", "(\(t.year ?? d.year) 年)", ""]
        out.append(cells(["预算单位", "", t.unit, "", "", "", "", "", ""]))
        out.append(cells(["项目名称", "", t.project, "", "", "", "项目负责人", t.owner ?? "", ""]))
        out.append(cells(["项目资金(万元)", "", "年度预算总额", Self.amount(t.totalFunds), "其中：财政拨款",
                          Self.amount(t.fiscalFunds), "其他资金", Self.amount(t.otherFunds), ""]))
        out.append(cells(["项目总体目标", "", Self.oneLine(t.overallGoal), "", "", "", "", "", ""]))
        out.append(cells(["一级指标", "二级指标", "三级指标", "指标值", "指标值设置依据", "上年完成值", "指标分值权重",
                          "指标赋分规则", "佐证资料"]))
        for i in t.indicators {
            out.append(cells([i.level1, i.level2, i.name, i.target.printed, i.basis ?? "", i.lastYear ?? "",
                              Self.amount(i.weight), i.scoringRule ?? "", i.evidence ?? ""]))
        }
        return out + [""]
    }

    func cells(_ values: [String]) -> String { values.map(Self.oneLine).joined(separator: "\t") }

    /// A cell's text on one line, tabs made spaces: the form has a line for each row.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
    }

    static func amount(_ value: Amount?) -> String { value.map { $0.formatted(minimumDecimals: 2) } ?? "" }
}
