import YusuanModel

/// 绩效目标内容 — what a reviewer reads in a performance-target table beyond its sums:
/// a 满意度 indicator at its usual weight, cost indicators stated as figures, targets
/// not set below what the table says was achieved last year, and a goal text its own
/// indicators do not contradict.
///
/// The department table (部门整体, framed by 履职效能) has no 满意度 or 成本 level of
/// its own and no 上年完成值 column, so only its goal is read; the other rules read the
/// project tables.
extension PerformanceRules {
    static let satisfaction = Rule(
        "performance.satisfaction", .performance, .warning,
        zh: "项目支出绩效目标表设有满意度指标（一级或二级指标为满意度指标）",
        en: "Each project performance table has a satisfaction indicator (满意度指标)")
    static let satisfactionWeight = Rule(
        "performance.satisfaction-weight", .performance, .info,
        zh: "项目支出绩效目标表满意度指标的分值权重合计不低于通常的 10 分",
        en: "A project table's satisfaction indicators weigh no less than the usual 10 points together")
    static let costQualitative = Rule(
        "performance.cost-qualitative", .performance, .warning,
        zh: "成本指标须量化：指标值为数值和单位（如 <=2.50 万元、=180 元/人），不能只写文字",
        en: "A cost indicator is quantified: its target is a figure with a unit (<=2.50 万元, =180 元/人), not words")
    static let belowLastYear = Rule(
        "performance.below-last-year", .performance, .info,
        zh: "以百分比表示的“不低于”型指标（>=、>；满意度及依据政策、行业要求设定的除外）不低于同表所列上年完成值",
        en: "An at-least rate target (>=, > in %; satisfaction and targets set by a policy or industry requirement aside) is not set below the previous year's result the table states")

    /// The rules of this file, in catalogue order.
    static let contentRules = [satisfaction, satisfactionWeight, costQualitative, belowLastYear, goalIndicator,
                               descriptionFigures]

    /// The usual weight of the 满意度 indicators of a project table.
    static let usualSatisfactionWeight = Amount(10)

    static func content(_ projects: [ProjectPerformanceTable], _ allocations: [ProjectArithmeticRules.Allocation?],
                        _ d: Disclosure) -> [Finding] {
        var findings = missingSatisfaction(projects, d)
        // The descriptions that compute with a count and a rate (few do).
        let computed: [Computed] = zip(d.facts.projects, allocations).compactMap { t, allocation in
            guard let pairs = allocation?.pairs, !pairs.isEmpty else { return nil }
            return Computed(project: t, pairs: pairs)
        }
        if let dept = d.performance.department {
            findings += goalAgainstIndicators(goal: dept.annualGoal, dept.indicators, table: "部门整体", at: dept.source, d)
        }
        for p in projects {
            findings += goalAgainstIndicators(goal: p.overallGoal, p.indicators, table: p.project, at: p.source, d)
            findings += descriptionAgainstIndicators(p, computed, d)
            findings += satisfactionWeights(p, d)
            findings += belowLastYear(p, d)
        }
        findings += qualitativeCosts(projects, d)
        return findings
    }

    /// Whether an indicator is a 满意度 indicator (满意度指标, or an indicator of 满意率 under it).
    static func isSatisfaction(_ i: PerformanceIndicator) -> Bool {
        i.level1.includes("满意度") || i.level2.includes("满意度")
    }

    /// Whether an indicator is a 成本 indicator (成本指标 at either level).
    static func isCost(_ i: PerformanceIndicator) -> Bool {
        i.level1.includes("成本") || i.level2.includes("成本")
    }

    // MARK: 满意度

    /// One finding for the document: the first table without a 满意度 indicator, the
    /// others as its consequences (a reviewer writes it once, naming the tables).
    static func missingSatisfaction(_ projects: [ProjectPerformanceTable], _ d: Disclosure) -> [Finding] {
        let missing = projects.filter { !$0.indicators.isEmpty && !$0.indicators.contains(where: isSatisfaction) }
        let findings = missing.map { p in
            Finding(rule: satisfaction, message: "绩效目标表“\(p.project)”没有满意度指标",
                    row: p.project, column: "满意度指标", section: section(containing: p.source?.line, in: d),
                    at: p.source, computation: "一级、二级指标中无“满意度”")
        }
        return Causes.one(findings) { n in
            "\(n) 张项目支出绩效目标表没有满意度指标：" + missing.map { "“\($0.project)”" }.joined(separator: "、")
        }
    }

