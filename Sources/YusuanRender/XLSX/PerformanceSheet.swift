import YusuanModel

/// 绩效目标 — the **绩效目标** sheet: the department-wide table (部门整体绩效目标表)
/// and each project's table (项目支出绩效目标表) of `disclosure.performance`, one
/// block after the other, laid out like the printed forms.
///
/// Each block has its title, its labelled lines (unit or department, project,
/// owner, the funds as numbers in 万元 as the forms print them, the goal text), then the indicator rows under a
/// bold header: 一级指标, 二级指标, 三级指标, 指标值, 分值权重 (a number where the
/// table gives one) and 指标值设置依据 (上年完成值 after it where printed). Text
/// wraps and each row is as tall as its tallest cell (`RowHeights`); each table
/// starts a printed page, as in the PDF and the DOCX, and the print footer numbers
/// the pages like the other sheets. The sheet is written only when
/// the disclosure has a performance table, after 数据, so the other sheets keep
/// their places.
enum PerformanceSheet {
    /// The sheet's name.
    static let name = "绩效目标"

    /// The indicator header, in column order.
    static let columns = ["一级指标", "二级指标", "三级指标", "指标值", "分值权重", "指标值设置依据"]

    /// Column widths, in column-width units.
    static let widths: [Double] = [12, 12, 28, 18, 9, 30]

    /// Whether the disclosure has a table for this sheet.
    static func applies(_ disclosure: Disclosure) -> Bool {
        disclosure.performance.department != nil || !disclosure.performance.projects.isEmpty
    }

    /// The worksheet XML.
    static func sheet(_ disclosure: Disclosure, strings: inout SharedStrings) -> String {
        var rows: [String] = []
        var merges: [String] = []
        var pageStarts: [Int] = []
        var r = 1
        let last = columns.count - 1
        let labelWidth = widths[0] + widths[1]
        let valueWidth = widths[2...].reduce(0, +)
        func ref(_ row: Int, _ column: Int) -> String { XLSXParts.column(column) + String(row) }
        func text(_ column: Int, _ value: String, _ style: XLSXParts.Style) -> String {
            "<c r=\"\(ref(r, column))\" s=\"\(style.rawValue)\" t=\"s\"><v>\(strings.index(value))</v></c>"
        }
        func blank(_ column: Int, _ style: XLSXParts.Style) -> String { "<c r=\"\(ref(r, column))\" s=\"\(style.rawValue)\"/>" }
        func number(_ column: Int, _ amount: Amount, _ style: XLSXParts.Style) -> String {
            "<c r=\"\(ref(r, column))\" s=\"\(style.rawValue)\"><v>\(amount.description)</v></c>"
        }
        func title(_ value: String) {
            if r > 1 { pageStarts.append(r) }
            rows.append("<row r=\"\(r)\" ht=\"24\" customHeight=\"1\">" + text(0, value, .title) + "</row>")
            merges.append("\(ref(r, 0)):\(ref(r, last))")
            r += 1
        }
        /// A labelled line: the label over A:B (bold), the value over C:F.
        func line(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            let lines = max(RowHeights.lines(label, width: labelWidth), RowHeights.lines(value, width: valueWidth))
            var xml = "<row r=\"\(r)\"\(RowHeights.attributes(lines: lines))>" + text(0, label, .labelBold) + blank(1, .labelBold)
            xml += text(2, value, .label) + (3...last).map { blank($0, .label) }.joined()
            rows.append(xml + "</row>")
            merges.append("\(ref(r, 0)):\(ref(r, 1))")
            merges.append("\(ref(r, 2)):\(ref(r, last))")
            r += 1
        }
        /// An amount line: the label over A:B, the amount in C (a number).
        func amountLine(_ label: String, _ amount: Amount?) {
            guard let amount else { return }
            var xml = "<row r=\"\(r)\">" + text(0, label, .labelBold) + blank(1, .labelBold) + number(2, amount, .amount)
            xml += (3...last).map { blank($0, .label) }.joined()
            rows.append(xml + "</row>")
            merges.append("\(ref(r, 0)):\(ref(r, 1))")
            merges.append("\(ref(r, 3)):\(ref(r, last))")
            r += 1
        }
        func indicators(_ list: [PerformanceIndicator]) {
            guard !list.isEmpty else { return }
            let header = columns.enumerated().map { c, title in RowHeights.lines(title, width: widths[c]) }.max() ?? 1
            rows.append("<row r=\"\(r)\"\(RowHeights.attributes(lines: header))>"
                + columns.enumerated().map { c, title in text(c, title, .header) }.joined() + "</row>")
            r += 1
            for indicator in list {
                var basis = indicator.basis ?? ""
                if let lastYear = indicator.lastYear, !lastYear.isEmpty {
                    basis += (basis.isEmpty ? "" : "\n") + "上年完成值：\(lastYear)"
                }
                let texts = [indicator.level1, indicator.level2, indicator.name, indicator.target.printed]
                var lines = texts.enumerated().map { c, value in RowHeights.lines(value, width: widths[c]) }.max() ?? 1
                lines = max(lines, RowHeights.lines(basis, width: widths[5]))
                var xml = "<row r=\"\(r)\"\(RowHeights.attributes(lines: lines))>"
                xml += texts.enumerated().map { c, value in text(c, value, .label) }.joined()
                xml += indicator.weight.map { number(4, $0, .weight) } ?? blank(4, .weight)
                xml += basis.isEmpty ? blank(5, .label) : text(5, basis, .label)
                rows.append(xml + "</row>")
                r += 1
            }
        }

        let performance = disclosure.performance
        if let d = performance.department {
            title("部门整体绩效目标表")
            line("部门（单位）名称", d.department)
            line("联系人", [d.contact, d.phone].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "　"))
            amountLine("财政资金 上级安排（万元）", d.superiorFunds)
            amountLine("财政资金 本级安排（万元）", d.ownFunds)
            amountLine("其他资金（万元）", d.otherFunds)
            line("年度绩效目标", d.annualGoal)
            indicators(d.indicators)
            r += 1
        }
        for p in performance.projects {
            title("项目支出绩效目标表")
            line("项目名称", p.project)
            line("预算单位", p.unit)
            line("项目负责人", p.owner)
            amountLine("年度预算总额（万元）", p.totalFunds)
            amountLine("其中：财政拨款（万元）", p.fiscalFunds)
            amountLine("其他资金（万元）", p.otherFunds)
            line("项目总体目标", p.overallGoal)
            indicators(p.indicators)
            r += 1
        }

        return XLSXParts.worksheet(dimension: "A1:\(ref(max(r - 1, 1), last))", widths: widths.map { Int($0) },
                                   rows: rows.joined(), merges: merges, landscape: false, pageStarts: pageStarts)
    }
}
