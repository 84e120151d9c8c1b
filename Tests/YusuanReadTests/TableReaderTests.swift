import Testing
@testable import YusuanRead
import YusuanModel

/// Small hand-written fragments, one reader piece each. A fragment is wrapped in
/// the least a document needs: a table 1 and the start of 第三部分.
@Suite struct TableReaderTests {
    static func document(_ tables: String, total: String = "100.00") -> String {
        """
        第二部分 2025 年部门预算公开表
        表 1
        部门收支总体情况表
        编制部门：示例局 单位：万元
        一、本年收入 \(total) 210 卫生健康支出 \(total)
        1.一般公共预算拨款 \(total)
        其中：一般财力 \(total)
        收 入 总 计 \(total) 支 出 总 计 \(total)
        \(tables)
        第三部分 2025 年部门预算情况说明
        """
    }

    static func read(_ tables: String, total: String = "100.00") throws -> Disclosure {
        try DisclosureReader.read(document(tables, total: total))
    }

    /// 三公 labels read alike with half-width or full-width brackets, spaces and 其中.
    @Test func threePublicCostLabelsReadWithEitherBrackets() {
        #expect(ThreePublicCosts.key(for: "因公出国(境)费") == .travelAbroad)
        #expect(ThreePublicCosts.key(for: "因公出国（境）费") == .travelAbroad)
        #expect(ThreePublicCosts.key(for: "其中：因公 出国(境)费") == .travelAbroad)
        #expect(ThreePublicCosts.key(for: "公务用车购置费") == .vehiclePurchase)
        #expect(ThreePublicCosts.key(for: "因公出国(境") == nil)
    }

    @Test func wrappedNamesAreJoined() throws {
        let d = try Self.read("""
            表 3
            部门支出总体情况表
            编制部门：示例局 单位：万元
            总计 100.00 60.00 40.00
            210 卫生健康支出 100.00 60.00 40.00
            210 05 行政事业单位养老支出 60.00 60.00
            210 05 05
            机关事业单位基本养老保险缴
            费支出
            60.00 60.00
            210 15 医疗保障管理事务 40.00 40.00
            210 15 02 一般行政管理事务 40.00 40.00
            """)
        let t3 = try #require(d.table(.expenditure))
        let row = try #require(t3.row(.code("2100505")))
        #expect(row.name == "机关事业单位基本养老保险缴费支出")
        #expect(row.source?.line == 15)
        #expect(row.cells[0]?.source?.line == 18)
        #expect(t3[.code("2100505"), .basic] == Amount("60.00"))
        #expect(t3[.code("2101502"), .project] == Amount("40.00"))
    }

    @Test func wrappedProjectNamesAreSplitFromTheFunctionalName() throws {
        let d = try Self.read("""
            表 5
            一般公共预算支出情况表
            编制部门：示例局 单位：万元
            总计 100.00 100.00
            210 卫生健康支出 100.00 100.00
            210 12 财政对基本医疗保险基金的补助 100.00 100.00
            210 12 02 财政对城乡居民基本医疗保险基金的补助 100.00 100.00
            表 7
            一般公共预算项目支出情况表
            编制部门：示例局 单位：万元
            总计 100.00 100.00
            示例局 100.00 100.00
            210 卫生健康支出 100.00 100.00
            210 12
            财政对基本医疗保险基金的补
            助
            100.00 100.00
            210 12 02
            财政对城乡居民基本医疗保
            险基金的补助
            城乡居民医保县级补助（示财
            〔2025〕1 号）
            100.00 100.00
            """)
        let t7 = try #require(d.table(.projects))
        let project = try #require(t7.rows.first { $0.role == .project })
        let key = RowKey.project(code: "2101202", name: "城乡居民医保县级补助（示财〔2025〕1 号）").under(unit: "示例局")
        #expect(project.key == key)
        #expect(project.name == "财政对城乡居民基本医疗保险基金的补助")
        // The classification implies the column: a subsidy to the insurance fund.
        #expect(t7[project.key, .socialSecurityFund] == Amount("100.00"))
        #expect(t7[.code("21012").under(unit: "示例局"), .total] == Amount("100.00"))
        #expect(d.ambiguities.isEmpty)
    }

