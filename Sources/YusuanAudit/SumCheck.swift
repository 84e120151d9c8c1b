import YusuanModel

/// 容差 — the principled tolerance for sums of rounded amounts.
///
/// Each printed amount is rounded to 0.01, so a sum of n printed parts may differ
/// from a printed total by at most n × 0.005 without either being wrong: such a
/// difference is reported as a rounding warning, a larger one as an error.
public enum SumCheck {
    /// The judgement of a printed total against its printed parts: nil when
    /// they agree exactly (or when their sum or difference does not fit in an `Amount`,
    /// which only damaged input can print).
    ///
    /// `unit` is the unit the amounts were printed in: 万元 to 0.01, or 元, where
    /// documents print parts rounded to the whole 元 (so half a 元 a part).
    public static func judge(total: Amount, parts: [Amount], printedIn unit: MoneyUnit = .wan)
        -> (difference: Amount, severity: Severity)? {
        // Amounts read from input: a sum or difference that does not fit is not judged.
        guard let sum = Amount.checkedSum(parts),
              case let (difference, false) = total.subtractingReportingOverflow(sum),
              !difference.isZero, difference.units != .min else { return nil }
        let half = unit == .yuan ? Amount.halfStep(places: 4) : Amount.halfStep(places: 2)
        let limit = half.times(max(parts.count, 1))
        return (difference, difference.magnitude <= limit ? .warning : .error)
    }

    /// `a + b + c` for a computation string.
    public static func describe(_ parts: [Amount]) -> String {
        // Appended in place: no list of the printed parts to join.
        guard var text = parts.first?.printed else { return "0" }
        for part in parts.dropFirst() {
            text += " + "
            text += part.printed
        }
        return text
    }
}
