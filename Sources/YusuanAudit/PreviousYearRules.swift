import YusuanModel

/// 跨年核对 — the previous-year figures a document's explanation implies, against
/// what the previous year's document of the same department stated.
///
/// A change "比上年增加 X 万元" on a current amount C implies last year's amount
/// C − X (C + X for a decrease). Last year's document stated that amount itself, in
/// the same section of its explanation. The two are paired by section number and by
/// subject, or, where the sentences name no subject, by their order in the section.
/// This rule set is not part of `Auditor.ruleSets`: it needs a second document, which
/// only a library has.
public enum PreviousYearRules {
    static let amount = Rule(
        "previous-year.amount", .previousYear, .warning,
        zh: "说明中由本年数和增减额推出的上年数，与上年公开文件同一部分所述的本年数一致（上年调整预算时可不同，需说明）",
        en: "The previous-year amount a change implies (this year's amount minus the increase, plus the decrease) equals the amount the previous year's document states in the same section; a comparison with an adjusted budget may differ but should say so")

    public static let rules = [amount]

    /// The findings on `current` from comparing it with `previous` (its department's
    /// document of the year before, named `previousDocument` in messages).
    public static func check(_ current: Disclosure, previous: Disclosure, previousDocument: String) -> [Finding] {
        guard previous.year == current.year - 1 else { return [] }
        let before = statedAmounts(previous)
        var findings: [Finding] = []
        for section in current.sections {
            for (key, change) in keyed(section) {
                guard let now = change.current, let stated = before[key] else { continue }
                let implied = change.isIncrease ? now - change.amount : now + change.amount
                guard implied != stated.amount else { continue }
                let where_ = stated.source.map { "第 \($0.line) 行" } ?? "第\(section.number)部分"
                findings.append(Finding(
                    rule: amount,
                    message: "本年 \(now) 万元\(change.changeWord) \(change.amount) 万元，推出上年 \(implied) 万元；\(previous.year) 年公开文件（\(previousDocument)\(where_)）所述为 \(stated.amount) 万元",
                    section: section.number, at: change.source, stated: implied, expected: stated.amount,
                    computation: change.isIncrease ? "\(now) − \(change.amount)" : "\(now) + \(change.amount)"))
            }
        }
        return findings
    }

    /// A change's place: its section and its subject, or its order among the section's changes.
    struct Key: Hashable {
        var section: String
        var subject: String
    }

    private static func keyed(_ section: ExplanationSection) -> [(Key, StatedChange)] {
        section.statements.changes.enumerated().map { n, change in
            let subject = change.subject.filter { !$0.isWhitespace && !$0.isNumber && $0 != "年" }
            return (Key(section: section.number, subject: subject.isEmpty ? "#\(n)" : subject), change)
        }
    }

    /// The current amount each of the previous document's changes was stated on.
    private static func statedAmounts(_ disclosure: Disclosure) -> [Key: (amount: Amount, source: SourceLocation?)] {
        var result: [Key: (amount: Amount, source: SourceLocation?)] = [:]
        for section in disclosure.sections {
            for (key, change) in keyed(section) {
                if let now = change.current, result[key] == nil { result[key] = (now, change.source) }
            }
        }
        return result
    }
}