    static func satisfactionWeights(_ p: ProjectPerformanceTable, _ d: Disclosure) -> [Finding] {
        let indicators = p.indicators.filter(isSatisfaction)
        let weights = indicators.compactMap(\.weight)
        guard !weights.isEmpty, weights.count == indicators.count, let total = Amount.checkedSum(weights),
              total < usualSatisfactionWeight else { return [] }
        return [Finding(
            rule: satisfactionWeight,
            message: "绩效目标表“\(p.project)”满意度指标分值权重合计 \(total)，低于通常的 \(usualSatisfactionWeight)",
            row: p.project, column: "满意度指标", section: section(containing: indicators[0].source?.line ?? p.source?.line, in: d),
            at: indicators[0].source ?? p.source, stated: total, expected: usualSatisfactionWeight,
            computation: "满意度指标权重 " + SumCheck.describe(weights))]
    }

    // MARK: 成本指标

    /// A cost indicator whose target has no figure: words (成效明显) where a cost belongs.
    /// The same indicator worded alike in several tables (a template copied) is one
    /// finding at its first table, the others its consequences.
    static func qualitativeCosts(_ projects: [ProjectPerformanceTable], _ d: Disclosure) -> [Finding] {
        struct Wording: Hashable { var name: String, printed: String }
        var order: [Wording] = []
        var byWording: [Wording: [Finding]] = [:]
        for p in projects {
            for i in p.indicators where isCost(i) && i.target.number == nil && i.target.date == nil {
                let f = Finding(
                    rule: costQualitative,
                    message: "绩效目标表“\(p.project)”成本指标“\(i.name)”的指标值写作“\(i.target.printed)”，没有量化",
                    row: p.project, column: "成本指标/\(i.name)", section: section(containing: i.source?.line ?? p.source?.line, in: d),
                    at: i.source ?? p.source, computation: "指标值应为数值和计量单位")
                let wording = Wording(name: i.name, printed: i.target.printed)
                if byWording[wording] == nil { order.append(wording) }
                byWording[wording, default: []].append(f)
            }
        }
        return order.compactMap { wording in
            let all = byWording[wording] ?? []
            return Causes.one(all) { n in
                "\(n) 张绩效目标表的成本指标“\(wording.name)”都写作“\(wording.printed)”，没有量化："
                    + all.compactMap { $0.row.map { "“\($0)”" } }.joined(separator: "、")
            }.first
        }
    }

    // MARK: 上年完成值

    /// 上年完成值 as a figure: `50438 人`, `=1.25万人`, `98%`; nil for words (无, -, 上年该项目未实施).
    static func lastYearValue(_ printed: String?) -> IndicatorTarget? {
        guard var printed else { return nil }
        // Trimmed only where an end may be a space (few are): Foundation's trimming costs
        // more than the rest of the rule, and trims nothing from other texts.
        if let first = printed.unicodeScalars.first, let last = printed.unicodeScalars.last,
           Spaces.isWhitespace(first) || Spaces.isWhitespace(last) {
            printed = printed.trimmingCharacters(in: .whitespaces)
        }
        guard let first = printed.first else { return nil }
        let target = IndicatorTarget(parsing: first.isASCII && first.isNumber ? "=" + printed : printed)
        return target.number == nil ? nil : target
    }

