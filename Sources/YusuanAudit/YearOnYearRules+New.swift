import Foundation
import YusuanModel

/// 新增 — what the explanation calls new had no budget last year.
///
/// Two ways of saying it are judged against the previous year the text itself implies
/// (this year's amount less the stated increase, plus the stated decrease):
///
/// - `2025 年预算数为 30.50 万元，比上年预算新增 20.00 万元`: the amount said to be new is
///   not the whole of this year's; last year had the rest (an error: the statement is
///   wrong, whichever figure is).
/// - `主要原因是新增城乡居民医疗保险`: a reason calling new an item (a 项 of 五（三）, an
///   income source, a 三公 item, anything stated with its change) whose own statement
///   shows a budget last year. A warning: the item is found by its name, and 新增 is
///   sometimes written for added money.
extension YearOnYearRules {
    static let newItem = Rule(
        "year-on-year.new-item", .yearOnYear, .error,
        zh: "说明称“新增”的项目、科目或“三公”经费上年没有预算：“比上年新增 X 万元”的 X 等于本年数；原因中称新增的事项，本文所述其上年已有预算时为警告",
        en: "What the text calls new (新增) had no budget last year: “比上年新增 X 万元” is the whole of this year's amount; a reason calling new an item whose own statement shows a budget last year is a warning")

    /// `15.19 万元，比上年预算新增 15.19 万元`. Groups: this year's amount, the amount said new.
    /// Scanned by hand (`PatternScanner.statedNew`), held to this pattern by its test.
    static let statedNew = StatementGrammarText.regex(
        StatementGrammar.amount + "\\s*[，,]?\\s*" + StatementGrammar.comparison + "[^0-9，。；,;]{0,8}?新增加?\\s*"
            + StatementGrammar.amount)

    /// A 项 of 五（三） with its change: `…（项）：2025 年预算数为 644.71 万元，比上年预算增加
    /// 27.14 万元`. Groups: 类, 款, 项, this year's amount, the change's word, its amount.
    /// Scanned by hand (`PatternScanner`: `AuditSection.itemChanges`), held to this pattern by its test.
    static let itemChange = StatementGrammarText.regex(
        TextRules.itemPatternText + "\\s*[，,]?\\s*" + StatementGrammar.comparison + "[^0-9，。；,;]{0,8}?"
            + StatementGrammar.changeWord + "\\s*" + StatementGrammar.amount)

    /// 上年有预算的事项 — an item the text states with its change, and last year's amount
    /// that change implies.
    struct Budgeted {
        var name: String
        var current: Amount
        var previous: Amount
    }

    static func newItems(_ sections: [AuditSection]) -> [Finding] {
        let saying = sections.filter { $0.joined.includes("新增") }
        guard !saying.isEmpty else { return [] }
        let items = sections.flatMap(budgeted)
        return saying.flatMap { statedNew($0) + reasonsNamingNew($0, items) }
    }

    /// Every item the sections state with its change, and its previous year.
    static func budgeted(_ s: AuditSection) -> [Budgeted] {
        var items: [Budgeted] = []
        for m in s.itemChanges {
            let name = s.string(m[3]), word = s.string(m[5])
            guard let current = s.amount(m[4]), let change = s.amount(m[6]) else { continue }
            let previous = StatementGrammar.isIncrease(word) ? current - change : current + change
            items.append(Budgeted(name: StatementGrammar.normalize(name), current: current, previous: previous))
        }
        // Anything else stated with its change: named by its subject, else by the label of
        // this year's amount (the last amount of that value before it).
        let plain = s.plainAmounts
        for c in s.statements.changes {
            guard let current = c.current else { continue }
            var name = c.subject
            if name.isEmpty {
                let line = c.source?.line ?? .max
                name = plain.last { $0.amount == current && ($0.source?.line ?? 0) <= line }?.label ?? ""
            }
            guard !name.isEmpty, !name.includes("预算数") else { continue }
            let previous = c.previous ?? (c.isIncrease ? current - c.amount : current + c.amount)
            items.append(Budgeted(name: name, current: current, previous: previous))
        }
        return items
    }

