import Foundation

/// 说明陈述 — the amounts, shares and changes one section of the explanation states,
/// each with the line it is printed on.
///
/// Read from the section's printed lines whenever they are set
/// (`ExplanationSection.statements`), by the patterns of `StatementGrammar`: once
/// for a document read, once for a section composed, and the audit judges them
/// without reading the text again.
public struct SectionStatements: Sendable, Hashable, Codable {
    /// Every `X 万元` in printed order, the amounts of changes and those inside
    /// reasons included.
    public var amounts: [StatedAmount]
    /// Every change on the previous year, in printed order.
    public var changes: [StatedChange]

    public init(amounts: [StatedAmount] = [], changes: [StatedChange] = []) {
        self.amounts = amounts
        self.changes = changes
    }

    /// The amounts stated for themselves: neither the amount of a change nor inside
    /// the reason given for one.
    public var plainAmounts: [StatedAmount] { amounts.filter { !$0.isChange && !$0.inReason } }
}

/// 金额陈述 — `名称 1,297.28 万元`, with the share printed after it (`，占 x%`).
public struct StatedAmount: Sendable, Hashable, Codable {
    /// The words before the number back to the start of the clause, as a label
    /// (`StatementGrammar.label`: normalised, enumerator and 其中 taken off).
    public var label: String
    public var amount: Amount
    /// 占比 — `，占 x%` right after the amount.
    public var share: StatedShare?
    /// The amount of a change (`增加 X 万元`).
    public var isChange: Bool
    /// Inside the reason given for a change (`主要原因是…`).
    public var inReason: Bool
    /// The line the number starts on; nil where the line has none (a composed section).
    public var source: SourceLocation?

    public init(label: String, amount: Amount, share: StatedShare? = nil, isChange: Bool = false,
                inReason: Bool = false, source: SourceLocation? = nil) {
        self.label = label
        self.amount = amount
        self.share = share
        self.isChange = isChange
        self.inReason = inReason
        self.source = source
    }
}

/// 占比陈述 — `占 x%`: the printed percentage and how many decimals it is printed with.
public struct StatedShare: Sendable, Hashable, Codable {
    /// x, in percent.
    public var percent: Amount
    /// The decimals printed (`35.7` → 1).
    public var places: Int
    /// The line the percentage starts on.
    public var source: SourceLocation?

    public init(percent: Amount, places: Int, source: SourceLocation? = nil) {
        self.percent = percent
        self.places = places
        self.source = source
    }
}

/// 增减陈述 — `比上年预算增加 X 万元，增长 y%`, with the amounts it compares and the
/// reason given for it.
public struct StatedChange: Sendable, Hashable, Codable {
    /// The words naming what changed, from the start of the clause to the statement
    /// (`公务用车运行费`; empty where the clause opens with 比上年).
    public var subject: String
    /// 增加 or 减少 (增长, 下降, 減少) as printed before the amount.
    public var changeWord: String
    /// X, in 万元.
    public var amount: Amount
    /// 增长 or 下降 (增加, 减少, 減少) as printed before the rate.
    public var rateWord: String
    /// y, in percent.
    public var rate: Amount
    /// The decimals the rate is printed with.
    public var ratePlaces: Int
    /// 本年数 — the amount stated just before in the same sentence, else the last
    /// amount stated before for the same subject.
    public var current: Amount?
    /// 上年数 — the previous year's amount, where the sentence states it (`上年预算数为 …`).
    public var previous: Amount?
    /// 主要原因 — the reason given, up to the end of the sentence or the next statement.
    public var reason: String?
    /// The line the statement starts on (比上年 …).
    public var source: SourceLocation?

    public init(subject: String, changeWord: String, amount: Amount, rateWord: String, rate: Amount,
                ratePlaces: Int, current: Amount? = nil, previous: Amount? = nil, reason: String? = nil,
                source: SourceLocation? = nil) {
        self.subject = subject
        self.changeWord = changeWord
        self.amount = amount
        self.rateWord = rateWord
        self.rate = rate
        self.ratePlaces = ratePlaces
        self.current = current
        self.previous = previous
        self.reason = reason
        self.source = source
    }

    /// 增加 / 增长 rather than 减少 / 下降.
    public var isIncrease: Bool { StatementGrammar.isIncrease(changeWord) }
    /// The rate's word speaks of more.
    public var rateIsIncrease: Bool { StatementGrammar.isIncrease(rateWord) }
}

// MARK: - Reading

extension SectionStatements {
    /// Reads the statements of a section's printed lines, joined without breaks.
    public init(reading lines: [Located<String>]) { self.init(reading: JoinedText(lines)) }

