import Foundation
import YusuanModel

/// 表样目录 — the regional table templates Yusuan knows, each read from its data
/// file in `Resources/Templates` (`shanghai.json`, …).
public enum Templates {
    /// Every built-in template, by name order of their files.
    public static let all: [TableTemplate] = names.compactMap(load)

    /// The built-in templates' files, each named by its template's id.
    private static let names = ["shanghai", "standard"]

    /// The template with this id, read from its own file only: a reader of text
    /// documents needs the standard template, not every one.
    public static func named(_ id: String) -> TableTemplate? {
        guard names.contains(id) else { return nil }
        return load(id).flatMap { $0.id == id ? $0 : nil }
    }

    /// The template in `Resources/Templates/<name>.json`, if there is one.
    private static func load(_ name: String) -> TableTemplate? {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Templates")
                ?? Bundle.module.url(forResource: name, withExtension: "json"),
              let data = try? Data(contentsOf: url) else { return nil }
        do {
            return try JSONDecoder().decode(TableTemplate.self, from: data)
        } catch {
            preconditionFailure("the template \(name).json does not decode: \(error)")
        }
    }

    /// The template a document follows: the one whose table titles it prints most
    /// (at least three), or nil.
    public static func recognise(_ source: SourceDocument) -> TableTemplate? {
        // Every title holds 表: only those lines are made into strings, and each is
        // normalised once for all the templates.
        let mark = Array("表".utf8)
        let titles = source.bytes.withUnsafeBufferPointer { all in
            mark.withUnsafeBufferPointer { mark in
                source.lines.compactMap { line -> String? in
                    let bytes = UnsafeBufferPointer(rebasing: all[line.range])
                    guard bytes.count < 200, Spaces.search(bytes, for: mark) else { return nil }
                    let text = String(decoding: bytes, as: UTF8.self)
                    return TableTemplate.mayBeTitle(text) ? TableTemplate.strippedTitle(text) : nil
                }
            }
        }
        var best: (TableTemplate, Int)?
        for template in all {
            var found = Set<Int>()
            for title in titles {
                if let t = template.table(strippedTitle: title) { found.insert(t.number) }
            }
            if found.count >= 3, found.count > best?.1 ?? 0 { best = (template, found.count) }
        }
        return best?.0
    }
}

extension TableTemplate {
    /// The printed table of this template that is the contract's `kind`.
    public func table(_ kind: StandardTable) -> PrintedTable? { tables.first { $0.contract == kind } }

    /// The column keys a printed table has in a format's documents: its first column
    /// set, or for tables with a set a format does not print (tables 8 and 9 print
    /// 基本支出 whole in 2023, split into 人员经费 and 公用经费 from 2024), the set
    /// whose keys the contract gives that format.
    public func columns(of kind: StandardTable, in format: DisclosureFormat) -> [ColumnKey]? {
        guard let printed = table(kind) else { return nil }
        let sets = printed.columnSets.map { set in set.filter { $0.income != true }.compactMap(\.key) }
        let contract = kind.columns(in: format)
        return sets.first { $0 == contract } ?? sets.first
    }

    /// The identities inside a row of a printed table, as column indices, for the
    /// columns `columns(of:in:)` gives.
    public func identities(of kind: StandardTable, in format: DisclosureFormat) -> [SumRelation] {
        guard let printed = table(kind), let columns = columns(of: kind, in: format) else { return [] }
        return printed.identities.compactMap { identity in
            guard let total = columns.firstIndex(of: identity.total) else { return nil }
            let parts = identity.parts.compactMap { columns.firstIndex(of: $0) }
            return parts.count == identity.parts.count ? SumRelation(total, parts) : nil
        }
    }
}