    /// `比上年新增 X 万元` of this year's C where C is more than X: last year had C − X.
    static func statedNew(_ s: AuditSection) -> [Finding] {
        PatternScanner(units: s.units).statedNew().compactMap { m in
            guard let current = s.amount(m[1]), let said = s.amount(m[2]), current > said else { return nil }
            let previous = current - said
            return Finding(
                rule: newItem,
                message: "称比上年新增 \(said) 万元，而本年为 \(current) 万元：上年已有 \(previous) 万元预算，不是新增",
                section: s.number, at: s.location(at: m[2].lowerBound), stated: said, expected: current,
                computation: "\(current) − \(said) = \(previous)（上年）")
        }
    }

    /// Whether a UTF-16 unit ends the name after 新增: ，。；：,.;:（(！？“”" (a switch on
    /// the unit: hashing one for a set costs more than the rest of the scan).
    static func endsName(_ u: UInt16) -> Bool {
        switch u {
        case 0xFF0C, 0x3002, 0xFF1B, 0xFF1A, 0x2C, 0x2E, 0x3B, 0x3A, 0xFF08, 0x28, 0xFF01, 0xFF1F, 0x201C, 0x201D, 0x22: true
        default: false
        }
    }

    /// 主要原因是新增 A、B: each name the text states elsewhere with a budget last year, and
    /// nowhere as new. One finding per 新增, at its line.
    static func reasonsNamingNew(_ s: AuditSection, _ items: [Budgeted]) -> [Finding] {
        let units = s.units
        let word = Array("新增".utf16)
        var findings: [Finding] = []
        // The items' names as scalars, made once for every name said new.
        lazy var itemNames = items.map { Array($0.name.unicodeScalars) }
        var i = 0
        while i + word.count <= units.count {
            guard units[i] == word[0], units[i + 1] == word[1] else { i += 1; continue }
            defer { i += word.count }
            var from = i + word.count
            // 新增加, 新增了: the words, not the name.
            while from < units.count, "加了的".utf16.contains(units[from]) { from += 1 }
            // The name, of the next 80 units, up to a mark or a digit.
            var end = from
            while end < min(units.count, from + 80), units[end] &- 0x30 >= 10, !endsName(units[end]) { end += 1 }  // nor an ASCII digit
            let phrase = String(decoding: units[from..<end], as: UTF16.self).unicodeScalars
            // An amount follows: `新增 X 万元` is `statedNew`'s.
            guard !String(phrase).unicodeScalars.allSatisfy(Spaces.isWhitespace) else { continue }
            for name in String(phrase).split(separator: "、").map(StatementGrammar.normalize) {
                let n = Array(name.unicodeScalars)
                let names = itemNames
                let named = items.indices.filter { within(n, names[$0]) }.map { items[$0] }
                guard let had = named.first, named.allSatisfy({ $0.previous > .zero }) else { continue }
                findings.append(Finding(
                    rule: newItem,
                    message: "称“新增\(name)”，而本文所述“\(had.name)”上年已有预算 \(had.previous) 万元（本年 \(had.current) 万元）",
                    severity: .warning,
                    section: s.number, at: s.location(at: i), expected: had.previous,
                    computation: "\(had.name)：本年 \(had.current)，按所述增减上年为 \(had.previous)"))
                break
            }
        }
        return findings
    }

    /// A name said within an item's name: its characters in order, in at most two runs of
    /// two or more (城乡居民医疗保险 in 财政对城乡居民基本医疗保险基金的补助), the name at
    /// least four characters long.
    static func within(_ name: String, _ item: String) -> Bool {
        within(Array(name.unicodeScalars), Array(item.unicodeScalars))
    }

    /// `within` on the names' scalars.
    static func within(_ n: [Unicode.Scalar], _ m: [Unicode.Scalar]) -> Bool {
        guard n.count >= 4, m.count >= n.count else { return false }
        // Either way the item holds the name's first and last characters: most items do not.
        guard m.contains(n[0]), m.contains(n[n.count - 1]) else { return false }
        func find(_ part: ArraySlice<Unicode.Scalar>, from start: Int) -> Int? {
            guard start + part.count <= m.count else { return nil }
            return (start...(m.count - part.count)).first { m[$0..<($0 + part.count)].elementsEqual(part) }
        }
        if find(n[...], from: 0) != nil { return true }
        for k in 2...(n.count - 2) {
            if let at = find(n[..<k], from: 0), find(n[k...], from: at + k) != nil { return true }
        }
        return false
    }
}