    /// A unit for comparison: no spaces, `%` and `％` alike.
    static func unitKey(_ unit: String?) -> String {
        guard let unit else { return "" }
        // A unit without a space or a full-width form (most) is its own key.
        guard unit.utf8.contains(where: ClassificationCatalogue.mayStartSpaceOrWide) else { return unit }
        var key: [UInt8] = []
        for c in unit.unicodeScalars where !Spaces.isWhitespace(c) {
            if c == "％" { key.append(UInt8(ascii: "%")) } else { UTF8.encode(c) { key.append($0) } }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// One finding per table: the first rate set below last year's result, the others
    /// as its consequences. Only rates (%) are judged: a count follows the population
    /// it serves, which may shrink; a satisfaction target is a threshold set by rule
    /// (>=90%), not last year's score; a lower cost is no lower target; `=` targets may
    /// fix a level on purpose; and a target whose basis (指标值设置依据) is a policy or
    /// an industry requirement (政策要求, 行业标准) is set by it, not by last year.
    static func belowLastYear(_ p: ProjectPerformanceTable, _ d: Disclosure) -> [Finding] {
        var findings: [Finding] = []
        var named: [String] = []
        // The comparison and the unit first: most targets are not at-least rates, and they
        // cost no search.
        for i in p.indicators where (i.target.comparison == .atLeast || i.target.comparison == .greater)
            && unitKey(i.target.unit) == "%" && !isCost(i) && !isSatisfaction(i)
            && !(i.basis.map { $0.includes("政策") || $0.includes("行业") } ?? false) {
            guard let c = i.target.comparison, c == .atLeast || c == .greater, let target = i.target.number,
                  let last = lastYearValue(i.lastYear), let achieved = last.number,
                  unitKey(last.unit) == unitKey(i.target.unit), target < achieved else { continue }
            findings.append(Finding(
                rule: belowLastYear,
                message: "绩效目标表“\(p.project)”指标“\(i.name)”的指标值 \(i.target.printed) 低于上年完成值 \(i.lastYear ?? "")",
                row: p.project, column: "\(i.level2)/\(i.name)", section: section(containing: i.source?.line ?? p.source?.line, in: d),
                at: i.source ?? p.source, stated: target, expected: achieved,
                computation: "上年完成值 \(achieved)\(last.unit ?? "")"))
            named.append("\(i.name) \(i.target.printed)（上年 \(i.lastYear ?? "")）")
        }
        return Causes.one(findings) { n in
            "绩效目标表“\(p.project)”有 \(n) 项指标值低于上年完成值：" + named.joined(separator: "、")
        }
    }
}

// MARK: - 目标与指标

/// 目标与指标 — a figure the goal text states against the table's own indicator for it.
///
/// The goal (项目总体目标, 年度绩效目标) is read figure by figure: a number followed by the
/// unit of one of the table's count indicators (个, 次, 人, 万人, 家, …; not %, money or
/// rates), labelled by the words before it back to the last punctuation or figure. The
/// indicator is the one of that unit whose name shares the longest run of characters
/// (at least four) with the label. It contradicts the goal where its number differs, or
/// where the goal bounds the other way (少于 45 次 against >=45 次).
extension PerformanceRules {
    static let goalIndicator = Rule(
        "performance.goal-indicator", .performance, .warning,
        zh: "绩效目标文字所述数值和方向与本表同名指标的指标值一致（如目标“开展培训 1 次”对指标“>=2 次”，目标“少于 45 次”对“>=45 次”）",
        en: "A figure the goal text states agrees with the table's own indicator for it, in number and direction (a goal of 1 training against >=2, fewer than 45 against >=45)")

    /// The words that bound a figure from above or below, as the goal prints them before it
    /// (longest first, so that 不少于 is not read as 少于).
    static let boundWords: [(String, Bool)] = [
        ("不少于", true), ("不低于", true), ("不超过", false), ("不高于", false), ("不大于", false),
        ("少于", false), ("低于", false), ("小于", false), ("大于", true), ("超过", true), ("高于", true), ("达到", true),
    ]

    /// A figure of the goal: its number, unit and label, and whether the goal bounds it
    /// from below (true), from above (false) or not at all.
    struct GoalFigure {
        var number: Amount
        var printed: String
        var unit: String
        var label: String
        var atLeast: Bool?
        /// The goal's words for it, label to unit (and 以上/以下), as printed without spaces.
        var said: String
    }

    /// The goal's figures in the given units (each a count unit of the table's indicators).
    static func goalFigures(_ goal: String, units: Set<String>) -> [GoalFigure] {
        // On the bytes of the goal without its whitespace: comparing Characters of Chinese
        // text normalises them, and a word's bytes can only match where a scalar starts.
        let compact = Spaces.bytesWithoutWhitespace(goal)
        // Longest first, so that 万人 is not read as 万 (a unit's prefix has fewer bytes too).
        let byLength = units.map { Array($0.utf8) }.sorted { $0.count > $1.count }
        return compact.withUnsafeBufferPointer { chars in
            func string(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: chars[range]), as: UTF8.self)
            }
            func matches(_ word: [UInt8], at k: Int) -> Bool { word.withUnsafeBufferPointer { Spaces.equal(chars, $0, at: k) } }
            /// The width of the punctuation that ends a label at `k`, or 0.
            func breakWidth(at k: Int) -> Int {
                switch chars[k] {
                case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"): 1
                case 0xE3, 0xEF: goalBreaks.contains { matches($0, at: k) } ? 3 : 0
                default: 0
                }
            }
            func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }
            var figures: [GoalFigure] = []
            var labelStart = 0
            var i = 0
            while i < chars.count {
                let width = breakWidth(at: i)
                if width > 0 { labelStart = i + width; i += width; continue }
                guard isDigit(chars[i]) else { i += 1; continue }
                var j = i
                while j < chars.count, isDigit(chars[j])
                    || chars[j] == UInt8(ascii: ".") && j + 1 < chars.count && isDigit(chars[j + 1]) { j += 1 }
                let printed = string(i..<j)
                if let unit = byLength.first(where: { matches($0, at: j) }),
                   !(matches(goalWords.times, at: j + unit.count) && unit.suffix(goalWords.person.count).elementsEqual(goalWords.person)),
                   let number = Amount(printed) {
                    var label = string(labelStart..<i)
                    var atLeast: Bool?
                    if let (word, up) = boundWords.first(where: { label.ends(with: $0.0) }) {
                        label.removeLast(word.count)
                        atLeast = up
                    }
                    var end = j + unit.count
                    if matches(goalWords.above, at: end) {
                        atLeast = true
                        end += goalWords.above.count
                    } else if matches(goalWords.below, at: end) || matches(goalWords.within, at: end) {
                        atLeast = false
                        end += goalWords.below.count
                    }
                    figures.append(GoalFigure(number: number, printed: printed, unit: String(decoding: unit, as: UTF8.self),
                                              label: label, atLeast: atLeast, said: string(labelStart..<end)))
                    j += unit.count
                    labelStart = j
                }
                i = j
            }
            return figures
        }
    }

    /// The full-width punctuation that ends a goal figure's label (each three bytes, led
    /// by 0xE3 or 0xEF), besides ASCII `,;:()`.
    static let goalBreaks = ["，", "。", "；", "、", "：", "（", "）"].map { Array($0.utf8) }
    /// The words `goalFigures` looks for after a figure, as bytes: 次 after a unit in 人
    /// (人次 is another unit), and 以上, 以下, 以内.
    static let goalWords = (times: Array("次".utf8), person: Array("人".utf8), above: Array("以上".utf8),
                            below: Array("以下".utf8), within: Array("以内".utf8))

    /// The length of the longest run of characters two names share.
    static func sharedRun(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        // Two rows of the table, reused: the run ending at each character of `b`.
        var previous = [Int](repeating: 0, count: y.count + 1), row = previous, best = 0
        for i in 1...x.count {
            for k in 1...y.count {
                row[k] = x[i - 1] == y[k - 1] ? previous[k - 1] + 1 : 0
                best = max(best, row[k])
            }
            swap(&previous, &row)
        }
        return best
    }

    /// A count unit a goal can state: not a share, money or a rate.
    static func isCountUnit(_ unit: String) -> Bool {
        !unit.isEmpty && !unit.includes("%") && !unit.includes("％") && !unit.includes("元") && !unit.includes("/")
    }

    static func goalAgainstIndicators(goal: String, _ indicators: [PerformanceIndicator], table: String,
                                      at source: SourceLocation?, _ d: Disclosure) -> [Finding] {
        // The indicators with a count for target, each by its index with its unit's key.
        let counted: [(index: Int, unit: String)] = indicators.indices.compactMap { k in
            guard indicators[k].target.number != nil else { return nil }
            let unit = unitKey(indicators[k].target.unit)
            return isCountUnit(unit) ? (k, unit) : nil
        }
        guard !counted.isEmpty, !goal.isEmpty else { return [] }
        var findings: [Finding] = []
        for figure in goalFigures(goal, units: Set(counted.map(\.unit))) {
            // A label of fewer than four characters shares no run of four with a name.
            guard figure.label.unicodeScalars.dropFirst(3).first != nil else { continue }
            let scored = counted.filter { $0.unit.sameBytes(as: figure.unit) }.map { c in
                (index: c.index, run: sharedRun(figure.label, Text.withoutWhitespace(indicators[c.index].name)))
            }
            guard let best = scored.max(by: { $0.run < $1.run }), best.run >= 4 else { continue }
            let i = indicators[best.index]
            guard let target = i.target.number, let comparison = i.target.comparison else { continue }
            let indicatorAtLeast: Bool? = comparison == .atLeast || comparison == .greater ? true
                : comparison == .atMost || comparison == .less ? false : nil
            let opposite = figure.atLeast != nil && indicatorAtLeast != nil && figure.atLeast != indicatorAtLeast
            guard figure.number != target || opposite else { continue }
            findings.append(Finding(
                rule: goalIndicator,
                message: "绩效目标表“\(table)”的目标写“\(figure.said)”"
                    + (opposite ? "（方向相反）" : "") + "，而指标“\(i.name)”为 \(i.target.printed)",
                row: table, column: "\(i.level2)/\(i.name)", section: section(containing: i.source?.line ?? source?.line, in: d),
                at: i.source ?? source, stated: figure.number, expected: target,
                computation: "目标文字 \(figure.printed)\(figure.unit)" + (figure.atLeast.map { $0 ? "（以上）" : "（以下）" } ?? "")
                    + "；指标值 \(i.target.printed)"))
        }
        return findings
    }
}

