import Foundation
import Testing
import YusuanModel
@testable import YusuanRead
@testable import YusuanRender

private let seedsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("shared/seeds")

private func seed(_ prefix: String) throws -> Disclosure {
    let names = try FileManager.default.contentsOfDirectory(atPath: seedsDirectory.path)
    let name = try #require(names.sorted().first { $0.hasPrefix(prefix) })
    return try DisclosureReader.read(String(contentsOf: seedsDirectory.appendingPathComponent(name), encoding: .utf8))
}

@Suite struct CellsTests {
    static func sample() -> Disclosure {
        var table = BudgetTable(kind: .threePublicCosts, title: "财政拨款“三公”经费支出情况表",
                                columns: StandardTable.threePublicCosts.columns(in: .edition2024))
        table.rows = [
            TableRow(key: .total, name: "合计", role: .total, cells: [Cell(Amount("0.00")!), nil, nil, nil]),
            TableRow(key: .reception, name: "公务接待费", role: .line,
                     cells: [Cell(Amount("1,250.5")!), Cell(Amount("1250.50")!), nil, nil]),
        ]
        var weird = BudgetTable(kind: .projects, title: "t", columns: [.total])
        weird.rows = [TableRow(key: .project(code: "2101599", name: "名称,带逗号\"引号\""), name: "x", role: .project, cells: [Cell(Amount("3")!)])]
        return Disclosure(department: "示例局", year: 2025, format: .edition2024, tables: [weird, table])
    }

    @Test func recordsFollowTableRowAndColumnOrder() {
        let csv = Cells.csv([("a", Self.sample())])
        let expected = [
            "table,row,column,value",
            #"7,"2101599|名称,带逗号""引号""",合计,3.00"#,
            "10,合计,合计,0",
            "10,公务接待费,合计,1250.50",
            "10,公务接待费,一般公共预算,1250.50",
        ]
        #expect(csv == expected.joined(separator: "\n") + "\n")
    }

    @Test func severalDocumentsGainADocumentColumn() {
        let csv = Cells.csv([("a.txt", Self.sample()), ("b.txt", Self.sample())])
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "document,table,row,column,value")
        #expect(lines.count == 9)
        #expect(lines[5].hasPrefix("b.txt,7,"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seedsDirectory.path), "../shared/seeds is absent"))
    func seedCellsMatchTheSpecExample() throws {
        let csv = Cells.csv([("000", try seed("000"))])
        #expect(csv.contains("\n2,2101501,一般公共预算,61.98\n"))
        #expect(csv.contains("\n1,本年收入/一般公共预算拨款/一般财力,预算数,1248.59\n"))
        #expect(csv.contains("\n7,尉犁县医疗保障局/2101202|城乡居民基本医疗保险财政补助,对社会保障基金补助,921.93\n"))
        let keys = Cells.records(try seed("002")).map { "\($0.table)|\($0.row)|\($0.column)" }
        #expect(Set(keys).count == keys.count, "each key is unique within its table")
    }
}

@Suite struct JSONOutputTests {
    @Test func amountsAreExactDecimalNumbersAndTheModelRoundTrips() throws {
        let d = CellsTests.sample()
        let json = try JSONOutput.render([("a", d)])
        #expect(json.contains("\"value\" : 1250.5"))
        let back = try JSONDecoder().decode(Disclosure.self, from: Data(json.utf8))
        #expect(back == d)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seedsDirectory.path), "../shared/seeds is absent"))
    func aSeedRoundTripsThroughJSON() throws {
        let d = try seed("003")
        let json = try JSONOutput.render([("003", d)])
        let back = try JSONDecoder().decode(Disclosure.self, from: Data(json.utf8))
        #expect(back == d)
        #expect(back.table(.expenditure)?[.grandTotal, .project] == Amount("6244.76"))
        let several = try JSONOutput.render([("a", d), ("b", d)])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(several.utf8)) as? [[String: Any]])
        #expect(array.map { $0["document"] as? String } == ["a", "b"])
    }
}

@Suite struct SummaryTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: seedsDirectory.path), "../shared/seeds is absent"))
    func summaryNamesTotalsTablesAndAmbiguities() throws {
        let text = Summary.render(try seed("000"))
        #expect(text.hasPrefix("尉犁县医疗保障局 2025 年部门预算公开"))
        #expect(text.contains("收入总计 1297.28  支出总计 1297.28"))
        #expect(text.contains("表7 一般公共预算项目支出情况表: 9 rows, 9 with values"))
        #expect(text.contains("表8 政府性基金预算支出情况表: 0 rows, 0 with values — published empty (空表)"))
        #expect(text.contains("Sections (12):"))
        #expect(text.contains("项目: 3 tables"))
        #expect(text.contains("Ambiguities (1):"))
    }
}
