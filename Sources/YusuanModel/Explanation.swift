/// 情况说明 — one numbered section of 第三部分 (一 … 十二; 2023 documents number
/// eleven).
public struct ExplanationSection: Sendable, Hashable, Codable {
    /// The number as printed: 一, 二, … 十二.
    public var number: String
    /// The heading after the number, printed lines joined.
    public var title: String
    /// The body, one entry per printed line (blank lines dropped). Setting it joins
    /// them and reads the statements again, so set a section's lines at once rather
    /// than line by line.
    public var lines: [Located<String>] {
        didSet {
            joined = JoinedText(lines)
            statements = SectionStatements(reading: joined)
        }
    }
    public var source: SourceLocation?
    /// 段落 — the indices of `lines` at which a printed paragraph begins, as the
    /// reader found them (a wrapped line continues its paragraph). Empty where every
    /// line is a paragraph of its own, as in a composed section.
    public var paragraphStarts: [Int]
    /// 说明陈述 — the amounts, shares and changes the body states, read from `lines`
    /// whenever they are set. A statement's `source` is nil where its line has none;
    /// the section's `source` stands for it then.
    public private(set) var statements: SectionStatements
    /// 连排正文 — `lines` joined, as the statements were read from them, kept for the
    /// audit, which searches the same text. Made from `lines` whenever they are set or
    /// decoded: neither encoded nor compared (`==`, `hash(into:)`).
    public private(set) var joined: JoinedText

    public init(number: String, title: String, lines: [Located<String>], source: SourceLocation?,
                paragraphStarts: [Int] = []) {
        self.number = number
        self.title = title
        self.lines = lines
        self.source = source
        self.paragraphStarts = paragraphStarts
        joined = JoinedText(lines)
        statements = SectionStatements(reading: joined)
    }

    /// Equal in what is encoded: `joined` is made from `lines`.
    public static func == (a: Self, b: Self) -> Bool {
        a.number == b.number && a.title == b.title && a.lines == b.lines && a.source == b.source
            && a.paragraphStarts == b.paragraphStarts && a.statements == b.statements
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(number)
        hasher.combine(title)
        hasher.combine(lines)
        hasher.combine(source)
        hasher.combine(paragraphStarts)
        hasher.combine(statements)
    }

    /// The body as one string, printed lines joined without breaks.
    public var text: String { lines.map(\.value).joined() }

    /// The body's paragraphs: the lines of each paragraph joined without breaks
    /// (`paragraphStarts`), or one paragraph a line where no starts are known.
    public var paragraphs: [String] {
        let texts = lines.map(\.value)
        guard !paragraphStarts.isEmpty else { return texts.filter { !$0.isEmpty } }
        return Self.paragraphs(texts, starts: paragraphStarts).filter { !$0.isEmpty }
    }

    /// Printed lines joined into paragraphs at `starts` (indices into `lines`; the
    /// first line always opens one, starts out of range are ignored).
    public static func paragraphs(_ lines: [String], starts: [Int]) -> [String] {
        guard !lines.isEmpty else { return [] }
        let starts = Array(Set([0] + starts.filter { lines.indices.contains($0) })).sorted()
        return zip(starts, starts.dropFirst() + [lines.count]).map { lines[$0..<$1].joined() }
    }

    /// A numbered point opens the line: （一） (1) 1、 1． 1. (not a decimal such as 1.2).
    public static func startsPoint(_ line: String) -> Bool {
        // On the bytes of the line without its margins (`Spaces`'s): most lines are
        // turned away on their first character.
        Spaces.withBytes(line) { b in
            let trimmed = Spaces.trimmedRange(b)
            let end = trimmed.upperBound
            var i = trimmed.lowerBound
            /// The scalar at `i` (a UTF-16 unit: none looked for is wider), and the bytes it takes.
            func scalar(_ i: Int) -> (unit: UInt16, width: Int)? {
                guard i < end else { return nil }
                let (unit, _, width) = JoinedText.decode(b, at: i)
                return (unit, width)
            }
            func isDigit(_ u: UInt16) -> Bool { u &- 0x30 < 10 }
            guard let (opening, width) = scalar(i) else { return false }
            if opening == 0xFF08 || opening == 0x28 {  // （ (
                i += width
                while i < end, b[i] == 0x20 { i += 1 }
                var inner = 0
                while let (u, width) = scalar(i), isDigit(u) || "一二三四五六七八九十".utf16.contains(u) {
                    inner += 1
                    i += width
                }
                while i < end, b[i] == 0x20 { i += 1 }
                guard let (close, _) = scalar(i) else { return false }
                return inner > 0 && inner <= 3 && (close == 0xFF09 || close == 0x29)  // ） )
            }
            var digits = 0
            while i < end, isDigit(UInt16(b[i])) {
                digits += 1
                i += 1
            }
            guard digits > 0, digits <= 2, let (mark, width) = scalar(i) else { return false }
            if mark == 0x3001 || mark == 0xFF0E { return true }  // 、 ．
            if mark == 0x2E { return scalar(i + width).map { !isDigit($0.unit) } ?? false }
            return false
        }
    }

