import YusuanModel

extension PrintedTable {
    /// Lays out a standard table as it is printed.
    ///
    /// - Tables 1 and 4 are two-sided: income lines with their amounts on the left,
    ///   the 功能分类 lines (`201 一般公共服务支出`) with theirs on the right, the two
    ///   totals side by side on the last line.
    /// - Tables with functional codes (2, 3, 5, 7, 8, 9) print 类, 款 and 项 in three
    ///   columns (`210 | 15 | 02`) before the name; table 7 adds 项目名称.
    /// - Table 6 prints the economic 类 and 款 (`301 | 01`).
    /// - Tables 10 and 11 have one label column.
    ///
    /// Column groups follow the printed headers (基本支出 over 人员经费 and 公用经费;
    /// 财政拨款 over its 小计 and parts).
    public init(_ table: BudgetTable, unit: String) {
        switch table.kind {
        case .overall, .fiscalAppropriation:
            self = Self.twoSided(table, unit: unit)
        default:
            self = Self.oneSided(table, unit: unit)
        }
        if let statement = table.emptyStatement?.value { note = statement }
    }

    /// The printed header path of each amount column.
    static func amountPaths(_ table: BudgetTable) -> [[String]] {
        table.columns.map { key in
            let parts = key.rawValue.split(separator: "/").map(String.init)
            switch table.kind {
            case .income:
                let fiscal: [ColumnKey] = [.generalPublic, .generalPublicTransfer, .governmentFund, .governmentFundTransfer,
                                           .stateCapital, .stateCapitalTransfer]
                if key == .appropriationSubtotal { return ["财政拨款（补助）", "小计"] }
                return fiscal.contains(key) ? ["财政拨款（补助）", key.rawValue] : parts
            case .threePublicCosts:
                return key == .total ? parts : ["资金来源"] + parts
            case .projects where key == .total:
                return ["项目支出合计"]
            default:
                return parts
            }
        }
    }

    // MARK: one-sided tables

    private enum Labels {
        case functional(project: Bool)
        case economic
        case single(String)

        var paths: [[String]] {
            switch self {
            case .functional(let project):
                [["功能分类科目编码", "类"], ["功能分类科目编码", "款"], ["功能分类科目编码", "项"], ["功能分类科目名称"]]
                    + (project ? [["项目名称"]] : [])
            case .economic:
                [["经济分类科目编码", "类"], ["经济分类科目编码", "款"], ["经济分类科目名称"]]
            case .single(let label):
                [[label]]
            }
        }

        var kinds: [ColumnKind] {
            switch self {
            case .functional(let project): [.code, .code, .code, .label] + (project ? [.label] : [])
            case .economic: [.code, .code, .label]
            case .single: [.label]
            }
        }
    }

    private static func labels(for kind: StandardTable) -> Labels {
        switch kind {
        case .basicByEconomicClass: .economic
        case .projects: .functional(project: true)
        case .threePublicCosts: .single("“三公”经费支出内容")
        case .carryOver: .single("项目")
        default: .functional(project: false)
        }
    }

    private static func oneSided(_ table: BudgetTable, unit: String) -> PrintedTable {
        let labels = labels(for: table.kind)
        let labelPaths = labels.paths
        let (header, headerRows) = HeaderCell.layout(labelPaths + amountPaths(table))
        let groups = groupLines(table)
        let body = table.rows.map { row -> PrintedRow in
            var cells: [PrintedCell?] = []
            var indent = 0
            switch labels {
            case .functional(let project):
                cells = codeParts(row.code, count: 3).map { $0.map(PrintedCell.text) }
                if !project {
                    cells.append(.text(row.name))
                } else if row.role == .project {
                    cells += [row.code == nil ? nil : .text(row.name), .text(row.project ?? row.name)]
                } else {
                    cells += [.text(row.name), nil]
                }
            case .economic:
                cells = codeParts(row.code, count: 2).map { $0.map(PrintedCell.text) } + [.text(row.name)]
            case .single:
                cells = [.text(row.role == .project ? (row.project ?? row.name) : row.name)]
                indent = row.role == .project || row.key.parent != nil ? 1 : 0
            }
            let keys = Array(repeating: CellKey?.none, count: cells.count)
                + table.columns.map { CellKey(row: row.key, column: $0) }
            cells += row.cells.map { $0.map { PrintedCell.amount($0.value) } }
            // Table 6's 款 is its lowest level: set plain, as 项 is in the functional tables.
            var emphasis = emphasis(row, groups: groups)
            if table.kind == .basicByEconomicClass, row.role == .section { emphasis = .plain }
            return PrintedRow(cells: cells, emphasis: emphasis, indent: indent, keys: keys)
        }
        return PrintedTable(number: table.kind.rawValue, title: table.title, preparer: table.preparer, unit: unit,
                            header: header, headerRows: headerRows, body: body,
                            columnKinds: labels.kinds + Array(repeating: .amount, count: table.columns.count))
    }

    /// 类, 款 and 项 of a code (`2101502` → `210`, `15`, `02`); economic codes have
    /// two parts (`30101` → `301`, `01`). A code of another length stays whole in 类.
    static func codeParts(_ code: String?, count: Int) -> [String?] {
        var parts = Array(repeating: String?.none, count: count)
        guard let code else { return parts }
        let characters = Array(code)
        guard characters.count >= 3, characters.count <= 3 + 2 * (count - 1), (characters.count - 3) % 2 == 0 else {
            parts[0] = code
            return parts
        }
        parts[0] = String(characters[0..<3])
        var start = 3
        var index = 1
        while start < characters.count {
            parts[index] = String(characters[start..<start + 2])
            start += 2
            index += 1
        }
        return parts
    }

