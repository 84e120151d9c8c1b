/// 部门预算编制数据 — the officer's budget as line items: what the composer turns
/// into a `Disclosure`.
///
/// Every table of the disclosure is derived from `items` and `income`, so the
/// tables agree with each other by construction; the explanation's comparisons
/// come from `previousYear`, its reasons from `reasons`.
public struct Budget: Sendable, Hashable, Codable {
    public var department: BudgetDepartment
    public var overview: Overview
    /// 收入 — income by source.
    public var income: IncomeSources
    /// 支出明细 — the expenditure line items.
    public var items: [LineItem]
    /// 科目名称 — names of the functional and economic codes used (from the
    /// classification catalogue where absent).
    public var names: [String: String]
    /// 上年数 — the previous year's figures the explanation compares with.
    public var previousYear: PreviousYear
    /// 主要原因 — the reason for each change, keyed by what it explains
    /// (`source.general`, `basic`, `project`, `item.2101501`, `threePublic.reception`, `operatingCost`).
    public var reasons: [String: String]
    /// 项目情况 — each project's description and performance targets, by the
    /// project name its line items carry.
    public var projects: [BudgetProject]
    /// 部门整体绩效目标 — the annual goal and indicators (funds are computed).
    public var departmentPerformance: DepartmentPerformanceTable?
    /// 政府采购.
    public var procurement: Procurement?
    /// 国有资产占用使用情况.
    public var assets: StateAssets?
    /// 落款日期, `YYYY-MM-DD`.
    public var signatureDate: String?

    public init(department: BudgetDepartment, overview: Overview = Overview(), income: IncomeSources,
                items: [LineItem], names: [String: String] = [:], previousYear: PreviousYear = PreviousYear(),
                reasons: [String: String] = [:], projects: [BudgetProject] = [],
                departmentPerformance: DepartmentPerformanceTable? = nil, procurement: Procurement? = nil,
                assets: StateAssets? = nil, signatureDate: String? = nil) {
        self.department = department
        self.overview = overview
        self.income = income
        self.items = items
        self.names = names
        self.previousYear = previousYear
        self.reasons = reasons
        self.projects = projects
        self.departmentPerformance = departmentPerformance
        self.procurement = procurement
        self.assets = assets
        self.signatureDate = signatureDate
    }
}

/// 项目 — what the officer writes about a project; its amount comes from the line items.
public struct BudgetProject: Sendable, Hashable, Codable {
    /// 项目名称, as the line items name it.
    public var name: String
    /// 设立的政策依据.
    public var policyBasis: String?
    /// 项目承担单位 (the department where absent).
    public var undertakingUnit: String?
    /// 资金分配情况.
    public var allocation: String?
    /// 资金执行时间.
    public var period: String?
    /// Further labelled fields (资金来源, 补贴人数, 补贴标准, …).
    public var fields: [LabelledText]
    /// 项目负责人.
    public var owner: String?
    /// 项目总体目标.
    public var goal: String?
    /// 绩效指标.
    public var indicators: [PerformanceIndicator]

    public init(name: String, policyBasis: String? = nil, undertakingUnit: String? = nil, allocation: String? = nil,
                period: String? = nil, fields: [LabelledText] = [], owner: String? = nil, goal: String? = nil,
                indicators: [PerformanceIndicator] = []) {
        self.name = name
        self.policyBasis = policyBasis
        self.undertakingUnit = undertakingUnit
        self.allocation = allocation
        self.period = period
        self.fields = fields
        self.owner = owner
        self.goal = goal
        self.indicators = indicators
    }
}

/// 部门 — who the budget is for.
public struct BudgetDepartment: Sendable, Hashable, Codable {
    public var name: String
    public var year: Int
    /// 单位性质: 行政, 参公 or 事业.
    public var unitType: String
    public var region: String?

    public init(name: String, year: Int, unitType: String = "行政", region: String? = nil) {
        self.name = name
        self.year = year
        self.unitType = unitType
        self.region = region
    }
}

