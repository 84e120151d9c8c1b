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
        let scan = ProseScanner(text.units)
        let units = subordinateUnits(lines, text, scan)
        return Overview(
            functions: functions(lines),
            subordinateUnits: units,
            subordinateUnitCount: subordinateUnitCount(text, scan) ?? units.first.map { Located(units.count, at: $0.source) },
            offices: offices(text, scan),
            staffing: staffing(text, scan))
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
        // The numeral first: most lines are turned away on their first character but
        // spaces, before their spaces are taken out.
        let first = Spaces.withBytes(text) { b in
            let r = Spaces.trimmedRange(b)
            return r.isEmpty ? 0 : JoinedText.decode(b, at: r.lowerBound).unit
        }
        guard ProseScanner.isChineseNumeral(first) else { return false }
        let t = JoinedText.compact(text)
        guard let (_, rest) = Prose.numberedPrefix(t), t.count <= 24 else { return false }
        return !rest.isEmpty && !rest.includes("，") && !rest.includes("。")
    }

    // MARK: 下属预算单位

    /// The number of subordinate units stated: 无下属预算单位 → 0, 下属 N 家预算单位 → N.
    static func subordinateUnitCount(_ text: JoinedText, _ scan: ProseScanner) -> Located<Int>? {
        if let m = scan.firstMatch(.noUnits) { return Located(0, at: text.location(of: m)) }
        if let m = scan.firstMatch(.unitCount), let n = text.int(m[1]) { return Located(n, at: text.location(of: m)) }
        return nil
    }

    /// 下属预算单位 — the units listed one a line (`1、乌鲁木齐市医疗保障局（本级）`) after
    /// the sentence that introduces them (…预算单位包括：).
    static func subordinateUnits(_ lines: [SourceLine], _ text: JoinedText, _ scan: ProseScanner) -> [Located<String>] {
        guard let intro = scan.firstMatch(.unitListIntro)?[0], let start = text.lineIndex(at: intro.upperBound - 1)
        else { return [] }
        var units: [Located<String>] = []
        for line in lines[(start + 1)...] {
            let t = ProseScanner(line: line.text)
            guard let m = t.listedUnit(), let printed = t.string(m[1]) else { break }
            let name = printed.trimmingSpaces()
            if name.count > 60 || name.includes("。") || name.includes("，") { break }
            units.append(Located(name, at: line.location))
        }
        return units
    }

    // MARK: 内设机构

    /// 内设机构 — 下设 N 个科室，分别是：A、B、C。
    static func offices(_ text: JoinedText, _ scan: ProseScanner) -> Offices? {
        guard let m = scan.firstMatch(.officeList), let count = text.int(m[1]), let word = text.string(m[2])
        else { return nil }
        let names = (text.string(m[3]) ?? "")
            .split(whereSeparator: { Prose.isMark($0, of: "、，,;；") })
            .map { $0.trimmingSpaces() }
            .filter { !$0.isEmpty }
        return Offices(word: word, count: count, names: names, source: text.location(of: m))
    }

    // MARK: 人员情况

    /// 人员情况 — 编制数 N，实有人数 N 人，其中：在职 N 人，增加 N 人；退休 …；离休 ….
    /// Nil unless 编制数, 实有人数 and 在职 are all stated; an unstated 退休 or 离休
    /// counts as 0 with no change.
    static func staffing(_ text: JoinedText, _ scan: ProseScanner) -> Staffing? {
        guard let a = scan.firstMatch(.authorized), let authorizedCount = text.int(a[1]) else { return nil }
        let after = a[0]!.lowerBound
        guard let b = scan.firstMatch(.actual, from: after), let actualCount = text.int(b[1]),
              let active = headCount("在职", in: text, scan, from: after)
        else { return nil }
        return Staffing(
            authorized: authorizedCount, actual: actualCount, active: active,
            retired: headCount("退休", in: text, scan, from: after) ?? HeadCount(count: 0, change: 0),
            honorablyRetired: headCount("离休", in: text, scan, from: after) ?? HeadCount(count: 0, change: 0),
            source: text.location(of: a))
    }

    /// `在职 56 人，减少 1 人` → count 56, change −1.
    static func headCount(_ label: String, in text: JoinedText, _ scan: ProseScanner, from offset: Int = 0) -> HeadCount? {
        guard let m = scan.firstMatch(.headCount(label), from: offset), let count = text.int(m[1]) else { return nil }
        let change = text.int(m[3]) ?? 0
        return HeadCount(count: count, change: Prose.sign(text.string(m[2])) * change)
    }
}
