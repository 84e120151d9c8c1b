import Foundation
import YusuanModel

/// 项目测算 — arithmetic stated inside the project descriptions of section 七
/// (资金分配情况, with 补贴标准 for the rates it refers to).
///
/// - Allocations listed in 万元 (主要用于 A X 万元、B Y 万元…, 1、… 2、…, 其中：…) add
///   up to the project's 预算安排规模. A leading or trailing figure that restates the
///   total is set aside. Ceilings (不超过, 最高, 不足 …), changes (增加, 减少 …) and
///   rates (万元/月) are not allocations.
/// - Written formulas (`0.39 万元/月*12 月=4.68 万元`, `48万（40*0.19+32*1.22+20*0.06）元`)
///   evaluate to their printed result.
/// - A count and a rate stated together (`50300 人 … 180 元/人 … 905.40 万元`,
///   `6.00 万人，每人每年 7.37 元`) give the amount they precede, or the project's
///   amount when none follows. The relation is inferred from prose, so a mismatch is a
///   warning, and none is reported where the rounding of the printed count and rate
///   explains the difference.
/// - A figure printed in 元 where the arithmetic only holds in 万元 is reported as a
///   unit slip, with the arithmetic as printed.
public enum ProjectArithmeticRules: RuleSet {
    static let allocationSum = Rule(
        "project-arithmetic.allocation-sum", .projectArithmetic, .error,
        zh: "资金分配情况中列出的各项金额之和等于项目预算安排规模",
        en: "The amounts a project description allocates add up to the project's budget")
    static let formula = Rule(
        "project-arithmetic.formula", .projectArithmetic, .error,
        zh: "项目说明中写出的算式（如 单价×数量=金额）按所印数字成立",
        en: "A calculation written out in a project description (rate × quantity = amount) holds for the printed figures")
    static let countRate = Rule(
        "project-arithmetic.count-rate", .projectArithmetic, .warning,
        zh: "项目说明中的人数乘补助标准与所述金额相符（允许所印数字的舍入误差）",
        en: "A head count times a per-person rate in a project description gives the stated amount (within the rounding of the printed figures)")
    static let unitSlip = Rule(
        "project-arithmetic.unit-slip", .projectArithmetic, .warning,
        zh: "金额单位笔误：按所印单位（元）运算不成立，按万元才成立",
        en: "A unit slip: a figure printed in 元 where the arithmetic holds only if it is read as 万元")

    public static let rules = [allocationSum, formula, countRate, unitSlip]

    public static func check(_ context: AuditContext) -> [Finding] {
        let d = context.disclosure
        var findings: [Finding] = []
        for (p, allocation) in zip(d.facts.projects, context.allocations) {
            guard let allocation else { continue }
            let field = allocation.field
            let place = Place(project: p, field: field, section: PerformanceRules.section(containing: field.source?.line, in: d),
                              lines: context.lines)
            let text = field.text
            findings += formulas(text, place)
            if let amount = p.amount { findings += allocations(allocation.figures, amount: amount, text: text, place) }
            findings += countsAndRates(allocation.pairs, amount: p.amount, place)
        }
        return findings
    }

    /// 资金分配情况 — a described project's allocations as read: the field, its figures,
    /// and the counts and rates it computes with (with the rates of its 补贴标准 field,
    /// for counts stated without theirs). Read once an audit (`AuditContext.allocations`),
    /// for these rules and the performance rule that holds the counts and rates against
    /// the project's indicators; nil for a description without the field.
    struct Allocation: Sendable {
        var field: LabelledText
        var figures: [Figure]
        var pairs: [CountRate]

        init?(_ p: ProjectDescription) {
            guard let field = p.fields.first(where: { $0.label.includes("资金分配") }) else { return nil }
            self.field = field
            figures = scan(field.text)
            pairs = countRatePairs(figures, standard: standard(of: p))
        }
    }

    /// The rates a description's 补贴标准 field states.
    static func standard(of p: ProjectDescription) -> [Figure] {
        p.fields.first { $0.label.includes("补贴标准") }.map { scan($0.text).filter(\.isRate) } ?? []
    }

    /// Where a finding about one project's description is.
    struct Place {
        var project: ProjectDescription
        var field: LabelledText
        var section: String?
        /// The document's lines, to find the line a figure is printed on.
        var lines: [String]

        var title: String { "项目（\(project.ordinal)）\(project.name)" }

