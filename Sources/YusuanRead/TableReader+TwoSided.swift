import YusuanModel

extension TableReader {
    /// Tables 1 and 4 print income on the left and expenditure by 类 on the right,
    /// on the same lines. Returns the income rows, then the expenditure rows.
    mutating func readTwoSided(_ body: Range<Int>, incomeColumns: Int, expenditureColumns: Int,
                               kind: StandardTable) -> [TableRow] {
        let columns = Self.columns(kind, format)
        var income: [TableRow] = []
        var expenditureEntries: [TableEntry] = []
        var path: [RowKey] = []   // the income path: top, then second level
        var started = false
        // A row of each side a line at most: sized once (growing copies the rows).
        income.reserveCapacity(body.count)
        expenditureEntries.reserveCapacity(body.count)
        for i in body {
            let line = lines[i]
            if line.text.compactIncludes("空表") { break }
            var left: String
            var leftValue: [Amount]
            var right: String?
            var rightValues: [Amount] = []
            var rightColumns: [Int]? = nil
            if let cells = line.cells {
                guard cells.count >= 3 else { continue }
                left = cells[0]
                leftValue = cells.count > 1 ? Amount(cells[1]).map { [$0] } ?? [] : []
                right = cells[2]
                var cols: [Int] = []
                for (c, cell) in cells.dropFirst(3).prefix(expenditureColumns).enumerated() {
                    if let a = Amount(cell) { rightValues.append(a); cols.append(c) }
                }
                rightColumns = cols
            } else {
                let sides = Self.splitSides(line.text)
                let l = LineTokens.splitTrailingValues(sides.left)
                left = l.label
                leftValue = l.values
                if let r = sides.right {
                    let split = LineTokens.splitTrailingValues(r)
                    right = split.label
                    rightValues = split.values
                }
            }
            let leftCompact = LineTokens.compact(left)
            if !started {
                guard leftCompact.begins(with: "一、") else { continue }
                started = true
            }
            if !leftCompact.isEmpty, let key = Self.incomeKey(leftCompact, path: &path, kind: kind) {
                var row = TableRow(key: key, name: Self.incomeLabel(leftCompact), role: key == .incomeTotal ? .total : .line,
                                   cells: Array(repeating: nil, count: columns.count), source: line.location)
                if let v = leftValue.first { row.cells[0] = Cell(v, at: line.location) }
                income.append(row)
            }
            if let right {
                let rc = LineTokens.compact(right)
                if rc.begins(with: "支出总计") || rc.begins(with: "支出合计") {
                    expenditureEntries.append(TableEntry(code: nil, label: "总计", values: rightValues, columns: rightColumns,
                                                         start: line.location, valuesAt: line.location, labelLines: ["总计"]))
                } else if let code = LineTokens.leadingCode(right, classes: 201...299) {
                    let rest = LineTokens.rest(of: right, from: code.end)
                    expenditureEntries.append(TableEntry(code: code.code, label: rest, values: rightValues,
                                                         columns: rightColumns, start: line.location,
                                                         valuesAt: line.location, labelLines: [rest]))
                }
            }
        }
        // Expenditure rows: the 支出总计 row (printed last) is the parent of the 类 rows.
        var expenditure: [TableRow] = []
        if expenditureColumns == 1 {
            for e in expenditureEntries {
                var row = TableRow(key: e.code.map(RowKey.code) ?? .expenditureTotal, code: e.code, name: e.code == nil ? "支出总计" : e.label,
                                   role: e.code == nil ? .total : .classLevel,
                                   cells: Array(repeating: nil, count: columns.count), source: e.start)
                if let v = e.values.first { row.cells[0] = Cell(v, at: e.valuesAt) }
                expenditure.append(row)
            }
        } else {
            expenditure = place(kind, expenditureEntries, columns: columns, preparer: nil)
            for j in expenditure.indices where expenditure[j].role == .total {
                expenditure[j].key = .expenditureTotal
                expenditure[j].name = "支出总计"
            }
        }
        return income + expenditure
    }

