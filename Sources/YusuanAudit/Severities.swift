import Foundation
import YusuanModel

extension Severity {
    /// The reason a rule is at this severity, where the rule gives none of its own.
    var defaultReason: String {
        switch self {
        case .error: "所印数字或表述不可能同时正确 (the printed figures or statements cannot all be right)"
        case .warning: "可疑，需人工判断 (questionable: a reviewer should look)"
        case .info: "供参考 (worth knowing, not wrong)"
        }
    }

    /// `error`, `warning`, `info` (or `note`, as the text report calls it).
    public init?(level: String) {
        switch level.lowercased() {
        case "error": self = .error
        case "warning": self = .warning
        case "info", "note": self = .info
        default: return nil
        }
    }
}

extension Rule {
    /// 定级理由 — why the rule reports at its default severity, in one line.
    public var reason: String {
        if let own = Rule.reasons[id] { return own }
        if family == .completeness && severity == .error { return "缺少公开要求的部分 (a part the disclosure must publish is missing)" }
        return severity.defaultReason
    }

    /// The rules whose default severity has a reason of its own.
    static let reasons: [String: String] = [
        "arithmetic.row-identity": "所印数字不可能同时正确；差额在舍入范围内（n × 0.005）时降为 warning (the figures cannot all be right; a gap within rounding is a warning)",
        "arithmetic.hierarchy": "所印数字不可能同时正确；差额在舍入范围内（n × 0.005）时降为 warning (the figures cannot all be right; a gap within rounding is a warning)",
        "reconciliation.function-economic": "同一笔基本支出按功能和经济分类不可能两样；差额在所印各项的舍入范围内（n × 0.005）时降为 warning (one basic spending cannot differ by function and by economic class; a gap within the rounding of the printed items is a warning)",
        "completeness.empty-statement": "缺少说明不影响数字，但公开要求写明 (a missing statement leaves no figure wrong, but disclosure requires it)",
        "completeness.project-performance": "可能有不予公开的正当理由 (there may be a stated reason for not publishing it)",
        "completeness.glossary": "缺少名词解释不影响数字 (a missing glossary leaves no figure wrong)",
        "completeness.overview": "缺少职能或编制情况不影响数字 (missing functions or staffing leave no figure wrong)",
        "reconciliation.three-public": "项目支出也可能含“三公”经费，表10 较小才是错误 (project spending may add to it; only a smaller table 10 is an error)",
        "text.cost-items": "所列经济科目可能只是不完整的举例 (the list may be incomplete examples)",
        "text.operating-cost": "机关运行经费口径各地不一 (what counts as operating cost differs between places)",
        "text.project-unmatched": "项目可能以别的名称列入表7 (the project may be in table 7 under another name)",
        "text.source-list": "概述可能只列主要来源 (the overview may list the main sources only)",
        "text.class-list": "概述可能只列主要科目 (the overview may list the main classes only)",
        "previous-year.amount": "上年数可能按调整后预算比较，这时不同并非错误，但应说明 (last year may be compared at its adjusted budget, which is no error but should be said)",
        "year-on-year.parts": "所印数字不可能同时正确；差额在舍入范围内（n × 0.005）时降为 warning (the figures cannot all be right; a gap within rounding is a warning)",
        "year-on-year.new-item": "“新增 X 万元”与本年数表明上年已有预算，说法与数字不可能同时正确；原因中称新增的事项按名称对应，且“新增”有时指新增资金，报为 warning (an amount said new that is not the whole of this year's cannot be right; a reason's 新增 is matched by name and sometimes means added money, so it is a warning)",
        "year-on-year.from-zero": "说法不当，金额无误 (the wording is wrong, the amounts are not)",
        "wording.unchanged": "说法不当，金额无误 (the wording is odd, the amounts are not)",
        "wording.reason-direction": "原因所讲的方向与增减相反，说明本身有误；只当原因中没有任何相反或中性的说法时才报 (a reason pointing the other way makes the statement wrong; reported only where nothing in it points the change's way or neither way)",
        "wording.operating-cost-reason": "数字无误，但所讲原因不属于机关运行经费；人员增加也会按定额增加公用经费，故不作错误 (no figure is wrong, but the reason explains another cost; more staff can raise public cost by its per-head quota, so it is not an error)",
        "wording.repeated-use": "金额合计可能无误，但同一用途分列两处令人生疑 (the sum may be right, but one use listed twice is questionable)",
        "wording.reason-vague": "数字无误，但增减没有说明原因 (no figure is wrong, but the change is left unexplained)",
        "performance.cost-ceiling": "成本指标可能是单价或另有口径 (a cost indicator may be a unit price or counted otherwise)",
        "performance.cost-total": "成本测算与资金不符，需核对；成本指标可能重叠，故不作错误 (the costing does not fit the funds; the indicators may overlap, so it is not an error)",
        "performance.satisfaction": "绩效目标应反映服务对象满意度，缺少不影响金额 (targets should measure satisfaction; no amount is wrong)",
        "performance.satisfaction-weight": "权重由部门自定，不低于 10 分只是通常做法 (the weight is the department's choice; at least 10 is the usual practice)",
        "performance.cost-qualitative": "成本指标须量化，文字指标无法考核，但不影响金额 (a cost indicator must be a figure to be assessed; no amount is wrong)",
        "performance.below-last-year": "上年完成值可能偏高，目标低于上年值得说明而非错误 (last year may have been exceptional: worth explaining, not wrong)",
        "performance.goal-indicator": "目标与指标按名称对应，可能所指不同；两者不一致需说明 (goal and indicator are paired by name and may mean different things; the disagreement needs explaining)",
        "performance.description-figures": "说明中的人数、标准可能是测算口径，指标另有口径；不一致需说明 (the description's count or rate may be counted otherwise than the indicator's; the difference needs explaining)",
        "performance.department-sources": "结转资金可能计入其中 (carry-over may be included)",
        "classification.project-economic": "缴入社会保险基金的补助不可能是人员经费：列入工资福利支出为错误（003 表7 合计行 5,869.52 印在商品和服务支出 22.00 之前，只能在工资福利支出列，不在对社会保障基金补助列）；读取时该行列位有歧义、列入其他分类、或非基金补助科目列入对社会保障基金补助时为 warning (a subsidy paid into an insurance fund cannot be personnel spending: 003's total row prints 5,869.52 before the 22.00 of goods and services, so it can only be wages; where the reader recorded the row's columns as ambiguous, for another class, or for 对社会保障基金补助 under another code, a warning)",
        "classification.name": "旧版科目名称，不影响金额 (an older edition's name; no amount is wrong)",
        "project-arithmetic.count-rate": "所述人数或标准可能已取整 (the count or rate stated may be rounded)",
        "project-arithmetic.unit-slip": "单位笔误，金额本身可能正确 (a slip of the unit; the amount itself may be right)",
    ]
}