    private enum CodingKeys: String, CodingKey { case number, title, lines, source, paragraphStarts, statements }

    /// Decodes a section; one written without its statements has them read from its lines.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        number = try c.decode(String.self, forKey: .number)
        title = try c.decode(String.self, forKey: .title)
        lines = try c.decode([Located<String>].self, forKey: .lines)
        source = try c.decodeIfPresent(SourceLocation.self, forKey: .source)
        paragraphStarts = try c.decodeIfPresent([Int].self, forKey: .paragraphStarts) ?? []
        joined = JoinedText(lines)
        statements = try c.decodeIfPresent(SectionStatements.self, forKey: .statements)
            ?? SectionStatements(reading: joined)
    }
}

/// Structured facts that the explanation states in prose.
public struct ExplanationFacts: Sendable, Hashable, Codable {
    /// 机关运行经费.
    public var operatingCost: OperatingCost?
    /// 政府采购.
    public var procurement: Procurement?
    /// 国有资产占用使用情况.
    public var assets: StateAssets?
    /// 预算绩效情况.
    public var performanceSummary: PerformanceSummary?
    /// 项目 — each project described in section 七 (2023: 七 as well).
    public var projects: [ProjectDescription]

    public init(operatingCost: OperatingCost? = nil, procurement: Procurement? = nil, assets: StateAssets? = nil,
                performanceSummary: PerformanceSummary? = nil, projects: [ProjectDescription] = []) {
        self.operatingCost = operatingCost
        self.procurement = procurement
        self.assets = assets
        self.performanceSummary = performanceSummary
        self.projects = projects
    }
}

/// 机关运行经费 — amount, and its change on the previous year.
public struct OperatingCost: Sendable, Hashable, Codable {
    public var amount: Amount
    /// Signed change in 万元 (比上年增加 +, 减少 −).
    public var change: Amount?
    /// Signed rate in percent (增长 +, 下降 −).
    public var rate: Amount?
    public var source: SourceLocation?

    public init(amount: Amount, change: Amount?, rate: Amount?, source: SourceLocation?) {
        self.amount = amount
        self.change = change
        self.rate = rate
        self.source = source
    }
}

/// 政府采购 — the procurement budget and its split.
public struct Procurement: Sendable, Hashable, Codable {
    /// 政府采购预算.
    public var total: Amount
    /// 货物.
    public var goods: Amount?
    /// 工程.
    public var works: Amount?
    /// 服务.
    public var services: Amount?
    /// 面向中小企业预留.
    public var reservedForSMEs: Amount?
    /// 其中：小微企业预留.
    public var reservedForSmallAndMicro: Amount?
    public var source: SourceLocation?

    public init(total: Amount, goods: Amount?, works: Amount?, services: Amount?, reservedForSMEs: Amount?,
                reservedForSmallAndMicro: Amount?, source: SourceLocation?) {
        self.total = total
        self.goods = goods
        self.works = works
        self.services = services
        self.reservedForSMEs = reservedForSMEs
        self.reservedForSmallAndMicro = reservedForSmallAndMicro
        self.source = source
    }
}

/// 国有资产占用使用情况 — the assets held at the end of the previous year, and the
/// purchases planned.
public struct StateAssets: Sendable, Hashable, Codable {
    /// 截至 N 年底.
    public var asOfYear: Int?
    /// 房屋 — floor area in m².
    public var buildingArea: Amount?
    /// 房屋价值 (万元).
    public var buildingValue: Amount?
    /// 车辆 — all vehicles first, then each kind listed (一般公务用车, 执法执勤用车, 其他车辆).
    public var vehicles: [VehicleHolding]
    /// 办公家具价值.
    public var furnitureValue: Amount?
    /// 其他资产价值.
    public var otherAssetsValue: Amount?
    /// 价值 50 万元以上大型设备 (台).
    public var equipmentOver50: Int?
    /// 价值 100 万元以上大型设备 (台).
    public var equipmentOver100: Int?
    /// 购置车辆: nil where the text says 未安排.
    public var plannedVehicles: Int?
    /// 安排购置 50 万元以上大型设备 (台).
    public var plannedEquipmentOver50: Int?
    /// 安排购置 100 万元以上大型设备 (台).
    public var plannedEquipmentOver100: Int?
    public var source: SourceLocation?

