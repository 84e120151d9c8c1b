import YusuanModel

extension Amount {
    /// The amount as `description` prints it (at least two decimals, zero as `0`),
    /// written straight into its bytes: the audit prints amounts in its messages and
    /// computations, and `description` builds several strings for each.
    var printed: String {
        if units == 0 { return "0" }
        // Sign, up to 19 digits, the point and six decimals.
        return String(unsafeUninitializedCapacity: 28) { out in
            var n = 0
            if units < 0 { out[n] = UInt8(ascii: "-"); n += 1 }
            let magnitude = units.magnitude
            var whole = magnitude / UInt64(Self.scale)
            var fraction = magnitude % UInt64(Self.scale)
            // The whole part's digits, written backwards and then turned round.
            let first = n
            repeat {
                out[n] = UInt8(ascii: "0") + UInt8(whole % 10)
                whole /= 10
                n += 1
            } while whole > 0
            var (i, j) = (first, n - 1)
            while i < j { out.swapAt(i, j); i += 1; j -= 1 }
            // Six decimals, less their trailing zeros beyond the second.
            var places = Self.places
            while places > 2, fraction % 10 == 0 { fraction /= 10; places -= 1 }
            out[n] = UInt8(ascii: ".")
            n += 1
            for k in stride(from: places - 1, through: 0, by: -1) {
                out[n + k] = UInt8(ascii: "0") + UInt8(fraction % 10)
                fraction /= 10
            }
            return n + places
        }
    }
}

extension DefaultStringInterpolation {
    /// An amount in a message or computation, as its `description` prints it (`Amount.printed`).
    mutating func appendInterpolation(_ amount: Amount) { appendLiteral(amount.printed) }
}
