import Foundation
import Testing
@testable import YusuanAudit
@testable import YusuanCompose
import YusuanModel

/// The budget workbook: the example loads and composes, every form of it (YAML,
/// JSON, CSV, XLSX) gives the same budget, a malformed one reports all its
/// problems at once with their places, and the template loads.
@Suite struct WorkbookTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples")
    static let examplePath = examples.appendingPathComponent("demo-county-medical-insurance-2025.yaml").path

    static func example() throws -> Budget { try Workbook.load(contentsOf: examplePath) }

    /// A fresh temporary folder.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-workbook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func problems(_ body: () throws(WorkbookError) -> Budget) -> [Problem] {
        do {
            _ = try body()
            return []
        } catch {
            return error.problems
        }
    }

    // MARK: The example

    @Test func theExampleLoadsAndComposes() throws {
        let budget = try Self.example()
        #expect(budget.department == BudgetDepartment(name: "示例县医疗保障局", year: 2025, unitType: "行政", region: "示例县"))
        #expect(budget.items.count == 30)
        #expect(budget.overview.staffing?.active == HeadCount(count: 13, change: 1))
        #expect(budget.overview.offices?.names.count == 5)
        #expect(budget.projects.map(\.indicators.count) == [5, 4, 4])
        let first = try #require(budget.projects.first?.indicators.first?.target)
        #expect(first == IndicatorTarget(printed: ">=3.60 万人", comparison: .atLeast, number: Amount("3.60"), unit: "万人"))
        #expect(budget.projects[0].indicators[1].target.date == "2025-11-30")
        #expect(budget.projects[0].indicators[2].target.unit == "元/人")
        #expect(budget.signatureDate == "2025-02-12")
        #expect(Workbook.unnamedCodes(budget) == [], "the example names every code it uses")

        let d = try Composer.compose(budget)
        let t1 = try #require(d.table(.overall))
        #expect(t1[.incomeTotal, .budgeted] == Amount("892.95"))
        #expect(t1[.generalPublicOwn, .budgeted] == Amount("842.55"))
        #expect(t1[.generalPublicCarryOver, .budgeted] == Amount("9.60"))
        #expect(t1[.code("210"), .budgeted] == Amount("846.30"))
        let t2 = try #require(d.table(.income))
        #expect(t2[.grandTotal, .generalPublicTransfer] == Amount("40.80"))
        #expect(t2[.code("2101502"), .appropriationCarryOver] == Amount("9.60"))
        let t3 = try #require(d.table(.expenditure))
        #expect(t3[.grandTotal, .basic] == Amount("219.55"))
        #expect(t3[.grandTotal, .project] == Amount("673.40"))
        let t5 = try #require(d.table(.generalPublic))
        #expect(t5[.grandTotal, .total] == Amount("883.35"))
        #expect(t5[.code("2101506"), .project] == Amount("12.00"))
        #expect(t5[.code("2101501"), .basic] == Amount("130.70"))
        let t6 = try #require(d.table(.basicByEconomicClass))
        #expect(t6[.grandTotal, .personnel] == Amount("204.15"))
        #expect(t6[.grandTotal, .publicUse] == Amount("15.40"))
        #expect(t6[.code("30101"), .personnel] == Amount("80.60"))
        let t7 = try #require(d.table(.projects))
        func project(_ code: String, _ name: String) -> RowKey { .project(code: code, name: name).under(unit: "示例县医疗保障局") }
        #expect(t7[project("2101202", "城乡居民医保县级财政补助"), .socialSecurityFund] == Amount("615.00"))
        #expect(t7[project("2101399", "困难群众参加居民医保个人缴费资助"), .householdSubsidies] == Amount("36.80"))
        #expect(t7[project("2101506", "医保经办服务能力提升"), .goodsAndServices] == Amount("12.00"))
        let t10 = try #require(d.table(.threePublicCosts))
        #expect(t10[.total, .generalPublic] == Amount("2.40"))
        #expect(t10[.vehicleOperation, .total] == Amount("1.80"))
        let t11 = try #require(d.table(.carryOver))
        #expect(t11[.named("定点医药机构第三方核查（上年结转）"), .appropriationCarryProject] == Amount("9.60"))

        let families: Set<RuleFamily> = [.arithmetic, .reconciliation]
        let findings = Auditor.audit(d, document: "example").findings.filter { families.contains($0.family) }
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func theExampleGivesEveryReasonTheExplanationAsksFor() throws {
        let strict = try Workbook.load(contentsOf: Self.examplePath, strict: true)
        #expect(Workbook.neededReasons(strict).count == 21)
        // Without one reason, only the strict load refuses, at the previous-year figure's line.
        let text = try String(contentsOfFile: Self.examplePath, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let without = lines.filter { !$0.hasPrefix("  item.2101501:") }.joined(separator: "\n")
        let figureLine = try #require(lines.firstIndex { $0.hasPrefix("    \"2101501\": 126.40") }) + 1
        _ = try Workbook.load(yaml: without, file: "budget.yaml", directory: Self.examples)
        let problems = Self.problems { () throws(WorkbookError) in
            try Workbook.load(yaml: without, file: "budget.yaml", directory: Self.examples, strict: true)
        }
        #expect(problems == [Problem(file: "budget.yaml", line: figureLine, field: "reasons.item.2101501",
                                     reason: "fill in (待填写): previousYear.items.2101501 differs from this year, so the change needs a reason")])
    }

    // MARK: Every form gives the same budget

    @Test func yamlJSONCSVAndXLSXGiveTheSameBudget() throws {
        let fromCSV = try Self.example()
        let text = try String(contentsOfFile: Self.examplePath, encoding: .utf8)
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }

        // Inline items, written out by hand from the CSV rows.
        let csv = try String(contentsOf: Self.examples.appendingPathComponent("demo-items.csv"), encoding: .utf8)
        let inline = csv.split(separator: "\n").dropFirst().map { line -> String in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let project = f[4].isEmpty ? "" : ", project: \(f[4])"
            return "  - {function: \(f[0]), economic: \(f[1]), source: \(f[2]), kind: \(f[3])\(project), amount: \(f[5])}"
        }.joined(separator: "\n")
        let yaml = text.replacingOccurrences(of: "items: {csv: demo-items.csv}", with: "items:\n" + inline)
        #expect(yaml != text)
        let fromYAML = try Workbook.load(yaml: yaml, file: "inline.yaml")
        #expect(fromYAML == fromCSV)

        // JSON, as a program writes it.
        let json = try Workbook.json(fromCSV)
        #expect(json.contains("\"amounts\""))
        let fromJSON = try Workbook.load(yaml: json, file: "budget.json")
        #expect(fromJSON == fromCSV)

        // Items from an XLSX sheet, codes and amounts stored as numbers (one with float noise).
        var rows: [[XLSXFile.Value]] = [[.text("function"), .text("economic"), .text("source"), .text("kind"),
                                         .text("project"), .text("amount"), .text("notes")]]
        for item in fromCSV.items {
            let amount = item.amount == Amount("0.30")! ? "0.30000000000000004" : item.amount.description
            rows.append([.number(item.function), .number(item.economic), .text(item.source.rawValue),
                         .text(item.kind.rawValue), item.project.map { .text($0) } ?? .empty, .number(amount),
                         .text("备注")])
        }
        let sheets = [XLSXFile.SheetData(name: "其他", rows: [[.text("ignored")]]),
                      XLSXFile.SheetData(name: "items", rows: rows)]
        try XLSXFile.write(sheets).write(to: dir.appendingPathComponent("budget.xlsx"))
        let xlsxYAML = text.replacingOccurrences(of: "items: {csv: demo-items.csv}", with: "items: {xlsx: budget.xlsx}")
        try xlsxYAML.write(to: dir.appendingPathComponent("budget.yaml"), atomically: true, encoding: .utf8)
        let fromXLSXItems = try Workbook.load(contentsOf: dir.appendingPathComponent("budget.yaml").path)
        #expect(fromXLSXItems == fromCSV)

        // A whole XLSX workbook, in the template's layout.
        let whole = dir.appendingPathComponent("whole.xlsx")
        try Workbook.xlsx(fromCSV).write(to: whole)
        let fromXLSX = try Workbook.load(contentsOf: whole.path)
        #expect(fromXLSX == fromCSV)

        // And the CSV writer gives back the example's CSV.
        #expect(Workbook.csv(fromCSV.items) == csv)
    }

    // MARK: A malformed workbook

    static let malformed = """
        department:
          name: 示例县医疗保障局
          year: 二〇二五
        income:
          general: 100
          genral: 5
        items:
          - {function: 21015, economic: 30101, source: general, kind: personnel, amount: 50}
          - {function: 2101501, economic: 3021, source: general, kind: publicUse, amount: 10}
          - {function: 2101202, economic: 31302, source: general, kind: project, amount: 30}
          - {function: 2101501, economic: 30201, source: budget, kind: publicUse, amount: 1.2345678}
        names:
          "21O15": 医疗保障管理事务
        reasons:
          items.2101501: 新进人员
        projects:
          - name: 不存在的项目
        signatureDate: 2025-13-01
        remarks: 多余的字段
        """

    @Test func everyProblemOfAMalformedWorkbookIsReportedWithItsLineAndField() {
        let problems = Self.problems { () throws(WorkbookError) in try Workbook.load(yaml: Self.malformed, file: "bad.yaml") }
        let expected: [(Int, String, String)] = [
            (3, "department.year", "\"二〇二五\" is not a whole number"),
            (6, "income.genral", "\"genral\" is not a source of funds"),
            (8, "items[0].function", "\"21015\" is not a 7-digit functional 项 code"),
            (9, "items[1].economic", "\"3021\" is not a 5-digit economic 款 code"),
            (10, "items[2].project", "fill in (待填写): a project item needs its project name"),
            (11, "items[3].source", "\"budget\" is not a source of funds"),
            (11, "items[3].amount", "\"1.2345678\" is not an exact decimal number of at most six decimal places"),
            (13, "names.21O15", "\"21O15\" is not a classification code"),
            (15, "reasons.items.2101501", "unknown reason key"),
            (18, "signatureDate", "\"2025-13-01\" is not a date YYYY-MM-DD"),
            (19, "remarks", "unknown field"),
            (17, "projects[0].name", "no line item names the project \"不存在的项目\""),
        ]
        // (the last is checked only when every item could be read; here they could not)
        let wanted = expected.filter { $0.1 != "projects[0].name" }
        #expect(problems.count == wanted.count, "\(problems.map(\.description))")
        for (line, field, reason) in wanted {
            #expect(problems.contains { $0.file == "bad.yaml" && $0.line == line && $0.field == field && $0.reason.hasPrefix(reason) },
                    "missing \(line) \(field): \(reason) in \(problems.map(\.description))")
        }
        #expect(problems.allSatisfy { $0.description.hasPrefix("bad.yaml:\($0.line!): \($0.field): ") })
        #expect(WorkbookError(problems: problems).description.split(separator: "\n").count == wanted.count)
    }

    @Test func incomeIsCheckedAgainstTheItemsAtTheIncomeLine() {
        let yaml = """
            department: {name: 示例县医疗保障局, year: 2025}
            income:
              general: 100
              carryOverGeneral: 3
            items:
              - {function: 2101501, economic: 30101, source: general, kind: personnel, amount: 60}
              - {function: 2101506, economic: 30227, source: generalTransfer, kind: project, project: 经办, amount: 5}
              - {function: 2101506, economic: 30227, source: carryOverGeneral, kind: project, project: 经办结转, amount: 2}
            projects:
              - {name: 经办}
              - {name: 宣传}
            """
        let problems = Self.problems { () throws(WorkbookError) in try Workbook.load(yaml: yaml, file: "b.yaml") }
        #expect(problems.map(\.description) == [
            "b.yaml:11: projects[1].name: no line item names the project \"宣传\"",
            "b.yaml:3: income.general: stated 100.00 but the line items spend 60.00",
            "b.yaml:2: income.generalTransfer: stated 0 but the line items spend 5.00",
            "b.yaml:4: income.carryOverGeneral: stated 3.00 but the carried-over line items spend 2.00",
        ])
    }

    @Test func csvAndXLSXProblemsNameTheirFileLineSheetAndCell() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
            function,economic,source,kind,project,amount
            2101501,30101,general,personnel,,50
            2101501,301,general,personnel,,5
            "2101506",30227,general,project,"宣传, 培训",abc

            2101501,30201,general,staff,,1
            """.write(to: dir.appendingPathComponent("items.csv"), atomically: true, encoding: .utf8)
        try """
            department: {name: 示例县医疗保障局, year: 2025}
            overview:
              staffing: {authorized: 10, actual: -1}
            items: {csv: items.csv}
            """.write(to: dir.appendingPathComponent("csv.yaml"), atomically: true, encoding: .utf8)
        let csvProblems = Self.problems { () throws(WorkbookError) in
            try Workbook.load(contentsOf: dir.appendingPathComponent("csv.yaml").path)
        }
        let d = dir.path
        #expect(csvProblems.map(\.description) == [
            "\(d)/csv.yaml:3: overview.staffing.actual: -1 is out of range (0…)",
            "\(d)/csv.yaml:3: overview.staffing.active: fill in (待填写): count and change are required",
            "\(d)/csv.yaml:3: overview.staffing.retired: fill in (待填写): count and change are required",
            "\(d)/csv.yaml:3: overview.staffing.honorablyRetired: fill in (待填写): count and change are required",
            "\(d)/items.csv:3: items[1].economic: \"301\" is not a 5-digit economic 款 code (经济分类款级科目编码，如 30201)",
            "\(d)/items.csv:4: items[2].amount: \"abc\" is not an exact decimal number of at most six decimal places (e.g. 12.34)",
            "\(d)/items.csv:6: items[3].kind: \"staff\" is not a kind of spending (one of personnel, publicUse, project)",
        ])

        let rows: [[XLSXFile.Value]] = [
            [.text("function 功能分类"), .text("economic"), .text("source"), .text("kind"), .text("amount"), .text("remark")],
            [.text("2101501"), .text("30101"), .text("general"), .text("personnel"), .number("12.5")],
            [.text("2101501"), .text("30101"), .empty, .text("personnel"), .number("-3")],
        ]
        try XLSXFile.write([XLSXFile.SheetData(name: "支出明细 items", rows: rows)])
            .write(to: dir.appendingPathComponent("items.xlsx"))
        let xlsxProblems = Self.problems { () throws(WorkbookError) in
            try Workbook.load(yaml: "department: {name: 局, year: 2025}\nitems: {xlsx: items.xlsx}\n", file: "x.yaml",
                              directory: dir)
        }
        #expect(xlsxProblems.map(\.description) == [
            "\(d)/items.xlsx[支出明细 items!F1]: items: unknown column \"remark\" (the columns are function, economic, source, kind, project, amount, notes)",
            "\(d)/items.xlsx[支出明细 items!C3]: items[1].source: fill in (待填写)",
            "\(d)/items.xlsx[支出明细 items!E3]: items[1].amount: -3.00 is negative",
        ])

        var fixed = rows
        fixed[0][5] = .text("notes 说明")
        try XLSXFile.write([XLSXFile.SheetData(name: "支出明细 items", rows: fixed)])
            .write(to: dir.appendingPathComponent("items.xlsx"))
        let cellProblems = Self.problems { () throws(WorkbookError) in
            try Workbook.load(yaml: "department: {name: 局, year: 2025}\nitems: {xlsx: items.xlsx}\n", file: "x.yaml",
                              directory: dir)
        }
        #expect(cellProblems.map(\.description) == [
            "\(d)/items.xlsx[支出明细 items!C3]: items[1].source: fill in (待填写)",
            "\(d)/items.xlsx[支出明细 items!E3]: items[1].amount: -3.00 is negative",
        ])
        let missing = Self.problems { () throws(WorkbookError) in
            try Workbook.load(yaml: "department: {name: 局, year: 2025}\nitems: {xlsx: nosuch.xlsx}\n", file: "x.yaml",
                              directory: dir)
        }
        #expect(missing.map(\.description) == ["x.yaml:2: items.xlsx: no such file: \(d)/nosuch.xlsx"])
    }

    @Test func aYAMLSyntaxErrorNamesItsLine() {
        let problems = Self.problems { () throws(WorkbookError) in
            try Workbook.load(yaml: "department:\n  name: 局\n  year: [2025\nincome: {}\n", file: "s.yaml")
        }
        #expect(problems.count == 1)
        #expect(problems.first?.field == "(syntax)")
        #expect((problems.first?.line ?? 0) >= 3)
    }

    // MARK: The template

    @Test func theYAMLTemplateLoadsWithOnlyTheFillInProblems() throws {
        let problems = Self.problems { () throws(WorkbookError) in try Workbook.load(yaml: WorkbookTemplate.yaml, file: "t.yaml") }
        #expect(problems.map(\.field) == ["department.name", "department.year"])
        #expect(problems.allSatisfy { $0.isFillIn })
        let lines = WorkbookTemplate.yaml.components(separatedBy: "\n")
        #expect(problems.map { lines[$0.line! - 1].trimmingCharacters(in: .whitespaces).prefix(5) } == ["name:", "year:"])

        let filled = WorkbookTemplate.yaml
            .replacingOccurrences(of: "  name:                  #", with: "  name: 示例县医疗保障局 #")
            .replacingOccurrences(of: "  year:                  #", with: "  year: 2026 #")
        let budget = try Workbook.load(yaml: filled, file: "t.yaml")
        #expect(budget.department.name == "示例县医疗保障局")
        #expect(budget.items.isEmpty && budget.projects.isEmpty && budget.procurement == nil)
        let d = try Composer.compose(budget)
        #expect(d.tables.count == 11)
    }

    @Test func theXLSXTemplateLoadsWithOnlyTheFillInProblemsAtTheirCells() throws {
        let data = try WorkbookTemplate.xlsx()
        let sheets = try XLSXFile.read(data)
        #expect(sheets.map(\.name) == ["说明 readme", "部门 department", "收入 income", "支出明细 items", "科目名称 names",
                                      "上年数 previousYear", "原因 reasons", "项目 projects"])
        #expect(sheets[3][1, 1] == "function 功能分类科目编码（7位）" && sheets[3][1, 7] == "notes 说明")
        #expect(sheets[1].cells.values.contains { $0[1] == "overview.staffing.active.count" && $0[3] == "人数 — head count" })
        let problems = Self.problems { () throws(WorkbookError) in try Workbook.load(xlsx: data, file: "t.xlsx") }
        #expect(problems.map(\.description) == [
            "t.xlsx[部门 department!B3]: department.name: fill in (待填写)",
            "t.xlsx[部门 department!B4]: department.year: fill in (待填写)",
        ])
    }
}
