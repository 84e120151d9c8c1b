import YusuanModel

/// 待填原因 — a change on the previous year the workbook gives no reason for:
/// the explanation prints `【待填写原因】` where the officer's reason belongs.
/// `yusuan compose` reports each one as a warning (and `--strict` refuses the
/// workbook while any is missing).
public struct MissingReason: Sendable, Hashable {
    /// The key under `reasons` the officer should fill in (`expenditure`, `item.2101101` …).
    public var key: String
    /// The previous-year field whose figure differs from this year's.
    public var figure: String

    public init(key: String, figure: String) {
        self.key = key
        self.figure = figure
    }

    /// The workbook field to fill in: `reasons.<key>`.
    public var field: String { "reasons.\(key)" }

    /// One line for a person: the field, the figure, and what the text prints meanwhile.
    public var message: String {
        "\(field): \(figure) differs from this year and the change has no reason; the explanation prints \(Phrases.placeholder)"
    }
}

extension Composer {
    /// The changes the explanation explains but the workbook gives no reason for, in
    /// the order the explanation asks for them.
    public static func missingReasons(_ budget: Budget) -> [MissingReason] {
        // Missing as the text has it: nothing, or nothing but spaces and 。；.
        neededReasons(budget).filter { Phrases.reason(budget.reasons[$0.key]) == Phrases.reason(nil) }
            .map { MissingReason(key: $0.key, figure: $0.figure) }
    }
}