    /// Splits a flattened line of table 1 or 4 at the start of the expenditure side:
    /// a 类 code (`201 一般公共服务支出`) or 支出总计 (printed `支 出 总 计`).
    static func splitSides(_ text: String) -> (left: String, right: String?) {
        var bytes = text
        return bytes.withUTF8 { u in
            /// The token (a run of bytes between ASCII spaces) at or after byte `i`.
            func token(from i: Int) -> Range<Int>? {
                var start = i
                while start < u.count, u[start] == 0x20 { start += 1 }
                guard start < u.count else { return nil }
                var end = start
                while end < u.count, u[end] != 0x20 { end += 1 }
                return start..<end
            }
            /// The tokens before byte `cut`, and from it on, each joined by single spaces.
            func sides(at cut: Int) -> (left: String, right: String?) {
                (LineTokens.collapsingSpaces(u[..<cut]), LineTokens.collapsingSpaces(u[cut...]))
            }
            /// Whether the tokens from byte `start` on, joined without spaces, begin with `word`.
            func opens(at start: Int, _ word: String) -> Bool {
                var j = start
                for b in word.utf8 {
                    while j < u.count, u[j] == 0x20 { j += 1 }
                    guard j < u.count, u[j] == b else { return false }
                    j += 1
                }
                return true
            }
            /// A 类 code: three digits from 201 to 299.
            func isClassCode(_ t: Range<Int>) -> Bool {
                guard t.count == 3, u[t].allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
                let n = u[t].reduce(0) { $0 * 10 + Int($1 - 0x30) }
                return (201...299).contains(n)
            }
            // Token by token, each looked at once: no list of them is made.
            var next = token(from: 0)
            while let t = next {
                next = token(from: t.upperBound)
                if isClassCode(t), let after = next, Amount(utf8: u[after]) == nil {
                    return sides(at: t.lowerBound)
                }
                // 支出总计 / 支 出 总 计 / 支出合计
                if opens(at: t.lowerBound, "支出总计") || opens(at: t.lowerBound, "支出合计") {
                    return sides(at: t.lowerBound)
                }
            }
            return (text, nil)
        }
    }

    /// Chinese numerals that open a top-level income line (`一、`), each one three-byte character.
    private static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// Whether `u` holds `piece` at byte `i`.
    private static func has(_ piece: String, in u: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        piece.utf8.withContiguousStorageIfAvailable { Spaces.equal(u, $0, at: i) } ?? false
    }

    /// Whether the bytes from `start` to `end` are Chinese numerals only.
    private static func numeralsOnly(_ u: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        guard (end - start) % 3 == 0 else { return false }
        return stride(from: start, to: end, by: 3).allSatisfy { i in numerals.contains { has($0, in: u, at: i) } }
    }

    /// `一、本年收入` → `本年收入`; `1.一般公共预算拨款` → `一般公共预算拨款`; `其中：一般财力` → `一般财力`.
    /// Read on the bytes: a label of table 1 or 4 is read on every income line.
    static func incomeLabel(_ compact: String) -> String {
        var text = compact
        let label = text.withUTF8 { u in
            var i = 0
            if let mark = "、".utf8.withContiguousStorageIfAvailable({ Spaces.firstOffset(of: $0, in: u) }) ?? nil,
               numeralsOnly(u, from: 0, to: mark) {
                i = mark + 3
            }
            var j = i
            while j < u.count, (0x30...0x39).contains(u[j]) { j += 1 }
            if j > i, let mark = [".", "、", "．"].first(where: { has($0, in: u, at: j) }) { i = j + mark.utf8.count }
            if let lead = ["其中：", "其中:"].first(where: { has($0, in: u, at: i) }) { i += lead.utf8.count }
            return String(decoding: UnsafeBufferPointer(rebasing: u[i...]), as: UTF8.self)
        }
        if label.sameBytes(as: "基金预算拨款") { return "政府性基金预算拨款" }
        if label.sameBytes(as: "财政拨款(补助)") || label.sameBytes(as: "财政拨款（补助）") { return "财政拨款" }
        return label
    }

    /// The row key of an income line, following the printed numbering.
    static func incomeKey(_ compact: String, path: inout [RowKey], kind: StandardTable) -> RowKey? {
        let label = Self.incomeLabel(compact)
        if label.sameBytes(as: "收入总计") || label.sameBytes(as: "收入合计") { return .incomeTotal }
        var text = compact
        let isTop = compact.includes("、") && text.withUTF8 { u in numerals.contains { has($0, in: u, at: 0) } }
        let isSecond = compact.utf8.first.map { (0x30...0x39).contains($0) } == true
        if kind == .fiscalAppropriation {
            // 一、财政拨款（补助） with its sources; 二、上年结转 with its sources.
            if isTop { path = [.named(label)]; return .named(label) }
            guard let top = path.first else { return nil }
            return top.child(label)
        }
        if isTop { path = [.named(label)]; return .named(label) }
        if isSecond {
            let top = path.first ?? .named("")
            path = [top, top.child(label)]
            return path[1]
        }
        // A third-level line: the path's second entry is the whole key of its parent.
        guard path.count >= 2 else { return path.first?.child(label) }
        return path[1].child(label)
    }
}
