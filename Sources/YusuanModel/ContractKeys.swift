/// 列键 — a column key of the data contract (`spec/tables.md`).
///
/// Every column of every table is named once, here; the reader, the audit, the
/// composer and the renderers all say `.total` or `.basic`, so a misspelt key does
/// not compile. `init(rawValue:)` is for keys that arrive as data (a template file,
/// tidy cells read back), never for a key written in code.
///
/// ```swift
/// table5[.code("2101202"), .total]   // 921.93
/// ```
public struct ColumnKey: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: ColumnKey, b: ColumnKey) -> Bool { a.rawValue < b.rawValue }
    // Keys are compared and hashed as bytes: `String`'s own normalise Chinese text.
    public static func == (a: ColumnKey, b: ColumnKey) -> Bool { a.rawValue.sameBytes(as: b.rawValue) }
    public func hash(into hasher: inout Hasher) { Spaces.hashBytes(of: rawValue, into: &hasher) }
}

extension ColumnKey: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

extension ColumnKey {
    // Shared by several tables.

    /// 预算数 — table 1's one column (the Shanghai 合计 of expenditure too).
    public static let budgeted = ColumnKey(rawValue: "预算数")
    /// 合计 — a row's total column (tables 3–11).
    public static let total = ColumnKey(rawValue: "合计")
    /// 总计 — table 2's total column.
    public static let grandTotal = ColumnKey(rawValue: "总计")
    /// 基本支出.
    public static let basic = ColumnKey(rawValue: "基本支出")
    /// 项目支出.
    public static let project = ColumnKey(rawValue: "项目支出")
    /// 人员经费 (table 6).
    public static let personnel = ColumnKey(rawValue: "人员经费")
    /// 公用经费 (table 6).
    public static let publicUse = ColumnKey(rawValue: "公用经费")
    /// 基本支出/人员经费 (tables 8 and 9 from 2024; Shanghai table 1).
    public static let basicPersonnel = ColumnKey(rawValue: "基本支出/人员经费")
    /// 基本支出/公用经费 (tables 8 and 9 from 2024; Shanghai table 1).
    public static let basicPublicUse = ColumnKey(rawValue: "基本支出/公用经费")

    // Sources of money (tables 2, 4, 10).

    /// 财政拨款小计 (table 2).
    public static let appropriationSubtotal = ColumnKey(rawValue: "财政拨款小计")
    /// 一般公共预算 (tables 2, 4, 10).
    public static let generalPublic = ColumnKey(rawValue: "一般公共预算")
    /// 上级一般公共预算安排的转移支付 (table 2).
    public static let generalPublicTransfer = ColumnKey(rawValue: "上级一般公共预算安排的转移支付")
    /// 政府性基金预算 (tables 2, 4).
    public static let governmentFund = ColumnKey(rawValue: "政府性基金预算")
    /// 政府性基金 — table 10's wording of the same source.
    public static let governmentFundShort = ColumnKey(rawValue: "政府性基金")
    /// 上级政府性基金安排的转移支付 (table 2).
    public static let governmentFundTransfer = ColumnKey(rawValue: "上级政府性基金安排的转移支付")
    /// 国有资本经营预算 (tables 2, 4, 10).
    public static let stateCapital = ColumnKey(rawValue: "国有资本经营预算")
    /// 上级国有资本经营预算安排的转移支付 (table 2).
    public static let stateCapitalTransfer = ColumnKey(rawValue: "上级国有资本经营预算安排的转移支付")
    /// 财政专户 (table 2).
    public static let specialAccount = ColumnKey(rawValue: "财政专户")
    /// 单位资金 (table 2).
    public static let unitFunds = ColumnKey(rawValue: "单位资金")
    /// 财政拨款结转 (table 2).
    public static let appropriationCarryOver = ColumnKey(rawValue: "财政拨款结转")
    /// 非财政拨款结转结余 (table 2).
    public static let otherCarryOver = ColumnKey(rawValue: "非财政拨款结转结余")
    /// 事业收入 (Shanghai table 2).
    public static let operatingRevenue = ColumnKey(rawValue: "事业收入")
    /// 事业单位经营收入 (Shanghai table 2).
    public static let businessRevenue = ColumnKey(rawValue: "事业单位经营收入")
    /// 其他收入 (Shanghai table 2).
    public static let otherRevenue = ColumnKey(rawValue: "其他收入")

    // Table 7: economic classes of project spending.