        func finding(_ rule: Rule, _ message: String, severity: Severity? = nil, near snippet: String? = nil,
                     stated: Amount?, expected: Amount?, computation: String) -> Finding {
            Finding(rule: rule, message: "\(title)：\(message)", severity: severity, column: field.label,
                    section: section ?? "七", at: snippet.flatMap(locate) ?? field.source ?? project.source,
                    stated: stated, expected: expected, computation: computation)
        }

        /// The line (from the field's first line on) that prints the snippet, or
        /// the longest start of it where the text breaks across lines.
        func locate(_ snippet: String) -> SourceLocation? {
            guard let first = field.source?.line, first >= 1, first <= lines.count else { return nil }
            let target = Array(snippet.filter { !$0.isWhitespace })
            let range = (first - 1)..<min(lines.count, first + 40)
            let compact = range.map { lines[$0].filter { !$0.isWhitespace } }
            for length in stride(from: target.count, through: min(4, target.count), by: -1) {
                let prefix = String(target.prefix(length))
                if let i = compact.firstIndex(where: { $0.includes(prefix) }) {
                    let line = range.lowerBound + i + 1
                    return SourceLocation(line: line, page: line == first ? field.source?.page : nil)
                }
            }
            return nil
        }
    }

    // MARK: figures in prose

    /// A number printed in prose with its unit.
    struct Figure {
        var value: Amount
        /// Digits after the decimal point as printed.
        var decimals: Int
        var printed: String
        /// 万元, 元, 万人, 人, 名, 人次, 万人次, 万, 月, … or empty.
        var unit: String
        /// What follows a `/` after the unit (元/人 → 人, 万元/月 → 月).
        var per: String?
        /// The characters before the number (up to eight) and after the figure (up to three).
        var before: String
        var after: String
        /// Offsets in the text, in bytes: the number's start, the figure's end.
        var start: Int
        var end: Int

        /// A factor of a product: `*` or `×` right after or before it (looked at by scalar:
        /// comparing Characters normalises them).
        var isFactor: Bool { Self.isTimes(after.unicodeScalars.first) || Self.isTimes(before.unicodeScalars.last) }
        static func isTimes(_ c: Unicode.Scalar?) -> Bool { c == "*" || c == "×" }
        // Units are compared as bytes: they are `units`' own strings, and `==` normalises Chinese
        // text. The unit first: it rules out most figures before the words around them are read.
        var isMoney: Bool { (unit.sameBytes(as: "万元") || unit.sameBytes(as: "元")) && per == nil && !isFactor && !isPerPerson && !isBound }
        var isPerPerson: Bool { Self.holds(before[...], anyOf: Self.perPersonWords) }
        var isRate: Bool {
            guard !isFactor else { return false }
            if unit.sameBytes(as: "元") || unit.sameBytes(as: "万元") {
                if let per { return per.begins(with: "人") || per.begins(with: "名") }
                return isPerPerson
            }
            return false
        }
        var isCount: Bool { per == nil && !isFactor && ["人", "名", "人次", "万人", "万人次"].contains { unit.sameBytes(as: $0) } }
        /// A ceiling, a floor or a change rather than an allocation.
        var isBound: Bool {
            Self.holds(before.suffix(6), anyOf: Self.boundWords) || ["以上", "以下", "以内"].contains { after.begins(with: $0) }
        }
        /// The words before a figure that make it a rate per head (`isPerPerson`) or a
        /// bound (`isBound`), as bytes: the predicates are asked of every figure, and each
        /// word searched as a `String` cost more than the rest of `Allocation`.
        static let perPersonWords = ["每人", "人均", "每名"].map { Array($0.utf8) }
        static let boundWords = ["不超过", "最高", "不足", "上限", "超过", "最低", "增加", "减少", "增长", "下降", "比上年", "高于", "低于"]
            .map { Array($0.utf8) }
        /// Whether the text holds any of the words, compared as bytes (`Spaces.search`).
        static func holds(_ text: Substring, anyOf words: [[UInt8]]) -> Bool {
            var text = text
            return text.withUTF8 { hay in words.contains { $0.withUnsafeBufferPointer { Spaces.search(hay, for: $0) } } }
        }
        /// The value in 万元 (money) as printed.
        var inWan: Amount { unit.sameBytes(as: "元") ? Amount(units: Self.divide(value.units, by: 10_000)) : value }
        /// Persons, in units of one person or of 10 000.
        var countIsWan: Bool { unit.begins(with: "万") }

