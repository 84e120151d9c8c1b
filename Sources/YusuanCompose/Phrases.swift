import Foundation
import YusuanModel

/// 措辞 — the small pieces of wording the explanation is built from, each computed
/// from exact amounts: shares, year-on-year changes, lists.
enum Phrases {
    /// `1,297.28` — amounts in the explanation keep two decimals and thousands separators.
    static func money(_ a: Amount) -> String {
        let plain = a.formatted(minimumDecimals: 2)
        let text = a.isZero ? "0.00" : plain
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        let parts = digits.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        return (negative ? "-" : "") + whole + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// `占 96.25%` of a total.
    static func share(_ part: Amount, of total: Amount) -> String {
        "占\(percent(part.percent(of: total) ?? .zero))"
    }

    /// 构成比例 — the shares of a list of parts that make up `total` (`占 62.50%`,
    /// …), rounded by largest remainder so that the printed shares add up to exactly
    /// 100.00%: each share is first cut to two decimals, then the hundredths still
    /// missing go to the shares with the largest remainders (the earlier one on a
    /// tie). Where the parts do not add up to the total (or one is negative), each
    /// share is rounded on its own.
    static func shares(_ parts: [Amount], of total: Amount) -> [String] {
        guard total.units > 0, parts.allSatisfy({ $0.units >= 0 }), Amount.checkedSum(parts) == total else {
            return parts.map { share($0, of: total) }
        }
        let divisor = UInt64(total.units)
        // Hundredths of a percent: part × 10000 / total, with the remainder kept.
        var cut: [(hundredths: UInt64, remainder: UInt64)] = parts.map { part in
            let (quotient, remainder) = divisor.dividingFullWidth(UInt64(part.units).multipliedFullWidth(by: 10_000))
            return (quotient, remainder)
        }
        let missing = 10_000 - cut.reduce(0) { $0 + $1.hundredths }
        let order = cut.indices.sorted { a, b in
            // Remainders compared as fractions of the same divisor.
            cut[a].remainder != cut[b].remainder ? cut[a].remainder > cut[b].remainder : a < b
        }
        for i in order.prefix(Int(missing)) { cut[i].hundredths += 1 }
        return cut.map { "占\(percent(Amount(units: Int64($0.hundredths) * 10_000)))" }
    }

    static func percent(_ p: Amount) -> String { (p.isZero ? "0.00" : p.formatted(minimumDecimals: 2)) + "%" }

    /// The change on last year: `比上年预算增加 27.42 万元，增长 9.16%`, the decrease
    /// likewise, `与上年预算持平` when equal; nil without a previous figure. Growth from
    /// nothing has no rate: it is 新增 (`比上年预算新增 30.50 万元（上年无此项预算）`).
    static func change(from previous: Amount?, to current: Amount) -> String? {
        guard let previous else { return nil }
        let difference = current - previous
        if difference.isZero { return "与上年预算持平" }
        if previous.isZero, difference.units > 0 { return "比上年预算新增 \(money(difference)) 万元（上年无此项预算）" }
        let rate: Amount = difference.magnitude.percent(of: previous) ?? .zero
        let verb = difference.units > 0 ? ("增加", "增长") : ("减少", "下降")
        return "比上年预算\(verb.0) \(money(difference.magnitude)) 万元，\(verb.1) \(percent(rate))"
    }

    /// The reason sentence, or a visible placeholder where the officer gave none.
    static func reason(_ text: String?) -> String {
        var text = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        while text.hasSuffix("。") || text.hasSuffix("；") { text.removeLast() }
        guard !text.isEmpty else { return "主要原因：\(placeholder)" }
        return "主要原因：\(text)"
    }

    /// The mark left where the officer still has to write something.
    static let placeholder = "【待填写原因】"

    /// 甲、乙、丙.
    static func list(_ items: [String]) -> String { items.joined(separator: "、") }
}
