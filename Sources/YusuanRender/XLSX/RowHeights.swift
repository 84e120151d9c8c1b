import YusuanModel

/// 行高 — the height a printed row needs for its wrapped text.
///
/// Spreadsheets do not grow a row for wrapped text unless they recompute it
/// themselves (LibreOffice does not on load, Excel only when edited), so each
/// row's height is set from an estimate of its lines: a Chinese character takes
/// two units of column width, any other character one, at the sheets' 10-point
/// type. An estimate errs on the tall side, never on overlap.
enum RowHeights {
    /// Points per printed line of 10-point type, with its leading.
    static let lineHeight = 13.5
    /// The default row height (one line and the cell's padding).
    static let single = 15.0

    /// The width of a text in column-width units.
    static func units(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { sum, s in sum + (s.value >= 0x2E80 ? 2.0 : 1.1) }
    }

    /// How many lines a text wraps to in a column this wide (units), honouring
    /// its own line breaks; indent steps take three units each.
    static func lines(_ text: String, width: Double, indent: Int = 0) -> Int {
        let usable = max(width - 1.5 - Double(indent) * 3, 2)
        return text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { sum, line in
            sum + max(1, Int((units(String(line)) / usable).rounded(.up)))
        }
    }

    /// The height of a row whose tallest cell wraps to this many lines.
    static func height(lines: Int) -> Double {
        lines <= 1 ? single : Double(lines) * lineHeight + 3
    }

    /// The `ht`/`customHeight` attributes of a row, empty for a one-line row.
    static func attributes(lines: Int) -> String {
        lines <= 1 ? "" : " ht=\"\(height(lines: lines))\" customHeight=\"1\""
    }
}