        /// Rounded division (half away from zero).
        static func divide(_ a: Int64, by b: Int64) -> Int64 {
            let q = a / b, r = a % b
            return abs(r) * 2 >= b ? q + (a < 0 ? -1 : 1) : q
        }

        /// Half a unit in the last printed place (0 for a whole number: counts and
        /// standards printed whole are taken as exact).
        var slack: Double { decimals == 0 ? 0 : 0.5 * pow(10, -Double(decimals)) }
        var double: Double { Double(value.units) / Double(Amount.scale) }
    }

    static let units = ["万元", "万人次", "万人", "人次", "个月", "元", "人", "名", "万", "月", "次", "年", "天", "户", "%"]
    /// `units` as bytes, compared with the text's in place.
    static let unitBytes = units.map { Array($0.utf8) }
    /// The words that may follow a unit's `/` (元/人, 万元/月, 元/人/年), as bytes.
    static let perWords = ["人", "名", "月", "年", "次", "天", "户"].map { Array($0.utf8) }

    /// Every number in the text with the unit printed after it. Read on the text's bytes
    /// (digits, spaces and `/` are ASCII, and a unit's bytes match only where its first
    /// scalar starts): splitting Chinese text into Characters, or even into an array of
    /// scalars, cost more than the rest of the project rules. Offsets (`Figure.start`,
    /// `Figure.end`) count bytes; `before` and `after` are taken by scalar.
    static func scan(_ text: String) -> [Figure] {
        var text = text
        return text.withUTF8 { chars in
            func string(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: chars[range]), as: UTF8.self)
            }
            func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }
            func isLetter(_ c: UInt8) -> Bool { (c | 0x20) &- UInt8(ascii: "a") < 26 }
            func matches(_ word: [UInt8], at k: Int) -> Bool { word.withUnsafeBufferPointer { Spaces.equal(chars, $0, at: k) } }
            /// Whether a byte starts a scalar (is no continuation byte).
            func starts(_ c: UInt8) -> Bool { c & 0xC0 != 0x80 }
            let space = UInt8(ascii: " ")
            var figures: [Figure] = []
            var i = 0
            while i < chars.count {
                // A scalar before a digit is a digit, `.` or a letter only if it is that ASCII byte.
                guard isDigit(chars[i]), i == 0
                        || !(isDigit(chars[i - 1]) || chars[i - 1] == UInt8(ascii: ".") || isLetter(chars[i - 1])) else {
                    i += 1
                    continue
                }
                let start = i
                var j = i
                while j < chars.count, isDigit(chars[j]) || chars[j] == UInt8(ascii: ".") || chars[j] == UInt8(ascii: ",") { j += 1 }
                while j > start, chars[j - 1] == UInt8(ascii: ".") || chars[j - 1] == UInt8(ascii: ",") { j -= 1 }
                let digits = string(start..<j)
                guard let value = Amount(digits) else { i = j + 1; continue }
                let decimals = digits.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
                var k = j
                while k < chars.count, chars[k] == space { k += 1 }
                var unit = ""
                for (u, bytes) in zip(units, unitBytes) where matches(bytes, at: k) {
                    unit = u
                    k += bytes.count
                    break
                }
                var end = unit.isEmpty ? j : k
                var per: String?
                if !unit.isEmpty {
                    var m = k
                    while m < chars.count, chars[m] == space { m += 1 }
                    if m < chars.count, chars[m] == UInt8(ascii: "/") {
                        var n = m + 1
                        while n < chars.count {
                            if chars[n] == UInt8(ascii: "/") {
                                n += 1
                            } else if let word = perWords.first(where: { matches($0, at: n) }) {
                                n += word.count
                            } else {
                                break
                            }
                        }
                        if n > m + 1 { per = string((m + 1)..<n); end = n }
                    }
                }
                // Three scalars after the figure, eight before the number, past the spaces.
                var a = end
                while a < chars.count, chars[a] == space { a += 1 }
                var afterEnd = a, count = 0
                while afterEnd < chars.count, count < 3 {
                    afterEnd += 1
                    while afterEnd < chars.count, !starts(chars[afterEnd]) { afterEnd += 1 }
                    count += 1
                }
                var b = start
                while b > 0, chars[b - 1] == space { b -= 1 }
                var beforeStart = b
                count = 0
                while beforeStart > 0, count < 8 {
                    beforeStart -= 1
                    while beforeStart > 0, !starts(chars[beforeStart]) { beforeStart -= 1 }
                    count += 1
                }
                figures.append(Figure(
                    value: value, decimals: decimals, printed: digits, unit: unit, per: per,
                    before: string(beforeStart..<b), after: string(a..<afterEnd), start: start, end: end))
                i = max(end, j)
            }
            return figures
        }
    }

    /// `a × b` exactly where six decimals hold it, rounded otherwise.
    static func multiply(_ a: Amount, _ b: Amount) -> Amount {
        let (p, overflow) = a.units.multipliedReportingOverflow(by: b.units)
        if !overflow { return Amount(units: Figure.divide(p, by: Amount.scale)) }
        return Amount(units: Int64((Double(a.units) * Double(b.units) / Double(Amount.scale)).rounded()))
    }

    static func real(_ a: Amount) -> Double { Double(a.units) / Double(Amount.scale) }

    static func exact(_ a: Amount) -> String { a.formatted(minimumDecimals: 0) }

    // MARK: allocations

    static func allocations(_ figures: [Figure], amount: Amount, text: String, _ place: Place) -> [Finding] {
        var items = figures.filter(\.isMoney)
        // Figures read from input: a list whose sum does not fit is not judged.
        guard items.filter({ $0.unit.sameBytes(as: "万元") }).count >= 2, Amount.checkedSum(items.map(\.value)) != nil else { return [] }
        func sum(_ list: some Collection<Figure>) -> Amount { list.map(\.inWan).reduce(.zero, +) }
        if items.count >= 3, items[0].unit.sameBytes(as: "万元"), items[0].value == amount || items[0].value == sum(items.dropFirst()) {
            items.removeFirst()
        } else if items.count >= 3, let last = items.last, last.unit.sameBytes(as: "万元"),
                  last.value == amount || last.value == sum(items.dropLast()) {
            items.removeLast()
        }
        guard items.count >= 2 else { return [] }
        let printed = sum(items)
        guard printed != amount else { return [] }
        let computation = items.map { $0.unit.sameBytes(as: "元") ? "\(wanText($0))（\($0.printed) 元）" : $0.printed }
            .joined(separator: " + ") + " = \(exactSum(items))"
        let slips = items.filter { $0.unit.sameBytes(as: "元") }
        if !slips.isEmpty {
            let readAsWan = items.map(\.value).reduce(.zero, +)
            if readAsWan == amount {
                let names = slips.map { "\($0.printed) 元" }.joined(separator: "、")
                // Stated: the first slipped figure as printed (in 万元); expected: it corrected.
                return [place.finding(
                    unitSlip,
                    "\(slips.map { "\($0.printed) 元应为 \($0.printed) 万元" }.joined(separator: "、"))；资金分配所列金额中 \(names) 以“元”印出，按所印单位合计 \(exactSum(items)) 万元 ≠ 预算安排规模 \(amount) 万元，按万元读才等于 \(amount)",
                    near: "\(slips[0].printed)元", stated: slips[0].inWan, expected: slips[0].value, computation: computation)]
            }
        }
        guard let (difference, judged) = SumCheck.judge(total: amount, parts: items.map(\.inWan)) else { return [] }
        var severity = judged
        let utf8 = text.utf8
        let tail = text[utf8.index(utf8.startIndex, offsetBy: min(items.last!.end, utf8.count))...]
            .trimmingCharacters(in: .whitespaces)
        if tail.begins(with: "等") && difference > .zero { severity = .info }   // 等: the list may be incomplete
        return [place.finding(
            allocationSum,
            "资金分配所列金额合计 \(exactSum(items)) 万元 ≠ 预算安排规模 \(amount) 万元（差 \(difference)）",
            severity: severity, stated: amount, expected: printed, computation: computation)]
    }

    /// A 元 figure in 万元, every digit kept (6.08 元 = 0.000608 万元).
    static func wanText(_ f: Figure) -> String {
        guard f.unit.sameBytes(as: "元") else { return f.printed }
        let d = Decimal(string: f.printed) ?? 0
        return "\(d / 10_000)"
    }

    /// The sum in 万元 with every digit of 元 figures kept (6.08 元 = 0.000608 万元).
    static func exactSum(_ items: [Figure]) -> String {
        let total = items.reduce(Decimal(0)) { $0 + (Decimal(string: wanText($1)) ?? 0) }
        return "\(total)"
    }

    // MARK: written formulas


    static func decimals(_ s: Substring) -> Int { s.split(separator: ".").dropFirst().first?.count ?? 0 }
    static func slack(_ s: Substring) -> Double { decimals(s) == 0 ? 0 : 0.5 * pow(10, -Double(decimals(s))) }

    /// `a 元/人 × b 人 = c 万元` and `c 万元（a × b + …）`, with ICU's engine
    /// (`NSRegularExpression`): Swift's `Regex` was the audit's slowest part here.
    static let productFormula = StatementGrammarText.regex(#"([0-9]+(?:\.[0-9]+)?)\s*(万元|元)?(?:\s*/\s*[月人年次天])?\s*[*×]\s*([0-9]+(?:\.[0-9]+)?)\s*(?:个月|月|人|次|年|名|天)?\s*[=＝]\s*([0-9]+(?:\.[0-9]+)?)\s*(万元|元)"#)
    static let bracketFormula = StatementGrammarText.regex(#"([0-9]+(?:\.[0-9]+)?)\s*(万元|万)?\s*[（(]\s*([0-9]+(?:\.[0-9]+)?\s*[*×]\s*[0-9]+(?:\.[0-9]+)?(?:\s*[+＋]\s*[0-9]+(?:\.[0-9]+)?\s*[*×]\s*[0-9]+(?:\.[0-9]+)?)*)\s*[）)]\s*(万元|元)?"#)

    static func formulas(_ text: String, _ place: Place) -> [Finding] {
        // Both formulas multiply; most texts hold no sign of it, and the regex engine is slow.
        guard text.includes("×") || text.includes("*") else { return [] }
        let all = NSRange(location: 0, length: text.utf16.count)
        func group(_ m: NSTextCheckingResult, _ i: Int) -> Substring? { Range(m.range(at: i), in: text).map { text[$0] } }
        var findings: [Finding] = []
        // A product states its result after `=`.
        let products = text.includes("=") || text.includes("＝") ? productFormula.matches(in: text, range: all) : []
        for m in products {
            guard let matched = group(m, 0), let a = group(m, 1), let b = group(m, 3), let c = group(m, 4),
                  let unitC = group(m, 5) else { continue }
            let unitA = group(m, 2)
            guard let x = Amount(a), let y = Amount(b), let result = Amount(c) else { continue }
            let product = multiply(x, y)
            let aInYuan = unitA == "元", cInWan = unitC == "万元"
            let asPrinted = aInYuan && cInWan ? Amount(units: Figure.divide(product.units, by: 10_000)) : product
            guard asPrinted != result else { continue }
            let shown = String(matched)
            if product == result && aInYuan && cInWan {
                findings.append(place.finding(
                    unitSlip,
                    "\(a) 元应为 \(a) 万元；算式“\(shown)”中 \(a) 以“元”印出，\(a) 元 × \(b) = \(exact(product)) 元，而结果写作 \(c) 万元",
                    near: shown, stated: Amount(units: Figure.divide(x.units, by: 10_000)), expected: x,
                    computation: "\(a) 元 × \(b) = \(exact(product)) 元 = \(Decimal(string: exact(product))! / 10_000) 万元"))
                continue
            }
            let lo = (real(x) - slack(a)) * (real(y) - slack(b)), hi = (real(x) + slack(a)) * (real(y) + slack(b))
            let scale = aInYuan && cInWan ? 1.0 / 10_000 : 1
            let r = real(result)
            let within = r >= lo * scale - 0.005 && r <= hi * scale + 0.005
            findings.append(place.finding(
                formula, "算式“\(shown)”按所印数字得 \(exact(asPrinted))，不是 \(c)" + (within ? "（在所印数字的舍入范围内）" : ""),
                severity: within ? .warning : nil, near: shown, stated: result, expected: asPrinted,
                computation: "\(a) × \(b) = \(exact(product))"))
        }
        // A bracketed formula opens a bracket.
        let brackets = text.includes("（") || text.includes("(") ? bracketFormula.matches(in: text, range: all) : []
        for m in brackets {
            guard let whole = group(m, 0), let r = group(m, 1), let expression = group(m, 3) else { continue }
            guard let result = Amount(r) else { continue }
            var total = Amount.zero, lo = 0.0, hi = 0.0
            var terms: [String] = []
            for term in expression.split(whereSeparator: { $0 == "+" || $0 == "＋" }) {
                let factors = term.split(whereSeparator: { $0 == "*" || $0 == "×" }).map { $0.trimmingCharacters(in: .whitespaces) }
                guard factors.count == 2, let x = Amount(factors[0]), let y = Amount(factors[1]) else { return findings }
                let sx = slack(Substring(factors[0])), sy = slack(Substring(factors[1]))
                total = total + multiply(x, y)
                lo += (real(x) - sx) * (real(y) - sy)
                hi += (real(x) + sx) * (real(y) + sy)
                terms.append("\(factors[0]) × \(factors[1])")
            }
            guard total != result else { continue }
            let within = real(result) >= lo - 0.005 && real(result) <= hi + 0.005
            findings.append(place.finding(
                formula, "算式“\(whole)”：\(terms.joined(separator: " + ")) = \(exact(total))，不是 \(r)"
                    + (within ? "（在所印数字的舍入范围内）" : ""),
                severity: within ? .warning : nil, near: String(whole), stated: result, expected: total,
                computation: terms.joined(separator: " + ") + " = \(exact(total))"))
        }
        return findings
    }

    // MARK: counts and rates

    /// A head count and the rate per head the description multiplies it by, and the
    /// amount in 万元 it gives (nil: the project's whole amount).
    typealias CountRate = (count: Figure, rate: Figure, target: Figure?)

    /// The counts and rates of a description's 资金分配情况 (and its 补贴标准 field, for
    /// counts stated without their rate), read once into `Allocation`.
    static func countRatePairs(_ figures: [Figure], standard: [Figure]) -> [CountRate] {
        // Segments end at each amount in 万元 (an allocation or a result).
        var segments: [(figures: [Figure], target: Figure?)] = []
        var current: [Figure] = []
        for f in figures {
            if f.unit.sameBytes(as: "万元") && f.isMoney {
                segments.append((current, f))
                current = []
            } else {
                current.append(f)
            }
        }
        segments.append((current, nil))
        var pairs: [CountRate] = []
        var pending: [(count: Figure, target: Figure?)] = []
        for (list, target) in segments {
            var counts: [Figure] = []
            for c in list where c.isCount && !counts.contains(where: { $0.value == c.value && $0.unit.sameBytes(as: c.unit) }) { counts.append(c) }
            let rates = list.filter(\.isRate)
            guard counts.count == 1 else { continue }
            if rates.count == 1 { pairs.append((counts[0], rates[0], target)) }
            else if rates.isEmpty { pending.append((counts[0], target)) }
        }
        if !pending.isEmpty, pending.count == standard.count {
            for (p, rate) in zip(pending, standard) { pairs.append((p.count, rate, p.target)) }
        }
        return pairs
    }

    static func countsAndRates(_ pairs: [CountRate], amount: Amount?, _ place: Place) -> [Finding] {
        var findings: [Finding] = []
        for (count, rate, target) in pairs {
            guard let stated = target?.value ?? amount else { continue }
            // count in 人 × 元/人 = 元; ÷10 000 for 万元. A count in 万人 or a rate in 万元 shifts by 10 000.
            var shift = 0
            if count.countIsWan { shift += 1 }
            if rate.unit.sameBytes(as: "万元") { shift += 1 }
            let product = multiply(count.value, rate.value)
            let wan: Amount = shift == 0 ? Amount(units: Figure.divide(product.units, by: 10_000))
                : shift == 1 ? product : product.times(10_000)
            guard wan != stated else { continue }
            let factor = shift == 0 ? 1.0 / 10_000 : shift == 1 ? 1 : 10_000
            let lo = (count.double - count.slack) * (rate.double - rate.slack) * factor
            let hi = (count.double + count.slack) * (rate.double + rate.slack) * factor
            guard real(stated) < lo - 0.005 || real(stated) > hi + 0.005 else { continue }
            let c = "\(count.printed) \(count.unit)", r = "\(rate.printed) \(rate.unit)/\(rate.per ?? "人")"
            let steps = shift == 0 ? "\(c) × \(r) = \(exact(product)) 元 = \(exact(wan)) 万元" : "\(c) × \(r) = \(exact(wan)) 万元"
            let of = target == nil ? "预算安排规模" : "所述金额"
            findings.append(place.finding(
                countRate, "\(c) × \(r) = \(exact(wan)) 万元 ≠ \(of) \(stated) 万元（差 \(stated - wan)）",
                near: target.map { "\($0.printed)万元" } ?? "\(count.printed)\(count.unit)", stated: stated, expected: wan, computation: steps))
        }
        return findings
    }
}