    /// 工资福利支出.
    public static let wages = ColumnKey(rawValue: "工资福利支出")
    /// 商品和服务支出.
    public static let goodsAndServices = ColumnKey(rawValue: "商品和服务支出")
    /// 对个人和家庭的补助.
    public static let householdSubsidies = ColumnKey(rawValue: "对个人和家庭的补助")
    /// 债务利息及费用支出.
    public static let debtInterest = ColumnKey(rawValue: "债务利息及费用支出")
    /// 资本性支出（基本建设）.
    public static let capitalConstruction = ColumnKey(rawValue: "资本性支出（基本建设）")
    /// 资本性支出.
    public static let capital = ColumnKey(rawValue: "资本性支出")
    /// 对企业补助（基本建设）.
    public static let enterpriseConstruction = ColumnKey(rawValue: "对企业补助（基本建设）")
    /// 对企业补助.
    public static let enterpriseSubsidies = ColumnKey(rawValue: "对企业补助")
    /// 对社会保障基金补助.
    public static let socialSecurityFund = ColumnKey(rawValue: "对社会保障基金补助")
    /// 其他支出.
    public static let otherSpending = ColumnKey(rawValue: "其他支出")

    // Table 11: carry-over by source and use.

    /// 财政拨款/小计.
    public static let appropriationCarrySubtotal = ColumnKey(rawValue: "财政拨款/小计")
    /// 财政拨款/基本支出/人员经费.
    public static let appropriationCarryPersonnel = ColumnKey(rawValue: "财政拨款/基本支出/人员经费")
    /// 财政拨款/基本支出/公用经费.
    public static let appropriationCarryPublicUse = ColumnKey(rawValue: "财政拨款/基本支出/公用经费")
    /// 财政拨款/项目支出.
    public static let appropriationCarryProject = ColumnKey(rawValue: "财政拨款/项目支出")
    /// 非财政拨款/小计.
    public static let otherCarrySubtotal = ColumnKey(rawValue: "非财政拨款/小计")
    /// 非财政拨款/基本支出/人员经费.
    public static let otherCarryPersonnel = ColumnKey(rawValue: "非财政拨款/基本支出/人员经费")
    /// 非财政拨款/基本支出/公用经费.
    public static let otherCarryPublicUse = ColumnKey(rawValue: "非财政拨款/基本支出/公用经费")
    /// 非财政拨款/项目支出.
    public static let otherCarryProject = ColumnKey(rawValue: "非财政拨款/项目支出")
}

/// 行键 — a row key of the data contract (`spec/tables.md`).
///
/// Fixed rows (totals, the income lines of tables 1 and 4, the "三公" items) are
/// static members; classification rows are `.code("2101202")`; rows named by the
/// document (units, projects, carried-over items) are built with the constructors
/// below, so every key follows one spelling.
public struct RowKey: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: RowKey, b: RowKey) -> Bool { a.rawValue < b.rawValue }
    // Keys are compared and hashed as bytes: `String`'s own normalise Chinese text.
    public static func == (a: RowKey, b: RowKey) -> Bool { a.rawValue.sameBytes(as: b.rawValue) }
    public func hash(into hasher: inout Hasher) { Spaces.hashBytes(of: rawValue, into: &hasher) }

    /// A classification row: 功能分类 (`210`, `21015`, `2101501`) or 经济分类 (`301`, `30101`).
    public static func code(_ code: String) -> RowKey { RowKey(rawValue: code) }

    /// A row listed under a unit of table 7: `单位/210`, `单位/2101502|项目`.
    public func under(unit: String?) -> RowKey {
        guard let unit else { return self }
        return RowKey(rawValue: "\(unit)/\(rawValue)")
    }

    /// A project row of table 7: `2101502|2025 年综合业务费`.
    public static func project(code: String, name: String) -> RowKey { RowKey(rawValue: "\(code)|\(name)") }

    /// A row named as printed: a unit's own row (tables 7 and 11), a carried-over item (table 11),
    /// or a top income line of tables 1 and 4 (`本年收入`, `财政拨款`).
    public static func named(_ name: String) -> RowKey { RowKey(rawValue: name) }

    /// A child line of a labelled row: `本年收入` + `单位资金` → `本年收入/单位资金`.
    public func child(_ label: String) -> RowKey { RowKey(rawValue: "\(rawValue)/\(label)") }

    /// 重复行 — a key printed twice in one table, made unique by the line of its second
    /// printing: `2101502|2025 年综合业务费#214`.
    public func repeated(atLine line: Int) -> RowKey { RowKey(rawValue: "\(rawValue)#\(line)") }

    /// The printed label of a labelled row, its last part (`本年收入/单位资金` → `单位资金`).
    public var label: String { rawValue.split(separator: "/").last.map(String.init) ?? rawValue }

    /// The parent of a labelled row (`本年收入/单位资金` → `本年收入`), or nil at the top.
    public var parent: RowKey? {
        guard let slash = rawValue.lastIndex(of: "/") else { return nil }
        return RowKey(rawValue: String(rawValue[..<slash]))
    }
}

extension RowKey: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

extension RowKey {
    // Totals.

