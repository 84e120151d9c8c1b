import Testing
@testable import YusuanRead
import YusuanModel

@Suite struct OverviewReaderTests {
    /// 第一部分 of a seed, read.
    private func overview(_ seed: String, department: String = "") throws -> Overview {
        let src = SourceText(try Seeds.text(seed))
        let layout = try Layout(src.lines)
        return OverviewReader.read(src.lines[layout.overview], department: department)
    }

    private func read(_ text: String) -> Overview {
        let lines = SourceText(text).lines
        return OverviewReader.read(lines[...], department: "")
    }

    // MARK: Hand-written pieces

    @Test func officeNamesWrapOverLinesAndSplitOnEveryKindOfComma() {
        let o = read("""
            二、机构设置及人员情况
            某局无下属预算单位，下设 4 个科室，分别是：甲办公室、乙
            科，丙科,丁科。
            """)
        #expect(o.offices?.word == "科室")
        #expect(o.offices?.count == 4)
        #expect(o.offices?.names == ["甲办公室", "乙科", "丙科", "丁科"])
        #expect(o.offices?.source?.line == 2)
        #expect(o.subordinateUnitCount?.value == 0)
        #expect(o.subordinateUnits.isEmpty)
    }

    @Test func headCountChangesAreSigned() {
        let o = read("""
            某局编制数 30，实有人数 31 人，其中：在职 27 人，减少
            3 人；退休 4 人，增加 2人；离休 0人，減少 1 人。
            """)
        #expect(o.staffing?.authorized == 30)
        #expect(o.staffing?.actual == 31)
        #expect(o.staffing?.active == HeadCount(count: 27, change: -3))
        #expect(o.staffing?.retired == HeadCount(count: 4, change: 2))
        #expect(o.staffing?.honorablyRetired == HeadCount(count: 0, change: -1))
        #expect(o.staffing?.source?.line == 1)
    }

    @Test func staffingNeedsTheAuthorizedCount() {
        let o = read("某局实有人数 31 人，其中：在职 27 人，增加 0 人。")
        #expect(o.staffing == nil)
    }

    @Test func listedUnitsFollowTheirIntroduction() {
        let o = read("""
            从预算单位构成看，某局的预算包括：某局本级预算及下属 2 家预算单位在内的汇总预算。
            纳入编制范围的下属预算单位包括：
            1、某局（本级）
            2、某中心
            3、某站
            某局编制数 10，实有人数 9 人，其中：在职 9 人，增加 0 人。
            """)
        #expect(o.subordinateUnitCount?.value == 2)
        #expect(o.subordinateUnits.map(\.value) == ["某局（本级）", "某中心", "某站"])
        #expect(o.subordinateUnits.map { $0.source?.line } == [3, 4, 5])
        #expect(o.staffing?.retired == HeadCount(count: 0, change: 0))
    }

    @Test func functionsAreTheLinesUnderTheirHeadingJoined() {
        let o = read("""
            一、 主要职能
            负责全县医疗保障工作，组织实施医疗保
            障制度。
            二、 机构设置及人员情况
            某局无下属预算单位。
            """)
        #expect(o.functions?.value == "负责全县医疗保障工作，组织实施医疗保障制度。")
        #expect(o.functions?.source?.line == 2)
    }

