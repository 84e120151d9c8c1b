import Foundation
import Testing
@testable import YusuanRead
import YusuanModel

/// 层级: `BudgetTable.parentIndices` finds a coded row's parent by its code's prefixes.
/// Held here to the walk back over earlier rows it replaced, on every table of the seeds
/// and of the example, and on a table written to try units, memo rows and totals.
@Suite struct HierarchyTests {
    /// The former search: walk back to the nearest earlier row, under the same unit and
    /// before any unit or total row, whose code is a proper prefix.
    static func walkedBack(_ table: BudgetTable) -> [Int?] {
        let byKey = Dictionary(table.rows.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        var parents: [Int?] = Array(repeating: nil, count: table.rows.count)
        var currentUnit: Int?
        for (i, row) in table.rows.enumerated() {
            switch row.role {
            case .total, .memo: continue
            case .unit: currentUnit = i
            case .line: if let parentKey = row.key.parent { parents[i] = byKey[parentKey] }
            case .project where row.code == nil: parents[i] = currentUnit
            default: break
            }
            guard let code = row.code else { continue }
            var j = i - 1
            while j >= 0 {
                let r = table.rows[j]
                if r.role == .unit || r.role == .total { break }
                if let c = r.code, c.count < code.count, code.hasPrefix(c), r.project == nil, r.unit == row.unit {
                    parents[i] = j
                    break
                }
                j -= 1
            }
            if parents[i] == nil, row.unit != nil { parents[i] = currentUnit }
        }
        return parents
    }

    /// The former search with the totals given their rows as `parentIndices` gives them.
    static func reference(_ table: BudgetTable) -> [Int?] {
        var parents = walkedBack(table)
        let rows = table.rows
        let totals = rows.indices.filter { rows[$0].role == .total }
        for i in rows.indices where parents[i] == nil && rows[i].role != .total && rows[i].role != .memo {
            if totals.count > 1 {
                let side: RowKey = rows[i].code != nil ? .expenditureTotal : .incomeTotal
                parents[i] = totals.first { rows[$0].key == side }
            } else {
                parents[i] = totals.first
            }
        }
        return parents
    }

    static func expectSame(_ table: BudgetTable, _ name: String) {
        #expect(table.parentIndices == reference(table), "\(name)")
    }

    @Test(.seeds) func seedTablesKeepTheirParents() throws {
        var rows = 0
        for prefix in ["000", "001", "002", "003", "004"] {
            for table in try Seeds.disclosure(prefix).tables {
                Self.expectSame(table, "\(prefix) 表\(table.kind.rawValue)")
                rows += table.rows.count
            }
        }
        #expect(rows > 500)
    }

    @Test func unitsMemoRowsAndTotalsBoundTheSearch() {
        func row(_ code: String?, _ role: RowRole = .line, unit: String? = nil, project: String? = nil) -> TableRow {
            TableRow(key: RowKey(rawValue: [unit, code, project].compactMap { $0 }.joined(separator: "|")), code: code,
                     name: code ?? "", project: project, unit: unit, role: role, cells: [])
        }
        let table = BudgetTable(kind: .projects, title: "项目支出表", columns: [], rows: [
            row(nil, .total), row("210"), row("21015"), row("2101501"), row("2101502"),
            row("2101501", .project, project: "甲"), row("229", .memo), row("22999"),
            row(nil, .unit, unit: "一"), row("210", unit: "一"), row("21015", unit: "一"), row("21015", unit: "二"),
            row("2101501", unit: "一"), row("2101501", unit: "二"), row(nil, .total), row("21015"),
        ])
        Self.expectSame(table, "written")
        // A total closes the search as a unit does: 21015 after it is not under 210.
        let split = BudgetTable(kind: .projects, title: "项目支出表", columns: [], rows: [
            row("210"), row("21015"), row(nil, .total), row("21015"),
        ])
        Self.expectSame(split, "after a total")
        #expect(split.parentIndices[1] == 0 && split.parentIndices[3] == 2)
        let parents = table.parentIndices
        #expect(parents[3] == 2 && parents[4] == 2 && parents[5] == 2)   // a project is not a parent
        #expect(parents[7] == 6)                                         // a memo row is one
        #expect(parents[12] == 10 && parents[13] == 11)                  // by unit
        #expect(parents[9] == 8)                                         // the unit, past the total before it
    }

    /// Codes longer than the eight bytes packed into a key, and codes that are not ASCII,
    /// are looked up by their text; labelled lines by the key before their last `/`.
    @Test func longAndOtherCodesAndLabelledLines() {
        func row(_ code: String?, _ role: RowRole = .item, key: String? = nil, unit: String? = nil) -> TableRow {
            TableRow(key: RowKey(rawValue: key ?? code ?? ""), code: code, name: code ?? "", unit: unit, role: role, cells: [])
        }
        let long = BudgetTable(kind: .projects, title: "项目支出表", columns: [], rows: [
            row(nil, .total), row("2101501"), row("210150101"), row("21015010101"), row("210150102"),
            row("2101501010"), row("21015010"), row("甲1"), row("甲12"), row("甲1２3"), row("乙1"),
            row("210150101", unit: "一"), row("21015010101", unit: "二"), row("21015010101", unit: "一"),
        ])
        Self.expectSame(long, "long codes")
        let parents = long.parentIndices
        #expect(parents[3] == 2 && parents[4] == 1 && parents[5] == 2 && parents[6] == 1)
        #expect(parents[8] == 7 && parents[9] == 7 && parents[10] == 0)   // 甲12 is not 甲1２…
        #expect(parents[13] == 11 && parents[12] == 0)
        let lines = BudgetTable(kind: .overall, title: "收支总表", columns: [], rows: [
            row(nil, .line, key: "本年收入"), row(nil, .line, key: "本年收入/一般公共预算拨款"),
            row(nil, .line, key: "本年收入/一般公共预算拨款/一般财力"), row(nil, .line, key: "本年收入/单位资金"),
            row(nil, .total, key: "收入总计"),
        ])
        Self.expectSame(lines, "labelled lines")
        #expect(lines.parentIndices == [4, 0, 1, 0, nil])
        // A key printed twice: its children sum into the first row with it.
        let twice = BudgetTable(kind: .overall, title: "收支总表", columns: [], rows: [
            row(nil, .line, key: "本年收入"), row(nil, .line, key: "本年收入/单位资金"),
            row(nil, .line, key: "本年收入"), row(nil, .line, key: "本年收入/事业收入"), row(nil, .total, key: "收入总计"),
        ])
        Self.expectSame(twice, "a key printed twice")
        #expect(twice.parentIndices == [4, 0, 4, 0, nil])
    }
}