    public init(asOfYear: Int? = nil, buildingArea: Amount? = nil, buildingValue: Amount? = nil,
                vehicles: [VehicleHolding] = [], furnitureValue: Amount? = nil, otherAssetsValue: Amount? = nil,
                equipmentOver50: Int? = nil, equipmentOver100: Int? = nil, plannedVehicles: Int? = nil,
                plannedEquipmentOver50: Int? = nil, plannedEquipmentOver100: Int? = nil, source: SourceLocation? = nil) {
        self.asOfYear = asOfYear
        self.buildingArea = buildingArea
        self.buildingValue = buildingValue
        self.vehicles = vehicles
        self.furnitureValue = furnitureValue
        self.otherAssetsValue = otherAssetsValue
        self.equipmentOver50 = equipmentOver50
        self.equipmentOver100 = equipmentOver100
        self.plannedVehicles = plannedVehicles
        self.plannedEquipmentOver50 = plannedEquipmentOver50
        self.plannedEquipmentOver100 = plannedEquipmentOver100
        self.source = source
    }
}

/// 车辆 — a kind of vehicle with its count and value.
public struct VehicleHolding: Sendable, Hashable, Codable {
    /// 车辆 (all), 一般公务用车, 执法执勤用车, 其他车辆, …
    public var kind: String
    public var count: Int
    public var value: Amount

    public init(kind: String, count: Int, value: Amount) {
        self.kind = kind
        self.count = count
        self.value = value
    }
}

/// 预算绩效情况 — how many targets and projects, covering how much money.
public struct PerformanceSummary: Sendable, Hashable, Codable {
    /// 部门整体预算绩效目标 count.
    public var overallTargets: Int?
    /// The amount the overall target covers.
    public var overallAmount: Amount?
    /// 项目 count (财政拨款 projects where the document distinguishes).
    public var projectCount: Int?
    /// 财政拨款项目涉及预算金额.
    public var fiscalProjectAmount: Amount?
    /// 非财政拨款项目 count, where stated.
    public var nonFiscalProjectCount: Int?
    /// 非财政拨款项目涉及预算金额.
    public var nonFiscalProjectAmount: Amount?
    public var source: SourceLocation?

    public init(overallTargets: Int? = nil, overallAmount: Amount? = nil, projectCount: Int? = nil,
                fiscalProjectAmount: Amount? = nil, nonFiscalProjectCount: Int? = nil,
                nonFiscalProjectAmount: Amount? = nil, source: SourceLocation? = nil) {
        self.overallTargets = overallTargets
        self.overallAmount = overallAmount
        self.projectCount = projectCount
        self.fiscalProjectAmount = fiscalProjectAmount
        self.nonFiscalProjectCount = nonFiscalProjectCount
        self.nonFiscalProjectAmount = nonFiscalProjectAmount
        self.source = source
    }
}

/// 项目情况 — a project described in section 七.
public struct ProjectDescription: Sendable, Hashable, Codable {
    /// The printed ordinal (一, 二, …).
    public var ordinal: String
    /// 项目名称.
    public var name: String
    /// 设立的政策依据.
    public var policyBasis: String?
    /// 预算安排规模.
    public var amount: Amount?
    /// 项目承担单位.
    public var undertakingUnit: String?
    /// 资金分配情况.
    public var allocation: String?
    /// 资金执行时间.
    public var period: String?
    /// Every labelled field in printed order (including the ones above), so that
    /// 资金来源, 补贴人数, 补贴标准, … are kept as well.
    public var fields: [LabelledText]
    public var source: SourceLocation?

    public init(ordinal: String, name: String, policyBasis: String? = nil, amount: Amount? = nil,
                undertakingUnit: String? = nil, allocation: String? = nil, period: String? = nil,
                fields: [LabelledText] = [], source: SourceLocation? = nil) {
        self.ordinal = ordinal
        self.name = name
        self.policyBasis = policyBasis
        self.amount = amount
        self.undertakingUnit = undertakingUnit
        self.allocation = allocation
        self.period = period
        self.fields = fields
        self.source = source
    }
}

/// A `label：text` field of prose.
public struct LabelledText: Sendable, Hashable, Codable {
    public var label: String
    public var text: String
    public var source: SourceLocation?

    public init(label: String, text: String, source: SourceLocation?) {
        self.label = label
        self.text = text
        self.source = source
    }
}