    @Test func functionsKeepTheParagraphsThePageShows() {
        let o = read("""
            一、 主要职能
            （一）统筹本县某某保障工作，拟订年度计划并组织实施，对各乡镇的执行情
            况开展经常性检查，按季度汇总并向县人民政府报告执行进度和存在问题；
            年终组织考评。
            （二）承办某某经办服务，建设和维护全县统一的信息系统，指导乡镇窗口开
            展业务。
            本局另承担县委县政府交办的临时事项，具体分工按县里有关规定执行，必要
            时与相关部门会商。
            二、 机构设置及人员情况
            某局无下属预算单位。
            """)
        // A numbered point runs to the next point, though a full line of it ends
        // in ；; a short line closes the paragraph.
        #expect(o.functions?.value.components(separatedBy: "\n") == [
            "（一）统筹本县某某保障工作，拟订年度计划并组织实施，对各乡镇的执行情况开展经常性检查，按季度汇总并向县人民政府报告执行进度和存在问题；年终组织考评。",
            "（二）承办某某经办服务，建设和维护全县统一的信息系统，指导乡镇窗口开展业务。",
            "本局另承担县委县政府交办的临时事项，具体分工按县里有关规定执行，必要时与相关部门会商。",
        ])
    }

    // MARK: Seeds

    @Test(.seeds) func seed000() throws {
        let o = try overview("000", department: "尉犁县医疗保障局")
        #expect(o.functions?.value.hasPrefix("尉犁县医疗保障局主要负责承办全县基本医疗保险") == true)
        #expect(o.functions?.value.contains("\n") == false, "one paragraph of prose")
        #expect(o.subordinateUnitCount?.value == 0)
        #expect(o.subordinateUnits.isEmpty)
        #expect(o.offices == Offices(word: "股室", count: 5,
                                     names: ["综合办公室", "医疗保险基金（经费）财务股", "参保登记股", "待遇保障股", "基金监管股"],
                                     source: o.offices?.source))
        #expect(o.offices?.source?.line == 29)
        #expect(o.staffing?.authorized == 18)
        #expect(o.staffing?.actual == 20)
        #expect(o.staffing?.active == HeadCount(count: 18, change: 0))
        #expect(o.staffing?.retired == HeadCount(count: 2, change: 0))
        #expect(o.staffing?.honorablyRetired == HeadCount(count: 0, change: 0))
    }

    @Test(.seeds) func seed001() throws {
        let o = try overview("001")
        #expect(o.functions?.source?.line == 71)
        #expect(o.subordinateUnitCount?.value == 0)
        #expect(o.offices?.word == "科室")
        #expect(o.offices?.count == 6)
        #expect(o.offices?.names == ["办公室", "政策法规和规划财务科", "基金监管科", "待遇保障科", "医药服务管理科",
                                     "医疗保障事业发展中心"])
        #expect(o.staffing?.authorized == 28)
        #expect(o.staffing?.actual == 30)
        #expect(o.staffing?.active == HeadCount(count: 25, change: 1))
        #expect(o.staffing?.retired == HeadCount(count: 5, change: 0))
        #expect(o.staffing?.honorablyRetired == HeadCount(count: 0, change: 0))
    }

    @Test(.seeds) func seed002() throws {
        let o = try overview("002")
        #expect(o.functions?.value.hasPrefix("（一）贯彻执行国家") == true)
        let points = o.functions?.value.components(separatedBy: "\n") ?? []
        #expect(points.count == 13, "（一） … （十三）, a paragraph each")
        #expect(points.map { $0.prefix(while: { $0 != "）" }) } == [
            "（一", "（二", "（三", "（四", "（五", "（六", "（七", "（八", "（九", "（十", "（十一", "（十二", "（十三",
        ])
        // 下属 1 家预算单位 is stated; the list names the 本级 as well.
        #expect(o.subordinateUnitCount?.value == 1)
        #expect(o.subordinateUnits.map(\.value) == ["乌鲁木齐市医疗保障局（本级）", "乌鲁木齐市医疗保障事业发展中心"])
        #expect(o.offices?.count == 4)
        #expect(o.offices?.names == ["党政办公室", "待遇保障科", "医药和医疗服务管理科", "基金监管科"])
        #expect(o.staffing?.authorized == 116)
        #expect(o.staffing?.actual == 116)
        #expect(o.staffing?.active == HeadCount(count: 109, change: 2))
        #expect(o.staffing?.retired == HeadCount(count: 7, change: 2))
        #expect(o.staffing?.honorablyRetired == HeadCount(count: 0, change: 0))
    }

    @Test(.seeds) func seed003() throws {
        let o = try overview("003")
        #expect(o.functions?.value.hasPrefix("（1）贯彻实施") == true)
        let points = o.functions?.value.components(separatedBy: "\n") ?? []
        #expect(points.map { $0.prefix(while: { $0 != "）" }) } == (1...10).map { "（\($0)" })
        // (3)'s last full line ends in 。 and its point goes on to the next line: no
        // paragraph opens without its number.
        #expect(points.allSatisfy { $0.hasPrefix("（") })
        #expect(points[2].components(separatedBy: "。").count == 3, "(3) holds two sentences")
        #expect(o.subordinateUnitCount?.value == 0)
        #expect(o.offices?.word == "科室")
        #expect(o.offices?.count == 2)
        #expect(o.offices?.names == ["办公室", "业务室"])
        #expect(o.staffing?.authorized == 52)
        #expect(o.staffing?.actual == 60)
        #expect(o.staffing?.active == HeadCount(count: 56, change: -1))
        #expect(o.staffing?.retired == HeadCount(count: 4, change: 2))
        #expect(o.staffing?.honorablyRetired == HeadCount(count: 0, change: 0))
    }

    @Test(.seeds) func seed004() throws {
        let o = try overview("004")
        #expect(o.functions?.value.hasPrefix("（一）贯彻实施国家") == true)
        #expect(o.functions?.value.hasSuffix("指导医疗保障经办机构开展业务工作。") == true)
        #expect(o.functions?.value.components(separatedBy: "\n").count == 7)
        // 无下属预算单 / 位 wraps over two lines.
        #expect(o.subordinateUnitCount?.value == 0)
        #expect(o.subordinateUnitCount?.source?.line == 67)
        #expect(o.offices?.word == "处室")
        #expect(o.offices?.count == 4)
        #expect(o.offices?.names == ["办公室", "财务室", "医保科", "征缴科"])
        #expect(o.staffing?.authorized == 17)
        #expect(o.staffing?.actual == 20)
        #expect(o.staffing?.active == HeadCount(count: 19, change: 0))
        #expect(o.staffing?.retired == HeadCount(count: 1, change: 1))
        #expect(o.staffing?.honorablyRetired == HeadCount(count: 0, change: 0))
    }
}

