import YusuanModel

/// 段落 — what the page formats make of a section's paragraphs
/// (`ExplanationSection.paragraphs`, as the reader found them).
enum Paragraphs {
    /// 小标题 — a paragraph that heads what follows: a numbered point (`（三）国有资产
    /// 占用使用情况`) that is short and neither ends a sentence nor opens a labelled
    /// field (`（一）项目名称：…`). The page formats keep it with the next paragraph.
    static func isSubheading(_ paragraph: String) -> Bool {
        ExplanationSection.startsPoint(paragraph) && paragraph.count <= 30
            && !paragraph.contains(where: { "。：:；;，,".contains($0) })
    }
}
