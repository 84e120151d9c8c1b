import YusuanAudit
import YusuanModel

/// 审核意见 — the **审核** sheet: every finding of `yusuan audit` on the document, one
/// a row, for an analyst to filter (by level, family, table) and a reviewer to work
/// through: 序号, 级别, 类别, 规则, 说明, then where it is (表, 行键, 列键, 部分, 行号,
/// 页) and the amounts compared (所述, 应为) as numbers. The header is frozen and
/// filtered; a document without findings gets the header and one line saying so.
enum FindingsSheet {
    /// The sheet's name.
    static let name = "审核"

    static let columns = ["序号", "级别", "类别", "规则", "说明", "表", "行键", "列键", "部分", "行号", "页", "所述", "应为"]
    static let widths: [Double] = [6, 6, 10, 32, 60, 5, 22, 16, 6, 6, 5, 12, 12]

    /// 错误, 警告, 提示.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "错误"
        case .warning: "警告"
        case .info: "提示"
        }
    }

    /// The findings the sheet lists: the audit of the document as `yusuan audit` makes it.
    static func findings(_ disclosure: Disclosure) -> [Finding] {
        Auditor.audit(disclosure, document: disclosure.department).findings
    }

    static func sheet(_ disclosure: Disclosure, strings: inout SharedStrings) -> String {
        let findings = findings(disclosure)
        var rows: [String] = []
        var r = 1
        func ref(_ column: Int) -> String { XLSXParts.column(column) + String(r) }
        // Every cell of a finding's row is bordered, empty or not, so that the rows print as a grid.
        func text(_ column: Int, _ value: String?, _ style: XLSXParts.Style = .label) -> String {
            guard let value, !value.isEmpty else { return "<c r=\"\(ref(column))\" s=\"\(style.rawValue)\"/>" }
            return "<c r=\"\(ref(column))\" s=\"\(style.rawValue)\" t=\"s\"><v>\(strings.index(value))</v></c>"
        }
        func number(_ column: Int, _ value: String?, _ style: XLSXParts.Style = .amount) -> String {
            guard let value else { return "<c r=\"\(ref(column))\" s=\"\(style.rawValue)\"/>" }
            return "<c r=\"\(ref(column))\" s=\"\(style.rawValue)\"><v>\(value)</v></c>"
        }
        rows.append("<row r=\"1\">" + columns.enumerated().map { text($0, $1, .header) }.joined() + "</row>")
        for (i, f) in findings.enumerated() {
            r += 1
            // As tall as its longest text: the message, and a project's row key or a long column key.
            let texts: [(Int, String?)] = [(3, f.rule), (4, f.message), (6, f.row), (7, f.column), (8, f.section)]
            let lines = texts.map { c, value in RowHeights.lines(value ?? "", width: widths[c]) }.max() ?? 1
            var xml = "<row r=\"\(r)\"\(RowHeights.attributes(lines: lines))>"
            xml += number(0, String(i + 1), .weight) + text(1, level(f.severity)) + text(2, f.family.chinese) + text(3, f.rule)
            xml += text(4, f.message) + number(5, f.table.map(String.init), .weight) + text(6, f.row) + text(7, f.column)
            xml += text(8, f.section) + number(9, f.line.map(String.init), .weight) + number(10, f.page.map(String.init), .weight)
            xml += number(11, f.stated?.description) + number(12, f.expected?.description)
            rows.append(xml + "</row>")
        }
        if findings.isEmpty {
            r += 1
            rows.append("<row r=\"\(r)\">" + text(4, "审核未发现问题。") + "</row>")
        }
        let last = XLSXParts.column(columns.count - 1)
        return XLSXParts.worksheet(dimension: "A1:\(last)\(r)", frozenRows: 1, widths: widths.map { Int($0) },
                                   rows: rows.joined(), autoFilter: "A1:\(last)\(r)", landscape: true)
    }
}
