/// 绩效目标表 — the performance-target tables printed with the explanation.
public struct PerformanceTargets: Sendable, Hashable, Codable {
    /// 部门整体绩效目标表.
    public var department: DepartmentPerformanceTable?
    /// 项目支出绩效目标表, in printed order.
    public var projects: [ProjectPerformanceTable]

    public init(department: DepartmentPerformanceTable? = nil, projects: [ProjectPerformanceTable] = []) {
        self.department = department
        self.projects = projects
    }
}

/// 部门整体绩效目标表.
public struct DepartmentPerformanceTable: Sendable, Hashable, Codable {
    public var year: Int?
    /// 部门（单位）名称.
    public var department: String
    /// 联系人.
    public var contact: String?
    /// 联系电话.
    public var phone: String?
    /// 年度绩效目标.
    public var annualGoal: String
    /// 财政资金 上级安排.
    public var superiorFunds: Amount?
    /// 财政资金 本级安排.
    public var ownFunds: Amount?
    /// 其他资金.
    public var otherFunds: Amount?
    public var indicators: [PerformanceIndicator]
    public var source: SourceLocation?

    public init(year: Int?, department: String, contact: String?, phone: String?, annualGoal: String,
                superiorFunds: Amount?, ownFunds: Amount?, otherFunds: Amount?, indicators: [PerformanceIndicator],
                source: SourceLocation?) {
        self.year = year
        self.department = department
        self.contact = contact
        self.phone = phone
        self.annualGoal = annualGoal
        self.superiorFunds = superiorFunds
        self.ownFunds = ownFunds
        self.otherFunds = otherFunds
        self.indicators = indicators
        self.source = source
    }
}

/// 项目支出绩效目标表.
public struct ProjectPerformanceTable: Sendable, Hashable, Codable {
    public var year: Int?
    /// 预算单位.
    public var unit: String
    /// 项目名称.
    public var project: String
    /// 项目负责人.
    public var owner: String?
    /// 年度预算总额.
    public var totalFunds: Amount?
    /// 其中：财政拨款.
    public var fiscalFunds: Amount?
    /// 其他资金.
    public var otherFunds: Amount?
    /// 项目总体目标.
    public var overallGoal: String
    public var indicators: [PerformanceIndicator]
    public var source: SourceLocation?

    public init(year: Int?, unit: String, project: String, owner: String?, totalFunds: Amount?, fiscalFunds: Amount?,
                otherFunds: Amount?, overallGoal: String, indicators: [PerformanceIndicator], source: SourceLocation?) {
        self.year = year
        self.unit = unit
        self.project = project
        self.owner = owner
        self.totalFunds = totalFunds
        self.fiscalFunds = fiscalFunds
        self.otherFunds = otherFunds
        self.overallGoal = overallGoal
        self.indicators = indicators
        self.source = source
    }
}

/// 绩效指标 — one indicator row.
public struct PerformanceIndicator: Sendable, Hashable, Codable {
    /// 一级指标 (产出指标, 效益指标, 履职效能, …).
    public var level1: String
    /// 二级指标 (数量指标, 成本指标, …).
    public var level2: String
    /// 三级指标 — the indicator's name.
    public var name: String
    /// 指标值.
    public var target: IndicatorTarget
    /// 指标值设置依据 / 指标设定依据.
    public var basis: String?
    /// 上年完成值 (project tables), as printed.
    public var lastYear: String?
    /// 指标分值权重.
    public var weight: Amount?
    /// 指标赋分规则.
    public var scoringRule: String?
    /// 佐证资料.
    public var evidence: String?
    public var source: SourceLocation?

    public init(level1: String, level2: String, name: String, target: IndicatorTarget, basis: String? = nil,
                lastYear: String? = nil, weight: Amount? = nil, scoringRule: String? = nil, evidence: String? = nil,
                source: SourceLocation? = nil) {
        self.level1 = level1
        self.level2 = level2
        self.name = name
        self.target = target
        self.basis = basis
        self.lastYear = lastYear
        self.weight = weight
        self.scoringRule = scoringRule
        self.evidence = evidence
        self.source = source
    }
}

/// 指标值 — a target as printed, and its parts where it has them:
/// `>=6.20 万人` (≥, 6.20, 万人), `=100%`, `≤20万元`, `2025 年 12 月 15 日` (a date),
/// `有效减轻` (words only).
public struct IndicatorTarget: Sendable, Hashable, Codable {
    /// The target as printed, line breaks removed.
    public var printed: String
    public var comparison: Comparison?
    public var number: Amount?
    /// 万人, %, 次, 元/人, …
    public var unit: String?
    /// `YYYY-MM-DD` (or `YYYY-MM`) where the target is a date.
    public var date: String?

    public init(printed: String, comparison: Comparison? = nil, number: Amount? = nil, unit: String? = nil,
                date: String? = nil) {
        self.printed = printed
        self.comparison = comparison
        self.number = number
        self.unit = unit
        self.date = date
    }
}

/// The comparison of a numeric target (≥ and >= are the same).
public enum Comparison: String, Sendable, Hashable, Codable {
    case atLeast = ">="
    case atMost = "<="
    case equal = "="
    case greater = ">"
    case less = "<"
}
