import Foundation
import YusuanTools
import Testing
import YusuanModel
import YusuanRead
@testable import YusuanRender
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The seeds beside the checkout (`../shared/seeds`), as RenderTests.swift finds them.
enum RenderSeeds {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/seeds")

    static var available: Bool { FileManager.default.fileExists(atPath: directory.path) }

    static let prefixes = ["000", "001", "002", "003", "004"]

    static func read(_ prefix: String) throws -> Disclosure {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        let name = try #require(names.sorted().first { $0.hasPrefix(prefix) })
        return try DisclosureReader.read(String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
    }
}

/// A program on PATH, for the tests that need one.
enum Tool {
    static func path(_ name: String) -> String? { ExternalProgram.find(name) }

    /// Runs a program and returns its exit status and standard output.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 240) throws -> (status: Int32, output: String) {
        let outcome = try ExternalProgram.run(executable, arguments, timeout: timeout)
        return (outcome.status, String(decoding: outcome.output, as: UTF8.self))
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// The parts of a ZIP file (DOCX, XLSX), unzipped in memory.
func unzip(_ data: Data) throws -> [String: Data] {
    let archive = try Archive(data: data, accessMode: .read)
    var parts: [String: Data] = [:]
    for entry in archive {
        var content = Data()
        _ = try archive.extract(entry) { content.append($0) }
        parts[entry.path] = content
    }
    return parts
}

/// A parsed XML element: name (with prefix), attributes, children, text.
final class XMLNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// Direct children with this name.
    func all(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
    func first(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// Every descendant with this name, in document order.
    func descendants(_ name: String) -> [XMLNode] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(name) }
    }

    /// The text of every `w:t` / `t` below, joined.
    func allText(_ textElement: String) -> String {
        (name == textElement ? text : "") + children.map { $0.allText(textElement) }.joined()
    }

    static func parse(_ data: Data) throws -> XMLNode {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw RenderError(message: "XML does not parse: \(parser.parserError.map { "\($0)" } ?? "no root")")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLNode?
        var stack: [XMLNode] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let node = XMLNode(name: qName ?? elementName, attributes: attributeDict)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}

/// Reads a printed grid back into tidy records, knowing only the official layout
/// of the tables — not the renderer's code: label columns first (类, 款, 项 and the
/// name; the project in table 7), then one column per column key; tables 1 and 4
/// two-sided, income on the left and 功能分类 on the right, totals on the last line.
///
/// Every label is checked against the model on the way; the records returned are
/// compared with `Cells.records`.
enum GridReader {
    /// - Parameters:
    ///   - body: the body rows (header and notes removed), nil for an empty cell.
    ///   - leaves: the lowest header label of each column.
    static func records(_ body: [[String?]], leaves: [String?], table: BudgetTable) -> [Cells.Record] {
        let n = table.kind.rawValue
        // A page prints 1,297.28; the value is the same without the separators.
        func amount(_ text: String?) -> Amount? { text.flatMap { Amount($0.replacingOccurrences(of: ",", with: "")) } }
        var found: [RowKey: [ColumnKey: Amount]] = [:]
        func record(_ row: TableRow, _ column: ColumnKey, _ text: String?) {
            if let value = amount(text) { found[row.key, default: [:]][column] = value }
        }

        switch table.kind {
        case .overall, .fiscalAppropriation:
            let width = body.first?.count ?? 0
            let k = width - 2 - table.columns.count
            #expect(k >= 1, "表\(n): the income side has its amount columns")
            let income = table.rows.filter { $0.code == nil && !($0.role == .total && $0.key == .expenditureTotal) }
            let spending = table.rows.filter { $0.code != nil || ($0.role == .total && $0.key == .expenditureTotal) }
            let incomeLines = income.filter { $0.role != .total }, incomeTotals = income.filter { $0.role == .total }
            let spendingLines = spending.filter { $0.role != .total }, spendingTotals = spending.filter { $0.role == .total }
            let lines = max(incomeLines.count, spendingLines.count)
            #expect(body.count == lines + max(incomeTotals.count, spendingTotals.count), "表\(n): row count")
            guard body.count == lines + max(incomeTotals.count, spendingTotals.count) else { return [] }
            for (i, cells) in body.enumerated() {
                let isTotal = i >= lines
                let left = isTotal ? incomeTotals[safe: i - lines] : incomeLines[safe: i]
                let right = isTotal ? spendingTotals[safe: i - lines] : spendingLines[safe: i]
                if let left {
                    #expect(cells[0]?.hasSuffix(left.name) == true, "表\(n) row \(i): \(cells[0] ?? "nil") for \(left.name)")
                    for c in 1...k {
                        // The printed header names the column by its key.
                        let column = ColumnKey(rawValue: leaves[c] ?? "")
                        #expect(table.columns.contains(column), "表\(n): income column \(leaves[c] ?? "nil")")
                        record(left, column, cells[c])
                    }
                }
                if let right {
                    let label = right.code.map { "\($0) \(right.name)" } ?? right.name
                    #expect(cells[k + 1] == label, "表\(n) row \(i)")
                    for (j, key) in table.columns.enumerated() { record(right, key, cells[k + 2 + j]) }
                }
            }
        default:
            let width = body.first?.count ?? (table.columns.count + 1)
            let labels = width - table.columns.count
            let codes: Int = switch table.kind {
            case .basicByEconomicClass: 2
            case .threePublicCosts, .carryOver: 0
            default: 3
            }
            #expect(body.count == table.rows.count, "表\(n): row count \(body.count) for \(table.rows.count) rows")
            for (row, cells) in zip(table.rows, body) {
                let code = cells[0..<codes].compactMap { $0 }.joined()
                #expect(code == (row.code ?? ""), "表\(n) \(row.key): codes \(code)")
                let printedLabels = cells[codes..<labels].compactMap { $0 }
                let expected = row.role == .project ? (row.project ?? row.name) : row.name
                #expect(printedLabels.contains(expected), "表\(n) \(row.key): labels \(printedLabels)")
                for (j, key) in table.columns.enumerated() { record(row, key, cells[labels + j]) }
            }
        }
        // In the model's row and column order, as Cells.records gives them.
        var result: [Cells.Record] = []
        for row in table.rows {
            for column in table.columns {
                if let value = found[row.key]?[column] {
                    result.append(Cells.Record(table: n, row: row.key, column: column, value: value))
                }
            }
        }
        return result
    }

    /// The model's records of one table.
    static func expected(_ d: Disclosure, _ table: BudgetTable) -> [Cells.Record] {
        Cells.records(d).filter { $0.table == table.kind.rawValue }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
