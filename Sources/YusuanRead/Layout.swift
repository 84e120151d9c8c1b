import YusuanModel

/// 文档结构 — where each part of a document lies, as ranges of `SourceText.lines`.
///
/// A disclosure has four parts (第一部分 概况, 第二部分 公开表, 第三部分 情况说明,
/// 第四部分 名词解释), optionally preceded by a title page and a table of contents
/// that repeats the part headings. The layout finds the real part headings (the
/// ones that are followed by content, not by the next contents entry), the start
/// of each table, each numbered section and each performance-target table.
struct Layout {
    var contents: Range<Int>?
    var overview: Range<Int>
    var tables: Range<Int>
    var explanation: Range<Int>
    var glossary: Range<Int>
    /// The start of each 表 N, in order.
    var tableStarts: [(number: Int, index: Int)]
    /// The line index of each 绩效目标表 heading and whether it is the 部门整体 one.
    var performanceStarts: [(index: Int, isDepartment: Bool)]

    /// The first characters of the lines looked for, as UTF-16 units (each is written in three bytes).
    private static let marks: [UInt16] = ["表", "第", "目", "部", "单", "项"].map { $0.utf16.first! }

    init(_ lines: [SourceLine]) throws(ReadError) {
        // The lines that could be one of the marks looked for (表 N, 第N部分, 目录 and the
        // performance tables' titles: 部门…, 单位…, 项目…), in order, each without its
        // spaces: the searches below look at these lines only, many times.
        let marks = Self.marks
        var marked: [(index: Int, compact: String)] = []
        for i in lines.indices {
            // The line's first scalar, decoded from its bytes where it is written in three
            // (read in place: the line is not copied).
            let isMarked = Spaces.withBytes(lines[i].text) { u in
                guard u.count >= 3, u[0] & 0xF0 == 0xE0 else { return false }
                return marks.contains(JoinedText.decode(u, at: 0).unit)
            }
            if isMarked { marked.append((i, LineTokens.compact(lines[i].text))) }
        }
        /// The index of the last marked line before `end`, or of the first from `start`, whose text `test` holds for.
        func lastMarked(before end: Int, _ test: (String) -> Bool) -> Int? { marked.last { $0.index < end && test($0.compact) }?.index }
        func firstMarked(from start: Int, _ test: (String) -> Bool) -> Int? { marked.first { $0.index >= start && test($0.compact) }?.index }
        // Compared as bytes: `==` on Chinese text goes through Unicode normalisation.
        func isPart(_ t: String, _ heading: String) -> Bool { t.begins(with: heading) && t.count <= 40 }
        // Table starts: a line `表 N` (or `表N`) whose table title follows within a
        // few lines. Repeated `表 2` lines (004 prints one twice) count once.
        var starts: [(number: Int, index: Int)] = []
        for (i, t) in marked {
            guard t.begins(with: "表"), let n = Int(t.dropFirst()), (1...11).contains(n) else { continue }
            if let last = starts.last, last.number == n { continue }
            if let last = starts.last, n < last.number { continue }
            if starts.isEmpty && n != 1 { continue }
            starts.append((n, i))
        }
        guard let first = starts.first else {
            throw ReadError.notADisclosure("no standard table (表 1 … 表 10) was found")
        }
        let partTwo = lastMarked(before: first.index) { isPart($0, "第二部分") } ?? first.index
        let partOne = lastMarked(before: partTwo) { isPart($0, "第一部分") }
        guard let partThree = firstMarked(from: first.index, { isPart($0, "第三部分") }) else {
            throw ReadError.notADisclosure("no 第三部分 (情况说明) follows the tables")
        }
        let partFour = firstMarked(from: partThree) { isPart($0, "第四部分") } ?? lines.count
        if let partOne {
            let toc = marked.first { $0.index < partOne && $0.compact.sameBytes(as: "目录") }?.index
            contents = toc.map { ($0 + 1)..<partOne }
            overview = (partOne + 1)..<partTwo
        } else {
            overview = 0..<partTwo
        }
        tables = first.index..<partThree
        let explanation = (partThree + 1)..<partFour
        self.explanation = explanation
        glossary = min(partFour + 1, lines.count)..<lines.count
        tableStarts = starts
        performanceStarts = marked.compactMap { line in
            guard explanation.contains(line.index) else { return nil }
            let t = line.compact
            if t.sameBytes(as: "部门整体绩效目标表") || t.sameBytes(as: "单位整体绩效目标表") { return (line.index, true) }
            if t.sameBytes(as: "项目支出绩效目标表") { return (line.index, false) }
            return nil
        }
    }
}