    @Test func columnsAreRecoveredFromTheHierarchy() throws {
        // 206's single value could be basic or project; only 总计 decides.
        let d = try Self.read("""
            表 3
            部门支出总体情况表
            编制部门：示例局 单位：万元
            总计 100.00 70.00 30.00
            206 科学技术支出 10.00 10.00
            206 04 技术研究与开发 10.00 10.00
            206 04 99 其他技术研究与开发支出 10.00 10.00
            210 卫生健康支出 90.00 70.00 20.00
            210 15 医疗保障管理事务 90.00 70.00 20.00
            210 15 01 行政运行 70.00 70.00
            210 15 99 其他医疗保障管理事务支出 20.00 20.00
            """)
        let t3 = try #require(d.table(.expenditure))
        #expect(t3[.code("2060499"), .project] == Amount("10.00"))
        #expect(t3[.code("2060499"), .basic] == nil)
        #expect(t3[.code("206"), .project] == Amount("10.00"))
        #expect(t3[.code("2101599"), .project] == Amount("20.00"))
        #expect(t3[.code("2101501"), .basic] == Amount("70.00"))
        #expect(d.ambiguities.isEmpty)
    }

    @Test func anOpenChoiceIsRecorded() throws {
        // Two items of equal amount under one 款 that has both columns: which is
        // basic cannot be told, and neither name settles it.
        let d = try Self.read("""
            表 3
            部门支出总体情况表
            编制部门：示例局 单位：万元
            总计 100.00 50.00 50.00
            210 卫生健康支出 100.00 50.00 50.00
            210 99 其他卫生健康支出 100.00 50.00 50.00
            210 99 01 甲事项 50.00 50.00
            210 99 02 乙事项 50.00 50.00
            """)
        let rows = Set(d.ambiguities.compactMap(\.row))
        #expect(rows == [.code("2109901"), .code("2109902")])
        #expect(d.ambiguities.allSatisfy { $0.table == 3 && $0.alternatives.count == 1 })
    }

    @Test func aTableContinuedOnTheNextPageKeepsItsRows() throws {
        let d = try Self.read("""
            表 6
            一般公共预算基本支出情况表
            编制部门：示例局 单位：万元
            经济分类科目名称 合计 人员经费 公用经费
            类 款
            ※ ※ ※ 1 2 3
            总计 100.00 80.00 20.00
            301 工资福利支出 80.00 80.00
            301 01 基本工资 50.00 50.00
             编制部门：示例局 单位：万元
            经济分类科目名称 合计 人员经费 公用经费
            类 款
            ※ ※ ※ 1 2 3
            301 02 津贴补贴 30.00 30.00
            302 商品和服务支出 20.00 20.00
            302 01 办公费 20.00 20.00
            """)
        let t6 = try #require(d.table(.basicByEconomicClass))
        #expect(t6.rows.map(\.key) == [.grandTotal, .code("301"), .code("30101"), .code("30102"), .code("302"), .code("30201")])
        #expect(t6[.code("30102"), .personnel] == Amount("30.00"))
        #expect(t6[.code("30201"), .publicUse] == Amount("20.00"))
    }

    @Test func aTotalPrintedAtTheBottomIsTheTotal() throws {
        let d = try Self.read("""
            表 5
            一般公共预算支出情况表
            编制单位:示例局 单位:万元
            项 目 一般公共预算支出
            210 卫生健康支出 100.00 60.00 40.00
            210 15 医疗保障管理事务 100.00 60.00 40.00
            210 15 01 行政运行 60.00 60.00
            210 15 99 其他医疗保障管理事务支出 40.00 40.00
            合计 100.00 60.00 40.00
            """)
        let t5 = try #require(d.table(.generalPublic))
        #expect(t5.rows.last?.key == .grandTotal)
        #expect(t5[.grandTotal, .basic] == Amount("60.00"))
        #expect(t5[.code("2101599"), .project] == Amount("40.00"))
    }

