extension PrintedTable {
    /// 列宽 — each column's width, in ems of the table's text, fitted to what it
    /// holds and then to the page: name columns as wide as their longest name (up
    /// to a limit, beyond which they wrap), amount columns as wide as their widest
    /// amount, a column with no amount at all narrow (its header wraps), and the
    /// code columns wide enough that a header over them (`功能分类科目编码`) keeps
    /// to one line. The widths are then scaled to fill `available`; where they are
    /// too wide for it, the name and text columns give way first, the widest of them
    /// first (all are cut to one width, the widest that fits), so that a long
    /// project name wraps and the short names beside it keep to one line.
    ///
    /// A name column is never narrower than its own header. HTML and DOCX both lay
    /// out their tables from these widths.
    ///
    /// `amountWidth` measures an amount in ems: `ems` where the fonts are known (the
    /// PDF, printed with Noto), `amountEms` where the reader's fonts decide (DOCX).
    public func columnWidths(fitting available: Double, amountWidth: (String) -> Double = PrintedTable.ems) -> [Double] {
        var widths = (0..<width).map { naturalWidth($0, amountWidth: amountWidth) }
        // A header over code columns alone is kept on one line.
        for cell in header where cell.colSpan > 1 {
            let columns = cell.column..<cell.column + cell.colSpan
            guard columns.allSatisfy({ columnKinds[$0] == .code }) else { continue }
            let needed = Self.ems(cell.text) + Self.padding
            let have = columns.reduce(0) { $0 + widths[$1] }
            if have < needed { for c in columns { widths[c] *= needed / have } }
        }
        let total = widths.reduce(0, +)
        if total <= available {
            return widths.map { $0 * available / total }
        }
        // Too wide: the flexible columns share what the others leave, down to a floor,
        // each cut to the widest width at which they all fit.
        let flexible = (0..<width).filter { columnKinds[$0] == .label || columnKinds[$0] == .text }
        let fixed = total - flexible.reduce(0) { $0 + widths[$1] }
        var room = max(available - fixed, Double(flexible.count) * Self.narrowestName)
        var cap = Double.infinity
        var left = flexible.count
        for natural in flexible.map({ widths[$0] }).sorted() {
            // The narrower columns keep their widths while the rest can share what remains.
            if natural * Double(left) <= room {
                room -= natural
                left -= 1
            } else {
                cap = max(Self.narrowestName, room / Double(left))
                break
            }
        }
        for c in flexible { widths[c] = min(widths[c], cap) }
        // Where even that is too wide, every column gives way alike.
        let fitted = widths.reduce(0, +)
        return fitted > available ? widths.map { $0 * available / fitted } : widths
    }

    /// A cell's inner space on either side together, in ems.
    static let padding = 0.8
    /// The narrowest a name column is set, and the widest before it wraps.
    static let narrowestName = 4.0
    static let widestName = 30.0
    static let widestText = 20.0
    /// A code column (`210`), and an amount column with nothing in it.
    static let codeWidth = 2.4
    static let emptyAmountWidth = 3.6
    /// The narrowest amount column holding an amount (its header wraps to four characters).
    static let narrowestAmount = 4.4

    private func naturalWidth(_ column: Int, amountWidth: (String) -> Double) -> Double {
        let texts = body.compactMap { $0.cells[column]?.published }
        let longest = texts.map(Self.ems).max()
        switch columnKinds[column] {
        case .code:
            return max(Self.codeWidth, (longest ?? 0) + Self.padding)
        case .amount:
            guard let widest = texts.map(amountWidth).max() else { return Self.emptyAmountWidth }
            return max(Self.narrowestAmount, widest + Self.padding)
        case .label, .text:
            // A name column is at least as wide as its own header (`功能分类科目名称`), even with no rows.
            let heading = header.filter { $0.column == column && $0.colSpan == 1 }.map { Self.ems($0.text) }.max() ?? 0
            let widest = columnKinds[column] == .label ? Self.widestName : Self.widestText
            return min(max(Self.narrowestName, max(longest ?? 0, heading) + Self.padding), widest)
        }
    }

    /// The printed width of an amount in ems, in bold and in the widest serif a
    /// reader may print it with: where Times New Roman is missing LibreOffice sets
    /// digits in DejaVu Serif, whose bold digit is 0.7 em (Times' is 0.5), and a
    /// column that fits `ems` wraps a bold 970.62 after its fifth character.
    public static func amountEms(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + (("0"..."9").contains($1) ? 0.7 : $1.value >= 0x2E80 ? 1 : 0.35) }
    }

    /// The printed width of a text in ems: a Chinese character (or any full-width
    /// one) is one em, a Latin letter or digit a little over half.
    public static func ems(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 1 : 0.55) }
    }
}
