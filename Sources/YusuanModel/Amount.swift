import Foundation

/// 金额 — an exact fixed-point decimal with four decimal places.
///
/// Budget documents print amounts in 万元 with two decimals (`1,297.28`); four
/// places keep a conversion from 元 exact (1 元 = 0.0001 万元). Percentages, counts and
/// indicator values use the same type, so every number Yusuan reads or computes is
/// exact: `Amount("0.1")! + Amount("0.2")! == Amount("0.3")!` always holds.
///
/// ```swift
/// let total = Amount("1,297.28")!          // thousands separators are accepted
/// total.description                        // "1297.28"
/// ```
public struct Amount: Hashable, Comparable, Sendable, AdditiveArithmetic {
    /// The value in units of 0.0001.
    public var units: Int64

    /// Units in one whole.
    public static let scale: Int64 = 10_000

    public init(units: Int64) { self.units = units }

    public init(_ whole: Int) { self.units = Int64(whole) * Self.scale }

    /// Parses a printed number: optional sign, digits with optional `,` or `，`
    /// thousands separators, an optional fraction of at most four digits.
    /// Returns nil for anything else (including more than four decimals).
    public init?(_ text: some StringProtocol) {
        var negative = false
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var sawDigit = false
        var inFraction = false
        var index = text.startIndex
        if index < text.endIndex, text[index] == "-" || text[index] == "+" {
            negative = text[index] == "-"
            index = text.index(after: index)
        }
        while index < text.endIndex {
            let c = text[index]
            if let d = c.wholeNumberValue, c.isASCII {
                sawDigit = true
                if inFraction {
                    fractionDigits += 1
                    if fractionDigits > 4 { return nil }
                    fraction = fraction * 10 + Int64(d)
                } else {
                    let (m, o1) = whole.multipliedReportingOverflow(by: 10)
                    let (s, o2) = m.addingReportingOverflow(Int64(d))
                    if o1 || o2 || s > Int64.max / Self.scale { return nil }
                    whole = s
                }
            } else if c == "." && !inFraction && sawDigit {
                inFraction = true
            } else if (c == "," || c == "，") && !inFraction && sawDigit {
                // thousands separator
            } else {
                return nil
            }
            index = text.index(after: index)
        }
        guard sawDigit, !(inFraction && fractionDigits == 0) else { return nil }
        for _ in fractionDigits..<4 { fraction *= 10 }
        let units = whole * Self.scale + fraction
        self.units = negative ? -units : units
    }

    public static let zero = Amount(units: 0)

    public static func + (a: Amount, b: Amount) -> Amount { Amount(units: a.units + b.units) }
    public static func - (a: Amount, b: Amount) -> Amount { Amount(units: a.units - b.units) }
    public static func < (a: Amount, b: Amount) -> Bool { a.units < b.units }
    public static prefix func - (a: Amount) -> Amount { Amount(units: -a.units) }

    public var isZero: Bool { units == 0 }
    public var magnitude: Amount { Amount(units: abs(units)) }

    /// The amount multiplied by a whole number.
    public func times(_ n: Int) -> Amount { Amount(units: units * Int64(n)) }

    /// Rounds half away from zero to `places` decimals (0…4).
    public func rounded(toPlaces places: Int) -> Amount {
        precondition((0...4).contains(places))
        var step: Int64 = 1
        for _ in places..<4 { step *= 10 }
        let q = units / step, r = units % step
        var result = q
        if abs(r) * 2 >= step { result += units < 0 ? -1 : 1 }
        return Amount(units: result * step)
    }

    /// `self / other × 100`, rounded half away from zero to two decimals: the way
    /// disclosures print shares and growth rates. Nil when `other` is zero.
    public func percent(of other: Amount) -> Amount? {
        guard other.units != 0 else { return nil }
        // units of the result (×10⁴) = self × 100 × 10⁴ / other, computed to one more
        // place than needed so that rounding to two decimals is exact.
        let numerator = Int64(self.units) * 1_000_000
        let exact = numerator / other.units
        let value = Amount(units: exact)
        return value.rounded(toPlaces: 2)
    }

    /// The plain decimal: no thousands separators, trailing zeros trimmed to at least
    /// two decimals, zero as `0`. `1297.28`, `4.50`, `90.00`, `0`, `0.0025`.
    public var description: String { formatted(minimumDecimals: 2) }

    /// The decimal with at least `minimumDecimals` decimals (zero prints as `0`).
    public func formatted(minimumDecimals: Int) -> String {
        if units == 0 { return "0" }
        let sign = units < 0 ? "-" : ""
        let a = abs(units)
        let whole = a / Self.scale
        var fraction = String(a % Self.scale)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.count > minimumDecimals, fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}

extension Amount: CustomStringConvertible {}

extension Amount: Codable {
    /// Encoded as a JSON number with the digits of `description` (no binary floating
    /// point is involved on the way out).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Decimal(string: description, locale: nil) ?? 0)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self), let value = Amount(text) {
            self = value
            return
        }
        let number = try container.decode(Decimal.self)
        guard let value = Amount(number.description) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an exact decimal: \(number)")
        }
        self = value
    }
}
