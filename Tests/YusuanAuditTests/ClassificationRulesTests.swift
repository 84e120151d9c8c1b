import Testing
@testable import YusuanAudit
import YusuanModel

/// The classification rules against the shipped 政府收支分类科目 catalogue.
struct ClassificationRulesTests {
    static func findings(_ d: Disclosure, _ rule: String? = nil) -> [Finding] {
        ClassificationRules.check(AuditContext(disclosure: d)).filter { rule == nil || $0.rule == rule }
    }

    static func row(_ code: String, _ name: String, line: Int) -> TableRow {
        let role: RowRole = code.count == 3 ? .classLevel : code.count == 5 ? .section : .item
        return TableRow(key: .code(code), code: code, name: name, role: role, cells: [Cell(Amount(1))],
                        source: SourceLocation(line: line))
    }

    /// A table 3 with the given functional rows and a table 6 with the given economic rows.
    static func document(functional: [(String, String)], economic: [(String, String)] = []) -> Disclosure {
        let t3 = BudgetTable(kind: .expenditure, title: "部门支出总体情况表", columns: [.total],
                             rows: functional.enumerated().map { row($1.0, $1.1, line: 10 + $0) })
        let t6 = BudgetTable(kind: .basicByEconomicClass, title: "一般公共预算基本支出情况表", columns: [.total],
                             rows: economic.enumerated().map { row($1.0, $1.1, line: 50 + $0) })
        return Disclosure(department: "测试局", year: 2025, format: .edition2024, tables: [t3, t6])
    }

    static let consistent: [(String, String)] = [
        ("210", "卫生健康支出"), ("21015", "医疗保障管理事务"), ("2101506", "医疗保障经办事务"),
        ("21017", "中医药事务"), ("2101704", "中医(民族医)药专项"),   // half-width brackets as printed by some
        ("221", "住房保障支出"), ("22102", "住房改革支出"), ("2210201", "住 房 公 积 金"),
        ("201", "一般公共服务支出"), ("2010101", "行政运行"),          // 201 is listed at 类 level only
    ]
    static let economic: [(String, String)] = [("302", "商品和服务支出"), ("30213", "维修(护)费"), ("30231", "公务用车运行维护费")]

