import YusuanModel

/// 部门概况 — reads 第一部分: functions, subordinate units, offices, staffing.
enum OverviewReader {
    static func read(_ lines: ArraySlice<SourceLine>, department: String) -> Overview {
        Overview()
    }
}