    @Test func tableOneKeysFollowThePrintedNumbering() throws {
        let d = try Self.read("")
        let t1 = try #require(d.table(.overall))
        #expect(t1[.generalPublicOwn, .budgeted] == Amount("100.00"))
        #expect(t1[.incomeTotal, .budgeted] == Amount("100.00"))
        #expect(t1[.code("210"), .budgeted] == Amount("100.00"))
        #expect(t1[.expenditureTotal, .budgeted] == Amount("100.00"))
    }

    @Test func tokensSplitValuesFromNames() {
        #expect(LineTokens.splitTrailingValues("210 03 基层医疗卫生机构 151.58 151.58 90 61.58").values
            == ["151.58", "151.58", "90", "61.58"].map { Amount($0)! })
        // A year or a document number ending a wrapped name is not an amount.
        #expect(LineTokens.splitTrailingValues("巴财社〔2023〕80 号提前下达 2024").values.isEmpty)
        #expect(LineTokens.splitTrailingValues("1,297.28 1,297.28").values == [Amount("1297.28")!, Amount("1297.28")!])
        #expect(LineTokens.leadingCode("210 15 06 医疗保障经办事务", classes: 201...299)?.code == "2101506")
        #expect(LineTokens.leadingCode("2025 年综合业务费", classes: 201...299) == nil)
    }

    @Test func codesSidesLabelsAndPreparersAreReadOnBytes() throws {
        let line = "210  15 06   医疗保障  经办事务 "
        let code = try #require(LineTokens.leadingCode(line, classes: 201...299))
        #expect(code.code == "2101506")
        #expect(LineTokens.rest(of: line, from: code.end) == "医疗保障 经办事务")
        #expect(LineTokens.leadingCode("208 05 1.00", classes: 201...299)?.code == "20805")
        #expect(LineTokens.leadingCode("301 02 工资福利支出", classes: 201...299) == nil)
        #expect(LineTokens.collapsingSpaces(Array("  一般   公共 ".utf8)) == "一般 公共")

        let sides = TableReader.splitSides("一、本年收入  646.63 201 一般公共服务支出   10.00")
        #expect(sides.left == "一、本年收入 646.63")
        #expect(sides.right == "201 一般公共服务支出 10.00")
        #expect(TableReader.splitSides("收入总计 100.00 支 出 总 计 100.00").right == "支 出 总 计 100.00")
        #expect(TableReader.splitSides("二、上年结转 5.00").right == nil)

        #expect(TableReader.incomeLabel("一、本年收入") == "本年收入")
        #expect(TableReader.incomeLabel("十一、其他收入") == "其他收入")
        #expect(TableReader.incomeLabel("收入、支出") == "收入、支出")
        #expect(TableReader.incomeLabel("12．事业收入") == "事业收入")
        #expect(TableReader.incomeLabel("1、其中：一般财力") == "一般财力")
        #expect(TableReader.incomeLabel("其中:专户") == "专户")
        #expect(TableReader.incomeLabel("3基金预算拨款") == "3基金预算拨款")
        #expect(TableReader.incomeLabel("2.基金预算拨款") == "政府性基金预算拨款")
        #expect(TableReader.incomeLabel("一、财政拨款（补助）") == "财政拨款")

        let preparer = TableReader.parsePreparer("编制部门：某县某局 单位：万元")
        #expect(preparer.name == "某县某局")
        #expect(preparer.unit == "万元")
        #expect(TableReader.parsePreparer("编制单位:某局").unit == nil)
    }

    @Test func badInputIsRejectedWithAReason() {
        #expect(throws: ReadError.empty) { try DisclosureReader.read("\n\n") }
        #expect(throws: ReadError.notUTF8) { try DisclosureReader.read(bytes: [0xff, 0xfe, 0x00]) }
        #expect(throws: ReadError.notADisclosure("no standard table (表 1 … 表 10) was found")) {
            try DisclosureReader.read("这是一份普通的文件。\n没有任何表格。")
        }
    }
}
