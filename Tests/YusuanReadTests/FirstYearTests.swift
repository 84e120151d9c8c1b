import Testing
@testable import YusuanRead

/// 年度 — the first year a line prints before 年 or 度.
@Suite struct FirstYearTests {
    @Test func aYearBeforeItsWord() {
        #expect(TableReader.firstYear(in: "2025年部门预算公开") == 2025)
        #expect(TableReader.firstYear(in: "某某局 2026 年度 部门预算") == 2026)
        #expect(TableReader.firstYear(in: "2024年预算，2025年执行") == 2024)
        #expect(TableReader.firstYear(in: "编号 12025年 2023年") == 2023)
    }

    @Test func noYearWithoutItsWordOrInsideANumber() {
        #expect(TableReader.firstYear(in: "2025") == nil)
        #expect(TableReader.firstYear(in: "2025万元") == nil)
        #expect(TableReader.firstYear(in: "20256年") == nil)
        #expect(TableReader.firstYear(in: "1999年") == nil)
        #expect(TableReader.firstYear(in: "") == nil)
    }
}
