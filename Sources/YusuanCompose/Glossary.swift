import YusuanModel

/// 名词解释 — the glossary of a composed disclosure, in the project's own words.
enum Glossary {
    static let entries: [(String, String)] = [
        ("财政拨款", "本级财政从一般公共预算、政府性基金预算和国有资本经营预算中安排给本部门的资金。"),
        ("一般公共预算", "以税收为主体的财政收入安排的预算资金，用于保障和改善民生、维持国家机构运转等方面。"),
        ("财政专户管理资金", "缴入财政专户、按规定由财政核拨的非税收入资金，例如教育收费。"),
        ("单位资金", "部门（单位）依法取得的事业收入、经营收入、上级补助收入和其他收入。"),
        ("基本支出", "保障机构正常运转和完成日常工作所需的支出，分为人员经费和公用经费；人员经费包括工资福利支出和对个人和家庭的补助。"),
        ("项目支出", "在基本支出之外，为完成特定工作任务或事业发展目标而安排的支出。"),
        ("“三公”经费", "用财政拨款安排的三类支出：出国（境）公务的费用，公务用车的购置和运行维护费用，以及公务接待的费用。"),
        ("机关运行经费", "行政单位（含参照公务员法管理的事业单位）用于日常运转的公用经费，如办公、差旅、会议、水电、物业和公务用车运行维护等费用。"),
    ]

    static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八"]

    static func compose() -> [GlossaryEntry] {
        entries.enumerated().map { n, e in GlossaryEntry(number: numerals[n], term: e.0, definition: e.1, source: nil) }
    }
}