// MARK: - 测算与指标

/// 测算与指标 — the head count and the rate per head a project's description (情况说明
/// 七, 资金分配情况) computes its amount from, against the same project's indicators.
extension PerformanceRules {
    static let descriptionFigures = Rule(
        "performance.description-figures", .performance, .warning,
        zh: "项目说明测算所用的人数和人均标准符合该项目绩效目标表的人数、标准指标（>= 指标不高于测算数，<= 指标不低于，= 指标相等）",
        en: "The head count and rate per head a project's description computes with meet the same project's count and standard indicators (>= no more than it, <= no less, = equal)")

    /// A figure in 万 as ones (nil where it does not fit: an input figure never traps).
    static func inOnes(_ tenThousands: Amount) -> Amount? {
        let (value, overflow) = tenThousands.multipliedReportingOverflow(by: 10_000)
        return overflow ? nil : value
    }

    /// Whether a value meets a target of the given comparison.
    static func meets(_ value: Amount, _ comparison: Comparison, _ target: Amount) -> Bool {
        switch comparison {
        case .equal: value == target
        case .atLeast: value >= target
        case .greater: value > target
        case .atMost: value <= target
        case .less: value < target
        }
    }

    /// An indicator's target in persons, for a count indicator (人, 万人).
    static func persons(_ i: PerformanceIndicator) -> Amount? {
        guard !isCost(i), let n = i.target.number else { return nil }
        switch unitKey(i.target.unit) {
        case "人": return n
        case "万人": return inOnes(n)
        default: return nil
        }
    }

