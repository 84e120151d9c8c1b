import Foundation
import YusuanModel

/// 统计图 — a numbered chart of the explanation (图1, 图2, …): a few named amounts
/// as bars, last year's beside this year's where the explanation states the
/// change, with a title, the unit and a source line. It is printed after the
/// section whose text it draws.
///
/// Three are drawn where a document has what they need: 收入预算按来源 after 二
/// (table 2's 总计 by source), 基本支出与项目支出 after 三 (table 3's 总计), and
/// 一般公共预算当年拨款按功能分类（类） after 五 (table 5's 类 rows). This year's
/// amounts are the table's; last year's are this year's less the change the
/// section states (`比上年预算增加 X 万元`), and are left out where it states none.
public struct Chart: Sendable, Hashable {
    /// 图 N: the charts are numbered through the document.
    public var number: Int
    public var title: String
    /// 资料来源 — the table the amounts come from, and the section for last year's.
    public var source: String
    /// 金额单位 (万元).
    public var unit: String
    /// The section of the explanation (二, 三, 五) the chart follows.
    public var section: String
    /// 图例 — the series, each bar's values in this order: `上年`, `本年`, or `本年` alone.
    public var series: [String]
    public var bars: [Bar]

    /// One category: its label and one amount a series (nil where the series has none).
    public struct Bar: Sendable, Hashable {
        public var label: String
        public var values: [Amount?]
    }

    /// `图1 2025年收入预算按来源`.
    public var caption: String { "图\(number) \(title)" }

    /// The largest amount drawn, the full length of a bar.
    public var largest: Amount { bars.flatMap(\.values).compactMap { $0 }.max() ?? .zero }

    /// `part / whole` as a fraction for drawing (exact amounts in, one division out).
    public static func fraction(_ part: Amount, of whole: Amount) -> Double {
        whole.units == 0 ? 0 : Double(part.units) / Double(whole.units)
    }
}

/// Builds a document's charts.
enum Charts {
    static let previousYear = "上年", thisYear = "本年"

    /// The charts of a document, in section order and numbered so.
    static func charts(_ d: Disclosure) -> [Chart] {
        let drafts = [income(d), spending(d), byClass(d)].compactMap { $0 }
        return drafts.enumerated().map { i, chart in
            var numbered = chart
            numbered.number = i + 1
            return numbered
        }
    }

    /// 收入预算按来源: each source of table 2's 总计 row that holds an amount.
    static func income(_ d: Disclosure) -> Chart? {
        guard let t = d.table(.income), let total = t.rows.first(where: { $0.role == .total }) else { return nil }
        let subtotals: Set<ColumnKey> = [.total, .grandTotal, .appropriationSubtotal]
        let parts = t.columns.enumerated().compactMap { c, key -> (String, Amount)? in
            guard !subtotals.contains(key), let value = total.cells[c]?.value, !value.isZero else { return nil }
            return (key.rawValue, value)
        }
        return chart(d, section: "二", title: "\(d.year)年收入预算按来源", table: t, parts: parts)
    }

    /// 基本支出与项目支出: table 3's 总计 row.
    static func spending(_ d: Disclosure) -> Chart? {
        guard let t = d.table(.expenditure), let total = t.rows.first(where: { $0.role == .total }) else { return nil }
        let parts = [ColumnKey.basic, .project].compactMap { key -> (String, Amount)? in
            guard let c = t.columnIndex(key) else { return nil }
            return (key.rawValue, total.cells[c]?.value ?? .zero)
        }
        return chart(d, section: "三", title: "\(d.year)年基本支出与项目支出", table: t, parts: parts)
    }

