import Testing
@testable import YusuanRead
import YusuanModel

// MARK: - Targets

@Suite struct PerformanceTargetTests {
    @Test func comparisonWithNumberAndUnit() {
        let t = IndicatorTarget(parsing: ">=6.20 万人")
        #expect(t.printed == ">=6.20 万人")
        #expect(t.comparison == .atLeast)
        #expect(t.number == Amount("6.20"))
        #expect(t.unit == "万人")
        #expect(t.date == nil)
    }

    @Test func spacedAndFullWidthOperators() {
        let spaced = IndicatorTarget(parsing: "< =0.7 万元")
        #expect(spaced.comparison == .atMost)
        #expect(spaced.number == Amount("0.7"))
        #expect(spaced.unit == "万元")
        #expect(spaced.printed == "< =0.7 万元")
        #expect(IndicatorTarget(parsing: "＞=95%").comparison == .atLeast)
        #expect(IndicatorTarget(parsing: "＞=95%").unit == "%")
        #expect(IndicatorTarget(parsing: "≤20万元").comparison == .atMost)
        #expect(IndicatorTarget(parsing: "≥4 个").comparison == .atLeast)
        #expect(IndicatorTarget(parsing: "> =95%").comparison == .atLeast)
        #expect(IndicatorTarget(parsing: ">3 次").comparison == .greater)
        #expect(IndicatorTarget(parsing: "<2 天").comparison == .less)
    }

    @Test func equalityWithCompoundUnits() {
        let perPerson = IndicatorTarget(parsing: "=7.37 元/人")
        #expect(perPerson.comparison == .equal)
        #expect(perPerson.number == Amount("7.37"))
        #expect(perPerson.unit == "元/人")
        #expect(IndicatorTarget(parsing: "=100%").number == Amount(100))
        #expect(IndicatorTarget(parsing: "=0%").number == Amount.zero)
        #expect(IndicatorTarget(parsing: "=8区（县、市）").unit == "区（县、市）")
        #expect(IndicatorTarget(parsing: "=1,401 方").number == Amount(1401))
    }

    @Test func datesKeepTheirPrintedSuffix() {
        let before = IndicatorTarget(parsing: "2025 年 10 月 30日前")
        #expect(before.date == "2025-10-30")
        #expect(before.printed == "2025 年 10 月 30日前")
        #expect(before.comparison == nil)
        #expect(before.number == nil)
        #expect(IndicatorTarget(parsing: "2025年12月15日").date == "2025-12-15")
        #expect(IndicatorTarget(parsing: "2023 年 6 月").date == "2023-06")
        #expect(IndicatorTarget(parsing: "2025 年第一季度").date == nil)
    }

    @Test func qualitativeTargetsHaveNoParts() {
        for printed in ["有效减轻", "减轻", "成效明显", "显著提高", "每季度结束后的 15 日内"] {
            let t = IndicatorTarget(parsing: printed)
            #expect(t.printed == printed)
            #expect(t.comparison == nil && t.number == nil && t.unit == nil && t.date == nil)
        }
    }

    @Test func tidyJoinsWrappedChineseButKeepsOtherSpaces() {
        #expect(PerformanceReader.tidy("经济 成本 指标") == "经济成本指标")
        #expect(PerformanceReader.tidy("DRG 付费服务项目") == "DRG 付费服务项目")
        #expect(PerformanceReader.tidy("某县 2025 年工作计划") == "某县 2025 年工作计划")
    }
}

// MARK: - Hand-written tables

