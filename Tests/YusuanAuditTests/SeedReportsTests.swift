import Testing
@testable import YusuanAudit
import YusuanModel

/// The whole report on each seed, one line a finding as a reviewer would list it: rule,
/// severity, place (table and row, performance table, or section) and source line, in
/// the order reported. Each line was checked by hand against the document; why each is
/// at its place and level is spelled out in its family's suite (TableRulesTests,
/// TextFamiliesOnSeedsTests, PerformanceRulesTests, ClassificationRulesTests,
/// ProjectArithmeticRulesTests, CausesTests). Nothing else may be reported.
@Suite(.auditSeeds) struct SeedReportsTests {
    static func summary(_ f: Finding) -> String {
        let place: String
        if let table = f.table {
            let row = f.row.map { String($0.split(separator: "|", omittingEmptySubsequences: false)[0]) } ?? ""
            place = row.isEmpty ? "表\(table)" : "表\(table) \(row)"
        } else {
            place = f.row ?? "第\(f.section ?? "")节"
        }
        return "\(f.rule) \(f.severity.rawValue) \(place) @\(f.line.map(String.init) ?? "-")"
    }

    static let expected: [String: [String]] = [
        "000": [
            "arithmetic.hierarchy warning 表2 20805 @195",
            "arithmetic.hierarchy warning 表3 20805 @342",
            "arithmetic.hierarchy warning 表5 20805 @489",
            "arithmetic.hierarchy warning 表6 301 @544",
            "reconciliation.function-economic error 表6 30109 @495",
            "reconciliation.function-economic error 表6 30110 @554",
            "year-on-year.from-zero warning 第五节 @912",
            "year-on-year.from-zero warning 第五节 @955",
            "wording.unchanged warning 第十节 @1147",
            "performance.goal-indicator warning 部门整体 @1299",
        ],
        "001": [
            "arithmetic.hierarchy warning 表1 支出总计 @120",
            "arithmetic.row-identity warning 表2 210 @138",
            "arithmetic.row-identity warning 表3 210 @179",
            "arithmetic.hierarchy warning 表5 210 @253",
            "arithmetic.hierarchy warning 表6 301 @281",
            "year-on-year.from-zero warning 第五节 @485",
            "year-on-year.from-zero warning 第五节 @487",
            "wording.reason-direction error 第三节 @425",
            "wording.reason-vague warning 第三节 @427",
            "wording.unchanged warning 第十节 @553",
            "wording.repeated-use warning 第十一节 @559",
            "performance.goal-indicator warning 2025 年医疗保障基金专项行动和全民参保征缴服务 @652",
            "project-arithmetic.unit-slip warning 第七节 @513",
        ],
        "002": [
            "arithmetic.hierarchy warning 表2 20805 @259",
            "arithmetic.hierarchy warning 表3 20805 @388",
            "arithmetic.hierarchy warning 表5 20805 @520",
            "arithmetic.hierarchy warning 表6 总计 @561",
            "reconciliation.function-economic error 表6 30113 @581",
            "reconciliation.function-economic error 表6 30110 @575",
            "text.project-count error 表7 @1472",
            "year-on-year.from-zero warning 第五节 @1035",
            "year-on-year.from-zero warning 第五节 @1088",
            "wording.unchanged warning 第十节 @1390",
            "wording.operating-cost-reason warning 第十二节 @1429",
            "performance.cost-total warning 2025年综合业务费 @2602",
            "performance.satisfaction warning 2025年稽核费 @1557",
            "performance.below-last-year info 困难人群长护险资助缴费 @3216",
            "project-arithmetic.unit-slip warning 第七节 @1311",
            "project-arithmetic.formula warning 第七节 @1354",
        ],
        "003": [
            "completeness.project-performance info 表7 库尔勒市医疗保障局/2101399 @707",
            "completeness.project-performance info 表7 库尔勒市医疗保障局/2101599 @729",
            "arithmetic.row-identity warning 表2 21015 @333",
            "arithmetic.hierarchy warning 表3 210 @381",
            "arithmetic.hierarchy warning 表6 总计 @570",
            "reconciliation.function-economic error 表6 30108 @580",
            "text.share warning 第五节 @980",
            "text.operating-cost warning 表6 总计 @1289",
            "year-on-year.from-zero warning 第二节 @899",
            "year-on-year.from-zero warning 第五节 @1037",
            "wording.unchanged warning 第二节 @884",
            "wording.unchanged warning 第十节 @1242",
            "performance.below-last-year info 部门专项-2021、2022、2023 年度城乡居民医疗保险财政补助资金 @1471",
            "classification.project-economic error 表7 库尔勒市医疗保障局/2101202 @703",
            "project-arithmetic.count-rate warning 第七节 @1156",
        ],
        "004": [
            "arithmetic.hierarchy error 表7 21012 @769",
            "reconciliation.functional-rows error 表3 2100399 @370",
            "reconciliation.function-economic warning 表6 30110 @592",
            "text.project-amount error 表7 2100399 @1167",
            "year-on-year.from-zero warning 第二节 @931",
            "year-on-year.from-zero warning 第二节 @947",
            "year-on-year.rate error 第五节 @1043",
            "year-on-year.from-zero warning 第五节 @1049",
            "year-on-year.rate error 第五节 @1059",
            "year-on-year.rate error 第五节 @1075",
            "year-on-year.from-zero warning 第五节 @1115",
            "year-on-year.new-item warning 第三节 @969",
            "wording.unchanged warning 第十节 @1313",
            "performance.cost-qualitative warning 2022 年人身意外伤害保险补助资金 @1511",
            "classification.name warning 表4 234 @487",
            "classification.name warning 表6 30110 @592",
            "classification.project-economic warning 表7 2100399 @763",
            "project-arithmetic.count-rate warning 第七节 @1255",
        ],
    ]

    @Test(arguments: ["000", "001", "002", "003", "004"])
    func report(_ seed: String) throws {
        let c = try AuditSeeds.context(seed)
        let found = Auditor.audit(c.disclosure, lines: c.lines, document: seed).findings
        #expect(found.map(Self.summary) == Self.expected[seed]!)
        // Every finding, and every place it names, points at its source line.
        #expect(found.flatMap(\.everyPlace).allSatisfy { $0.line != nil })
    }
}
