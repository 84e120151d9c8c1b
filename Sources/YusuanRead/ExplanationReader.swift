import YusuanModel

/// 情况说明 — reads 第三部分 into numbered sections and the facts they state.
enum ExplanationReader {
    static func read(_ lines: [SourceLine]) -> ([ExplanationSection], ExplanationFacts) {
        ([], ExplanationFacts())
    }

    /// True for a line that starts a numbered paragraph inside a section:
    /// （一） (一) ( 五 ) and the like.
    static func isSubsectionHeading(_ text: String) -> Bool {
        let t = text.filter { $0 != " " }
        guard let first = t.first, first == "(" || first == "（" else { return false }
        let rest = t.dropFirst()
        let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        guard let close = rest.firstIndex(where: { $0 == ")" || $0 == "）" }) else { return false }
        let inner = rest[rest.startIndex..<close]
        return !inner.isEmpty && inner.allSatisfy { numerals.contains($0) }
    }
}
