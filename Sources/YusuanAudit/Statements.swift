import Foundation
import YusuanModel

/// 说明分节 — what an explanation section is about, read from its title (the
/// numbering differs between the 2023 and the 2024 formats).
enum SectionKind: Sendable, Hashable {
    case overview, income, expenditure, fiscal, generalPublic, basic, projects, fund, capital, threePublic
    case carryOver, other, unknown

    init(title: String, number: String, format: DisclosureFormat) {
        let t = title.filter { !$0.isWhitespace }
        let byTitle: [(String, SectionKind)] = [
            ("三公", .threePublic), ("上年结转结余", .carryOver), ("其他重要事项", .other), ("基本支出", .basic),
            ("项目支出", .projects), ("当年拨款", .generalPublic), ("政府性基金", .fund), ("国有资本经营", .capital),
            ("财政拨款收支", .fiscal), ("收支预算", .overview), ("收支总体", .overview), ("收入预算", .income),
            ("支出预算", .expenditure),
        ]
        if let hit = byTitle.first(where: { t.contains($0.0) }) {
            self = hit.1
            return
        }
        let numbered: [SectionKind] = [.overview, .income, .expenditure, .fiscal, .generalPublic, .basic, .projects,
                                       .fund, .capital, .threePublic]
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
        guard let i = numerals.firstIndex(of: number) else { self = .unknown; return }
        if i < numbered.count { self = numbered[i] } else if format == .edition2023 { self = .other }
        else { self = i == 10 ? .carryOver : .other }
    }
}

/// 金额陈述 — `名称 1,297.28 万元`, optionally followed by `，占 x%`.
struct StatedAmount: Sendable {
    /// The words before the number back to the clause start, normalised (`Text.normalize`).
    var label: String
    var amount: Amount
    /// The number and its unit (`1,297.28 万元`).
    var range: Range<String.Index>
    /// Where the label starts.
    var labelStart: String.Index
    var source: SourceLocation?
    var share: Amount?
    var sharePlaces: Int = 2
    var shareSource: SourceLocation?
    var shareStart: String.Index?
    /// The amount of a change statement (`增加 X 万元`).
    var isChange = false
    /// Inside the reason given for a change (`主要原因是…`).
    var inReason = false
}

/// 增减陈述 — `比上年预算增加 X 万元，增长 y%`.
struct StatedChange: Sendable {
    var range: Range<String.Index>
    /// 增加 or 减少 as printed.
    var changeWord: String
    var amount: Amount
    /// 增长 or 下降 as printed.
    var rateWord: String
    var rate: Amount
    var ratePlaces: Int
    var source: SourceLocation?
    /// The amount this year, stated just before in the same sentence.
    var current: StatedAmount?
    /// The amount the previous year, where the sentence states it.
    var previous: StatedAmount?
    /// The words naming what changed where the statement starts its clause (`公务用车运行费`).
    var subject: String
    /// 主要原因是… up to the end of the sentence or the next statement.
    var reason: String?
    var reasonRange: Range<String.Index>?
    var reasonSource: SourceLocation?

    var isIncrease: Bool { changeWord == "增加" || changeWord == "增长" }
    var rateIsIncrease: Bool { rateWord == "增长" || rateWord == "增加" }
}

/// 说明文字 — a section's printed lines joined into one text, with the way back
/// from a position in the text to the printed line it starts on, and the
/// amounts, shares and changes the text states.
struct SectionText: Sendable {
    let section: ExplanationSection
    let kind: SectionKind
    let text: String
    private let starts: [(index: String.Index, source: SourceLocation?)]
    private(set) var amounts: [StatedAmount] = []
    private(set) var changes: [StatedChange] = []

    var number: String { section.number }

    init(_ section: ExplanationSection, format: DisclosureFormat) {
        self.section = section
        kind = SectionKind(title: section.title, number: section.number, format: format)
        var text = ""
        var offsets: [(Int, SourceLocation?)] = []
        for line in section.lines {
            offsets.append((text.count, line.source))
            text += line.value
        }
        self.text = text
        var starts: [(String.Index, SourceLocation?)] = []
        for (offset, source) in offsets { starts.append((text.index(text.startIndex, offsetBy: offset), source)) }
        self.starts = starts
        changes = Self.findChanges(in: text)
        amounts = Self.findAmounts(in: text, changes: changes)
        for i in amounts.indices {
            amounts[i].source = location(amounts[i].range.lowerBound)
            if let s = amounts[i].shareStart { amounts[i].shareSource = location(s) }
        }
        let found = changes
        changes = found.indices.map { resolve(found[$0], previousEnd: $0 > 0 ? found[$0 - 1].range.upperBound : nil) }
    }

