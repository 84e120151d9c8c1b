/// 层级 — which rows of a table sum into which.
///
/// A parent row equals the sum of its children, column by column: 总计 = Σ类
/// (or Σ单位 where a table lists units), 类 = Σ款, 款 = Σ项 (or Σ项目 in table 7);
/// in tables 1, 4 and 10 the printed numbering (`本年收入/一般公共预算拨款/一般财力`)
/// gives the tree, and each side's total sums its top level. Used by the reader's
/// column solver, the audit and the composer alike.
public struct RowFamily: Sendable, Hashable {
    /// Index of the parent row in `BudgetTable.rows`.
    public var parent: Int
    /// Indices of its children, in printed order.
    public var children: [Int]
}

extension BudgetTable {
    /// The families of this table: each row that has children, with them.
    public var families: [RowFamily] {
        let parents = parentIndices
        // Each family's children counted first, so that its list is made once at its size.
        var counts = [Int](repeating: 0, count: rows.count)
        for p in parents { if let p { counts[p] += 1 } }
        var families: [RowFamily] = []
        var family = [Int](repeating: 0, count: rows.count)
        for (i, n) in counts.enumerated() where n > 0 {
            family[i] = families.count
            var children: [Int] = []
            children.reserveCapacity(n)
            families.append(RowFamily(parent: i, children: children))
        }
        for (i, p) in parents.enumerated() { if let p { families[family[p]].children.append(i) } }
        return families
    }

    /// For each row, the index of the row it sums into (nil for a top total).
    ///
    /// A coded row sums into the nearest earlier row, under the same unit and since the
    /// last unit or total row, whose code is a proper prefix of its own. Those rows are
    /// kept by unit and code as the table is read, so each row looks up its code's few
    /// prefixes instead of walking back over its siblings: linear in the rows. Units and
    /// codes are compared as bytes (`CodedRow`).
    public var parentIndices: [Int?] {
        let rows = rows
        var parents: [Int?] = Array(repeating: nil, count: rows.count)
        // Only labelled lines look their parent up by key: the first row with each key.
        var byKey: [RowKey: Int] = [:]
        if rows.indices.contains(where: { rows[$0].role == .line }) {
            byKey.reserveCapacity(rows.count)
            for i in rows.indices.reversed() { byKey[rows[i].key] = i }
        }
        /// The last row with each code (and no project) since the last unit or total row.
        var latest: [CodedRow: Int] = [:]
        latest.reserveCapacity(rows.count)
        /// The byte lengths (bit n for n bytes) of the packed codes in `latest`: a prefix of
        /// another length is not looked up (most codes are 3, 5 or 7 digits long).
        var packedLengths: UInt16 = 0
        /// Each unit's number, from 1 in the order they show (0 for none).
        var units: [UnitName: Int] = [:]
        /// The previous row's unit and its number: a unit's rows follow each other.
        var previousUnit: (name: String, number: Int)?
        var currentUnit: Int?
        for i in rows.indices {
            let role = rows[i].role, code = rows[i].code
            var unit = 0
            if let name = rows[i].unit {
                if let previousUnit, previousUnit.name.sameBytes(as: name) {
                    unit = previousUnit.number
                } else {
                    let next = units.count + 1
                    unit = units[UnitName(name: name), default: next]
                    if unit == next { units[UnitName(name: name)] = next }
                    previousUnit = (name, unit)
                }
            }
            // The row's own key, packed once for its entry and its prefixes.
            let key = code.map { CodedRow(unit: unit, code: $0) }
            defer {
                if role == .unit || role == .total {
                    latest.removeAll(keepingCapacity: true)
                    packedLengths = 0
                } else if let code, let key, rows[i].project == nil {
                    if key.text == nil { packedLengths |= 1 << code.utf8.count }
                    latest[key] = i
                }
            }
            switch role {
            case .total, .memo:
                continue
            case .unit:
                currentUnit = i
            case .line:
                if let parentKey = Self.parentKey(of: rows[i].key) { parents[i] = byKey[parentKey] }
            case .project where code == nil:
                parents[i] = currentUnit
            default:
                break
            }
            guard let code, let key else { continue }
            var nearest: Int?
            key.forEachProperPrefix(of: code, packedLengths: packedLengths) { key in
                if let j = latest[key], j > (nearest ?? -1) { nearest = j }
            }
            if let nearest { parents[i] = nearest }
            if parents[i] == nil, rows[i].unit != nil { parents[i] = currentUnit }
        }
        // Each total sums the parentless rows of its side.
        let totals = rows.indices.filter { rows[$0].role == .total }
        for i in rows.indices where parents[i] == nil && rows[i].role != .total && rows[i].role != .memo {
            parents[i] = totalFor(coded: rows[i].code != nil, totals: totals)
        }
        return parents
    }

