import YusuanModel

/// 绩效目标表 — reads the 部门整体 and 项目支出 performance-target tables.
enum PerformanceReader {
    static func readDepartment(_ lines: ArraySlice<SourceLine>) -> DepartmentPerformanceTable? {
        nil
    }

    static func readProject(_ lines: ArraySlice<SourceLine>) -> ProjectPerformanceTable? {
        nil
    }
}
