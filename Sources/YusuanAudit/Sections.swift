import Foundation
import YusuanModel

/// 说明分节 — what an explanation section is about, read from its title (the
/// numbering differs between the 2023 and the 2024 formats).
enum SectionKind: Sendable, Hashable {
    case overview, income, expenditure, fiscal, generalPublic, basic, projects, fund, capital, threePublic
    case carryOver, other, unknown

    /// The words of a title, first match wins.
    static let byTitle: [(String, SectionKind)] = [
        ("三公", .threePublic), ("上年结转结余", .carryOver), ("其他重要事项", .other), ("基本支出", .basic),
        ("项目支出", .projects), ("当年拨款", .generalPublic), ("政府性基金", .fund), ("国有资本经营", .capital),
        ("财政拨款收支", .fiscal), ("收支预算", .overview), ("收支总体", .overview), ("收入预算", .income),
        ("支出预算", .expenditure),
    ]
    /// What the sections numbered 一 to 十 are about where the title does not say.
    static let numbered: [SectionKind] = [.overview, .income, .expenditure, .fiscal, .generalPublic, .basic, .projects,
                                          .fund, .capital, .threePublic]
    static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]

    init(title: String, number: String, format: DisclosureFormat) {
        // The title's bytes, taken once and searched for each word in turn (the first found wins).
        let hit = Spaces.withBytes(Text.withoutWhitespace(title)) { t in
            Self.byTitle.first { word, _ in
                var word = word
                return word.withUTF8 { Spaces.search(t, for: $0) }
            }
        }
        if let hit {
            self = hit.1
            return
        }
        let numbered = Self.numbered
        // Compared as bytes: `==` on Chinese text normalises it.
        guard let i = Self.numerals.firstIndex(where: { $0.sameBytes(as: number) }) else { self = .unknown; return }
        if i < numbered.count { self = numbered[i] } else if format == .edition2023 { self = .other }
        else { self = i == 10 ? .carryOver : .other }
    }
}

/// 说明文字 — a section as the text, year-on-year and wording rules read it: what it
/// is about, the statements the model read from it, and its printed lines joined
/// (the model's, which the statements were read from) for the rules that look for
/// particular wording (lists, 未安排, 为空表).
/// Built once per section for an audit (`AuditContext.sections`); a class, so that
/// the rules' loops over the sections pass one reference, not the section's many
/// arrays and strings each retained and released (nothing of it changes).
final class AuditSection: Sendable {
    let section: ExplanationSection
    let kind: SectionKind
    /// The section's lines joined (`ExplanationSection.joined`).
    var joined: JoinedText { section.joined }
    /// The joined text's UTF-16 units, which its offsets count.
    var units: [UInt16] { section.joined.units }
    /// The items of 五（三） (`TextRules.itemPattern`), and those stated with their change
    /// (`YearOnYearRules.itemChange`): scanned once for the text and year-on-year rules.
    let items: [PatternScanner.Match]
    let itemChanges: [PatternScanner.Match]
    /// The amounts stated for themselves, outside changes and reasons
    /// (`SectionStatements.plainAmounts`), picked once for the rules that judge them.
    let plainAmounts: [StatedAmount]

    init(_ section: ExplanationSection, format: DisclosureFormat) {
        self.section = section
        kind = SectionKind(title: section.title, number: section.number, format: format)
        plainAmounts = section.statements.plainAmounts
        let units = section.joined.units
        // Every item prints （类）: a section without 类 (most) has none to scan for.
        if units.contains(0x7C7B) {
            let scanner = PatternScanner(units: units)
            items = scanner.matches(withChange: false)
            // An item stated with its change matches as an item first: without items, none.
            itemChanges = items.isEmpty ? [] : scanner.matches(withChange: true)
        } else {
            items = []
            itemChanges = []
        }
    }

    /// The location of the line holding a UTF-16 offset, or the section's heading
    /// where no line up to it has one.
    func location(at offset: Int) -> SourceLocation? { at(section.joined.location(at: offset)) }

    /// The text between two UTF-16 offsets.
    func string(_ range: Range<Int>) -> String { section.joined.substring(range) }

