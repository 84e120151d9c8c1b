import YusuanModel

/// 版面 — a document as a sequence of blocks in printed order, shared by the page
/// formats (HTML, Markdown, DOCX): the title, 目录, the four parts with their
/// headings, paragraphs and tables, and the 落款.
public enum Block: Sendable, Hashable {
    /// The cover: the department, the document's name (with its year) and the date
    /// of the 落款, each centred on its own line.
    case title(department: String, name: String, date: String?)
    /// A heading: 1 for a part (第一部分 …), 2 for a section or a table, 3 below, 4 for
    /// a numbered sub-heading inside a section (`（三）国有资产占用使用情况`), which stays
    /// out of the contents.
    case heading(level: Int, text: String)
    /// A paragraph of text.
    case paragraph(String)
    /// A table, standard or otherwise.
    case table(PrintedTable)
    /// A numbered chart, after the section of the explanation that it draws (drawn
    /// where the format can).
    case chart(Chart)
    /// 目录 — the contents: its heading, then the parts with the tables under
    /// 第二部分.
    case contents([ContentsEntry])
    /// 落款: the name and date, set to the right.
    case signature(name: String, date: String?)
    /// A new page.
    case pageBreak
}

/// 目录项 — one line of the contents: a part (level 1), or a table under its part
/// (level 2), and the heading it points to as the page prints it.
public struct ContentsEntry: Sendable, Hashable {
    /// The line as the contents prints it: `第二部分 …`, `表1 部门收支总体情况表`.
    public var text: String
    /// 1 for a part, 2 for a table.
    public var level: Int
    /// The heading printed where the entry points (a table's title, without 表N).
    public var heading: String
}

/// Builds the blocks of a document.
public enum Outline {
    /// The document's name: `2025 年部门预算公开`.
    public static func documentName(_ d: Disclosure) -> String { "\(d.year) 年\(d.entityWord)预算公开" }