    /// The printed line a position of the joined text lies on.
    func location(_ index: String.Index) -> SourceLocation? {
        var found: SourceLocation?
        for (start, source) in starts {
            if start <= index { found = source ?? found } else { break }
        }
        return found ?? section.source
    }

    /// The amounts stated outside changes and reasons.
    var plainAmounts: [StatedAmount] { amounts.filter { !$0.isChange && !$0.inReason } }

    // MARK: - Reading

    static let number = "(?:[0-9]{1,3}(?:[,，][0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?"
    nonisolated(unsafe) static let amountPattern = try! Regex("(\(number))\\s*万\\s*元")
    nonisolated(unsafe) static let sharePattern = try! Regex("^\\s*[，,]?\\s*占\\s*(\(number))\\s*%")
    nonisolated(unsafe) static let changePattern = try! Regex(
        "(?:(?:比|较)(?:上年|去年)[^0-9，。；,;]{0,8}?)?(增加|减少)\\s*(\(number))\\s*万\\s*元\\s*[，,]?\\s*(增长|下降|增加|减少)\\s*(\(number))\\s*%")
    nonisolated(unsafe) static let reasonPattern = try! Regex("^\\s*[，,。；;]?\\s*(?:主要原因|原因)(?:是|为|在于)?\\s*[：:]?")
    /// Characters that end a clause when reading a label backwards.
    static let clauseEnds: Set<Character> = ["，", "。", "；", "：", "、", ",", ";", ":", "！", "？", "%"]
    static let sentenceEnds: Set<Character> = ["。", "；", ";"]

    /// The decimals printed in a number (`35.7` → 1).
    static func places(_ text: Substring) -> Int {
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: text.index(after: dot), to: text.endIndex)
    }

    static func findChanges(in text: String) -> [StatedChange] {
        var result: [StatedChange] = []
        for match in text.matches(of: changePattern) {
            guard let x = match.output[2].substring, let amount = Amount(x),
                  let y = match.output[4].substring, let rate = Amount(y),
                  let changeWord = match.output[1].substring, let rateWord = match.output[3].substring else { continue }
            result.append(StatedChange(range: match.range, changeWord: String(changeWord), amount: amount,
                                       rateWord: String(rateWord), rate: rate, ratePlaces: min(places(y), 2),
                                       source: nil, current: nil, previous: nil, subject: "", reason: nil))
        }
        // Reasons and subjects.
        for i in result.indices {
            let end = result[i].range.upperBound
            let nextStart = i + 1 < result.count ? sentenceStart(in: text, before: result[i + 1].range.lowerBound) : text.endIndex
            let rest = text[end..<max(end, nextStart)]
            if let r = rest.prefixMatch(of: reasonPattern) {
                let from = r.range.upperBound
                let stop = rest[from...].firstIndex(of: "。") ?? rest.endIndex
                result[i].reason = String(rest[from..<stop])
                result[i].reasonRange = from..<stop
            }
            let start = statementStart(in: text, before: result[i].range.lowerBound)
            var subject = Text.normalize(text[start..<result[i].range.lowerBound])
            for word in ["其中"] where subject.hasPrefix(word) { subject.removeFirst(word.count) }
            result[i].subject = subject
        }
        return result
    }

    /// Where the clause holding `index` starts (after the last clause end before it).
    static func statementStart(in text: String, before index: String.Index) -> String.Index {
        var i = index
        while i > text.startIndex {
            let p = text.index(before: i)
            if clauseEnds.contains(text[p]) { return i }
            i = p
        }
        return text.startIndex
    }

    /// Where the sentence holding `index` starts (after the last 。 or ；).
    static func sentenceStart(in text: String, before index: String.Index) -> String.Index {
        var i = index
        while i > text.startIndex {
            let p = text.index(before: i)
            if sentenceEnds.contains(text[p]) { return i }
            i = p
        }
        return text.startIndex
    }

    static func findAmounts(in text: String, changes: [StatedChange]) -> [StatedAmount] {
        var result: [StatedAmount] = []
        for match in text.matches(of: amountPattern) {
            guard let n = match.output[1].substring, let amount = Amount(n) else { continue }
            let numberStart = n.startIndex
            let start = statementStart(in: text, before: numberStart)
            var stated = StatedAmount(label: Text.label(text[start..<numberStart]), amount: amount, range: match.range,
                                      labelStart: start)
            if let share = text[match.range.upperBound...].prefixMatch(of: sharePattern), let s = share.output[1].substring {
                stated.share = Amount(s)
                stated.sharePlaces = min(places(s), 2)
                stated.shareStart = s.startIndex
            }
            stated.isChange = changes.contains { $0.range.contains(numberStart) }
            result.append(stated)
        }
        // Amounts inside reasons.
        for change in changes {
            guard let reason = change.reasonRange else { continue }
            for i in result.indices where reason.contains(result[i].range.lowerBound) { result[i].inReason = true }
        }
        return result
    }

    /// Finds the current amount, the stated previous amount and the reason's line of a change.
    private func resolve(_ found: StatedChange, previousEnd: String.Index?) -> StatedChange {
        var change = found
        change.source = location(change.range.lowerBound)
        let lower = change.range.lowerBound
        var sentenceStart = Self.sentenceStart(in: text, before: lower)
        if let previousEnd, previousEnd > sentenceStart { sentenceStart = previousEnd }
        let before = amounts.filter {
            !$0.isChange && !$0.inReason && $0.range.lowerBound >= sentenceStart && $0.range.upperBound <= lower
        }
        change.previous = before.last { $0.label.contains("上年") }
        change.current = before.last { !$0.label.contains("上年") }
        if change.current == nil, !change.subject.isEmpty {
            change.current = amounts.last {
                !$0.isChange && !$0.inReason && $0.range.upperBound <= lower
                    && ($0.label == change.subject || $0.label.contains("三公") && change.subject.contains("三公"))
            }
        }
        if change.reason != nil, let r = text[change.range.upperBound...].prefixMatch(of: Self.reasonPattern) {
            change.reasonSource = location(r.range.lowerBound)
        }
        return change
    }
}