    func amount(_ range: Range<Int>) -> Amount? { Amount(string(range)) }

    var number: String { section.number }
    var statements: SectionStatements { section.statements }

    /// A statement's line, or the section's heading where the line has none.
    func at(_ source: SourceLocation?) -> SourceLocation? { source ?? section.source }
}

/// 规范名称 — the names of the rows of tables 1–6, normalised (`StatementGrammar.normalize`)
/// once a table for the text rules, which look up classification rows (with a code, or a
/// 类, 款 or 项) by the names the text prints; other rows' names are left empty.
struct RowNames {
    private let byTable: [StandardTable: [String]]

    init(_ d: Disclosure) {
        var byTable: [StandardTable: [String]] = [:]
        for kind in [StandardTable.overall, .income, .expenditure, .fiscalAppropriation, .generalPublic, .basicByEconomicClass] {
            byTable[kind] = d.table(kind).map { t in
                t.rows.indices.map { i in
                    switch (t.rows[i].code, t.rows[i].role) {
                    case (.some, _), (nil, .classLevel), (nil, .section), (nil, .item): StatementGrammar.normalize(t.rows[i].name)
                    default: ""
                    }
                }
            }
        }
        self.byTable = byTable
    }

    /// The table's rows with their names (a table of 1–6 as `Disclosure.table(_:)` gives it).
    func rows(_ t: BudgetTable) -> Zip2Sequence<[TableRow], [String]> { zip(t.rows, names(t)) }

    /// The names alone, one per row of the table (looked up by index, the rows are not copied).
    func names(_ t: BudgetTable) -> [String] {
        if let names = byTable[t.kind], names.count == t.rows.count { return names }
        return t.rows.map { StatementGrammar.normalize($0.name) }
    }
}

/// A text as a key compared and hashed as bytes (`sameBytes(as:)`): `String`'s own
/// `==` and hash normalise Chinese text first.
struct ByteKey: Hashable {
    let text: String
    init(_ text: String) { self.text = text }
    static func == (a: ByteKey, b: ByteKey) -> Bool { a.text.sameBytes(as: b.text) }
    func hash(into hasher: inout Hasher) { Spaces.hashBytes(of: text, into: &hasher) }
}

/// Text helpers shared by the text, year-on-year and wording rules (labels are
/// normalised by `StatementGrammar.normalize`).
enum Text {
    /// The scalars as a string, through their bytes: `String.UnicodeScalarView`'s own
    /// initialiser from a sequence appends them one by one, several times slower.
    static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        for c in scalars { UTF8.encode(c) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text without its whitespace (any scalar of Unicode's White_Space): filtering
    /// Characters of Chinese text normalises them, and costs more than the rule asking.
    /// A text with no byte that can start white space (most titles) is returned as it is.
    static func withoutWhitespace(_ s: String) -> String {
        guard s.utf8.contains(where: Spaces.mayStartWhitespace) else { return s }
        return String(decoding: Spaces.bytesWithoutWhitespace(s), as: UTF8.self)
    }

    /// The items of a printed list `A、B、C等` (split on scalars: splitting Characters of
    /// Chinese text costs more than the rest of the list's rule).
    static func items(_ s: String) -> [String] {
        s.unicodeScalars.split(whereSeparator: { c in
            switch c {
            case "、", "，", ",", "；", ";": true
            default: false
            }
        }).map { item in
            var n = StatementGrammar.normalize(Substring(item))
            while n.ends(with: "等") || n.ends(with: "。") { n.removeLast() }
            return n
        }.filter { !$0.isEmpty }
    }

    /// The value of a cell, zero where the row exists but the cell is empty; nil where the
    /// table or row is absent.
    static func cell(_ t: BudgetTable?, _ row: RowKey, _ column: ColumnKey) -> (Amount, SourceLocation?)? {
        guard let t, let r = t.row(row), let c = t.columnIndex(column) else { return nil }
        return (r.cells[c]?.value ?? .zero, r.cells[c]?.source ?? r.source)
    }

    /// `a / b × 100`, rounded to `places`.
    static func rate(_ a: Amount, of b: Amount, places: Int) -> Amount? { a.percent(of: b, places: places) }
}
