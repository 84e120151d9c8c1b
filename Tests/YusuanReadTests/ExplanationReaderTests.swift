import Testing
@testable import YusuanRead
import YusuanModel

@Suite struct ExplanationReaderTests {
    /// 第三部分 of a seed without its performance-target tables, read as
    /// `DisclosureReader` reads it.
    private func explanation(_ seed: String) throws -> ([ExplanationSection], ExplanationFacts) {
        let src = SourceText(try Seeds.text(seed))
        let layout = try Layout(src.lines)
        let excluded = Set(DisclosureReader.performanceRanges(layout: layout, lines: src.lines).flatMap { Array($0.range) })
        let lines = layout.explanation.filter { !excluded.contains($0) }.map { src.lines[$0] }
        return ExplanationReader.read(lines)
    }

    private func read(_ text: String) -> ([ExplanationSection], ExplanationFacts) {
        ExplanationReader.read(SourceText(text).lines)
    }

    private func a(_ text: String) -> Amount? { Amount(text) }

    // MARK: Hand-written pieces

    @Test func aKnownFieldOpensByItsLabelBeforeTheFirstColon() {
        #expect(Prose.opensKnownField("资金来源：本级财政拨款"))
        #expect(Prose.opensKnownField(" 资金 来源 : 本级"))
        #expect(Prose.opensKnownField("\u{3000}补贴标准：每人 100 元"))
        #expect(Prose.opensKnownField("项目名称:某项目"))
        #expect(!Prose.opensKnownField("资金来源"))
        #expect(!Prose.opensKnownField("某局资金来源：本级"))
        #expect(!Prose.opensKnownField("资金来源说明：本级"))
        #expect(!Prose.opensKnownField("其中：资金来源：本级"))
        #expect(!Prose.opensKnownField("补贴：标准"))
    }

    @Test func aFieldNeedsTwoToTwelveChineseCharactersBeforeItsColon() {
        #expect(ExplanationReader.field("资金来源：本级")! == ("资金来源", "本级"))
        #expect(ExplanationReader.field("受益人群和社会效益 ： 某")! == ("受益人群和社会效益", "某"))
        #expect(ExplanationReader.field("一二三四五六七八九十一二：某")! == ("一二三四五六七八九十一二", "某"))
        #expect(ExplanationReader.field("一二三四五六七八九十一二三：某") == nil)
        #expect(ExplanationReader.field("资：某") == nil)
        #expect(ExplanationReader.field("资金 来源：某") == nil)
        #expect(ExplanationReader.field("1.资金：某") == nil)
    }

    @Test func wrappedHeadingsContinueUntilTheyEndWith说明() {
        let (sections, _) = read("""
            一、关于某局
            2023 年收支预算情况的总体说明
            正文第一行
            二、 关于某局 2023 年收入预算情况说明
            正文：一、不是标题
            三、其他重要事项的情况说明
            """)
        #expect(sections.map(\.number) == ["一", "二", "三"])
        #expect(sections[0].title == "关于某局2023 年收支预算情况的总体说明")
        #expect(sections[0].lines.map(\.value) == ["正文第一行"])
        #expect(sections[0].lines.first?.source?.line == 3)
        #expect(sections[1].title == "关于某局 2023 年收入预算情况说明")
        #expect(sections[1].lines.count == 1)
        #expect(sections[2].title == "其他重要事项的情况说明")
    }

    @Test func aNumberOutOfSequenceIsBodyText() {
        let (sections, _) = read("""
            一、关于某局收支预算情况总体说明
            五、关于某事的说明
            二、关于某局收入预算情况说明
            """)
        #expect(sections.map(\.number) == ["一", "二"])
        #expect(sections[0].lines.map(\.value) == ["五、关于某事的说明"])
    }

