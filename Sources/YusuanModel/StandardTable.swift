/// 部门预算公开表 — the eleven standard tables, numbered as printed (表 1 … 表 11).
///
/// Row and column keys follow `spec/tables.md` (the data contract); see
/// `columns(for:)` for the column keys of each table in each format.
public enum StandardTable: Int, CaseIterable, Sendable, Codable, Comparable {
    /// 部门收支总体情况表 (2023: 单位收支总体情况表)
    case overall = 1
    /// 部门收入总体情况表
    case income = 2
    /// 部门支出总体情况表
    case expenditure = 3
    /// 财政拨款收支预算总体情况表
    case fiscalAppropriation = 4
    /// 一般公共预算支出情况表
    case generalPublic = 5
    /// 一般公共预算基本支出情况表 (by economic classification)
    case basicByEconomicClass = 6
    /// 一般公共预算项目支出情况表
    case projects = 7
    /// 政府性基金预算支出情况表
    case governmentFund = 8
    /// 国有资本经营预算支出情况表
    case stateCapital = 9
    /// 财政拨款"三公"经费支出情况表
    case threePublicCosts = 10
    /// 上年结转结余情况明细表 (from 2024)
    case carryOver = 11

    public static func < (a: StandardTable, b: StandardTable) -> Bool { a.rawValue < b.rawValue }

    /// The standard title (2024–2025 wording).
    public var standardTitle: String {
        switch self {
        case .overall: "部门收支总体情况表"
        case .income: "部门收入总体情况表"
        case .expenditure: "部门支出总体情况表"
        case .fiscalAppropriation: "财政拨款收支预算总体情况表"
        case .generalPublic: "一般公共预算支出情况表"
        case .basicByEconomicClass: "一般公共预算基本支出情况表"
        case .projects: "一般公共预算项目支出情况表"
        case .governmentFund: "政府性基金预算支出情况表"
        case .stateCapital: "国有资本经营预算支出情况表"
        case .threePublicCosts: "财政拨款“三公”经费支出情况表"
        case .carryOver: "上年结转结余情况明细表"
        }
    }

    /// The tables a document of the given format publishes.
    public static func tables(in format: DisclosureFormat) -> [StandardTable] {
        format == .edition2023 ? allCases.filter { $0 != .carryOver } : allCases
    }

    /// The column keys of this table, in printed order.
    public func columns(in format: DisclosureFormat) -> [String] {
        switch self {
        case .overall:
            ["预算数"]
        case .income:
            ["总计", "财政拨款小计", "一般公共预算", "上级一般公共预算安排的转移支付",
             "政府性基金预算", "上级政府性基金安排的转移支付", "国有资本经营预算",
             "上级国有资本经营预算安排的转移支付", "财政专户", "单位资金", "财政拨款结转",
             "非财政拨款结转结余"]
        case .expenditure, .generalPublic:
            ["合计", "基本支出", "项目支出"]
        case .fiscalAppropriation:
            ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]
        case .basicByEconomicClass:
            ["合计", "人员经费", "公用经费"]
        case .projects:
            ["合计", "工资福利支出", "商品和服务支出", "对个人和家庭的补助", "债务利息及费用支出",
             "资本性支出（基本建设）", "资本性支出", "对企业补助（基本建设）", "对企业补助",
             "对社会保障基金补助", "其他支出"]
        case .governmentFund, .stateCapital:
            format == .edition2023
                ? ["合计", "基本支出", "项目支出"]
                : ["合计", "基本支出/人员经费", "基本支出/公用经费", "项目支出"]
        case .threePublicCosts:
            ["合计", "一般公共预算", "政府性基金", "国有资本经营预算"]
        case .carryOver:
            ["合计", "财政拨款/小计", "财政拨款/基本支出/人员经费", "财政拨款/基本支出/公用经费",
             "财政拨款/项目支出", "非财政拨款/小计", "非财政拨款/基本支出/人员经费",
             "非财政拨款/基本支出/公用经费", "非财政拨款/项目支出"]
        }
    }

    /// 行内勾稽 — the identities inside one row: each relation says that the column
    /// `total` equals the sum of the columns `parts` (indices into `columns(in:)`).
    public func rowIdentities(in format: DisclosureFormat) -> [SumRelation] {
        switch self {
        case .overall: []
        case .income: [SumRelation(0, [1, 8, 9, 10, 11]), SumRelation(1, [2, 3, 4, 5, 6, 7])]
        case .expenditure, .generalPublic, .basicByEconomicClass: [SumRelation(0, [1, 2])]
        case .fiscalAppropriation, .threePublicCosts: [SumRelation(0, [1, 2, 3])]
        case .projects: [SumRelation(0, Array(1...10))]
        case .governmentFund, .stateCapital:
            format == .edition2023 ? [SumRelation(0, [1, 2])] : [SumRelation(0, [1, 2, 3])]
        case .carryOver: [SumRelation(0, [1, 5]), SumRelation(1, [2, 3, 4]), SumRelation(5, [6, 7, 8])]
        }
    }
}

/// One sum identity between columns of a row: `total = Σ parts`.
public struct SumRelation: Hashable, Sendable {
    public var total: Int
    public var parts: [Int]
    public init(_ total: Int, _ parts: [Int]) {
        self.total = total
        self.parts = parts
    }
}