/// 资金来源 — where the money of a line item comes from.
public enum FundingSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// 一般公共预算（一般财力）.
    case general
    /// 上级一般公共预算安排转移支付.
    case generalTransfer
    /// 政府性基金收入.
    case fund
    /// 上级政府性基金安排转移支付.
    case fundTransfer
    /// 国有资本经营收入.
    case capital
    /// 上级国有资本经营预算安排转移支付.
    case capitalTransfer
    /// 财政专户核拨.
    case specialAccount
    /// 单位资金.
    case unitFunds
    /// 财政拨款结转 (一般公共预算).
    case carryOverGeneral
    /// 财政拨款结转 (政府性基金).
    case carryOverFund
    /// 财政拨款结转 (国有资本经营).
    case carryOverCapital
    /// 非财政拨款结转结余.
    case carryOverOther

    /// The column of table 2 (部门收入总体情况表) this source fills.
    public var incomeColumn: ColumnKey {
        switch self {
        case .general: .generalPublic
        case .generalTransfer: .generalPublicTransfer
        case .fund: .governmentFund
        case .fundTransfer: .governmentFundTransfer
        case .capital: .stateCapital
        case .capitalTransfer: .stateCapitalTransfer
        case .specialAccount: .specialAccount
        case .unitFunds: .unitFunds
        case .carryOverGeneral, .carryOverFund, .carryOverCapital: .appropriationCarryOver
        case .carryOverOther: .otherCarryOver
        }
    }

    /// Current-year general-public money (表5 一般公共预算支出).
    public var isGeneralPublic: Bool { self == .general || self == .generalTransfer }
    /// Carried over from the previous year (表11).
    public var isCarryOver: Bool { [.carryOverGeneral, .carryOverFund, .carryOverCapital, .carryOverOther].contains(self) }
}

/// 支出类型 — 基本支出 (人员经费 or 公用经费) or 项目支出.
public enum SpendingKind: String, Sendable, Hashable, Codable {
    /// 基本支出 — 人员经费.
    case personnel
    /// 基本支出 — 公用经费.
    case publicUse
    /// 项目支出.
    case project

    public var isBasic: Bool { self != .project }
}

/// 支出明细 — one line item: functional 项, economic 款, source, kind, amount.
public struct LineItem: Sendable, Hashable, Codable {
    /// 功能分类 项 (7 digits).
    public var function: String
    /// 经济分类 款 (5 digits).
    public var economic: String
    public var source: FundingSource
    public var kind: SpendingKind
    /// 项目名称 for a project item.
    public var project: String?
    public var amount: Amount

    public init(function: String, economic: String, source: FundingSource, kind: SpendingKind, project: String? = nil,
                amount: Amount) {
        self.function = function
        self.economic = economic
        self.source = source
        self.kind = kind
        self.project = project
        self.amount = amount
    }
}

/// 收入 — income by source; the carry-over is the sum of the carried-over items.
public struct IncomeSources: Sendable, Hashable, Codable {
    /// Amount by source (sources absent are 未安排).
    public var amounts: [FundingSource: Amount]

    public init(_ amounts: [FundingSource: Amount]) { self.amounts = amounts }

    public subscript(source: FundingSource) -> Amount { amounts[source] ?? .zero }
}

/// 上年数 — previous-year figures for the explanation's comparisons.
public struct PreviousYear: Sendable, Hashable, Codable {
    public var sources: [FundingSource: Amount]
    /// 基本支出 and 项目支出 totals.
    public var basic: Amount?
    public var project: Amount?
    /// 一般公共预算当年拨款 基本支出 and 项目支出 (section 五), where they differ
    /// from the department's totals (carry-over or non-appropriated money).
    public var generalPublicBasic: Amount?
    public var generalPublicProject: Amount?
    /// Each functional 项, by code.
    public var items: [String: Amount]
    /// 三公 items: `abroad`, `reception`, `vehiclePurchase`, `vehicleOperation`.
    public var threePublic: [String: Amount]
    /// 机关运行经费.
    public var operatingCost: Amount?

    public init(sources: [FundingSource: Amount] = [:], basic: Amount? = nil, project: Amount? = nil,
                items: [String: Amount] = [:], threePublic: [String: Amount] = [:], operatingCost: Amount? = nil) {
        self.sources = sources
        self.basic = basic
        self.project = project
        self.items = items
        self.threePublic = threePublic
        self.operatingCost = operatingCost
    }
}

extension FundingSource: CodingKeyRepresentable {}