/// Text helpers shared by the text, year-on-year and wording rules.
enum Text {
    /// Removes white space and unifies brackets: `维修（护）费` → `维修(护)费`.
    static func normalize(_ s: some StringProtocol) -> String {
        var out = ""
        for c in s where !c.isWhitespace {
            switch c {
            case "（", "〔", "[", "【", "［", "｛", "{": out.append("(")
            case "）", "〕", "]", "】", "］", "｝", "}": out.append(")")
            case "“", "”", "\"", "‘", "’": out.append("\"")
            default: out.append(c)
            }
        }
        return out
    }

    nonisolated(unsafe) static let enumerator = try! Regex("^(?:[0-9]+|[一二三四五六七八九十]+)[、.．)]|^\\((?:[0-9]+|[一二三四五六七八九十]+)\\)")

    /// An enumerator after a heading run into the label (`…结构情况1.社会保障…`).
    nonisolated(unsafe) static let innerEnumerator = try! Regex("(?:^|[^0-9.])[0-9]+[、.．](?![0-9])")

    /// A label: normalised, without a leading enumerator, 其中/主要用于/包括, or a trailing (类).
    static func label(_ s: some StringProtocol) -> String {
        var l = normalize(s)
        if let m = l.matches(of: innerEnumerator).last { l = String(l[m.range.upperBound...]) }
        if let m = l.prefixMatch(of: enumerator) { l = String(l[m.range.upperBound...]) }
        for prefix in ["其中", "主要用于", "包括", "用于"] where l.hasPrefix(prefix) { l.removeFirst(prefix.count) }
        if l.hasSuffix("(类)") { l.removeLast(3) }
        return l
    }

    /// The items of a printed list `A、B、C等`.
    static func items(_ s: some StringProtocol) -> [String] {
        s.split(whereSeparator: { "、，,；;".contains($0) }).map { item in
            var n = normalize(item)
            while n.hasSuffix("等") || n.hasSuffix("。") { n.removeLast() }
            return n
        }.filter { !$0.isEmpty }
    }

    /// The value of a cell, zero where the row exists but the cell is empty; nil where the
    /// table or row is absent.
    static func cell(_ t: BudgetTable?, _ row: RowKey, _ column: ColumnKey) -> (Amount, SourceLocation?)? {
        guard let t, let r = t.row(row), let c = t.columnIndex(column) else { return nil }
        return (r.cells[c]?.value ?? .zero, r.cells[c]?.source ?? r.source)
    }

    /// `a / b × 100`, rounded to `places`.
    static func rate(_ a: Amount, of b: Amount, places: Int) -> Amount? { a.percent(of: b, places: places) }
}
