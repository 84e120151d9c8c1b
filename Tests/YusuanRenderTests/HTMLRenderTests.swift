import Foundation
import Testing
import YusuanModel
@testable import YusuanRender

@Suite struct HTMLRenderTests {
    /// The `data-value` and bar length of each element with this class.
    static func bars(_ html: String, svgClass: String, element: String) throws -> [(value: String, key: String, width: Double)] {
        let start = try #require(html.range(of: "<svg class=\"chart \(svgClass)\""))
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        let svg = String(html[start.lowerBound..<end.upperBound])
        let pattern = try NSRegularExpression(pattern:
            #"<g class="\#(element)" data-(?:code|part)="([^"]+)" data-value="([^"]+)"><(?:text[^>]*>[^<]*</text><)?rect [^>]*width="([0-9.]+)""#)
        return pattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { m in
            let s = { (i: Int) in String(svg[Range(m.range(at: i), in: svg)!]) }
            return (s(2), s(1), Double(s(3)) ?? -1)
        }
    }

    @Test(.enabled(if: RenderSeeds.available, "../shared/seeds is absent"), arguments: RenderSeeds.prefixes)
    func chartsDrawTableThreeAndEveryTableIsOnThePage(_ prefix: String) throws {
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

        // Bars: one per 类 of table 3, each with its 合计, lengths in proportion.
        let t3 = try #require(d.table(.expenditure))
        let classes = t3.rows.filter { $0.role == .classLevel }
        let bars = try Self.bars(html, svgClass: "by-class", element: "bar")
        #expect(bars.map(\.key) == classes.map { $0.code ?? "" })
        #expect(bars.map(\.value) == classes.map { t3[$0.key, .total]?.printed ?? "" })
        let largest = classes.compactMap { t3[$0.key, .total] }.max()!
        let longest = try #require(bars.map(\.width).max())
        for (bar, row) in zip(bars, classes) {
            let expected = Double(t3[row.key, .total]!.units) / Double(largest.units) * longest
            #expect(abs(bar.width - expected) < 0.02, "\(bar.key): width \(bar.width) for \(expected)")
        }
        // Basic against project spending: table 3's 总计 row.
        let slices = try Self.bars(html, svgClass: "basic-project", element: "slice")
        #expect(slices.map(\.key) == ["basic", "project"])
        #expect(slices.map(\.value) == [t3[.grandTotal, .basic]?.printed ?? "0.00", t3[.grandTotal, .project]?.printed ?? "0.00"])
        let basic = t3[.grandTotal, .basic] ?? .zero, project = t3[.grandTotal, .project] ?? .zero
        if slices.count == 2, !(basic + project).isZero {
            let share = slices[0].width / (slices[0].width + slices[1].width)
            #expect(abs(share - Double(basic.units) / Double((basic + project).units)) < 0.0001)
        }
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
        let blocks = Outline.blocks(d)
        let contents = blocks.compactMap { block -> String? in
            if case .paragraph(let text) = block { return text } else { return nil }
        }
        let second = try #require(contents.firstIndex(of: parts[1]))
        let third = try #require(contents.firstIndex(of: parts[2]))
        let tables = contents.indices.filter { contents[$0].hasPrefix("　　表") && $0 < third + 1 }
        #expect(tables.count == d.tables.count)
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