    /// `RowKey.parent`, found on the key's bytes (`/` is one byte, never inside a character).
    private static func parentKey(of key: RowKey) -> RowKey? {
        var text = key.rawValue
        return text.withUTF8 { bytes in
            bytes.lastIndex(of: UInt8(ascii: "/")).map {
                RowKey(rawValue: String(decoding: UnsafeBufferPointer(rebasing: bytes[..<$0]), as: UTF8.self))
            }
        }
    }

    /// The total a parentless row sums into, by whether it has a code (the row is not
    /// passed: copying it costs more than the choice).
    private func totalFor(coded: Bool, totals: [Int]) -> Int? {
        guard totals.count > 1 else { return totals.first }
        // Two-sided tables (1 and 4): coded rows belong to the expenditure total.
        let expenditure = totals.first { rows[$0].key == .expenditureTotal }
        let income = totals.first { rows[$0].key == .incomeTotal }
        return coded ? expenditure : income
    }
}

/// A unit's name as a key, compared and hashed as bytes (`String`'s own normalise Chinese text).
private struct UnitName: Hashable {
    var name: String
    static func == (a: UnitName, b: UnitName) -> Bool { a.name.sameBytes(as: b.name) }
    func hash(into hasher: inout Hasher) { Spaces.hashBytes(of: name, into: &hasher) }
}

/// A coded row's place in `BudgetTable.parentIndices`: its unit's number (0 for none)
/// and its code or a prefix of it, compared as bytes. A code of up to eight ASCII bytes
/// (every printed code) is packed into a word, byte `k` at bits `8k`, so that looking up
/// its prefixes makes no string; a longer or other code keeps its text.
private struct CodedRow: Hashable {
    var unit: Int
    var packed: UInt64
    var text: Substring?

    init(unit: Int, packed: UInt64) {
        self.unit = unit
        self.packed = packed
    }

    /// Generic so that a whole code is read through `String`'s own, faster, UTF-8 view.
    init(unit: Int, code: some StringProtocol) {
        self.unit = unit
        packed = 0
        var count = 0
        for byte in code.utf8 {
            guard byte < 0x80, count < 8 else {
                packed = 0
                text = Substring(code)
                return
            }
            packed |= UInt64(byte) << (8 * count)
            count += 1
        }
    }

    static func == (a: CodedRow, b: CodedRow) -> Bool {
        guard a.unit == b.unit, a.packed == b.packed else { return false }
        switch (a.text, b.text) {
        case (nil, nil): return true
        case let (x?, y?): return x.sameBytes(as: y)
        default: return false
        }
    }

    func hash(into hasher: inout Hasher) {
        // The unit and the packed code mixed into one word: one combine a key.
        hasher.combine(packed ^ (UInt64(truncatingIfNeeded: unit) &* 0x9E37_79B9_7F4A_7C15))
        if var text { text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) } }
    }

    /// Calls `body` with the key of each proper, non-empty prefix of `code`, this key's
    /// code (by Characters, as `prefix(_:)` counts them; an ASCII code, as printed, by its
    /// bytes), but for the packed prefixes of a byte length `n` whose bit in `packedLengths`
    /// is clear (no such key was stored).
    func forEachProperPrefix(of code: String, packedLengths: UInt16, _ body: (CodedRow) -> Void) {
        let utf8 = code.utf8
        if text == nil {
            // A packed code's prefixes are its low bytes.
            for length in stride(from: 1, to: utf8.count, by: 1) where packedLengths & (1 << length) != 0 {
                body(CodedRow(unit: unit, packed: packed & (UInt64.max >> (64 - 8 * length))))
            }
            return
        }
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            for end in code.indices.dropFirst() { body(CodedRow(unit: unit, code: code[..<end])) }
            return
        }
        var packed: UInt64 = 0
        for (k, end) in zip(0..., utf8.indices.dropFirst()) {
            if k < 8 {
                packed |= UInt64(utf8[utf8.index(before: end)]) << (8 * k)
                if packedLengths & (1 << (k + 1)) != 0 { body(CodedRow(unit: unit, packed: packed)) }
            } else {
                body(CodedRow(unit: unit, code: code[..<end]))
            }
        }
    }
}
