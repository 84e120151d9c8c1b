import Foundation

/// 金额 — an exact fixed-point decimal with six decimal places.
///
/// Budget documents print amounts in 万元 with two decimals (`1,297.28`) or in 元
/// to the fen (`31,214,205.80`); six places keep the conversion from 元 exact
/// (0.01 元 = 0.000001 万元, so `31,214,205.80` 元 is `3121.42058` 万元). Percentages, counts and
/// indicator values use the same type, so every number Yusuan reads or computes is
/// exact: `Amount("0.1")! + Amount("0.2")! == Amount("0.3")!` always holds.
///
/// ```swift
/// let total = Amount("1,297.28")!          // thousands separators are accepted
/// total.description                        // "1297.28"
/// ```
public struct Amount: Hashable, Comparable, Sendable, AdditiveArithmetic {
    /// The value in units of 0.000001.
    public var units: Int64

    /// Decimal places held.
    public static let places = 6
    /// Units in one whole.
    public static let scale: Int64 = 1_000_000

    public init(units: Int64) { self.units = units }

    public init(_ whole: Int) { self.units = Int64(whole) * Self.scale }

    /// Parses a printed number: optional sign, digits with optional `,` or `，`
    /// thousands separators, an optional fraction of at most six digits.
    /// Returns nil for anything else (including more than six decimals, or a
    /// number too large to hold). Read on UTF-8 bytes (every printed value of a
    /// document passes here); inlinable, so that callers parse substrings without
    /// going through the generic witness tables.
    @inlinable
    public init?(_ text: some StringProtocol) { self.init(utf8: text.utf8) }

