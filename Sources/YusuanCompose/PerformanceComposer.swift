import YusuanModel

/// 绩效目标表 — the department's and each project's performance-target tables;
/// the funds are computed from the line items, the goals and indicators are the
/// officer's.
struct PerformanceComposer {
    let budget: Budget
    let tables: [BudgetTable]

    init(_ budget: Budget, tables: [BudgetTable]) {
        self.budget = budget
        self.tables = tables
    }

    static let nonFiscal: Set<FundingSource> = [.specialAccount, .unitFunds, .carryOverOther]

    func targets() -> PerformanceTargets {
        PerformanceTargets(department: department(), projects: projects())
    }

    /// 上级安排 = transfers and money carried over; 本级安排 = this level's own
    /// appropriations; 其他 = money that is not an appropriation.
    func department() -> DepartmentPerformanceTable? {
        guard var table = budget.departmentPerformance else { return nil }
        let sum: ([FundingSource]) -> Amount = { sources in
            budget.items.filter { sources.contains($0.source) }.reduce(.zero) { $0 + $1.amount }
        }
        table.year = budget.department.year
        table.department = budget.department.name
        table.superiorFunds = sum([.generalTransfer, .fundTransfer, .capitalTransfer, .carryOverGeneral, .carryOverFund, .carryOverCapital])
        table.ownFunds = sum([.general, .fund, .capital])
        table.otherFunds = sum([.specialAccount, .unitFunds, .carryOverOther])
        return table
    }

    func projects() -> [ProjectPerformanceTable] {
        budget.projects.compactMap { project in
            let items = budget.items.filter { $0.project == project.name }
            guard !items.isEmpty, !project.indicators.isEmpty else { return nil }
            let total = items.reduce(Amount.zero) { $0 + $1.amount }
            let other = items.filter { Self.nonFiscal.contains($0.source) }.reduce(Amount.zero) { $0 + $1.amount }
            return ProjectPerformanceTable(
                year: budget.department.year, unit: project.undertakingUnit ?? budget.department.name,
                project: project.name, owner: project.owner, totalFunds: total, fiscalFunds: total - other,
                otherFunds: other, overallGoal: project.goal ?? "", indicators: project.indicators, source: nil)
        }
    }
}