    @Test func operatingCostChangeAndRateAreSigned() {
        let (_, up) = read("某局的机关运行经费财政拨款预算 12.50 万元，比上年预算增加 1.25 万元，增长 11.11%。")
        #expect(up.operatingCost?.amount == a("12.50"))
        #expect(up.operatingCost?.change == a("1.25"))
        #expect(up.operatingCost?.rate == a("11.11"))
        let (_, down) = read("""
            某局 2025 年的机关运行经费财政拨款预算 9.76 万元，比上
            年预算减少 2.38 万元，下降 19.60%，主要原因是……
            """)
        #expect(down.operatingCost?.amount == a("9.76"))
        #expect(down.operatingCost?.change == a("-2.38"))
        #expect(down.operatingCost?.rate == a("-19.60"))
        #expect(down.operatingCost?.source?.line == 1)
    }

    /// The facts and each section's statements are read with one grammar
    /// (`StatementGrammar`): the same wording gives the same figures to both.
    @Test func theFactsAndTheStatementsShareOneGrammar() throws {
        let (sections, facts) = read("""
            一、关于某局收支预算情况的总体说明
            机关运行经费财政拨款预算 12.50 万元，较上年预算减少 1.25 万元，下降 9.09％。
            """)
        #expect(facts.operatingCost == OperatingCost(amount: a("12.50")!, change: a("-1.25"), rate: a("-9.09"),
                                                     source: SourceLocation(line: 2)))
        let statements = try #require(sections.first).statements
        #expect(statements.plainAmounts.map(\.label) == ["机关运行经费财政拨款预算"])
        let change = try #require(statements.changes.first)
        #expect(change.changeWord == "减少" && change.amount == a("1.25") && change.rate == a("9.09"))
        #expect(change.current == a("12.50") && change.source?.line == 2)
    }

    @Test func aNumberWrappedAfterItsFullWidthCommaReadsWhole() {
        let (_, facts) = read("""
            (四) 预算绩效情况
            2025 年，本部门预算绩效管理整体预算绩效目标 1 个，涉及预算金额 1，
            297.28 万元；当年预算安排项目共 3 个，其中：财政拨款项目涉及预算金额
            970.62 万元；非财政拨款项目涉及预算金额 0.00 万元。
            """)
        let s = facts.performanceSummary
        #expect(s?.overallTargets == 1)
        #expect(s?.overallAmount == a("1297.28"))
        #expect(s?.projectCount == 3)
        #expect(s?.fiscalProjectAmount == a("970.62"))
        #expect(s?.nonFiscalProjectCount == nil)
        #expect(s?.nonFiscalProjectAmount == .zero)
        #expect(s?.source?.line == 2)
    }

    @Test func smallAndMicroReserveWithOrWithout面向() {
        let (_, plain) = read("""
            某局政府采购预算 10.00 万元，其中：政府采购货物预算 4.00 万元，政府采购工程预算 0.00 万元，政府采购服务预算 6.00 万元。
            某局面向中小企业预留政府采购项目预算金额 8.00 万元，小微企业预留政府采购项目预算金额 7.00 万元。
            """)
        #expect(plain.procurement == Procurement(total: a("10")!, goods: a("4"), works: .zero, services: a("6"),
                                                 reservedForSMEs: a("8"), reservedForSmallAndMicro: a("7"),
                                                 source: SourceLocation(line: 1)))
        let (_, withWord) = read("""
            政府采购预算 3 万元。本单位面向中小企业预留政府采购项目预算
            金额 2 万元，其中：面向小微企业预留政府采购项目预算金额 1 万元。
            """)
        #expect(withWord.procurement?.reservedForSMEs == a("2"))
        #expect(withWord.procurement?.reservedForSmallAndMicro == a("1"))
        #expect(withWord.procurement?.goods == nil)
    }

    @Test func plannedVehiclesAreCountedOrNilWhenNotArranged() {
        let held = """
            (三) 国有资产占用使用情况
            截至 2024 年底，某局占用使用国有资产总体情况为：
            1.房屋 120.50 平方米，价值 30.00 万元。
            2.车辆 3辆，价值 40.00 万元；其中：一般公务用车 2 辆，价值 25.00 万元；执法执勤用车 1
            辆，价值 15.00 万元。
            部门价值 50 万元以上大型设备 2 台，部门价值 100 万元以上大型设备 1 台。
            """
        let (_, bought) = read(held + "\n2025 年部门预算安排购置车辆 1 辆，安排购置 50 万元以上大型设备 3 台，单位价值 100 万元以上大型设备 0 台。")
        let assets = bought.assets
        #expect(assets?.asOfYear == 2024)
        #expect(assets?.buildingArea == a("120.50"))
        #expect(assets?.buildingValue == a("30"))
        #expect(assets?.vehicles == [VehicleHolding(kind: "车辆", count: 3, value: a("40")!),
                                     VehicleHolding(kind: "一般公务用车", count: 2, value: a("25")!),
                                     VehicleHolding(kind: "执法执勤用车", count: 1, value: a("15")!)])
        #expect(assets?.equipmentOver50 == 2)
        #expect(assets?.equipmentOver100 == 1)
        #expect(assets?.plannedVehicles == 1)
        #expect(assets?.plannedEquipmentOver50 == 3)
        #expect(assets?.plannedEquipmentOver100 == 0)
        let (_, none) = read(held + "\n2025 年部门预算未安排购置车辆经费，安排购置 50 万元以上大型设备 0 台。")
        #expect(none.assets?.plannedVehicles == nil)
        #expect(none.assets?.plannedEquipmentOver50 == 0)
        #expect(none.assets?.equipmentOver50 == 2)
    }

    @Test func projectFieldsWrapAndExtraLabelsAreKept() {
        let (_, facts) = read("""
            一、关于某局 2025 年一般公共预算基本支出情况说明
            二、关于某局 2025 年一般公共预算项目支出情况说明
            （一）项目名称：某某补助资金预算的通知（某财〔2024〕1
            号）
            设立的政策依据：根据某某文件。
            预算安排规模：1,234.50 万元
            项目承担单位：某局
            资金分配情况：用于甲，共计 1234.5 万元，按照以下标准如此这般地进行分配，具体
            标准如下：每人每年 10 元。
            资金执行时间：2025 年 1月-2025 年 12 月
            资金来源：县财政拨款
            6. 项目名称：第二个项目
            预算安排规模：20 万元
            三、关于某局 2025 年政府性基金预算拨款情况说明
            """)
        #expect(facts.projects.count == 2)
        let p = facts.projects[0]
        #expect(p.ordinal == "一")
        #expect(p.name == "某某补助资金预算的通知（某财〔2024〕1号）")
        #expect(p.policyBasis == "根据某某文件。")
        #expect(p.amount == a("1234.50"))
        #expect(p.undertakingUnit == "某局")
        #expect(p.allocation == "用于甲，共计 1234.5 万元，按照以下标准如此这般地进行分配，具体标准如下：每人每年 10 元。")
        #expect(p.period == "2025 年 1月-2025 年 12 月")
        #expect(p.fields.map(\.label) == ["项目名称", "设立的政策依据", "预算安排规模", "项目承担单位", "资金分配情况",
                                          "资金执行时间", "资金来源"])
        #expect(p.fields.last?.text == "县财政拨款")
        #expect(p.source?.line == 3)
        #expect(facts.projects[1].ordinal == "6")
        #expect(facts.projects[1].amount == a("20"))
    }

    @Test func subsectionHeadingsAreRecognised() {
        #expect(ExplanationReader.isSubsectionHeading("（一）单位运行经费情况"))
        #expect(ExplanationReader.isSubsectionHeading("( 五 ) 其他需说明的事项"))
        #expect(!ExplanationReader.isSubsectionHeading("（1）贯彻实施"))
        #expect(!ExplanationReader.isSubsectionHeading("一、关于"))
    }

    // MARK: Seeds

    private let titles2025 = ["收支预算情况总体说明", "收入预算情况说明", "支出预算情况说明", "财政拨款收支预算情况的总体说明",
                              "一般公共预算当年拨款情况说明", "一般公共预算基本支出情况说明", "一般公共预算项目支出情况说明",
                              "政府性基金预算拨款情况说明", "国有资本经营预算拨款情况说明", "财政拨款“三公”经费预算情况说明",
                              "上年结转结余预算情况说明", "其他重要事项的情况说明"]

    private func expectTitles(_ sections: [ExplanationSection], department: String, year: String) {
        #expect(sections.map(\.number) == Array(Prose.numerals.prefix(12)))
        for (s, ending) in zip(sections, titles2025) {
            let compact = s.title.filter { $0 != " " }
            if ending.hasPrefix("其他") {
                #expect(compact == ending)
            } else {
                #expect(compact == "关于\(department)\(year)年\(ending)")
            }
        }
    }

    @Test(.seeds) func seed000() throws {
        let (sections, facts) = try explanation("000")
        expectTitles(sections, department: "尉犁县医疗保障局", year: "2025")
        #expect(sections[0].source?.line == 786)
        #expect(sections[11].text.contains("(五) 其他需说明的事项"))

        #expect(facts.operatingCost == OperatingCost(amount: a("9.76")!, change: a("-2.38"), rate: a("-19.60"),
                                                     source: SourceLocation(line: 1168, page: 21)))
        #expect(facts.procurement == Procurement(total: a("6.84")!, goods: a("3.74"), works: .zero, services: a("3.10"),
                                                 reservedForSMEs: a("6.84"), reservedForSmallAndMicro: a("6.84"),
                                                 source: SourceLocation(line: 1178, page: 21)))
        let assets = try #require(facts.assets)
        #expect(assets.asOfYear == 2024)
        #expect(assets.buildingArea == .zero && assets.buildingValue == .zero)
        #expect(assets.vehicles.map(\.kind) == ["车辆", "一般公务用车", "执法执勤用车", "其他车辆"])
        #expect(assets.vehicles.allSatisfy { $0.count == 0 && $0.value == .zero })
        #expect(assets.furnitureValue == a("4.13"))
        #expect(assets.otherAssetsValue == a("84.06"))
        #expect(assets.equipmentOver50 == 0 && assets.equipmentOver100 == 0)
        #expect(assets.plannedVehicles == nil)
        #expect(assets.plannedEquipmentOver50 == 0 && assets.plannedEquipmentOver100 == 0)
        #expect(facts.performanceSummary == PerformanceSummary(
            overallTargets: 1, overallAmount: a("1297.28"), projectCount: 3, fiscalProjectAmount: a("970.62"),
            nonFiscalProjectCount: nil, nonFiscalProjectAmount: .zero, source: SourceLocation(line: 1211, page: 22)))

        #expect(facts.projects.map(\.ordinal) == ["一", "二", "三"])
        #expect(facts.projects.map(\.amount) == [a("921.93"), a("4.50"), a("44.19")])
        #expect(facts.projects.allSatisfy { $0.undertakingUnit == "尉犁县医疗保障局" })
        #expect(facts.projects[0].name == "城乡居民基本医疗保险财政补助")
        #expect(facts.projects[1].name
            == "关于提前下达 2025 年自治区财政全民参保及医疗保障服务项目补助资金预算的通知（巴财社〔2024〕99 号）")
        #expect(facts.projects[0].period == "2025 年 1月-2025 年 12 月")
        #expect(facts.projects[0].fields.map(\.label) == [
            "项目名称", "设立的政策依据", "预算安排规模", "项目承担单位", "资金分配情况", "资金执行时间",
            "资金来源", "补贴人数", "补贴标准", "补贴范围", "补贴方式", "发放程序", "受益人群和社会效益"])
        #expect(facts.projects[0].fields.first { $0.label == "资金来源" }?.text == "县财政拨款")
        #expect(facts.projects[2].fields.first { $0.label == "补贴人数" }?.text == "6 万人")
        #expect(facts.projects[1].fields.count == 6)
        #expect(facts.projects[1].allocation?.hasSuffix("培训费使用 0.8 万元。") == true)
    }

    /// 段落: section 七 of seed 000 prints each labelled field as a paragraph of its
    /// own, a field wrapped over lines as one, and a use listed under 资金分配情况 as
    /// a point of its own.
    @Test(.seeds) func seed000Paragraphs() throws {
        let (sections, _) = try explanation("000")
        let seven = try #require(sections.first { $0.number == "七" })
        let paragraphs = seven.paragraphs
        #expect(seven.lines.count == 63)
        #expect(paragraphs.count == 36)
        #expect(paragraphs[0] == "（一）项目名称：城乡居民基本医疗保险财政补助")
        // The policy basis wraps onto a second line and is one paragraph.
        #expect(paragraphs[1] == seven.lines[1].value + seven.lines[2].value)
        #expect(paragraphs[1].hasPrefix("设立的政策依据：") && paragraphs[1].hasSuffix("35 号"))
        #expect(paragraphs[2] == "预算安排规模：921.93 万元")
        #expect(paragraphs[3] == "项目承担单位：尉犁县医疗保障局")
        #expect(paragraphs.contains { $0.hasPrefix("2、") && $0.hasSuffix("0.8 万元；") })
        #expect(paragraphs.filter { $0.hasPrefix("资金执行时间：") }.count == 3)
        // 六's sum, then 人员经费 and 公用经费 each a paragraph.
        let six = try #require(sections.first { $0.number == "六" })
        #expect(six.paragraphs.map { String($0.prefix(4)) } == ["尉犁县医", "人员经费", "公用经费"])
    }

    @Test func aNumberedPointOpensAParagraphAndADecimalDoesNot() {
        for point in ["（一）某事", "(二) 某事", "（10）某事", "1、某事", "2．某事", "3.项目名称：某", " 4、某事"] {
            #expect(ExplanationSection.startsPoint(point), "\(point)")
        }
        for prose in ["1.2 万元用于某事", "2025 年预算数", "（一般公共预算）", "某事（一）", "123、某事"] {
            #expect(!ExplanationSection.startsPoint(prose), "\(prose)")
        }
    }

    @Test(.seeds) func seed001() throws {
        let (sections, facts) = try explanation("001")
        expectTitles(sections, department: "巴音郭楞蒙古自治州医疗保障局", year: "2025")
        #expect(facts.operatingCost?.amount == a("26.54"))
        #expect(facts.operatingCost?.change == a("-0.86"))
        #expect(facts.operatingCost?.rate == a("-3.14"))
        #expect(facts.procurement == Procurement(total: a("180.14")!, goods: a("9.88"), works: .zero, services: a("170.26"),
                                                 reservedForSMEs: a("165.47"), reservedForSmallAndMicro: a("165.47"),
                                                 source: SourceLocation(line: 569)))
        let assets = try #require(facts.assets)
        #expect(assets.vehicles == [VehicleHolding(kind: "车辆", count: 2, value: a("47.79")!),
                                    VehicleHolding(kind: "一般公务用车", count: 2, value: a("47.79")!),
                                    VehicleHolding(kind: "执法执勤用车", count: 0, value: .zero),
                                    VehicleHolding(kind: "其他车辆", count: 0, value: .zero)])
        #expect(assets.furnitureValue == a("25.11"))
        #expect(assets.otherAssetsValue == a("411.41"))
        #expect(assets.equipmentOver50 == 1 && assets.equipmentOver100 == 1)
        #expect(assets.plannedVehicles == nil)
        #expect(facts.performanceSummary?.overallAmount == a("661.27"))
        #expect(facts.performanceSummary?.projectCount == 3)
        #expect(facts.performanceSummary?.fiscalProjectAmount == a("175.50"))
        #expect(facts.projects.map(\.name) == ["2025年医疗保障基金专项行动和全民参保征缴服务",
                                               "2025 年自治区财政全民参保及医疗保障服务项目补助资金",
                                               "2025 年中央财政医疗服务与保障能力提升补助资金项目"])
        #expect(facts.projects.map(\.amount) == [a("77.00"), a("2.50"), a("96.00")])
        #expect(facts.projects.allSatisfy { $0.undertakingUnit == "巴音郭楞蒙古自治州医疗保障局" })
        #expect(facts.projects[2].period == "2025年1月1日-2025年12月31日")
    }

    /// Each section carries the statements read from its lines.
    @Test(.seeds) func seed001Statements() throws {
        let (sections, _) = try explanation("001")
        let income = try #require(sections.first { $0.number == "二" })
        let general = try #require(income.statements.plainAmounts.first { $0.label == "一般公共预算" })
        #expect(general.amount == a("548.13") && general.source?.line == 407)
        #expect(general.share == StatedShare(percent: a("82.89")!, places: 2, source: SourceLocation(line: 407)))
        let change = try #require(income.statements.changes.first)
        #expect(change.amount == a("16.66") && change.rate == a("3.13") && change.current == a("548.13"))
        #expect(change.source?.line == 407 && change.reason?.hasPrefix("一是 2024 年本部门增加 1 人") == true)
    }

    @Test(.seeds) func seed002() throws {
        let (sections, facts) = try explanation("002")
        expectTitles(sections, department: "乌鲁木齐市医疗保障局", year: "2025")
        // The page number printed between 九 and 十 is no body line.
        #expect(!sections[8].lines.contains { $0.value == "30" })
        #expect(facts.operatingCost?.amount == a("167.99"))
        #expect(facts.operatingCost?.change == a("4.30"))
        #expect(facts.operatingCost?.rate == a("2.63"))
        #expect(facts.procurement?.total == a("614.24"))
        #expect(facts.procurement?.goods == a("4.50"))
        #expect(facts.procurement?.services == a("609.74"))
        #expect(facts.procurement?.reservedForSMEs == a("604.88"))
        #expect(facts.procurement?.reservedForSmallAndMicro == a("604.88"))
        #expect(facts.assets?.furnitureValue == a("48.53"))
        #expect(facts.assets?.otherAssetsValue == a("249.51"))
        #expect(facts.assets?.vehicles.first == VehicleHolding(kind: "车辆", count: 0, value: .zero))
        #expect(facts.performanceSummary?.overallAmount == a("2633.49"))
        #expect(facts.performanceSummary?.projectCount == 8)
        #expect(facts.performanceSummary?.fiscalProjectAmount == a("371.93"))
        #expect(facts.projects.count == 9)
        #expect(facts.projects.map(\.amount) == ["50.00", "103.00", "44.00", "13.28", "3.65", "57.39", "24.05", "28.56",
                                                 "48.00"].map(a))
        #expect(facts.projects.map(\.undertakingUnit).filter { $0 == "乌鲁木齐市医疗保障事业发展中心" }.count == 4)
        #expect(facts.projects[3].name == "2025 年综合业务费")
        #expect(facts.projects[8].name == "困难人群长护险资助缴费")
        #expect(facts.projects[1].name.hasSuffix("（医疗保障服务能力建设部分）预算的通知"))
    }

    @Test(.seeds) func seed003() throws {
        let (sections, facts) = try explanation("003")
        expectTitles(sections, department: "库尔勒市医疗保障局", year: "2024")
        // 十二 says which project tables are not published.
        #expect(sections[11].text.contains("项目绩效目标表完全不予公开"))
        #expect(facts.operatingCost?.amount == a("42.50"))
        #expect(facts.operatingCost?.change == a("2.38"))
        #expect(facts.operatingCost?.rate == a("5.93"))
        #expect(facts.procurement == Procurement(total: a("21.62")!, goods: a("5.52"), works: .zero, services: a("16.10"),
                                                 reservedForSMEs: a("21.62"), reservedForSmallAndMicro: a("21.62"),
                                                 source: facts.procurement?.source))
        #expect(facts.assets?.asOfYear == 2023)
        #expect(facts.assets?.vehicles.first == VehicleHolding(kind: "车辆", count: 4, value: a("1.94")!))
        #expect(facts.assets?.furnitureValue == a("11.52"))
        #expect(facts.assets?.otherAssetsValue == a("56.46"))
        #expect(facts.performanceSummary == PerformanceSummary(
            overallTargets: 1, overallAmount: a("7235.34"), projectCount: 5, fiscalProjectAmount: a("6233.52"),
            nonFiscalProjectCount: 0, nonFiscalProjectAmount: .zero, source: facts.performanceSummary?.source))
        #expect(facts.projects.map(\.amount) == ["15.00", "341.00", "5869.52", "1.00", "7.00"].map(a))
        #expect(facts.projects[0].name == "部门专项-医疗保险业务经费和大楼运行专项经费")
        #expect(facts.projects[3].name == "部门专项-举报奖励资金")
        // A wrapped sentence whose second line opens with 标准如下： is no field.
        #expect(facts.projects[3].fields.map(\.label) == ["项目名称", "设立的政策依据", "预算安排规模", "项目承担单位",
                                                          "资金分配情况", "资金执行时间"])
        #expect(facts.projects.allSatisfy { $0.period == "2024 年 1月 1 日－2024 年 12 月 31 日" })
    }

    @Test(.seeds) func seed004() throws {
        let (sections, facts) = try explanation("004")
        #expect(sections.map(\.number) == Array(Prose.numerals.prefix(11)))
        #expect(sections[0].title == "关于新疆伊犁哈萨克自治州特克斯县医疗保障局2023 收支预算情况的总体说明")
        #expect(sections[6].title == "关于新疆伊犁哈萨克自治州特克斯县医疗保障局2023 年一般公共预算项目支出情况说明")
        #expect(sections[10].title == "其他重要事项的情况说明")
        #expect(facts.operatingCost == OperatingCost(amount: a("9.22")!, change: a("3.02"), rate: a("48.71"),
                                                     source: facts.operatingCost?.source))
        #expect(facts.procurement == Procurement(total: a("3")!, goods: a("3"), works: .zero, services: .zero,
                                                 reservedForSMEs: .zero, reservedForSmallAndMicro: .zero,
                                                 source: facts.procurement?.source))
        #expect(facts.assets?.asOfYear == 2022)
        #expect(facts.assets?.buildingArea == .zero)
        #expect(facts.assets?.vehicles.map(\.count) == [1, 1, 0, 0])
        #expect(facts.assets?.vehicles.first?.value == a("9.26"))
        #expect(facts.assets?.furnitureValue == a("1.91"))
        #expect(facts.assets?.otherAssetsValue == a("37.56"))
        #expect(facts.assets?.plannedVehicles == nil)
        #expect(facts.performanceSummary == PerformanceSummary(
            overallTargets: nil, overallAmount: nil, projectCount: 7, fiscalProjectAmount: a("962.79"),
            nonFiscalProjectCount: 0, nonFiscalProjectAmount: .zero, source: facts.performanceSummary?.source))
        #expect(facts.projects.map(\.ordinal) == ["1", "2", "3", "4", "5", "6"])
        #expect(facts.projects.map(\.amount) == ["61.58", "644.71", "20", "60", "90", "10"].map(a))
        #expect(facts.projects[0].name == "2023 年自治区财政人身意外伤害保险补助资金")
        #expect(facts.projects[5].name == "2023 年医疗服务与保障能力提升【医疗保障服务能力建设部分】中央财政补助资金")
        #expect(facts.projects.allSatisfy { $0.undertakingUnit == "新疆伊犁哈萨克自治州特克斯县医疗保障局" })
        #expect(facts.projects[1].period == "2023 年 1 月 1 日至 2023 年 12 月 31 日")
    }
}