    /// An indicator's target in 元 per head, for a standard (元/人, 元/人/年, or 元 named 人均 or 标准).
    static func perHead(_ i: PerformanceIndicator) -> Amount? {
        guard let n = i.target.number else { return nil }
        let unit = unitKey(i.target.unit)
        if unit.begins(with: "元/人") { return n }
        if unit.begins(with: "万元/人") { return inOnes(n) }
        if unit.sameBytes(as: "元"), ["人均", "标准", "每人"].contains(where: { i.name.includes($0) }) { return n }
        return nil
    }

    /// A project description and the counts and rates it computes with.
    struct Computed {
        var project: ProjectDescription
        var pairs: [ProjectArithmeticRules.CountRate]
    }

    static func descriptionAgainstIndicators(_ p: ProjectPerformanceTable, _ computed: [Computed], _ d: Disclosure) -> [Finding] {
        guard let match = computed.first(where: { sameName($0.project.name, p.project) }) else { return [] }
        let described = match.project
        var findings: [Finding] = []
        for (count, rate, _) in match.pairs {
            guard let head = count.countIsWan ? inOnes(count.value) : count.value,
                  let perHeadRate = rate.unit.sameBytes(as: "万元") ? inOnes(rate.value) : rate.value else { continue }
            let checks: [(String, Amount, (PerformanceIndicator) -> Amount?)] = [
                ("\(count.printed) \(count.unit)", head, persons),
                ("\(rate.printed) \(rate.unit)/\(rate.per ?? "人")", perHeadRate, perHead),
            ]
            for (printed, value, measure) in checks {
                let indicators = p.indicators.compactMap { i in measure(i).map { (indicator: i, target: $0) } }
                guard !indicators.isEmpty,
                      !indicators.contains(where: { meets(value, $0.indicator.target.comparison ?? .equal, $0.target) }),
                      let nearest = indicators.min(by: { ($0.target - value).magnitude < ($1.target - value).magnitude })
                else { continue }
                let i = nearest.indicator
                findings.append(Finding(
                    rule: descriptionFigures,
                    message: "项目（\(described.ordinal)）\(described.name)的说明按 \(printed) 测算，而绩效目标表“\(p.project)”指标“\(i.name)”为 \(i.target.printed)",
                    row: p.project, column: "\(i.level2)/\(i.name)", section: section(containing: i.source?.line ?? p.source?.line, in: d),
                    at: i.source ?? p.source, stated: nearest.target, expected: value,
                    computation: "情况说明 项目（\(described.ordinal)）资金分配情况：\(printed)"))
            }
        }
        return findings
    }
}
