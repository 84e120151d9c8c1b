import Foundation
import YusuanModel

/// 部门概况 — reads 第一部分: functions, subordinate units, offices, staffing.
///
/// The part has two numbered headings, 一、主要职能 and 二、机构设置及人员情况. The
/// functions are the lines under the first; the structure and staffing are stated
/// in prose under the second, which is read from the lines joined without breaks
/// (a flattened document wraps sentences mid-word).
enum OverviewReader {
    static func read(_ lines: ArraySlice<SourceLine>, department: String) -> Overview {
        let lines = Array(lines).filter { !Prose.isPageNumber($0.text) }
        let text = JoinedText(lines, compact: true)
        let units = subordinateUnits(lines, text)
        return Overview(
            functions: functions(lines),
            subordinateUnits: units,
            subordinateUnitCount: subordinateUnitCount(text) ?? units.first.map { Located(units.count, at: $0.source) },
            offices: offices(text),
            staffing: staffing(text))
    }

    // MARK: 主要职能

    /// 主要职能 — the lines between the heading 一、…职能 and the next numbered
    /// heading: each paragraph's printed lines joined, paragraphs on lines of their
    /// own (`Prose.paragraphStarts`, the part's own lines giving the wrap width).
    static func functions(_ lines: [SourceLine]) -> Located<String>? {
        guard let heading = lines.firstIndex(where: { isHeading($0.text) && JoinedText.compact($0.text).includes("职能") })
        else { return nil }
        let body = lines[(heading + 1)...].prefix { !isHeading($0.text) }.map(\.text)
        guard let first = lines[(heading + 1)...].first, !body.isEmpty else { return nil }
        let starts = Prose.paragraphStarts(body, wrap: Prose.wrapWidth(lines.map(\.text)))
        let paragraphs = ExplanationSection.paragraphs(body, starts: starts)
        return Located(paragraphs.joined(separator: "\n"), at: first.location)
    }

    /// A short numbered heading of the part: 一、 主要职能, 二、机构设置及人员情况.
    static func isHeading(_ text: String) -> Bool {
        let t = JoinedText.compact(text)
        guard t.count <= 24, let (_, rest) = Prose.numberedPrefix(t) else { return false }
        return !rest.isEmpty && !rest.includes("，") && !rest.includes("。")
    }

    // MARK: 下属预算单位

    private static let noUnits = Prose.regex("无下属(?:预算)?单位")
    private static let unitCount = Prose.regex("下属(?:预算单位)?(\\d+)[家个](?:预算)?单位")
    private static let unitListIntro = Prose.regex("预算单位(?:包括|有)[：:]")
    private static let listedUnit = Prose.regex("^\\d+[、.．]\\s*(\\S.*)$")

    /// The number of subordinate units stated: 无下属预算单位 → 0, 下属 N 家预算单位 → N.
    static func subordinateUnitCount(_ text: JoinedText) -> Located<Int>? {
        if let m = text.firstMatch(noUnits) { return Located(0, at: text.location(of: m)) }
        if let m = text.firstMatch(unitCount), let n = text.int(m, 1) { return Located(n, at: text.location(of: m)) }
        return nil
    }

    /// 下属预算单位 — the units listed one a line (`1、乌鲁木齐市医疗保障局（本级）`) after
    /// the sentence that introduces them (…预算单位包括：).
    static func subordinateUnits(_ lines: [SourceLine], _ text: JoinedText) -> [Located<String>] {
        guard let intro = text.firstMatch(unitListIntro),
              let start = text.lineIndex(at: intro.range.location + intro.range.length - 1)
        else { return [] }
        var units: [Located<String>] = []
        for line in lines[(start + 1)...] {
            let t = line.text
            guard let m = listedUnit.firstMatch(in: t, range: NSRange(t.startIndex..., in: t)),
                  let r = Range(m.range(at: 1), in: t)
            else { break }
            let name = String(t[r]).trimmingSpaces()
            if name.count > 60 || name.includes("。") || name.includes("，") { break }
            units.append(Located(name, at: line.location))
        }
        return units
    }

    // MARK: 内设机构

    private static let officeList = Prose.regex(
        "[下内]设(?:机构)?(\\d+)个(科室|股室|处室|内设机构|职能科室|部门|科|股|处)[^。；]*?分别(?:是|为)[：:]([^。；]*)")

    /// 内设机构 — 下设 N 个科室，分别是：A、B、C。
    static func offices(_ text: JoinedText) -> Offices? {
        guard let m = text.firstMatch(officeList), let count = text.int(m, 1), let word = text.string(m, 2)
        else { return nil }
        let names = (text.string(m, 3) ?? "")
            .split(whereSeparator: { "、，,;；".contains($0) })
            .map { $0.trimmingSpaces() }
            .filter { !$0.isEmpty }
        return Offices(word: word, count: count, names: names, source: text.location(of: m))
    }

    // MARK: 人员情况

    private static let authorized = Prose.regex("编制(?:人)?数(?:为)?(\\d+)(?:人|名)?")
    private static let actual = Prose.regex("实有(?:人数)?(?:为)?(\\d+)(?:人|名)?")

    /// 人员情况 — 编制数 N，实有人数 N 人，其中：在职 N 人，增加 N 人；退休 …；离休 ….
    /// Nil unless 编制数, 实有人数 and 在职 are all stated; an unstated 退休 or 离休
    /// counts as 0 with no change.
    static func staffing(_ text: JoinedText) -> Staffing? {
        guard let a = text.firstMatch(authorized), let authorizedCount = text.int(a, 1) else { return nil }
        let after = a.range.location
        guard let b = text.firstMatch(actual, from: after), let actualCount = text.int(b, 1),
              let active = headCount("在职", in: text, from: after)
        else { return nil }
        return Staffing(
            authorized: authorizedCount, actual: actualCount, active: active,
            retired: headCount("退休", in: text, from: after) ?? HeadCount(count: 0, change: 0),
            honorablyRetired: headCount("离休", in: text, from: after) ?? HeadCount(count: 0, change: 0),
            source: text.location(of: a))
    }

    private static let headCounts: [String: NSRegularExpression] = Dictionary(
        uniqueKeysWithValues: ["在职", "退休", "离休"].map { label in
            (label, Prose.regex("\(label)(?:人员)?(\\d+)(?:人|名)?(?:[，,、]?(?:比上年)?(增加|减少|減少)(\\d+)(?:人|名)?)?"))
        })

    /// `在职 56 人，减少 1 人` → count 56, change −1.
    static func headCount(_ label: String, in text: JoinedText, from offset: Int = 0) -> HeadCount? {
        guard let regex = headCounts[label], let m = text.firstMatch(regex, from: offset),
              let count = text.int(m, 1)
        else { return nil }
        let change = text.int(m, 3) ?? 0
        return HeadCount(count: count, change: Prose.sign(text.string(m, 2)) * change)
    }
}
