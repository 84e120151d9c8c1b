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
    public func columns(in format: DisclosureFormat) -> [ColumnKey] {
        switch self {
        case .overall:
            [.budgeted]
        case .income:
            [.grandTotal, .appropriationSubtotal, .generalPublic, .generalPublicTransfer, .governmentFund,
             .governmentFundTransfer, .stateCapital, .stateCapitalTransfer, .specialAccount, .unitFunds,
             .appropriationCarryOver, .otherCarryOver]
        case .expenditure, .generalPublic:
            [.total, .basic, .project]
        case .fiscalAppropriation:
            [.total, .generalPublic, .governmentFund, .stateCapital]
        case .basicByEconomicClass:
            [.total, .personnel, .publicUse]
        case .projects:
            [.total, .wages, .goodsAndServices, .householdSubsidies, .debtInterest, .capitalConstruction, .capital,
             .enterpriseConstruction, .enterpriseSubsidies, .socialSecurityFund, .otherSpending]
        case .governmentFund, .stateCapital:
            format == .edition2023
                ? [.total, .basic, .project]
                : [.total, .basicPersonnel, .basicPublicUse, .project]
        case .threePublicCosts:
            [.total, .generalPublic, .governmentFundShort, .stateCapital]
        case .carryOver:
            [.total, .appropriationCarrySubtotal, .appropriationCarryPersonnel, .appropriationCarryPublicUse,
             .appropriationCarryProject, .otherCarrySubtotal, .otherCarryPersonnel, .otherCarryPublicUse,
             .otherCarryProject]
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
public struct SumRelation: Hashable, Sendable, Codable {
    public var total: Int
    public var parts: [Int]
    public init(_ total: Int, _ parts: [Int]) {
        self.total = total
        self.parts = parts
    }
}