    /// The date as a cover prints it: `2025-02-14` → `2025年2月14日`; a date written
    /// otherwise stays as it is.
    static func coverDate(_ date: String) -> String {
        let parts = date.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
              let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day) else { return date }
        return "\(year)年\(month)月\(day)日"
    }

    /// The headings of the four parts.
    public static func partTitles(_ d: Disclosure) -> [String] {
        ["第一部分 \(d.year) 年\(d.entityWord)概况",
         "第二部分 \(d.year) 年\(d.entityWord)预算公开表",
         "第三部分 \(d.year) 年\(d.entityWord)预算情况说明",
         "第四部分 名词解释"]
    }

    /// 目录 — the heading of the contents.
    public static let contentsTitle = "目录"

    /// The contents: the four parts, and the tables under 第二部分 where they are printed.
    public static func contents(_ d: Disclosure) -> [ContentsEntry] {
        var entries: [ContentsEntry] = []
        for (i, part) in partTitles(d).enumerated() {
            entries.append(ContentsEntry(text: part, level: 1, heading: part))
            if i == 1 {
                entries += d.tables.map { ContentsEntry(text: "表\($0.kind.rawValue) \($0.title)", level: 2, heading: $0.title) }
            }
        }
        return entries
    }

    public static func blocks(_ d: Disclosure) -> [Block] {
        let parts = partTitles(d)
        var blocks: [Block] = [.title(department: d.department, name: documentName(d),
                                      date: d.signature?.date.map(coverDate))]

        blocks += [.pageBreak, .contents(contents(d))]

        blocks += [.pageBreak, .heading(level: 1, text: parts[0])]
        blocks += overview(d)

        blocks += [.pageBreak, .heading(level: 1, text: parts[1])]
        for (i, table) in d.tables.enumerated() {
            if i > 0 { blocks.append(.pageBreak) }
            blocks.append(.table(PrintedTable(table, unit: d.unit)))
        }

        blocks += [.pageBreak, .heading(level: 1, text: parts[2])]
        let charts = Charts.charts(d)
        for section in d.sections {
            blocks.append(.heading(level: 2, text: "\(section.number)、\(section.title)"))
            for paragraph in section.paragraphs {
                blocks.append(Paragraphs.isSubheading(paragraph) ? .heading(level: 4, text: paragraph) : .paragraph(paragraph))
            }
            blocks += charts.filter { $0.section == section.number }.map(Block.chart)
        }
        blocks += performance(d)

        blocks += [.pageBreak, .heading(level: 1, text: parts[3])]
        for entry in d.glossary { blocks.append(.paragraph("\(entry.number)、\(entry.term)：\(entry.definition)")) }
        // The 落款's date as the cover prints it (2025年2月10日), not as the model keeps it.
        if let s = d.signature { blocks.append(.signature(name: s.name, date: s.date.map(coverDate))) }
        return blocks
    }

    // MARK: 第一部分

    static func overview(_ d: Disclosure) -> [Block] {
        var blocks: [Block] = []
        let o = d.overview
        if let functions = o.functions?.value {
            blocks.append(.heading(level: 2, text: "一、主要职能"))
            blocks += functions.split(separator: "\n").map { .paragraph(String($0)) }
        }
        var structure: [String] = []
        if let offices = o.offices {
            var line = "内设\(offices.word) \(offices.count) 个"
            if !offices.names.isEmpty { line += "：" + offices.names.joined(separator: "、") }
            structure.append(line + "。")
        }
        if !o.subordinateUnits.isEmpty {
            structure.append("下属预算单位 \(o.subordinateUnits.count) 个：" + o.subordinateUnits.map(\.value).joined(separator: "、") + "。")
        } else if o.subordinateUnitCount?.value == 0 {
            structure.append("无下属预算单位。")
        }
        if let s = o.staffing {
            func change(_ h: HeadCount) -> String {
                h.change == 0 ? "" : h.change > 0 ? "（比上年增加 \(h.change) 人）" : "（比上年减少 \(-h.change) 人）"
            }
            structure.append("编制 \(s.authorized) 人，实有 \(s.actual) 人，其中在职 \(s.active.count) 人\(change(s.active))，"
                + "退休 \(s.retired.count) 人\(change(s.retired))，离休 \(s.honorablyRetired.count) 人\(change(s.honorablyRetired))。")
        }
        if !structure.isEmpty {
            blocks.append(.heading(level: 2, text: "二、机构设置及人员情况"))
            blocks += structure.map(Block.paragraph)
        }
        return blocks
    }

    // MARK: 绩效目标表

    static func performance(_ d: Disclosure) -> [Block] {
        var blocks: [Block] = []
        if let t = d.performance.department {
            blocks += [.pageBreak, .heading(level: 2, text: "部门整体绩效目标表")]
            var facts: [(String, String)] = [("部门（单位）名称", t.department)]
            if let c = t.contact { facts.append(("联系人", c)) }
            if let p = t.phone { facts.append(("联系电话", p)) }
            if let a = t.superiorFunds { facts.append(("财政资金：上级安排（万元）", a.printed)) }
            if let a = t.ownFunds { facts.append(("财政资金：本级安排（万元）", a.printed)) }
            if let a = t.otherFunds { facts.append(("其他资金（万元）", a.printed)) }
            facts.append(("年度绩效目标", t.annualGoal))
            blocks.append(.table(keyValueTable(title: "部门整体绩效目标", facts)))
            blocks.append(.table(indicatorTable(title: "部门整体绩效指标", t.indicators)))
        }
        for t in d.performance.projects {
            blocks += [.pageBreak, .heading(level: 2, text: "项目支出绩效目标表：\(t.project)")]
            var facts: [(String, String)] = [("项目名称", t.project), ("预算单位", t.unit)]
            if let o = t.owner { facts.append(("项目负责人", o)) }
            if let a = t.totalFunds { facts.append(("年度预算总额（万元）", a.printed)) }
            if let a = t.fiscalFunds { facts.append(("其中：财政拨款（万元）", a.printed)) }
            if let a = t.otherFunds { facts.append(("其他资金（万元）", a.printed)) }
            facts.append(("项目总体目标", t.overallGoal))
            blocks.append(.table(keyValueTable(title: "项目基本情况", facts)))
            blocks.append(.table(indicatorTable(title: "项目绩效指标", t.indicators)))
        }
        return blocks
    }

    static func keyValueTable(title: String, _ facts: [(String, String)]) -> PrintedTable {
        let (header, rows) = HeaderCell.layout([["项目"], ["内容"]])
        return PrintedTable(number: nil, title: title, header: header, headerRows: rows,
                            body: facts.map { PrintedRow(cells: [.text($0.0), .text($0.1)]) },
                            columnKinds: [.label, .text])
    }

    /// The indicators, with the optional columns only where some indicator fills them.
    static func indicatorTable(title: String, _ indicators: [PerformanceIndicator]) -> PrintedTable {
        var columns: [(label: String, kind: ColumnKind, value: (PerformanceIndicator) -> PrintedCell?)] = [
            ("一级指标", .label, { .text($0.level1) }),
            ("二级指标", .label, { .text($0.level2) }),
            ("三级指标", .label, { .text($0.name) }),
            ("指标值", .text, { .text($0.target.printed) }),
        ]
        if indicators.contains(where: { $0.basis != nil }) { columns.append(("指标值设置依据", .text, { $0.basis.map(PrintedCell.text) })) }
        if indicators.contains(where: { $0.lastYear != nil }) { columns.append(("上年完成值", .text, { $0.lastYear.map(PrintedCell.text) })) }
        if indicators.contains(where: { $0.weight != nil }) {
            columns.append(("分值权重", .amount, { $0.weight.map { .text($0.formatted(minimumDecimals: 0)) } }))
        }
        if indicators.contains(where: { $0.scoringRule != nil }) { columns.append(("赋分规则", .text, { $0.scoringRule.map(PrintedCell.text) })) }
        if indicators.contains(where: { $0.evidence != nil }) { columns.append(("佐证资料", .text, { $0.evidence.map(PrintedCell.text) })) }
        let (header, rows) = HeaderCell.layout(columns.map { [$0.label] })
        let body = indicators.map { indicator in PrintedRow(cells: columns.map { $0.value(indicator) }) }
        return PrintedTable(number: nil, title: title, header: header, headerRows: rows, body: body,
                            columnKinds: columns.map(\.kind))
    }
}
