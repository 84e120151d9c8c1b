import Foundation
import YusuanModel

/// 文本 — the disclosure in the tab-separated text form (Markdown headings, one
/// table row a line, cells separated by tabs, empty cells kept), which
/// `DisclosureReader` reads back cell for cell: the form for exchanging a
/// composed document with tools that read published text.
///
/// The performance-target tables follow the explanation (which says they are
/// attached), in the tabular form the reader takes.
public struct TextRenderer: Renderer {
    public init() {}
    public var name: String { "text" }
    public var fileExtension: String { "txt" }
    public var isBinary: Bool { false }

    public func render(_ d: Disclosure) throws -> Data { Data(text(d).utf8) }

    public func text(_ d: Disclosure) -> String {
        var out: [String] = ["# \(d.department)", "## \(d.year) 年\(d.entityWord)预算公开", ""]
        out += overview(d)
        out += ["## 第二部分 \(d.year) 年\(d.entityWord)预算公开表", ""]
        for table in d.tables.sorted(by: { $0.kind < $1.kind }) { out += self.table(table, d) }
        out += ["## 第三部分 \(d.year) 年\(d.entityWord)预算情况说明", ""]
        for s in d.sections {
            out += ["### \(s.number)、\(s.title)", ""]
            for line in s.lines { out += [line.value, ""] }
        }
        out += performance(d)
        out += ["## 第四部分 名词解释", ""]
        for g in d.glossary { out += ["\(g.number)、\(g.term)：\(g.definition)", ""] }
        if let s = d.signature { out += [s.name, s.date.map(Self.printedDate) ?? ""] }
        return out.joined(separator: "\n") + "\n"
    }

    static func printedDate(_ iso: String) -> String {
        let p = iso.split(separator: "-")
        guard p.count == 3, let m = Int(p[1]), let day = Int(p[2]) else { return iso }
        return "\(p[0])年\(m)月\(day)日"
    }

    func overview(_ d: Disclosure) -> [String] {
        var out = ["## 第一部分 \(d.year) 年\(d.entityWord)概况", "", "### 一、主要职能", ""]
        if let f = d.overview.functions { out += [f.value, ""] }
        out += ["### 二、机构设置及人员情况", ""]
        let units = d.overview.subordinateUnits.map(\.value)
        var structure = units.isEmpty ? "\(d.department)无下属预算单位" : "\(d.department)下属预算单位：\(units.joined(separator: "、"))"
        if let o = d.overview.offices { structure += "，下设 \(o.count) 个\(o.word)，分别是：\(o.names.joined(separator: "、"))" }
        out += [structure + "。", ""]
        if let s = d.overview.staffing {
            func change(_ h: HeadCount) -> String { h.change < 0 ? "减少 \(-h.change) 人" : "增加 \(h.change) 人" }
            out += ["\(d.department)编制数 \(s.authorized)，实有人数 \(s.actual) 人，其中：在职 \(s.active.count) 人，\(change(s.active))；退休 \(s.retired.count) 人，\(change(s.retired))；离休 \(s.honorablyRetired.count) 人，\(change(s.honorablyRetired))。", ""]
        }
        return out
    }

    static func value(_ cell: Cell?) -> String { cell.map { $0.value.formatted(minimumDecimals: 2) } ?? "" }

    func table(_ t: BudgetTable, _ d: Disclosure) -> [String] {
        var out = ["表 \(t.kind.rawValue)", "", "## \(t.title)", "", "编制\(d.entityWord)：\(t.preparer ?? d.department)", "",
                   "单位：\(d.unit)", ""]
        switch t.kind {
        case .overall, .fiscalAppropriation:
            out += twoSided(t)
        default:
            out.append((labelHeader(t.kind) + t.columns.map(\.rawValue)).joined(separator: "\t"))
            for row in t.rows {
                out.append((labels(row, t.kind) + row.cells.map(Self.value)).joined(separator: "\t"))
            }
        }
        if let s = t.emptyStatement { out += ["", s.value] }
        return out + [""]
    }

    func labelHeader(_ kind: StandardTable) -> [String] {
        switch kind {
        case .projects: ["类", "款", "项", "功能分类科目名称", "项目名称"]
        case .basicByEconomicClass: ["类", "款", "经济分类科目名称"]
        case .threePublicCosts: ["“三公”经费支出内容"]
        case .carryOver: ["项目"]
        default: ["类", "款", "项", "功能分类科目名称"]
        }
    }

    func labels(_ row: TableRow, _ kind: StandardTable) -> [String] {
        switch kind {
        case .threePublicCosts:
            let printed: [RowKey: String] = [.vehicles: "公务用车购置及运行费（小计）",
                                             .vehiclePurchase: "其中：公务用车购置费",
                                             .vehicleOperation: "公务用车运行费"]
            return [printed[row.key] ?? row.key.rawValue]
        case .carryOver:
            return [row.name]
        default:
            let code = row.code ?? ""
            var parts = [String(code.prefix(3)), code.count >= 5 ? String(code.dropFirst(3).prefix(2)) : "",
                         code.count >= 7 ? String(code.dropFirst(5).prefix(2)) : ""]
            if kind == .basicByEconomicClass { parts.removeLast() }
            let name = row.role == .total ? "总计" : row.name
            return parts + [name] + (kind == .projects ? [row.project ?? ""] : [])
        }
    }

    /// Tables 1 and 4: income on the left, expenditure by 类 on the right.
    func twoSided(_ t: BudgetTable) -> [String] {
        let income = t.rows.filter { $0.code == nil && $0.key != .expenditureTotal && $0.key != .incomeTotal }
        let spending = t.rows.filter { $0.code != nil }
        var left: [(String, String)] = []
        var top = 0, second = 0
        let topNumerals = ["一", "二", "三"]
        for (index, row) in income.enumerated() {
            let depth = row.key.rawValue.split(separator: "/").count
            let label = row.key.label
            let printed: String
            if t.kind == .fiscalAppropriation {
                printed = depth == 1 ? "\(topNumerals[min(top, 2)])、\(label == "财政拨款" ? "财政拨款（补助）" : label)" : label
                if depth == 1 { top += 1 }
            } else if depth == 1 {
                printed = "\(topNumerals[min(top, 2)])、\(label)"
                top += 1
                second = 0
            } else if depth == 2 {
                second += 1
                printed = "\(second).\(label)"
            } else {
                // The first child of a line is printed 其中：…
                let first = index > 0 && row.key.parent == income[index - 1].key
                printed = first ? "其中：\(label)" : label
            }
            left.append((printed, Self.value(row.cells[0])))
        }
        var out = [t.kind == .overall ? "项目\t预算数\t功能分类\t预算数" : "项目\t合计\t功能分类\t合计\t一般公共预算\t政府性基金预算\t国有资本经营预算"]
        for i in 0..<max(left.count, spending.count) {
            let l = i < left.count ? [left[i].0, left[i].1] : ["", ""]
            let r = i < spending.count
                ? ["\(spending[i].code!) \(spending[i].name)"] + spending[i].cells.map(Self.value)
                : [""] + Array(repeating: "", count: t.columns.count)
            out.append((l + r).joined(separator: "\t"))
        }
        let incomeTotal = t.row(.incomeTotal)?.cells.first.map(Self.value) ?? ""
        let spendingTotal = t.row(.expenditureTotal)?.cells.map(Self.value) ?? []
        out.append((["收入总计", incomeTotal, "支出总计"] + spendingTotal).joined(separator: "\t"))
        return out
    }
}
