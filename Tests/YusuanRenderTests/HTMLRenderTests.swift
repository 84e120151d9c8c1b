import Foundation
import Testing
import YusuanModel
@testable import YusuanRender

@Suite struct HTMLRenderTests {
    /// Each bar of the figure `图N`: its category, series, amount and length.
    static func bars(_ html: String, figure: Int) throws -> [(category: String, series: String, value: String, width: Double)] {
        let start = try #require(html.range(of: "<figure class=\"chart\" id=\"figure-\(figure)\">"))
        let end = try #require(html.range(of: "</figure>", range: start.upperBound..<html.endIndex))
        let svg = String(html[start.lowerBound..<end.upperBound])
        let pattern = try NSRegularExpression(pattern:
            #"<g class="bar" data-category="([^"]+)" data-series="([^"]+)" data-value="([^"]*)"><rect [^>]* width="([0-9.]+)""#)
        return pattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { m in
            let s = { (i: Int) in String(svg[Range(m.range(at: i), in: svg)!]) }
            return (s(1), s(2), s(3), Double(s(4)) ?? -1)
        }
    }

    @Test(.enabled(if: RenderSeeds.available, "../shared/seeds is absent"), arguments: RenderSeeds.prefixes)
    func chartsDrawTheTablesInTheExplanationAndEveryTableIsOnThePage(_ prefix: String) throws {
        let d = try RenderSeeds.read(prefix)
        let html = HTMLRenderer().page(d)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("@page") && html.contains("size: A4"))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href="), "self-contained")
        for table in d.tables {
            #expect(html.contains("<h3 class=\"table-title\">\(table.title)</h3>"), "表\(table.kind.rawValue)'s title")
        }
        for part in Outline.partTitles(d) { #expect(html.contains(part)) }

        // 图3: this year's bar of each 类 is table 5's 合计; lengths in proportion to the amounts.
        let charts = Charts.charts(d)
        #expect(charts.map(\.number) == Array(1...charts.count))
        let byClass = try #require(charts.first { $0.section == "五" })
        let t5 = try #require(d.table(.generalPublic))
        let classes = t5.rows.filter { $0.role == .classLevel }
        let bars = try Self.bars(html, figure: byClass.number)
        let thisYear = bars.filter { $0.series == "本年" }
        #expect(thisYear.map(\.category) == classes.filter { !(t5[$0.key, .total] ?? .zero).isZero }.map(\.name))
        #expect(thisYear.map(\.value) == classes.compactMap { t5[$0.key, .total] }.filter { !$0.isZero }.map(\.printed))
        let largest = try #require(byClass.largest.units > 0 ? byClass.largest : nil)
        for bar in bars {
            let amount = try #require(Amount(bar.value))
            let expected = Double(amount.units) / Double(largest.units) * ChartDrawing.barSpace
            #expect(abs(bar.width - expected) < 0.02, "\(bar.category) \(bar.series): width \(bar.width) for \(expected)")
        }
        // 图2: basic against project spending, table 3's 总计 row.
        let t3 = try #require(d.table(.expenditure))
        let split = try Self.bars(html, figure: try #require(charts.first { $0.section == "三" }).number)
        #expect(split.filter { $0.series == "本年" }.map(\.value)
                == [t3[.grandTotal, .basic], t3[.grandTotal, .project]].compactMap { $0 }.filter { !$0.isZero }.map(\.printed))

        // Each figure follows the text of its section, before the next section's heading,
        // with its number above and its source below.
        for chart in charts {
            let figure = try #require(html.range(of: "<figure class=\"chart\" id=\"figure-\(chart.number)\">"))
            let section = try #require(d.sections.firstIndex { $0.number == chart.section })
            let heading = try #require(html.range(of: "\(d.sections[section].number)、\(d.sections[section].title)</h3>"))
            #expect(heading.upperBound < figure.lowerBound, "图\(chart.number) after its section's heading")
            if section + 1 < d.sections.count {
                let next = try #require(html.range(of: "\(d.sections[section + 1].number)、\(d.sections[section + 1].title)</h3>"))
                #expect(figure.upperBound < next.lowerBound, "图\(chart.number) before the next section")
            }
            let tail = html[figure.upperBound...].prefix(6000)
            #expect(tail.contains("<figcaption>图\(chart.number) "))
            #expect(tail.contains("<p class=\"source\">资料来源："))
        }
    }

    @Test func lastYearOfAClassIsThisYearLessTheChangesOfItsItems() throws {
        var t5 = BudgetTable(kind: .generalPublic, title: "一般公共预算支出情况表",
                             columns: StandardTable.generalPublic.columns(in: .edition2024))
        let width = t5.columns.count
        func row(_ code: String, _ name: String, _ role: RowRole, _ total: String) -> TableRow {
            TableRow(key: .code(code), code: code, name: name, role: role,
                     cells: [Cell(Amount(total)!)] + Array(repeating: nil, count: width - 1))
        }
        t5.rows = [row("208", "社会保障和就业支出", .classLevel, "47.17"), row("210", "卫生健康支出", .classLevel, "10.00")]
        // The items of 208 print 47.16 for its 47.17 (each rounded); those of 210 leave 2.00 out.
        let lines = [
            "1、社会保障和就业支出（类）某款（款）某项（项）：2025年预算数为 1.59 万元，比上年预算增加 0.18 万元。",
            "2、社会保障和就业支出（类）某款（款）另一项（项）：2025年预算数为 30.38 万元，比上年预算减少 1.39 万元。",
            "3、社会保障和就业支出（类）某款（款）第三项（项）：2025年预算数为 15.19 万元，比上年预算新增 15.19 万元。",
            "4、卫生健康支出（类）某款（款）某项（项）：2025年预算数为 8.00 万元，比上年预算增加 1.00 万元。",
        ]
        let d = Disclosure(department: "示例局", year: 2025, format: .edition2024, tables: [t5],
                           sections: [ExplanationSection(number: "五", title: "某某说明", lines: lines.map { Located($0) }, source: nil)])
        let chart = try #require(Charts.byClass(d))
        #expect(chart.series == ["上年", "本年"])
        // 47.17 − (0.18 − 1.39 + 15.19) = 33.19; 210's items do not make up the 类: no last year.
        #expect(chart.bars.map(\.values) == [[Amount("33.19")!, Amount("47.17")!], [nil, Amount("10.00")!]])
    }

    @Test func anAmountStatedAsAllNewHadNothingLastYear() {
        #expect(Charts.isNew(Amount("9.60")!, in: "某某结转 9.60 万元，占1.07%，比上年预算新增 9.60 万元（上年无此项预算）。"))
        #expect(Charts.isNew(Amount("1234.5")!, in: "某某 1,234.50 万元，比上年预算新增 1,234.50 万元。"))
        #expect(!Charts.isNew(Amount("9.60")!, in: "某某 9.60 万元，比上年预算新增 2.00 万元。"), "only part of it new")
        #expect(!Charts.isNew(Amount("9.60")!, in: "某某 9.60 万元。另一项比上年预算新增 9.60 万元。"), "another sentence")
    }

    @Test func lastYearIsThisYearLessTheStatedChange() {
        // The way section 五 lists its 项: two under one 类, one under another.
        // (Worded for the test; the figures are seed 000's.)
        let text = "1、卫生健康支出（类）医疗保障管理事务（款）之行政运行（项），本年预算为 130.70 万元，比上年增加 4.30 万元。"
            + "2、卫生健康支出（类）医疗保障管理事务（款）之一般行政管理事务（项），本年预算为 0.00 万元，比上年减少 9.60 万元。"
            + "3、住房保障支出（类）住房改革支出（款）之住房公积金（项），本年预算为 1,015.60 万元，比上年新增 15.60 万元。"
        let items = StatedItems.read(text)
        #expect(items.map(\.className) == ["卫生健康支出", "卫生健康支出", "住房保障支出"])
        #expect(items.map(\.current) == [Amount("130.70")!, .zero, Amount("1015.60")!])
        #expect(items.map(\.previous) == [Amount("126.40")!, Amount("9.60")!, Amount("1000")!])
    }

    @Test func tablesAreLaidOutAsPrinted() {
        var t = BudgetTable(kind: .expenditure, title: "部门支出总体情况表", preparer: "示例局",
                            columns: StandardTable.expenditure.columns(in: .edition2024))
        t.rows = [
            TableRow(key: .grandTotal, name: "总计", role: .total, cells: [Cell(Amount("7")!), Cell(Amount("7")!), nil]),
            TableRow(key: .code("2101502"), code: "2101502", name: "一般行政管理事务", role: .item,
                     cells: [Cell(Amount("7")!), Cell(Amount("7")!), nil]),
        ]
        let html = HTMLRenderer.table(PrintedTable(t, unit: "万元"))
        #expect(html.contains("<th class=\"nowrap\" colspan=\"3\">功能分类科目编码</th><th rowspan=\"2\">功能分类科目名称</th>"))
        #expect(html.contains("<th>类</th><th>款</th><th>项</th>"))
        #expect(html.contains("<td class=\"code\">210</td><td class=\"code\">15</td><td class=\"code\">02</td><td class=\"label\">一般行政管理事务</td><td class=\"amount\">7.00</td><td class=\"amount\">7.00</td><td class=\"amount\"></td>"))
        #expect(html.contains("编制部门：示例局") && html.contains("单位：万元"))
    }

    @Test func amountsArePublishedWithThousandsSeparators() {
        #expect(Amount("1297.28")!.published == "1,297.28")
        #expect(Amount("1234567.5")!.published == "1,234,567.50")
        #expect(Amount("-12345.6")!.published == "-12,345.60")
        #expect(Amount("999.99")!.published == "999.99" && Amount.zero.published == "0.00")
        #expect(Amount("0.0001")!.published == "0.0001" && Amount("100000")!.published == "100,000.00")
    }

    @Test(.enabled(if: RenderSeeds.available, "../shared/seeds is absent"))
    func aPageAsAnOfficerWouldPublishIt() throws {
        let d = try RenderSeeds.read("000")
        let html = HTMLRenderer().page(d)
        // A table cell prints 1,297.28, as the published document and the explanation do.
        #expect(html.contains("<td class=\"amount\">1,297.28</td>"))
        #expect(!html.contains("<td class=\"amount\">1297.28</td>"))
        // 功能分类科目编码 is kept on one line; headings stay with what follows.
        #expect(html.contains("<th class=\"nowrap\" colspan=\"3\">功能分类科目编码</th>"))
        #expect(html.contains("table.budget th.nowrap { white-space: nowrap; }"))
        #expect(html.contains("h1, h2, h3, h4, .table-number { break-after: avoid;"))

        // The contents lists 表1–表11 under 第二部分, before 第三部分.
        let parts = Outline.partTitles(d)
        let contents = Outline.contents(d)
        #expect(Outline.blocks(d).contains(.contents(contents)))
        #expect(contents.filter { $0.level == 1 }.map(\.text) == parts)
        let second = try #require(contents.firstIndex { $0.text == parts[1] })
        let third = try #require(contents.firstIndex { $0.text == parts[2] })
        let tables = contents.indices.filter { contents[$0].level == 2 }
        #expect(tables.map { contents[$0].text } == d.tables.map { "表\($0.kind.rawValue) \($0.title)" })
        #expect(tables.allSatisfy { second < $0 && $0 < third }, "every table entry sits under 第二部分")

        // Table 6: 总计 and 类 bold, 款 plain, as in the other tables.
        let table6 = try #require(d.table(.basicByEconomicClass))
        let printed = PrintedTable(table6, unit: d.unit)
        for (row, line) in zip(table6.rows, printed.body) {
            switch row.role {
            case .total, .classLevel: #expect(line.emphasis != .plain, "\(row.key) bold")
            case .section: #expect(line.emphasis == .plain, "\(row.key) plain")
            default: break
            }
        }
        #expect(table6.rows.contains { $0.role == .section } && table6.rows.contains { $0.role == .classLevel })
    }
}

@Suite struct MarkdownRenderTests {
    @Test(.enabled(if: RenderSeeds.available, "../shared/seeds is absent"))
    func everyPartAndEveryTableAsPipeTables() throws {
        let d = try RenderSeeds.read("001")
        let md = MarkdownRenderer().text(d)
        for part in Outline.partTitles(d) { #expect(md.contains("## \(part)\n")) }
        for table in d.tables { #expect(md.contains("### 表\(table.kind.rawValue) \(table.title)\n")) }
        #expect(md.contains("| 功能分类科目编码 类 | 功能分类科目编码 款 | 功能分类科目编码 项 | 功能分类科目名称 | 合计 | 基本支出 | 项目支出 |"))
        #expect(md.contains("| 210 | 15 | 02 | 一般行政管理事务 | 77.00 |  | 77.00 |"))
        for section in d.sections { #expect(md.contains("### \(section.number)、")) }
        for entry in d.glossary { #expect(md.contains(entry.term)) }
        // Every row of every table is one line of its pipe table.
        let lines = md.split(separator: "\n").filter { $0.hasPrefix("| ") }.count
        let rows = d.tables.reduce(0) { $0 + PrintedTable($1, unit: d.unit).body.count + 1 }
        #expect(lines >= rows)
    }
}