    /// The lines set in bold as groups: a line with lines under it, and every line
    /// beside it (under the same parent), so that one level is set alike — 表1's
    /// 4.财政专户核拨, which has no 其中 lines, as bold as 3. and 5. around it.
    private static func groupLines(_ table: BudgetTable) -> Set<RowKey> {
        let parents = Set(table.rows.compactMap(\.key.parent))
        let lines = table.rows.filter { $0.role == .line }
        let levels = Set(lines.filter { parents.contains($0.key) }.map { $0.key.parent })
        return Set(lines.filter { parents.contains($0.key) || levels.contains($0.key.parent) }.map(\.key))
    }

    private static func emphasis(_ row: TableRow, groups: Set<RowKey>) -> PrintedRow.Emphasis {
        switch row.role {
        case .total: .total
        case .classLevel, .section, .unit: .group
        case .line: groups.contains(row.key) ? .group : .plain
        case .item, .project, .memo: .plain
        }
    }

    // MARK: two-sided tables (1 and 4)

    private static func twoSided(_ table: BudgetTable, unit: String) -> PrintedTable {
        let isOverall = table.kind == .overall
        let incomeRows = table.rows.filter { $0.code == nil && !($0.role == .total && $0.key == .expenditureTotal) }
        let spendingRows = table.rows.filter { $0.code != nil || ($0.role == .total && $0.key == .expenditureTotal) }
        // The income side prints the first column, and any other column an income line fills.
        let incomeColumns = table.columns.indices.filter { c in
            c == 0 || incomeRows.contains { $0.cells[c] != nil }
        }
        let incomeGroup = isOverall ? "收入" : "财政拨款收入"
        let spendingGroup = isOverall ? "支出" : "财政拨款支出"
        let paths = [[incomeGroup, "项目"]] + incomeColumns.map { [incomeGroup, table.columns[$0].rawValue] }
            + [[spendingGroup, "功能分类"]] + table.columns.map { [spendingGroup, $0.rawValue] }
        let (header, headerRows) = HeaderCell.layout(paths)
        let groups = groupLines(table)

        let incomeLines = incomeRows.filter { $0.role != .total }
        let incomeTotals = incomeRows.filter { $0.role == .total }
        let spendingLines = spendingRows.filter { $0.role != .total }
        let spendingTotals = spendingRows.filter { $0.role == .total }
        let leftWidth = 1 + incomeColumns.count
        let rightWidth = 1 + table.columns.count

        func left(_ row: TableRow?) -> [PrintedCell?] {
            guard let row else { return Array(repeating: nil, count: leftWidth) }
            let label = row.role == .total ? row.name : incomeLabel(row, in: incomeLines)
            return [.text(label)] + incomeColumns.map { row.cells[$0].map { .amount($0.value) } }
        }
        func right(_ row: TableRow?) -> [PrintedCell?] {
            guard let row else { return Array(repeating: nil, count: rightWidth) }
            let label = row.code.map { "\($0) \(row.name)" } ?? row.name
            return [.text(label)] + row.cells.map { $0.map { .amount($0.value) } }
        }
        func keys(_ income: TableRow?, _ spending: TableRow?) -> [CellKey?] {
            [nil] + incomeColumns.map { c in income.map { CellKey(row: $0.key, column: table.columns[c]) } }
                + [nil] + table.columns.map { column in spending.map { CellKey(row: $0.key, column: column) } }
        }

        var body: [PrintedRow] = []
        let lineCount = max(incomeLines.count, spendingLines.count)
        for i in 0..<lineCount {
            let income = i < incomeLines.count ? incomeLines[i] : nil
            let spending = i < spendingLines.count ? spendingLines[i] : nil
            let emphasis = income.map { self.emphasis($0, groups: groups) } ?? .plain
            let indent = income.map { max(0, $0.key.rawValue.split(separator: "/").count - 1) } ?? 0
            body.append(PrintedRow(cells: left(income) + right(spending), emphasis: emphasis, indent: indent,
                                   span: 0..<leftWidth, keys: keys(income, spending)))
        }
        let totalCount = max(incomeTotals.count, spendingTotals.count)
        for i in 0..<totalCount {
            let income = i < incomeTotals.count ? incomeTotals[i] : nil
            let spending = i < spendingTotals.count ? spendingTotals[i] : nil
            body.append(PrintedRow(cells: left(income) + right(spending), emphasis: .total, keys: keys(income, spending)))
        }
        let kinds: [ColumnKind] = [.label] + incomeColumns.map { _ in .amount } + [.label]
            + table.columns.map { _ in .amount }
        return PrintedTable(number: table.kind.rawValue, title: table.title, preparer: table.preparer, unit: unit,
                            header: header, headerRows: headerRows, body: body, columnKinds: kinds)
    }

    /// An income line with the printed numbering put back: `一、本年收入`,
    /// `1.一般公共预算拨款`, `其中：一般财力` for the first of a line's parts.
    private static func incomeLabel(_ row: TableRow, in lines: [TableRow]) -> String {
        let path = row.key.rawValue.split(separator: "/")
        let parent = path.dropLast().joined(separator: "/")
        let siblings = lines.filter { line in
            let p = line.key.rawValue.split(separator: "/")
            return p.count == path.count && p.dropLast().joined(separator: "/") == parent
        }
        let position = (siblings.firstIndex { $0.key == row.key } ?? 0)
        switch path.count {
        case 1: return ChineseNumeral.string(position + 1) + "、" + row.name
        case 2: return "\(position + 1).\(row.name)"
        default: return position == 0 ? "其中：\(row.name)" : row.name
        }
    }
}

/// 一, 二, … 九十九 — for numbering printed parts.
enum ChineseNumeral {
    static func string(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard n > 0, n < 100 else { return String(n) }
        if n < 10 { return digits[n] }
        let tens = n / 10, ones = n % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
    }
}