    /// 总计 — a table's total row, wherever it is printed.
    public static let grandTotal = RowKey(rawValue: "总计")
    /// 合计 — table 10's total row.
    public static let total = RowKey(rawValue: "合计")
    /// 收入总计 (tables 1 and 4).
    public static let incomeTotal = RowKey(rawValue: "收入总计")
    /// 支出总计 (tables 1 and 4).
    public static let expenditureTotal = RowKey(rawValue: "支出总计")

    // Table 1, income (the seeds' template).

    /// 本年收入.
    public static let currentIncome = RowKey(rawValue: "本年收入")
    /// 本年收入/一般公共预算拨款.
    public static let generalPublicIncome = currentIncome.child("一般公共预算拨款")
    /// 本年收入/一般公共预算拨款/一般财力.
    public static let generalPublicOwn = generalPublicIncome.child("一般财力")
    /// 本年收入/一般公共预算拨款/上级一般公共预算安排转移支付.
    public static let generalPublicTransfer = generalPublicIncome.child("上级一般公共预算安排转移支付")
    /// 本年收入/政府性基金预算拨款.
    public static let governmentFundIncome = currentIncome.child("政府性基金预算拨款")
    /// 本年收入/政府性基金预算拨款/政府性基金收入.
    public static let governmentFundOwn = governmentFundIncome.child("政府性基金收入")
    /// 本年收入/政府性基金预算拨款/上级政府性基金安排转移支付.
    public static let governmentFundTransfer = governmentFundIncome.child("上级政府性基金安排转移支付")
    /// 本年收入/国有资本经营预算拨款.
    public static let stateCapitalIncome = currentIncome.child("国有资本经营预算拨款")
    /// 本年收入/国有资本经营预算拨款/国有资本经营收入.
    public static let stateCapitalOwn = stateCapitalIncome.child("国有资本经营收入")
    /// 本年收入/国有资本经营预算拨款/上级国有资本经营预算安排转移支付.
    public static let stateCapitalTransfer = stateCapitalIncome.child("上级国有资本经营预算安排转移支付")
    /// 本年收入/财政专户核拨.
    public static let specialAccountIncome = currentIncome.child("财政专户核拨")
    /// 本年收入/单位资金.
    public static let unitFundsIncome = currentIncome.child("单位资金")
    /// 上年结转结余.
    public static let carryOver = RowKey(rawValue: "上年结转结余")
    /// 上年结转结余/财政拨款结转.
    public static let appropriationCarryOver = carryOver.child("财政拨款结转")
    /// 上年结转结余/财政拨款结转/一般公共预算拨款.
    public static let generalPublicCarryOver = appropriationCarryOver.child("一般公共预算拨款")
    /// 上年结转结余/财政拨款结转/政府性基金预算拨款.
    public static let governmentFundCarryOver = appropriationCarryOver.child("政府性基金预算拨款")
    /// 上年结转结余/财政拨款结转/国有资本经营预算拨款.
    public static let stateCapitalCarryOver = appropriationCarryOver.child("国有资本经营预算拨款")
    /// 上年结转结余/非财政拨款结转结余.
    public static let otherCarryOver = carryOver.child("非财政拨款结转结余")

    // Table 1, income (the Shanghai template).

    /// 财政拨款收入.
    public static let appropriationIncome = RowKey(rawValue: "财政拨款收入")
    /// 事业收入.
    public static let operatingRevenue = RowKey(rawValue: "事业收入")
    /// 事业单位经营收入.
    public static let businessRevenue = RowKey(rawValue: "事业单位经营收入")
    /// 其他收入.
    public static let otherRevenue = RowKey(rawValue: "其他收入")

    // Table 4, income.

    /// 财政拨款.
    public static let appropriation = RowKey(rawValue: "财政拨款")
    /// 财政拨款/一般公共预算.
    public static let appropriationGeneralPublic = appropriation.child("一般公共预算")
    /// 财政拨款/政府性基金预算.
    public static let appropriationGovernmentFund = appropriation.child("政府性基金预算")
    /// 财政拨款/国有资本经营预算.
    public static let appropriationStateCapital = appropriation.child("国有资本经营预算")
    /// 上年结转 (table 4, where printed).
    public static let previousCarry = RowKey(rawValue: "上年结转")

    // Table 10, "三公" items.

    /// 因公出国（境）费.
    public static let travelAbroad = RowKey(rawValue: "因公出国（境）费")
    /// 公务接待费.
    public static let reception = RowKey(rawValue: "公务接待费")
    /// 公务用车购置及运行费.
    public static let vehicles = RowKey(rawValue: "公务用车购置及运行费")
    /// 公务用车购置及运行费/公务用车购置费.
    public static let vehiclePurchase = vehicles.child("公务用车购置费")
    /// 公务用车购置及运行费/公务用车运行费.
    public static let vehicleOperation = vehicles.child("公务用车运行费")
    /// 机关运行经费 — printed in Shanghai's "三公" table.
    public static let operatingCost = RowKey(rawValue: "机关运行经费")
}