/// The hand-written date scanner accepts exactly what its grammar, written as a
/// regex here, accepts.
@Suite struct DatePrefixTests {
    static func grammar() -> Regex<AnyRegexOutput> { try! Regex(#"(19|20)\d\d(年((\d{1,2}(月(\d{1,2}(日(前|之前|以前)?)?)?)?)|底|末|第[一二三四1-4]季度)?)?"#) }

    @Test(arguments: [
        "2025", "2025年", "2025年1", "2025年12", "2025 年 12 月", "2025年12月3", "2025年12月31日", "2025年12月31日前",
        "2025年10月30日之前", "2025年6月以前", "2025年12月31日以前", "2025年底", "2025年末", "2025年第三季度", "2025年第4季度", "1999年",
        "2025年12月31日后", "2025年123", "2025年第五季度", "2025年第三季", "2025年底前", "2125", "202", "20255",
        "2025月", "年2025", "2025年12月31日以", "2025年1月1日前后", "",
    ])
    func scannerFollowsTheGrammar(_ text: String) {
        let compact = PerformanceReader.compact(text)
        #expect(PerformanceReader.IndicatorVocabulary.isDatePrefix(ArraySlice(compact.utf8)) == (compact.wholeMatch(of: Self.grammar()) != nil))
    }
}

@Suite struct PerformanceFragmentTests {
    /// A flattened 项目支出 table: wrapped labels, a comparison broken over three
    /// lines, a wrapped date, a qualitative target, a label glued to a name.
    static let flatProject = """
        项目支出绩效目标表
        （2025 年）
        预算单位 某县医疗保障局
        项目名称 2025 年示例项目 项目负责人 张三
        项目资金（万元） 年度预算总额： 12.5
        其中：财政
        拨款
        12.5 其他资金： 0
        项目总体目标
        完成示例工作，
        覆盖全县。
        一级
        指标
        二级
        指标
        三级指标 指标值
        指标值设置
        依据
        上年完成值 指标分值权重 指标赋分规则 佐证资料
        产出指
        标
        数量指
        标
        检查次数
        ＞
        =12
        次
        计划标准 10次 20
        按照完成比例赋
        分
        工作资
        料
        质量指标 检查覆盖率 =100% 行业标准 / 10 直接赋分 工作资料
        时效指标
        工作完成时间
        2025 年 12
        月 31 日前
        计划标准 / 10 直接赋分 工作资料
        成本指
        标
        经济成本
        指标
        检查经费成本
        ＜
        =10.2
        7 万元
        预算支出标
        准
        / 3.5
        按照完成比例赋分
        原始凭证,工作
        资料
        效益指
        标
        社会效益
        指标
        提升监管能力的
        作用
        有效
        保障
        自定义 / 26.5 按评判等级赋分 说明材料
        满意度
        指标
        满意度指标检查对象满意度 >=90% 计划标准 90% 20 满意度赋分 工作资料
        """

    static func lines(_ text: String) -> ArraySlice<SourceLine> {
        ArraySlice(SourceText(text).lines)
    }

    @Test func flattenedProjectHeader() throws {
        let table = try #require(PerformanceReader.readProject(Self.lines(Self.flatProject)))
        #expect(table.year == 2025)
        #expect(table.unit == "某县医疗保障局")
        #expect(table.project == "2025 年示例项目")
        #expect(table.owner == "张三")
        #expect(table.totalFunds == Amount("12.5"))
        #expect(table.fiscalFunds == Amount("12.5"))
        #expect(table.otherFunds == Amount.zero)
        #expect(table.overallGoal == "完成示例工作，覆盖全县。")
        #expect(table.source?.line == 1)
    }

    @Test func flattenedProjectRows() throws {
        let table = try #require(PerformanceReader.readProject(Self.lines(Self.flatProject)))
        let rows = table.indicators
        try #require(rows.count == 6)
        #expect(rows.map(\.name) == ["检查次数", "检查覆盖率", "工作完成时间", "检查经费成本", "提升监管能力的作用", "检查对象满意度"])
        #expect(rows.map(\.level1) == ["产出指标", "产出指标", "产出指标", "成本指标", "效益指标", "满意度指标"])
        #expect(rows.map(\.level2) == ["数量指标", "质量指标", "时效指标", "经济成本指标", "社会效益指标", "满意度指标"])
        #expect(rows.compactMap(\.weight).reduce(Amount.zero, +) == Amount(90))

        #expect(rows[0].target.printed == "＞=12次")
        #expect(rows[0].target.number == Amount(12))
        #expect(rows[0].lastYear == "10次")
        #expect(rows[0].scoringRule == "按照完成比例赋分")
        #expect(rows[0].evidence == "工作资料")
        #expect(rows[0].source?.line == 25)

        #expect(rows[1].basis == "行业标准")
        #expect(rows[1].lastYear == "/")
        #expect(rows[1].scoringRule == "直接赋分")

        #expect(rows[2].target.date == "2025-12-31")
        #expect(rows[2].target.printed == "2025 年 12月 31 日前")

        #expect(rows[3].target.comparison == .atMost)
        #expect(rows[3].target.number == Amount("10.27"))
        #expect(rows[3].target.unit == "万元")
        #expect(rows[3].basis == "预算支出标准")
        #expect(rows[3].weight == Amount("3.5"))
        #expect(rows[3].evidence == "原始凭证,工作资料")

        #expect(rows[4].target.printed == "有效保障")
        #expect(rows[4].target.comparison == nil)
        #expect(rows[4].basis == "自定义")
        #expect(rows[4].weight == Amount("26.5"))

        #expect(rows[5].target.comparison == .atLeast)
        #expect(rows[5].lastYear == "90%")
        #expect(rows[5].scoringRule == "满意度赋分")
    }

    static let flatDepartment = """
        部门整体绩效目标表
        （2025 年）
        部门（单位）名称
        （盖章）
        某县医疗保障局
        部门（单位）联系
        人
        李四 联系电话： 12345678
        年度绩效目标
        完成示例目标。
        年度预算（万元）
        资金来源 资金总额（万元）
        财政资金（万元）
        上级安排 10.5
        本级安排 1,200.25
        其他资金（万元） 其他 3
        一级指标 二级指标 三级指标 指标值 指标设定依据 分值权重
        履职效能
        数量指标
        参保人数
        >=6.20 万人
        某县 2025 年
        工作计划
        60
        质量指标 参保率 >=95% 工作计划 40
        """

    @Test func flattenedDepartment() throws {
        let table = try #require(PerformanceReader.readDepartment(Self.lines(Self.flatDepartment)))
        #expect(table.department == "某县医疗保障局")
        #expect(table.contact == "李四")
        #expect(table.phone == "12345678")
        #expect(table.annualGoal == "完成示例目标。")
        #expect(table.superiorFunds == Amount("10.5"))
        #expect(table.ownFunds == Amount("1200.25"))
        #expect(table.otherFunds == Amount(3))
        try #require(table.indicators.count == 2)
        let first = table.indicators[0]
        #expect(first.level1 == "履职效能" && first.level2 == "数量指标")
        #expect(first.name == "参保人数")
        #expect(first.target.number == Amount("6.20"))
        #expect(first.basis == "某县 2025 年工作计划")
        #expect(first.weight == Amount(60))
        let second = table.indicators[1]
        #expect(second.level1 == "履职效能" && second.level2 == "质量指标")
        #expect(second.basis == "工作计划")
        #expect(second.weight == Amount(40))
    }

    /// A tabular 项目支出 table: labels left empty below their group, a date wrapped
    /// onto a line of its own, a row whose cells slipped one to the left, spaced labels.
    static let tabularProject = [
        "## 项目支出绩效目标表",
        "",
        "(2025 年)",
        "",
        "<b>预算单位</b>\t\t某局\t\t",
        "<b>项目名称</b>\t\t示例项目\t\t<b>项目负责人</b>\t王五\t",
        "<b>项目资金(万元)</b>\t\t年度预算总额\t9.00\t其中：财政拨款\t9.00\t其他资金\t0.00\t",
        "<b>项目总体目标</b>\t\t完成示例。\t",
        "<b>一级指标</b>\t<b>二级指标</b>\t<b>三级指标</b>\t<b>指标值</b>\t<b>指标值设置依据</b>\t<b>上年完成值</b>\t"
            + "<b>指标分值权重</b>\t<b>指标赋分规则</b>\t<b>佐证资料</b>",
        "产出指标\t数量指标\t培训次数\t≥2 次\t计划标准\t-\t50\t按照完成比例赋分\t工作资料",
        "\t时效指标\t完成时间\t2025 年 12 月 15\t计划标准\t-\t20\t直接赋分\t工作资料",
        "",
        "\t\t\t日\t\t\t\t\t",
        "验收时间\t\t2025\t计划标准\t-\t10\t直接赋分\t工作资料\t",
        "",
        "\t\t\t年12月15日\t\t\t\t\t",
        "成本 指标\t经济 成本 指标\t培训成本\t< =0.7 万元\t计划标准\t-\t20\t按照完成比例赋 分\t原始凭证",
    ].joined(separator: "\n")

    @Test func tabularProject() throws {
        let table = try #require(PerformanceReader.readProject(Self.lines(Self.tabularProject)))
        #expect(table.unit == "某局")
        #expect(table.project == "示例项目")
        #expect(table.owner == "王五")
        #expect(table.totalFunds == Amount(9))
        #expect(table.otherFunds == Amount.zero)
        #expect(table.overallGoal == "完成示例。")
        let rows = table.indicators
        try #require(rows.count == 4)
        #expect(rows.map(\.name) == ["培训次数", "完成时间", "验收时间", "培训成本"])
        #expect(rows.map(\.level2) == ["数量指标", "时效指标", "时效指标", "经济成本指标"])
        #expect(rows.map(\.level1) == ["产出指标", "产出指标", "产出指标", "成本指标"])
        #expect(rows[1].target.printed == "2025 年 12 月 15日")
        #expect(rows[1].target.date == "2025-12-15")
        #expect(rows[2].target.date == "2025-12-15")
        #expect(rows[2].weight == Amount(10))
        #expect(rows[2].source?.line == 14)
        #expect(rows[3].target.comparison == .atMost)
        #expect(rows[3].scoringRule == "按照完成比例赋分")
        #expect(rows.compactMap(\.weight).reduce(Amount.zero, +) == Amount(100))
    }

    @Test func aTableWithoutIndicatorHeaderIsNotRead() {
        let text = "项目支出绩效目标表\n（2025 年）\n预算单位 某局\n项目名称 示例"
        #expect(PerformanceReader.readProject(Self.lines(text)) == nil)
    }
}

// MARK: - Seeds

/// The performance tables of one seed, read table by table.
struct SeedPerformance {
    var department: DepartmentPerformanceTable?
    var projects: [ProjectPerformanceTable] = []
    var tables = 0
    var hasDepartmentHeading = false

    init(_ seed: String) throws {
        let source = SourceText(try Seeds.text(seed))
        let layout = try Layout(source.lines)
        for entry in DisclosureReader.performanceRanges(layout: layout, lines: source.lines) {
            tables += 1
            let slice = source.lines[entry.range]
            if entry.isDepartment {
                hasDepartmentHeading = true
                department = PerformanceReader.readDepartment(slice)
            } else if let table = PerformanceReader.readProject(slice) {
                projects.append(table)
            }
        }
    }

    var weightSums: [Amount] {
        let all = (department.map { [$0.indicators] } ?? []) + projects.map(\.indicators)
        return all.map { $0.compactMap(\.weight).reduce(Amount.zero, +) }
    }
}

@Suite(.seeds) struct PerformanceSeedTests {
    @Test(arguments: [
        ("000", true, [13, 10, 9], 5),
        ("001", true, [20, 19, 17, 14], 4),
        ("002", true, [10, 7, 8, 10, 7, 10, 5, 8, 7], 3),
        ("003", true, [8, 8, 10], 5),
        ("004", false, [9, 14, 9, 8, 11, 8, 7], 0),
    ])
    func tablesAndIndicatorCounts(seed: String, hasDepartment: Bool, projectRows: [Int], departmentRows: Int) throws {
        let p = try SeedPerformance(seed)
        #expect(p.tables == projectRows.count + (hasDepartment ? 1 : 0))
        #expect(p.hasDepartmentHeading == hasDepartment)
        #expect((p.department != nil) == hasDepartment)
        #expect(p.department?.indicators.count ?? 0 == departmentRows)
        #expect(p.projects.map(\.indicators.count) == projectRows)
        // Every printed table of the seeds weighs its indicators to 90 in all.
        #expect(p.weightSums.allSatisfy { $0 == Amount(90) })
        // Every indicator has a name, a target, a weight and a source line.
        let all = (p.department?.indicators ?? []) + p.projects.flatMap(\.indicators)
        #expect(all.allSatisfy { !$0.name.isEmpty && !$0.target.printed.isEmpty && $0.weight != nil && $0.source != nil })
        #expect(all.allSatisfy { !$0.level1.isEmpty && !$0.level2.isEmpty })
        // Project rows all have a basis, a rule and evidence.
        let projectRowsAll = p.projects.flatMap(\.indicators)
        #expect(projectRowsAll.allSatisfy { $0.basis != nil && $0.scoringRule?.hasSuffix("赋分") == true && $0.evidence != nil })
    }

    @Test func seed000Department() throws {
        let d = try #require(try SeedPerformance("000").department)
        #expect(d.year == 2025)
        #expect(d.department == "尉犁县医疗保障局")
        #expect(d.contact == "热依拉·赛福")
        #expect(d.phone == "13667532414")
        #expect(d.superiorFunds == Amount("48.69"))
        #expect(d.ownFunds == Amount("1248.59"))
        #expect(d.otherFunds == Amount.zero)
        let first = d.indicators[0]
        #expect(first.level1 == "履职效能" && first.level2 == "数量指标")
        #expect(first.name == "城乡居民和职工基本医疗保险参保人数")
        #expect(first.target.comparison == .atLeast && first.target.number == Amount("6.20") && first.target.unit == "万人")
        #expect(first.basis == "尉犁县医疗保障局 2025 年工作计划")
        #expect(first.weight == Amount(20))
        #expect(first.source?.line == 1276)
        let last = d.indicators[4]
        #expect(last.level2 == "质量指标")
        #expect(last.name == "城乡居民基本医疗保险参保率")
        #expect(last.target.number == Amount(95) && last.target.unit == "%")
    }

    @Test func seed000Projects() throws {
        let p = try SeedPerformance("000").projects
        try #require(p.count == 3)
        #expect(p[0].project == "2025 年自治区财政全民参保及医疗服务经费补助")
        #expect(p[0].unit == "尉犁县医疗保障局")
        #expect(p[0].owner == "孙文峰")
        #expect(p[0].totalFunds == Amount("4.5") && p[0].fiscalFunds == Amount("4.5") && p[0].otherFunds == Amount.zero)

        let quarterly = p[0].indicators[5]
        #expect(quarterly.level2 == "时效指标")
        #expect(quarterly.name == "按时报送各项社会保险基金季报数据及分析")
        #expect(quarterly.target.printed == "每季度结束后的15 日内")
        #expect(quarterly.target.comparison == nil && quarterly.target.date == nil)
        #expect(quarterly.basis == "计划标准" && quarterly.lastYear == "/" && quarterly.weight == Amount(5))
        #expect(quarterly.scoringRule == "直接赋分" && quarterly.evidence == "工作资料")

        let relief = p[0].indicators[11]
        #expect(relief.level1 == "效益指标" && relief.level2 == "社会效益指标")
        #expect(relief.target.printed == "减轻")
        #expect(relief.lastYear == "达成“有效减轻”目标")
        #expect(relief.weight == Amount(20) && relief.scoringRule == "按评判等级赋分")

        let cost = p[1].indicators[6]
        #expect(cost.level1 == "成本指标" && cost.level2 == "经济成本指标")
        #expect(cost.name == "人身意外伤害保险自治区补助平均成本")
        #expect(cost.target.comparison == .equal && cost.target.number == Amount("7.37") && cost.target.unit == "元/人")
        #expect(cost.weight == Amount(20))

        #expect(p[2].totalFunds == Amount("921.93"))
        let payment = p[2].indicators[3]
        #expect(payment.name == "参保补助资金支付时间")
        #expect(payment.target.date == "2025-10-30")
        #expect(payment.target.printed == "2025 年 10 月 30日前")
        #expect(payment.lastYear == "2024 年 8 月 30日")
        #expect(payment.source?.line == 1715)
        let standard = p[2].indicators[5]
        #expect(standard.target.comparison == .atMost && standard.target.number == Amount(180) && standard.target.unit == "元/人")
        #expect(standard.basis == "预算支出标准" && standard.evidence == "原始凭证")
        let satisfaction = p[2].indicators[8]
        #expect(satisfaction.level1 == "满意度指标" && satisfaction.level2 == "满意度指标")
        #expect(satisfaction.name == "参保补助对象满意度")
    }

    @Test func seed001TabularTables() throws {
        let s = try SeedPerformance("001")
        let d = try #require(s.department)
        #expect(d.department == "巴音郭楞蒙古自治州医疗保障局")
        #expect(d.contact == "张雪梅" && d.phone == "15309962353")
        #expect(d.superiorFunds == Amount("113.14") && d.ownFunds == Amount("548.13") && d.otherFunds == Amount.zero)
        #expect(d.indicators[0].target.number == Amount("118.88") && d.indicators[0].target.unit == "万人")
        #expect(d.indicators[0].basis == "巴医保发 [2024]7 号" && d.indicators[0].weight == Amount(25))
        #expect(d.indicators.map(\.level2) == ["数量指标", "数量指标", "数量指标", "质量指标"])

        let p = s.projects
        try #require(p.count == 4)
        #expect(p[0].owner == "牛曼玲" && p[0].totalFunds == Amount("14.64"))
        let wrappedDate = p[0].indicators[11]
        #expect(wrappedDate.name == "召开医药价格工作培训完成时间")
        #expect(wrappedDate.target.date == "2025-12-15")
        #expect(wrappedDate.level2 == "时效指标")

        #expect(p[1].owner == "马雪亮/潘文波/金静静/任姝赟")
        #expect(p[1].totalFunds == Amount(77) && p[1].fiscalFunds == Amount(77))
        #expect(p[1].indicators[1].weight == Amount("3.5"))
        #expect(p[1].indicators[5].weight == Amount("0.5"))
        #expect(p[1].indicators[1].target.comparison == .atLeast && p[1].indicators[1].target.unit == "次")

        let quarter = p[2].indicators[9]
        #expect(quarter.target.printed == "2025 年第一季度" && quarter.target.date == nil)
        let slipped = p[2].indicators[10]
        #expect(slipped.name == "检查任务按时完成时间")
        #expect(slipped.level2 == "时效指标")
        #expect(slipped.target.date == "2025-12-15")
        #expect(slipped.weight == Amount(4) && slipped.scoringRule == "直接赋分")

        let spaced = p[3].indicators[10]
        #expect(spaced.level1 == "成本指标" && spaced.level2 == "经济成本指标")
        #expect(spaced.target.printed == "< =0.7 万元")
        #expect(spaced.target.comparison == .atMost && spaced.target.number == Amount("0.7"))
        #expect(spaced.scoringRule == "按照完成比例赋分")
        #expect(p[3].indicators[13].target.comparison == .atLeast)
    }

    @Test func seed002WrappedTargets() throws {
        let s = try SeedPerformance("002")
        let d = try #require(s.department)
        #expect(d.superiorFunds == Amount(197) && d.ownFunds == Amount("2014.11") && d.otherFunds == Amount("422.38"))
        #expect(d.indicators[0].target.comparison == .atLeast && d.indicators[0].target.unit == "个")
        #expect(d.indicators[0].weight == Amount(35))

        let p = s.projects
        try #require(p.count == 9)
        #expect(p[0].project == "2025年稽核费" && p[0].unit == "乌鲁木齐市医疗保障事业发展中心")
        #expect(p[0].owner == "袁先生" && p[0].totalFunds == Amount("24.05"))
        let broken = p[0].indicators[7]
        #expect(broken.name == "异地稽核费用")
        #expect(broken.target.printed == "＜=10.27 万元")
        #expect(broken.target.comparison == .atMost && broken.target.number == Amount("10.27"))
        #expect(broken.lastYear == "上年该项目未实施" && broken.evidence == "原始凭证")
        let secured = p[0].indicators[9]
        #expect(secured.target.printed == "有效保障" && secured.basis == "自定义")
        #expect(secured.weight == Amount(30) && secured.evidence == "正式材料,工作资料")

        #expect(p[2].project == "2025年中央医疗服务与保障能力提升（中医药事业传承与发展部分）补助资金")
        #expect(p[2].indicators[5].target.date == "2025-12-31")

        let districts = p[3].indicators[1]
        #expect(districts.target.unit == "区（县、市）" && districts.basis == "行业或国家标准")
        #expect(p[3].indicators[7].target.printed == "每季度结束后的 15日内")
        #expect(p[7].indicators[0].lastYear == "=0.19万人")
    }

    @Test func seed003Tables() throws {
        let s = try SeedPerformance("003")
        let d = try #require(s.department)
        #expect(d.year == 2024 && d.department == "库尔勒市医疗保障局" && d.contact == "蒋春苗")
        #expect(d.ownFunds == Amount("6872.60") && d.superiorFunds == Amount("362.74"))
        #expect(d.indicators[0].basis == "工作资料" && d.indicators[0].target.number == Amount("31.7"))

        let p = s.projects
        try #require(p.count == 3)
        #expect(p[0].owner == "王锐" && p[0].totalFunds == Amount("5869.52"))
        #expect(p[0].indicators[4].target.number == Amount("5869.52"))
        #expect(p[0].indicators[4].lastYear == "-")
        #expect(p[0].indicators[5].target.unit == "元/人/年" && p[0].indicators[5].target.number == Amount("798.80"))
        // The third table prints its goal after the indicators, bottom line first.
        #expect(p[2].overallGoal.hasPrefix("目标 1."))
        #expect(p[2].overallGoal.contains("153333 度"))
        let power = p[2].indicators[1]
        #expect(power.target.number == Amount(153333) && power.target.unit == "度")
        #expect(power.lastYear == "177089.5 度")
    }

    @Test func seed004Format2023() throws {
        let s = try SeedPerformance("004")
        #expect(s.department == nil)
        let p = s.projects
        try #require(p.count == 7)
        #expect(p.allSatisfy { $0.year == 2023 && $0.unit == "特克斯县医疗保障局" && $0.owner == "季姝" })
        #expect(p[1].project == "2023 年医疗服务与保障能力提升【医疗保障服务能力建设部分】中央财政补助资金")
        #expect(p[1].totalFunds == Amount(10) && p[1].fiscalFunds == Amount(10) && p[1].otherFunds == Amount.zero)
        let deadline = p[1].indicators[7]
        #expect(deadline.name == "资金预算执行完成时间")
        #expect(deadline.target.date == "2023-12-20")
        #expect(deadline.target.printed == "2023 年 12 月20 日前")
        let rising = p[1].indicators[11]
        #expect(rising.level2 == "社会效益指标" && rising.target.printed == "不断提高")
        #expect(rising.weight == Amount(7) && rising.scoringRule == "按评判等级赋分")
        let satisfaction = p[1].indicators[13]
        #expect(satisfaction.level1 == "满意度指标" && satisfaction.name == "两定机构的满意率")
        #expect(p[1].indicators[9].basis == "预算支出标准" && p[1].indicators[9].evidence == "正式材料")
        #expect(p[3].indicators[0].target.number == Amount(125919) && p[3].indicators[0].target.unit == "人")
        #expect(p[4].indicators[9].target.printed == "稳定提升")
        #expect(p[6].otherFunds == Amount.zero && p[6].totalFunds == Amount(60))
    }
}