/// 级别调整 — a run's severities for named rules (`--severity RULE=LEVEL`), for a
/// bureau whose practice differs from the defaults. Every finding of a named rule
/// takes its level, rounding-level ones included.
///
/// ```swift
/// let levels = try SeverityLevels(parsing: ["classification.name=info"])
/// Auditor.audit(disclosure, document: "000.txt", severities: levels)
/// ```
public struct SeverityLevels: Sendable, Hashable {
    public private(set) var levels: [String: Severity]

    public static let defaults = SeverityLevels(checked: [:])

    init(checked levels: [String: Severity]) { self.levels = levels }

    /// Levels for rules of the catalogue; a rule it does not have is an error.
    public init(_ levels: [String: Severity]) throws {
        let known = Set(Auditor.catalogue.map(\.id))
        if let unknown = levels.keys.sorted().first(where: { !known.contains($0) }) {
            throw SeverityLevelError.unknownRule(unknown)
        }
        self.levels = levels
    }

    /// Levels from `RULE=LEVEL` settings; a later setting of a rule wins.
    public init(parsing settings: [String]) throws {
        var levels: [String: Severity] = [:]
        for setting in settings {
            let parts = setting.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else { throw SeverityLevelError.malformed(setting) }
            guard let level = Severity(level: parts[1]) else { throw SeverityLevelError.unknownLevel(rule: parts[0], level: parts[1]) }
            levels[parts[0]] = level
        }
        try self.init(levels)
    }

    /// The findings, and their consequences, at the levels of their rules.
    func apply(_ findings: [Finding]) -> [Finding] {
        guard !levels.isEmpty else { return findings }
        return findings.map { f in
            var f = f
            f.severity = levels[f.rule] ?? f.severity
            f.consequences = f.consequences.map(apply)
            return f
        }
    }
}

/// A `--severity` setting that cannot be used, with the setting and the reason.
public enum SeverityLevelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not `RULE=LEVEL`.
    case malformed(String)
    /// The rule is not in the catalogue (`yusuan rules` lists it).
    case unknownRule(String)
    /// The level is not error, warning or info.
    case unknownLevel(rule: String, level: String)

    public var description: String {
        switch self {
        case .malformed(let s): "--severity \(s): expected RULE=LEVEL, as in classification.name=info"
        case .unknownRule(let r): "--severity \(r)=…: no such rule (yusuan rules lists them)"
        case .unknownLevel(let r, let l): "--severity \(r)=\(l): the level is error, warning or info, not \(l)"
        }
    }
}
