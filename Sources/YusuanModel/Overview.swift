/// 部门概况 — 第一部分: functions, structure and staffing.
public struct Overview: Sendable, Hashable, Codable {
    /// 主要职能 — the functions text: its paragraphs separated by line breaks, each
    /// paragraph's printed lines joined.
    public var functions: Located<String>?
    /// 下属预算单位 — the subordinate budget units named (empty when there are none).
    public var subordinateUnits: [Located<String>]
    /// The number of subordinate units stated (0 for 无下属预算单位).
    public var subordinateUnitCount: Located<Int>?
    /// 内设机构 — internal offices.
    public var offices: Offices?
    /// 人员情况 — staffing.
    public var staffing: Staffing?

    public init(functions: Located<String>? = nil, subordinateUnits: [Located<String>] = [],
                subordinateUnitCount: Located<Int>? = nil, offices: Offices? = nil, staffing: Staffing? = nil) {
        self.functions = functions
        self.subordinateUnits = subordinateUnits
        self.subordinateUnitCount = subordinateUnitCount
        self.offices = offices
        self.staffing = staffing
    }
}

/// 内设机构 — 科室 / 股室 / 处室: the count stated and the names listed.
public struct Offices: Sendable, Hashable, Codable {
    /// The word used: 科室, 股室, 处室.
    public var word: String
    public var count: Int
    public var names: [String]
    public var source: SourceLocation?

    public init(word: String, count: Int, names: [String], source: SourceLocation?) {
        self.word = word
        self.count = count
        self.names = names
        self.source = source
    }
}

/// 人员情况 — 编制数, 实有人数, and 在职 / 退休 / 离休 each with its change.
public struct Staffing: Sendable, Hashable, Codable {
    /// 编制数.
    public var authorized: Int
    /// 实有人数.
    public var actual: Int
    /// 在职.
    public var active: HeadCount
    /// 退休.
    public var retired: HeadCount
    /// 离休.
    public var honorablyRetired: HeadCount
    public var source: SourceLocation?

    public init(authorized: Int, actual: Int, active: HeadCount, retired: HeadCount, honorablyRetired: HeadCount,
                source: SourceLocation?) {
        self.authorized = authorized
        self.actual = actual
        self.active = active
        self.retired = retired
        self.honorablyRetired = honorablyRetired
        self.source = source
    }
}

/// A head count with its change on the year (增加 N: +N, 减少 N: −N).
public struct HeadCount: Sendable, Hashable, Codable {
    public var count: Int
    public var change: Int

    public init(count: Int, change: Int) {
        self.count = count
        self.change = change
    }
}