    /// Parses a printed number from its UTF-8 bytes (see `init(_:)`).
    @inlinable
    public init?(utf8: some Sequence<UInt8>) {
        var negative = false
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var sawDigit = false
        var inFraction = false
        var bytes = utf8.makeIterator()
        var first = true
        while let byte = bytes.next() {
            defer { first = false }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                let d = Int64(byte - UInt8(ascii: "0"))
                if inFraction {
                    fractionDigits += 1
                    if fractionDigits > Self.places { return nil }
                    fraction = fraction * 10 + d
                } else {
                    let (m, o1) = whole.multipliedReportingOverflow(by: 10)
                    let (s, o2) = m.addingReportingOverflow(d)
                    if o1 || o2 || s > Int64.max / Self.scale { return nil }
                    whole = s
                }
            case UInt8(ascii: "-") where first: negative = true
            case UInt8(ascii: "+") where first: break
            case UInt8(ascii: "."):
                guard !inFraction && sawDigit else { return nil }
                inFraction = true
            case UInt8(ascii: ","):
                // thousands separator
                guard !inFraction && sawDigit else { return nil }
            case 0xEF:
                // ， (U+FF0C, EF BC 8C), a thousands separator too.
                guard bytes.next() == 0xBC, bytes.next() == 0x8C, !inFraction && sawDigit else { return nil }
            default:
                return nil
            }
        }
        guard sawDigit, !(inFraction && fractionDigits == 0) else { return nil }
        for _ in fractionDigits..<Self.places { fraction *= 10 }
        // `whole` is at most Int64.max / scale, but its fraction can still pass Int64.max.
        let (units, overflow) = (whole * Self.scale).addingReportingOverflow(fraction)
        if overflow { return nil }
        self.init(units: negative ? -units : units)
    }

    public static let zero = Amount(units: 0)

    public static func + (a: Amount, b: Amount) -> Amount { Amount(units: a.units + b.units) }
    public static func - (a: Amount, b: Amount) -> Amount { Amount(units: a.units - b.units) }
    public static func < (a: Amount, b: Amount) -> Bool { a.units < b.units }
    public static prefix func - (a: Amount) -> Amount { Amount(units: -a.units) }

    /// `a + b`, and whether it overflowed (then the sum is wrapped and not to be used):
    /// for adding amounts that come from input, where a trap is not an answer.
    public func addingReportingOverflow(_ other: Amount) -> (partialValue: Amount, overflow: Bool) {
        let (sum, overflow) = units.addingReportingOverflow(other.units)
        return (Amount(units: sum), overflow)
    }

    /// `a - b`, and whether it overflowed.
    public func subtractingReportingOverflow(_ other: Amount) -> (partialValue: Amount, overflow: Bool) {
        let (difference, overflow) = units.subtractingReportingOverflow(other.units)
        return (Amount(units: difference), overflow)
    }

    /// The amount times a whole number, and whether it overflowed.
    public func multipliedReportingOverflow(by n: Int) -> (partialValue: Amount, overflow: Bool) {
        let (product, overflow) = units.multipliedReportingOverflow(by: Int64(n))
        return (Amount(units: product), overflow)
    }

    /// The sum of `amounts`, or nil when it does not fit.
    public static func checkedSum(_ amounts: some Sequence<Amount>) -> Amount? {
        var total = Amount.zero
        for amount in amounts {
            let (sum, overflow) = total.addingReportingOverflow(amount)
            if overflow { return nil }
            total = sum
        }
        return total
    }

    public var isZero: Bool { units == 0 }
    public var magnitude: Amount { Amount(units: abs(units)) }

    /// The amount multiplied by a whole number.
    public func times(_ n: Int) -> Amount { Amount(units: units * Int64(n)) }

    /// One unit in the last of `places` decimals: `step(places: 2)` is 0.01.
    public static func step(places: Int) -> Amount {
        precondition((0...Self.places).contains(places))
        var units: Int64 = 1
        for _ in places..<Self.places { units *= 10 }
        return Amount(units: units)
    }

    /// Half a unit in the last of `places` decimals: the most a value rounded to
    /// `places` can differ from the exact one (0.005 at two places).
    public static func halfStep(places: Int) -> Amount { Amount(units: step(places: places).units / 2) }

    /// Rounds half away from zero to `places` decimals (0…6).
    public func rounded(toPlaces places: Int) -> Amount {
        let step = Self.step(places: places).units
        let q = units / step, r = units % step
        var result = q
        if abs(r) * 2 >= step { result += units < 0 ? -1 : 1 }
        // Within a step of the largest amount, rounding away would not fit: keep the truncation.
        let (rounded, overflow) = result.multipliedReportingOverflow(by: step)
        return Amount(units: overflow ? q * step : rounded)
    }

    /// `self / other × 100`, rounded half away from zero to `places` decimals (two by
    /// default): the way disclosures print shares and growth rates. Nil when `other`
    /// is zero or the result is too large to hold. Computed exactly in 128 bits, so
    /// no amount a document can print overflows it.
    public func percent(of other: Amount, places: Int = 2) -> Amount? {
        guard other.units != 0 else { return nil }
        let divisor = other.units.magnitude
        let product = units.magnitude.multipliedFullWidth(by: UInt64(100 * Self.scale))
        guard product.high < divisor else { return nil }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        // Round at the sixth place with the remainder, then to `places`.
        var exact = quotient
        if places == Self.places, remainder >= divisor - remainder {
            exact += 1
        }
        guard exact <= UInt64(Int64.max) else { return nil }
        let negative = (units < 0) != (other.units < 0)
        let value = Amount(units: negative ? -Int64(exact) : Int64(exact))
        return places == Self.places ? value : value.rounded(toPlaces: places)
    }

    /// The plain decimal: no thousands separators, trailing zeros trimmed to at least
    /// two decimals, zero as `0`. `1297.28`, `4.50`, `90.00`, `0`, `0.0025`.
    public var description: String { formatted(minimumDecimals: 2) }

    /// The decimal with at least `minimumDecimals` decimals (zero prints as `0`).
    public func formatted(minimumDecimals: Int) -> String {
        if units == 0 { return "0" }
        let sign = units < 0 ? "-" : ""
        let a = units.magnitude
        let whole = a / UInt64(Self.scale)
        var fraction = String(a % UInt64(Self.scale))
        fraction = String(repeating: "0", count: Self.places - fraction.count) + fraction
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
        // Built from the units, not parsed from the description: encoding a model's
        // thousands of amounts was a sixth of an import.
        try container.encode(Decimal(sign: units < 0 ? .minus : .plus, exponent: -6, significand: Decimal(units.magnitude)))
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

/// 金额单位 — the unit a table or a sentence prints its amounts in.
public enum MoneyUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// 元.
    case yuan = "元"
    /// 万元 — the unit of the data contract's cells.
    case wan = "万元"

    /// The unit a printed unit line names (`单位：元`, `单位:万元`, `金额单位：万元`), or nil.
    public init?(printed text: some StringProtocol) {
        let t = String(text.filter { $0 != " " && $0 != "\u{3000}" })
        if t.hasSuffix("万元") { self = .wan } else if t.hasSuffix("元") { self = .yuan } else { return nil }
    }
}

extension Amount {
    /// The amount, printed in `unit`, expressed in 万元: 元 are divided by 10 000
    /// exactly (`31,214,205.80` 元 → `3121.42058` 万元); a fraction of a fen, which no
    /// document prints, is rounded half away from zero.
    public func inWan(from unit: MoneyUnit) -> Amount {
        switch unit {
        case .wan: return self
        case .yuan:
            let q = units / 10_000, r = units % 10_000
            return Amount(units: abs(r) * 2 >= 10_000 ? q + (units < 0 ? -1 : 1) : q)
        }
    }
}