    /// Reads the statements of a joined text. Each pattern is matched once over the
    /// whole text; clause and sentence starts and lines are found by binary search,
    /// and each change is resolved against the amounts of its own sentence, so the
    /// time is linear in the text. (A label is the words back to its clause's start:
    /// a clause of many amounts and no punctuation is read once for each.)
    public init(reading text: JoinedText) {
        let scanner = StatementScanner(text.units)
        let changes = Self.changes(in: text, scanner: scanner)
        let matches = scanner.amountStatements()
        var amounts: [StatedAmount] = []
        /// Each amount's number and unit, as UTF-16 offsets.
        var spans: [Range<Int>] = []
        amounts.reserveCapacity(matches.count)
        spans.reserveCapacity(matches.count)
        var c = 0, r = 0
        let reasons = changes.compactMap(\.reason)
        for m in matches {
            guard let value = text.amount(m.number) else { continue }
            let start = m.whole.lowerBound
            var stated = StatedAmount(
                label: StatementGrammar.label(text.units[text.clauseStart(before: start)..<start]),
                amount: value, source: text.location(at: start))
            if let share = m.share {
                let printed = text.substring(share)
                if let percent = Amount(printed) {
                    stated.share = StatedShare(percent: percent, places: StatementGrammar.places(printed),
                                               source: text.location(at: share.lowerBound))
                }
            }
            // Changes and reasons are in printed order and do not overlap.
            while c < changes.count, changes[c].span.upperBound <= start { c += 1 }
            stated.isChange = c < changes.count && changes[c].span.contains(start)
            while r < reasons.count, reasons[r].span.upperBound <= start { r += 1 }
            stated.inReason = r < reasons.count && reasons[r].span.contains(start)
            amounts.append(stated)
            spans.append(m.whole)
        }
        self.init(amounts: amounts, changes: Self.resolve(changes, amounts: amounts, spans: spans, in: text))
    }

    /// A change as matched, before it is resolved against the amounts.
    struct Found {
        var change: StatedChange
        var span: Range<Int>
        var reason: (text: String, span: Range<Int>)?
    }

    static func changes(in text: JoinedText, scanner: StatementScanner) -> [Found] {
        let matches = scanner.changeStatements()
        var found: [Found] = []
        found.reserveCapacity(matches.count)
        for m in matches {
            let y = text.substring(m.rate)
            guard let amount = text.amount(m.amount), let rate = Amount(y) else { continue }
            let span = m.whole
            var subject = StatementGrammar.normalize(text.substring(text.clauseStart(before: span.lowerBound)..<span.lowerBound))
            if subject.begins(with: "其中") { subject.removeFirst(2) }
            found.append(Found(
                change: StatedChange(subject: subject, changeWord: text.substring(m.changeWord), amount: amount,
                                     rateWord: text.substring(m.rateWord), rate: rate,
                                     ratePlaces: StatementGrammar.places(y), source: text.location(at: span.lowerBound)),
                span: span))
        }
        // The reason follows the statement, up to the sentence of the next one.
        for i in found.indices {
            let end = found[i].span.upperBound
            let next = i + 1 < found.count ? text.sentenceStart(before: found[i + 1].span.lowerBound) : text.length
            guard let from = scanner.reasonOpening(at: end, limit: next) else { continue }
            let stop = text.units[from..<max(from, next)].firstIndex(of: 0x3002) ?? max(from, next)  // 。
            let reason = text.substring(from..<stop)
            found[i].reason = (reason, from..<stop)
            found[i].change.reason = reason
        }
        return found
    }

    /// Finds each change's 本年数 and 上年数 among the amounts stated for themselves.
    static func resolve(_ found: [Found], amounts: [StatedAmount], spans: [Range<Int>],
                        in text: JoinedText) -> [StatedChange] {
        // Most sections state no change.
        guard !found.isEmpty else { return [] }
        let plain = amounts.indices.filter { !amounts[$0].isChange && !amounts[$0].inReason }
        var changes: [StatedChange] = []
        changes.reserveCapacity(found.count)
        /// The last plain amount before the current change, by label; and the last of 三公.
        /// Filled only when a change is not resolved within its sentence, with the
        /// plain amounts before it (the first `indexed`).
        var lastByLabel: [LabelKey: Int] = [:]
        var lastThreePublic: Int?
        var indexed = 0
        /// The plain amounts that end before the current change.
        var p = 0
        for i in found.indices {
            var change = found[i].change
            let lower = found[i].span.lowerBound
            while p < plain.count, spans[plain[p]].upperBound <= lower { p += 1 }
            // The amounts stated in the same sentence before the change (after the previous change).
            var sentence = text.sentenceStart(before: lower)
            if i > 0 { sentence = max(sentence, found[i - 1].span.upperBound) }
            var current: Int?, previous: Int?
            var k = p - 1
            while k >= 0, spans[plain[k]].lowerBound >= sentence {
                if amounts[plain[k]].label.includes("上年") { previous = previous ?? plain[k] } else { current = current ?? plain[k] }
                k -= 1
            }
            if current == nil, !change.subject.isEmpty {
                while indexed < p {
                    let label = amounts[plain[indexed]].label
                    lastByLabel[LabelKey(label)] = plain[indexed]
                    if label.includes("三公") { lastThreePublic = plain[indexed] }
                    indexed += 1
                }
                let sameSubject = lastByLabel[LabelKey(change.subject)]
                let threePublic = change.subject.includes("三公") ? lastThreePublic : nil
                current = [sameSubject, threePublic].compactMap { $0 }.max()
            }
            change.current = current.map { amounts[$0].amount }
            change.previous = previous.map { amounts[$0].amount }
            changes.append(change)
        }
        return changes
    }
}

/// A label as a key compared and hashed by its bytes: `String`'s own `==` and hash
/// normalise Chinese text first, for every look-up.
struct LabelKey: Hashable {
    let label: String

    init(_ label: String) { self.label = label }

    static func == (a: LabelKey, b: LabelKey) -> Bool { a.label.sameBytes(as: b.label) }

    func hash(into hasher: inout Hasher) { Spaces.hashBytes(of: label, into: &hasher) }
}