    /// 一般公共预算当年拨款按功能分类（类）: table 5's 类 rows; last year's from the
    /// 项 that section 五 lists under each 类, where they add up to the 类 (to the cent
    /// an item).
    static func byClass(_ d: Disclosure) -> Chart? {
        guard let t = d.table(.generalPublic), let c = t.columnIndex(.total) else { return nil }
        let classes = t.rows.filter { $0.role == .classLevel }
        guard !classes.isEmpty else { return nil }
        let items = d.sections.first { $0.number == "五" }.map { StatedItems.read($0.text) } ?? []
        let bars = classes.map { row -> Chart.Bar in
            let current = row.cells[c]?.value ?? .zero
            let name = StatementGrammar.normalize(row.name)
            let stated = items.filter { $0.className == name }
            let sum = stated.reduce(Amount.zero) { $0 + $1.current }
            // The 项 cover the 类 where they add up to it, each allowed a cent of rounding
            // (1.59 + 30.38 + 15.19 printed for a 类 of 47.17); last year is then this
            // year less their changes.
            let rounding = Amount(units: Amount.step(places: 2).units * Int64(stated.count))
            let covers = !stated.isEmpty && (sum - current).magnitude <= rounding
            let change = stated.reduce(Amount.zero) { $0 + ($1.current - $1.previous) }
            let previous = covers ? current - change : nil
            return Chart.Bar(label: row.name, values: [previous, current])
        }
        let withPrevious = bars.contains { $0.values[0] != nil }
        return Chart(number: 0, title: "\(d.year)年一般公共预算当年拨款按功能分类（类）",
                     source: "资料来源：表5 \(t.title)" + (withPrevious ? "；上年数据据第三部分五所述各项比上年增减推算" : ""),
                     unit: d.unit, section: "五", series: withPrevious ? [Charts.previousYear, Charts.thisYear] : [Charts.thisYear],
                     bars: withPrevious ? bars : bars.map { Chart.Bar(label: $0.label, values: [$0.values[1]]) })
    }

    /// A chart of this year's `parts`, with last year's where the section states the
    /// change of an amount equal to this year's.
    private static func chart(_ d: Disclosure, section: String, title: String, table: BudgetTable,
                              parts: [(String, Amount)]) -> Chart? {
        guard !parts.isEmpty else { return nil }
        let stated = d.sections.first { $0.number == section }
        let changes = stated?.statements.changes ?? []
        let text = stated?.text ?? ""
        let previous = parts.map { _, amount -> Amount? in
            guard let change = changes.first(where: { $0.current == amount }) else {
                // 新增 — the whole amount is new: last year had none.
                return isNew(amount, in: text) ? .zero : nil
            }
            return change.previous ?? (change.isIncrease ? amount - change.amount : amount + change.amount)
        }
        let withPrevious = previous.contains { $0 != nil }
        let bars = zip(parts, previous).map { part, last in
            Chart.Bar(label: part.0, values: withPrevious ? [last, part.1] : [part.1])
        }
        return Chart(number: 0, title: title,
                     source: "资料来源：表\(table.kind.rawValue) \(table.title)"
                        + (withPrevious ? "；上年数据据第三部分\(section)所述比上年增减推算" : ""),
                     unit: d.unit, section: section,
                     series: withPrevious ? [Charts.previousYear, Charts.thisYear] : [Charts.thisYear], bars: bars)
    }
}

extension Charts {
    /// Whether the text states `amount` and, in the same sentence, that all of it is
    /// new (`… 9.60 万元，…比上年预算新增 9.60 万元`).
    static func isNew(_ amount: Amount, in text: String) -> Bool {
        for printed in Set([amount.printed, amount.published]) {
            var rest = Substring(text)
            while let found = rest.range(of: printed + " 万元") ?? rest.range(of: printed + "万元") {
                let sentence = rest[found.upperBound...].prefix { $0 != "。" }
                if let new = sentence.range(of: "新增") {
                    let after = sentence[new.upperBound...].drop { $0 == " " }
                    if after.hasPrefix(printed) { return true }
                }
                rest = rest[found.upperBound...]
            }
        }
        return false
    }
}

/// 分项陈述 — the 项 that section 五 lists (`1、卫生健康支出（类）医疗保障管理事务（款）
/// 行政运行（项）：2025年预算数为 X 万元，比上年预算增加 Y 万元`), each with its 类's
/// name, this year's amount and last year's.
struct StatedItems {
    var className: String
    var current: Amount
    var previous: Amount

    nonisolated(unsafe) static let pattern = try! Regex(
        "([^。，；：:、0-9]+?)\\s*[（(]\\s*类\\s*[）)][^。；]*?[（(]\\s*项\\s*[）)]\\s*[：:]?[^。；]*?预算数?为\\s*([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*万\\s*元\\s*[，,]?\\s*比上年预?算?(增加|减少|新增|持平)\\s*([0-9][0-9,]*(?:\\.[0-9]+)?)?")

    static func read(_ text: String) -> [StatedItems] {
        text.matches(of: pattern).compactMap { m in
            guard let name = m.output[1].substring, let number = m.output[2].substring,
                  let current = Amount(String(number).replacingOccurrences(of: ",", with: "")),
                  let word = m.output[3].substring else { return nil }
            let change = m.output[4].substring.flatMap { Amount(String($0).replacingOccurrences(of: ",", with: "")) } ?? .zero
            let previous = word == "增加" || word == "新增" ? current - change : current + change
            return StatedItems(className: StatementGrammar.normalize(name), current: current, previous: previous)
        }
    }
}
