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

    /// The first characters of the lines looked for.
    private static let marks = ["表", "第", "目", "部", "单", "项"].map { Array($0.utf8) }

    init(_ lines: [SourceLine]) throws(ReadError) {
        // Each line without its spaces, made once (the searches below look at lines
        // many times), and only for lines that could be one of the marks looked for:
        // 表 N, 第N部分, 目录 and the performance tables' titles (部门…, 单位…, 项目…).
        let compacts = lines.indices.map { i in
            var text = lines[i].text
            // Each mark is one three-byte character: compared on the line's first three bytes.
            let marked = text.withUTF8 { u in
                u.count >= 3 && Self.marks.contains { $0[0] == u[0] && $0[1] == u[1] && $0[2] == u[2] }
            }
            return marked ? LineTokens.compact(text) : ""
        }
        func compact(_ i: Int) -> String { compacts[i] }
        // Compared as bytes: `==` on Chinese text goes through Unicode normalisation.
        func isLine(_ i: Int, _ text: String) -> Bool { compacts[i].sameBytes(as: text) }
        func isPart(_ i: Int, _ heading: String) -> Bool {
            let t = compact(i)
            return !t.isEmpty && t.begins(with: heading) && t.count <= 40
        }
        // Table starts: a line `表 N` (or `表N`) whose table title follows within a
        // few lines. Repeated `表 2` lines (004 prints one twice) count once.
        var starts: [(number: Int, index: Int)] = []
        for i in lines.indices {
            let t = compact(i)
            guard t.begins(with: "表"), let n = Int(t.dropFirst()), (1...11).contains(n) else { continue }
            if let last = starts.last, last.number == n { continue }
            if let last = starts.last, n < last.number { continue }
            if starts.isEmpty && n != 1 { continue }
            starts.append((n, i))
        }
        guard let first = starts.first else {
            throw ReadError.notADisclosure("no standard table (表 1 … 表 10) was found")
        }
        let partTwo = (0..<first.index).last { isPart($0, "第二部分") } ?? first.index
        let partOne = (0..<partTwo).last { isPart($0, "第一部分") }
        guard let partThree = (first.index..<lines.count).first(where: { isPart($0, "第三部分") }) else {
            throw ReadError.notADisclosure("no 第三部分 (情况说明) follows the tables")
        }
        let partFour = (partThree..<lines.count).first { isPart($0, "第四部分") } ?? lines.count
        if let partOne {
            let toc = (0..<partOne).first { isLine($0, "目录") }
            contents = toc.map { ($0 + 1)..<partOne }
            overview = (partOne + 1)..<partTwo
        } else {
            overview = 0..<partTwo
        }
        tables = first.index..<partThree
        explanation = (partThree + 1)..<partFour
        glossary = min(partFour + 1, lines.count)..<lines.count
        tableStarts = starts
        performanceStarts = explanation.compactMap { i in
            guard !compact(i).isEmpty else { return nil }
            if isLine(i, "部门整体绩效目标表") || isLine(i, "单位整体绩效目标表") { return (i, true) }
            if isLine(i, "项目支出绩效目标表") { return (i, false) }
            return nil
        }
    }
}