    @Test func catalogue() {
        let c = ClassificationCatalogue.standard
        #expect(c.edition == 2025)
        #expect(c.name("2101506") == "医疗保障经办事务" && c.name("30110") == "职工基本医疗保险缴费")
        #expect(c.name("234") == "抗疫特别国债安排的支出")
        // 类 201–234 complete, 款/项 for the detailed classes, economic 类 and 款.
        for code in ["201", "207", "209", "213", "224", "227", "229", "233", "205", "206", "208", "210", "221"] {
            #expect(c.name(code) != nil, "\(code)")
        }
        #expect(c.detailedClasses.isSuperset(of: ["205", "206", "208", "210", "221"]))
        for code in ["30101", "30199", "30201", "30299", "30302", "30399", "31002", "39999"] { #expect(c.name(code) != nil, "\(code)") }
        #expect(c.covers("2010101") == false && c.covers("2101599") && c.covers("201"))
    }

    /// The edition follows the document's year: its own, else the latest before, else the earliest after.
    @Test func editionFollowsTheYear() throws {
        func edition(_ year: Int) -> ClassificationCatalogue {
            ClassificationCatalogue(text: "# edition: \(year)\ncode\tname\n210\t卫生健康支出 \(year)\n")
        }
        let shipped = [edition(2023), edition(2025)]
        for (year, expected) in [(2023, 2023), (2024, 2023), (2025, 2025), (2026, 2025), (2022, 2023)] {
            #expect(ClassificationCatalogue.edition(for: year, among: shipped)?.edition == expected, "\(year)")
        }
        #expect(ClassificationCatalogue.edition(for: 2025, among: []) == nil)
        #expect(ClassificationCatalogue.editions.map(\.edition) == [2025])
        // A 2025 document judged by its own edition says nothing of it; a 2023 one names the edition used.
        var rows = Self.consistent
        rows[1] = ("21015", "医疗保障事务")
        var d = Self.document(functional: rows)
        let own = try #require(Self.findings(d, "classification.name").first)
        #expect(own.message.hasSuffix("中为“医疗保障管理事务”"))
        d.year = 2023
        let older = try #require(Self.findings(d, "classification.name").first)
        #expect(older.message.hasSuffix("2025 年政府收支分类科目中为“医疗保障管理事务”（未收 2023 年版，按 2025 年版核对）"))
    }

    /// The one key names are compared by (classification names, table 7 and performance-table
    /// projects): no spaces, bracket widths made equal; a project's key also drops （上年结转）.
    @Test func namesCompareWithoutSpacesAndBracketWidths() {
        #expect(ClassificationCatalogue.normalised("巴财社〔2023〕79 号 （本级）【部分】") == "巴财社[2023]79号(本级)[部分]")
        #expect(PerformanceRules.key("离休人员医疗保障（本级）（上年结转）") == "离休人员医疗保障(本级)")
        #expect(PerformanceRules.key("综合业务费 (结转)") == "综合业务费")
    }

    /// The key and the bytes without whitespace are read on bytes: they agree with the
    /// same done scalar by scalar, for every space of Unicode's White_Space, every bracket
    /// made half-width, and the scalars that share their lead bytes without being either.
    @Test func bytewiseKeysAgreeWithScalars() {
        func reference(_ s: String, brackets: Bool) -> String {
            var out = String.UnicodeScalarView()
            for c in s.unicodeScalars where !c.properties.isWhitespace {
                switch (brackets, c) {
                case (true, "（"): out.append("(")
                case (true, "）"): out.append(")")
                case (true, "【"), (true, "〔"), (true, "［"): out.append("[")
                case (true, "】"), (true, "〕"), (true, "］"): out.append("]")
                default: out.append(c)
                }
            }
            return String(out)
        }
        let spaces = "\t\n\u{0B}\u{0C}\r \u{85}\u{A0}\u{1680}\u{2000}\u{2005}\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}"
        let others = "（）【】〔〕［］％，。、\u{A9}\u{1681}\u{200B}\u{2030}\u{3001}\u{FF01}\u{0}\u{1F}a1预算"
        let pieces = (spaces + others).map(String.init)
        for (i, a) in pieces.enumerated() {
            for b in pieces[i...] {
                let text = "医疗" + a + "保障" + b
                #expect(ClassificationCatalogue.normalised(text) == reference(text, brackets: true), "\(text.unicodeScalars.map(\.value))")
                #expect(Text.withoutWhitespace(text) == reference(text, brackets: false))
                #expect(String(decoding: Spaces.bytesWithoutWhitespace(text), as: UTF8.self) == reference(text, brackets: false))
            }
        }
        // A name without a space or a full-width form is its own key.
        #expect(ClassificationCatalogue.normalised("城乡居民基本医疗保险") == "城乡居民基本医疗保险")
        #expect(PerformanceRules.unitKey(" ％ ") == "%" && PerformanceRules.unitKey("万人") == "万人" && PerformanceRules.unitKey(nil) == "")
    }

    @Test func consistentNamesAreSilent() {
        #expect(Self.findings(Self.document(functional: Self.consistent, economic: Self.economic)).isEmpty)
    }

    @Test func unknownFunctionalCode() throws {
        var rows = Self.consistent
        rows[2] = ("2101507", "医疗保障经办事务")
        let f = try #require(Self.findings(Self.document(functional: rows), "classification.unknown-code").first)
        #expect(f.severity == .error && f.table == 3 && f.row == "2101507" && f.line == 12)
        #expect(Self.findings(Self.document(functional: rows)).count == 1)
    }

    @Test func unknownEconomicCode() throws {
        var rows = Self.economic
        rows[1] = ("30230", "维修(护)费")
        let f = try #require(Self.findings(Self.document(functional: Self.consistent, economic: rows), "classification.unknown-code").first)
        #expect(f.table == 6 && f.row == "30230" && f.line == 51)
    }

    @Test func unknownClass() throws {
        var rows = Self.consistent
        rows[8] = ("218", "一般公共服务支出")
        let f = try #require(Self.findings(Self.document(functional: rows), "classification.unknown-code").first)
        #expect(f.row == "218")
    }

    @Test func differentName() throws {
        var rows = Self.consistent
        rows[1] = ("21015", "医疗保障事务")
        let f = try #require(Self.findings(Self.document(functional: rows), "classification.name").first)
        #expect(f.severity == .warning && f.table == 3 && f.row == "21015" && f.line == 11)
        #expect(f.message.contains("医疗保障事务") && f.computation?.contains("医疗保障管理事务") == true)
    }

    /// The seeds: 000–003 print every code with its catalogue name; 004 prints two
    /// names of other editions; 003 books a fund subsidy as wages.
    @Test(.auditSeeds) func seeds() throws {
        for seed in ["000", "001", "002"] {
            let d = try AuditSeeds.context(seed).disclosure
            #expect(Self.findings(d).isEmpty, "\(seed): \(Self.findings(d).map(\.message))")
        }
        // 003's table 7 prints 总计 6,233.52 | 5,869.52 | 22.00 | 342.00: with 22.00 the 商品和服务支出
        // of two projects, 5,869.52 (the 城乡居民 fund subsidy, 2101202) can only be 工资福利支出.
        let wages = Self.findings(try AuditSeeds.context("003").disclosure)
        #expect(wages.count == 1)
        let w = try #require(wages.first)
        #expect(w.rule == "classification.project-economic" && w.severity == .error && w.table == 7 && w.line == 703)
        #expect(w.row == "库尔勒市医疗保障局/2101202|部门专项-2021、2022、2023 年度城乡居民医疗保险财政补助资金")
        #expect(w.column == "工资福利支出" && w.stated == Amount("5869.52") && w.expected == .zero)
        let found = Self.findings(try AuditSeeds.context("004").disclosure)
        #expect(found.count == 3)
        // Table 7 books the 人身意外伤害保险 subsidy (2100399, 151.58) as 对社会保障基金补助, which
        // only fund subsidies take (000 and 003 book the same subsidy to individuals under 21013).
        #expect(found.contains {
            $0.rule == "classification.project-economic" && $0.severity == .warning && $0.table == 7
                && $0.row?.hasPrefix("2100399|") == true && $0.column == "对社会保障基金补助" && $0.line == 763
                && $0.stated == Amount("151.58")
        })
        // Table 4 prints 234 as 抗疫特别国债还本支出 (table 1 of the same document: 抗疫特别国债安排的支出).
        #expect(found.contains { $0.rule == "classification.name" && $0.table == 4 && $0.row == "234" && $0.line == 487 })
        // Table 6 prints 30110 under its older name 城镇职工基本医疗保险缴费.
        #expect(found.contains { $0.rule == "classification.name" && $0.table == 6 && $0.row == "30110" && $0.line == 592 })
    }

    /// 000 books its 城乡居民 fund subsidy (2101202, 921.93) as 对社会保障基金补助: silent;
    /// moved to 工资福利支出, it fires; under a code that is no fund subsidy, it does not.
    @Test(.auditSeeds) func fundSubsidyBookedAsWages() throws {
        var d = try AuditSeeds.context("000").disclosure
        #expect(Self.findings(d, "classification.project-economic").isEmpty)
        let t = try #require(d.tables.firstIndex { $0.kind == .projects })
        let r = try #require(d.tables[t].rows.firstIndex { $0.role == .project && $0.code == "2101202" })
        let wages = try #require(d.tables[t].columnIndex(.wages)), fund = try #require(d.tables[t].columnIndex(.socialSecurityFund))
        d.tables[t].rows[r].cells[wages] = d.tables[t].rows[r].cells[fund]
        d.tables[t].rows[r].cells[fund] = nil
        let f = try #require(Self.findings(d, "classification.project-economic").first)
        #expect(f.stated == Amount("921.93") && f.column == "工资福利支出" && f.line != nil)
        d.tables[t].rows[r].code = "2101506"
        #expect(Self.findings(d, "classification.project-economic").isEmpty)
    }

    /// The example books each project as its code says: silent. Its fund subsidy (2101202, 640.00)
    /// moved to 工资福利支出 is an error, to 商品和服务支出 a warning, and an error where the reader
    /// recorded the row's columns as ambiguous is a warning; its 经办 project (2101506) moved to
    /// 对社会保障基金补助 is a warning.
    @Test func projectColumnsOnTheExample() throws {
        let rule = "classification.project-economic"
        let base = try AuditExample.disclosure()
        #expect(Self.findings(base, rule).isEmpty)
        func moved(_ code: String, from: ColumnKey, to: ColumnKey) throws -> (Disclosure, RowKey) {
            var d = base
            let t = try #require(d.tables.firstIndex { $0.kind == .projects })
            let r = try #require(d.tables[t].rows.firstIndex { $0.role == .project && $0.code == code })
            let a = try #require(d.tables[t].columnIndex(from)), b = try #require(d.tables[t].columnIndex(to))
            d.tables[t].rows[r].cells[b] = d.tables[t].rows[r].cells[a]
            d.tables[t].rows[r].cells[a] = nil
            return (d, d.tables[t].rows[r].key)
        }
        var (wages, key) = try moved("2101202", from: .socialSecurityFund, to: .wages)
        var f = try #require(Self.findings(wages, rule).first)
        #expect(Self.findings(wages, rule).count == 1)
        #expect(f.severity == .error && f.table == 7 && f.row == key.rawValue && f.column == "工资福利支出")
        #expect(f.stated == Amount("640.00") && f.expected == .zero && f.line != nil)
        wages.ambiguities = [Ambiguity(table: 7, row: key, message: "", chosen: [.total, .wages],
                                       alternatives: [[.total, .socialSecurityFund]], source: nil)]
        #expect(Self.findings(wages, rule).map(\.severity) == [.warning])
        let (goods, _) = try moved("2101202", from: .socialSecurityFund, to: .goodsAndServices)
        f = try #require(Self.findings(goods, rule).first)
        #expect(f.severity == .warning && f.column == "商品和服务支出")
        let fund: Disclosure
        (fund, key) = try moved("2101506", from: .goodsAndServices, to: .socialSecurityFund)
        f = try #require(Self.findings(fund, rule).first)
        #expect(f.severity == .warning && f.row == key.rawValue && f.column == "对社会保障基金补助" && f.stated == Amount("6.00"))
    }

    @Test(.auditSeeds) func seedMutation() throws {
        var d = try AuditSeeds.context("000").disclosure
        let t = try #require(d.tables.firstIndex { $0.kind == .generalPublic })
        let r = try #require(d.tables[t].rows.firstIndex { $0.key == .code("2101550") })
        d.tables[t].rows[r].name = "事业单位运行"
        let f = try #require(Self.findings(d).first)
        #expect(f.rule == "classification.name" && f.table == 5 && f.row == "2101550")
        d.tables[t].rows[r].code = "2101551"
        #expect(Self.findings(d).map(\.rule) == ["classification.unknown-code"])
    }
}
