import YusuanModel

/// 列还原 — decides which column each printed value of a flattened table belongs to.
///
/// In the flattened text an empty cell leaves no trace: `210 15 医疗保障管理事务
/// 234.77 234.77 230.27 4.50` gives four values for twelve columns. The values keep
/// their column order, the first is always the row's total, and the table obeys
/// identities:
/// - inside a row, a total column equals the sum of its part columns
///   (`StandardTable.rowIdentities`);
/// - down the hierarchy, a parent row equals the sum of its children, column by
///   column (总计 = Σ类, 类 = Σ款, 款 = Σ项).
///
/// The solver enumerates, for each row, the order-preserving assignments that
/// satisfy its row identities, then searches for the assignment of all rows that
/// satisfies the most hierarchy equations. Where equations leave a choice, a prior
/// decides: what the classification implies (`Prior.implied`, e.g. 行政运行 is
/// 基本支出) settles it silently; a mere habit (`Prior.usual`) settles it but the
/// choice is recorded as an `Ambiguity`.
struct ColumnSolver {
    /// One row to place.
    struct Row {
        var values: [Amount]
        /// Index of the parent row, if any.
        var parent: Int?
        /// Only candidates equal to this vector are kept, when one is (a row known
        /// from another table).
        var known: [Amount?]?
    }

    /// How strongly a column is expected for a row.
    enum Prior: Int, Comparable {
        case unlikely = -1, neutral = 0, usual = 1, implied = 2
        static func < (a: Prior, b: Prior) -> Bool { a.rawValue < b.rawValue }
    }

    let columnCount: Int
    let identities: [SumRelation]
    /// Columns that may hold a value at all.
    let allowed: [Bool]
    var rows: [Row]
    /// The prior of placing a value of row `r` in column `c`, row after row:
    /// `priors[r * columnCount + c]` (neutral for column 0, the row's total).
    let priors: [Prior]

    /// Result: for each row, the column of each value; the rows left ambiguous
    /// with their alternatives; and whether the search stopped at its bound.
    struct Solution {
        var columns: [[Int]]
        var ambiguous: [(row: Int, alternatives: [[Int]])]
        var bounded = false
    }

    /// 搜索上限 — the most work one table's search may do, in steps (a step is one
    /// node of the search for children's combinations, one combination listed, or
    /// one row scored). A table whose search reaches it keeps the best placement
    /// found so far and is recorded as ambiguous, so reading stays linear in the
    /// size of the document whatever it contains.
    static let searchBound = 200_000
    /// The most nodes one search for children's combinations may visit, and the
    /// most combinations one parent's list may hold.
    static let comboBound = 20_000

    /// Steps left, shared by every search of one solve.
    private final class Budget {
        var remaining = ColumnSolver.searchBound
        var exhausted: Bool { remaining <= 0 }
        func spend(_ steps: Int) { remaining -= steps }
    }
    private let budget = Budget()

    /// Children's exact combinations, found once for each parent row and candidate:
    /// the local search asks for the same ones on every pass.
    private struct ComboCache {
        /// By parent: the least and the most its children from the i-th on can add
        /// to each column (`[i * columnCount + column]`).
        var bounds: [Int: (low: [Int64], high: [Int64])] = [:]
        /// By parent and candidate (at `firstCandidate[p] + pc`): where the best of
        /// the children's exact combinations starts in `combos`, `none` where there
        /// is none, or `unknown` until it is found (`bestChildCombo`).
        var best: [Int] = []
        /// The best combinations found, one after another: a candidate for each child.
        var combos: [Int] = []
        static let unknown = -2, none = -1
    }
    private var comboCache = ComboCache()

    // A row's candidates are numbered from 0; all rows' candidates, row after
    // row, are kept in flat buffers of fixed width, without an array each.
    /// Where each row's candidates start when all rows' are counted in order (and,
    /// last, how many there are).
    private var firstCandidate: [Int] = []
    /// Every candidate's columns, one for each of its row's values, in that
    /// order: row `r`'s candidate `c` is `placement(r, c)`.
    private var placed: [Int] = []
    /// Where each row's candidates' columns start in `placed`, and how many
    /// columns each names (one for each of the row's values).
    private var placedAt: [Int] = [], widths: [Int] = []
    /// Every candidate's vector in units, in that order, in one buffer: row `r`'s
    /// candidate `c` starts at `vectorAt(r, c)`.
    private var vectors: [Int64] = []
    /// Each candidate's priors, summed over its values (`priorScore(_:_:)`).
    private var priorScores: [Int] = []
    /// What the classification says of each candidate (`strong(_:_:)`).
    private var strengths: [Int] = []
    private var children: [[Int]] = []
    private var choice: [Int] = []

    /// `priors` holds one prior for each row and column, row after row.
    init(columnCount: Int, identities: [SumRelation], allowed: [Bool], rows: [Row], priors: [Prior]) {
        self.columnCount = columnCount
        self.identities = identities
        self.allowed = allowed
        self.rows = rows
        self.priors = priors
    }

    mutating func solve() -> Solution {
        children = Array(repeating: [], count: rows.count)
        for (i, row) in rows.enumerated() { if let p = row.parent { children[p].append(i) } }
        var placed: [Int] = [], vectors: [Int64] = []
        var first = [0]
        let free = (1..<columnCount).filter { allowed[$0] }
        placedAt = rows.indices.map { r in
            defer { first.append(first[r] + makeCandidates(row: r, free: free, placed: &placed, vectors: &vectors)) }
            return placed.count
        }
        (self.placed, self.vectors, firstCandidate) = (placed, vectors, first)
        widths = rows.map { min($0.values.count, columnCount) }
        comboCache.best = Array(repeating: ComboCache.unknown, count: first[rows.count])
        priorScores.reserveCapacity(first[rows.count])
        strengths.reserveCapacity(first[rows.count])
        for r in rows.indices {
            for c in 0..<candidateCount(r) {
                priorScores.append(placement(r, c).dropFirst().reduce(0) { $0 + priors[r * columnCount + $1].rawValue })
                strengths.append(strong(r, c))
            }
        }
        let best = run()
        choice = best.choice
        let ambiguous = findAmbiguities(best: best.score)
        return Solution(columns: rows.indices.map { Array(placement($0, choice[$0])) },
                        ambiguous: ambiguous, bounded: budget.exhausted)
    }

    /// Searches an assignment: priors at the leaves, each parent fitted to its
    /// children bottom-up, then local improvements.
    private mutating func run() -> (choice: [Int], score: (equations: Int, prior: Int)) {
        choice = rows.indices.map { bestByPrior($0) }
        for r in rows.indices.sorted(by: { depth($0) > depth($1) }) where !children[r].isEmpty {
            choice[r] = bestFit(r, given: choice)
        }
        optimise()
        return (choice, globalScore(choice))
    }

    // MARK: Candidates

    /// The order-preserving placements of row `r`'s values, in the allowed columns
    /// after column 0 (`free`), that its identities allow: each one's columns are
    /// appended to `placed` (one for each value, at most `columnCount`) and its
    /// vector in units to `vectors`; returns how many there are.
    private func makeCandidates(row r: Int, free: [Int], placed: inout [Int], vectors: inout [Int64]) -> Int {
        let width = columnCount
        let values = rows[r].values
        guard !values.isEmpty else {
            vectors.append(contentsOf: repeatElement(0, count: width))
            return 1
        }
        guard values.count <= width else {
            placed.append(contentsOf: 0..<width)
            for value in values.prefix(width) { vectors.append(value.units) }
            return 1
        }
        let count = values.count
        // Every placement is written straight into the shared buffers, then the
        // ones kept are moved down over the others and the rest cut off.
        let (placedStart, vectorStart) = (placed.count, vectors.count)
        var found = appendPlacements(of: count, in: free, to: &placed)
        // More values than allowed columns: every column may hold one, and no
        // other table's vector is trusted.
        let fellBack = found == 0
        if fellBack { found = appendPlacements(of: count, in: Array(1..<width), to: &placed) }
        // Every placement's vector, placement after placement.
        vectors.append(contentsOf: repeatElement(0, count: found * width))
        for i in 0..<found {
            for (j, value) in values.enumerated() {
                vectors[vectorStart + i * width + placed[placedStart + i * count + j]] = value.units
            }
        }
        func keep(_ wanted: (Int) -> Bool) -> Int? {
            var kept = 0
            for i in 0..<found where wanted(vectorStart + i * width) {
                if kept != i {
                    for j in 0..<count { placed[placedStart + kept * count + j] = placed[placedStart + i * count + j] }
                    for j in 0..<width { vectors[vectorStart + kept * width + j] = vectors[vectorStart + i * width + j] }
                }
                kept += 1
            }
            guard kept > 0 else { return nil }
            placed.removeLast((found - kept) * count)
            vectors.removeLast((found - kept) * width)
            return kept
        }
        if !fellBack, let known = rows[r].known, known.count == width,
           let matching = keep({ at in (0..<width).allSatisfy { vectors[at + $0] == (known[$0] ?? .zero).units } }) {
            return matching
        }
        // Row identities: exact first, then within rounding, else keep all (the
        // printed row is itself inconsistent; the hierarchy decides).
        return keep { satisfiesIdentities(vectors, at: $0, tolerance: false) }
            ?? keep { satisfiesIdentities(vectors, at: $0, tolerance: true) }
            ?? found
    }

    /// Appends to `placed` every choice of `count - 1` columns of `free`, in order,
    /// after column 0 (at most 20,000), `count` columns each; returns how many.
    private func appendPlacements(of count: Int, in free: [Int], to placed: inout [Int]) -> Int {
        // The chosen positions in `free`, advanced like an odometer (the last
        // position that can still move moves, the ones after it follow it).
        let k = count - 1
        guard k >= 0, k <= free.count else { return 0 }
        // (Not reserved row by row: the shared buffer grows geometrically as it is appended to.)
        var at = Array(0..<k)
        var found = 0
        while true {
            placed.append(0)
            for i in at { placed.append(free[i]) }
            found += 1
            guard found <= 20_000,
                  let j = at.indices.last(where: { at[$0] < free.count - k + $0 }) else { return found }
            at[j] += 1
            for l in (j + 1)..<k { at[l] = at[l - 1] + 1 }
        }
    }

    /// How many candidates row `r` has.
    private func candidateCount(_ r: Int) -> Int { firstCandidate[r + 1] - firstCandidate[r] }

    /// The columns of row `r`'s candidate `c`.
    private func placement(_ r: Int, _ c: Int) -> ArraySlice<Int> {
        placed[(placedAt[r] + c * widths[r])..<(placedAt[r] + (c + 1) * widths[r])]
    }

    private func priorScore(_ r: Int, _ c: Int) -> Int { priorScores[firstCandidate[r] + c] }

    private func strength(_ r: Int, _ c: Int) -> Int { strengths[firstCandidate[r] + c] }

    /// Where the vector of row `r`'s candidate `c` starts in `vectors`.
    private func vectorAt(_ r: Int, _ c: Int) -> Int { (firstCandidate[r] + c) * columnCount }

    /// Whether two of row `r`'s candidates have the same vector.
    private func sameVector(_ r: Int, _ a: Int, _ b: Int) -> Bool {
        let (u, v) = (vectorAt(r, a), vectorAt(r, b))
        return (0..<columnCount).allSatisfy { vectors[u + $0] == vectors[v + $0] }
    }

    /// Wrapping arithmetic: amounts are read within bounds that no row's sum
    /// exceeds; a hostile one may make the answer wrong, never the check trap.
    private func satisfiesIdentities(_ v: [Int64], at base: Int, tolerance: Bool) -> Bool {
        identities.allSatisfy { relation in
            var sum: Int64 = 0
            for part in relation.parts { sum = sum &+ v[base + part] }
            let difference = v[base + relation.total] &- sum
            // Each printed part is rounded to 0.01: n parts may be off by n × 0.005.
            let limit = tolerance ? Amount.halfStep(places: 2).units &* Int64(relation.parts.count + 1) : 0
            return difference <= limit && difference >= -limit
        }
    }

    private func bestByPrior(_ r: Int) -> Int {
        (0..<candidateCount(r)).max { priorScore(r, $0) < priorScore(r, $1) } ?? 0
    }

    // MARK: Scoring

    private static func better(_ a: (equations: Int, prior: Int), than b: (equations: Int, prior: Int)) -> Bool {
        a.equations != b.equations ? a.equations > b.equations : a.prior > b.prior
    }

    // MARK: Search

    /// The number of equations a fully consistent table satisfies.
    private var maximumEquations: Int { children.reduce(0) { $0 + ($1.isEmpty ? 0 : columnCount) } }

    /// The score of a whole assignment: equations satisfied, then priors.
    private func globalScore(_ assignment: [Int]) -> (equations: Int, prior: Int) {
        budget.spend(rows.count)
        var eq = 0
        for p in rows.indices where !children[p].isEmpty { eq += equations(of: p, in: assignment) }
        let pr = rows.indices.reduce(0) { $0 + priorScore($1, assignment[$1]) }
        return (eq, pr)
    }

    /// The number of columns where row `p` equals the sum of its children, as assigned.
    private func equations(of p: Int, in assignment: [Int]) -> Int {
        let width = columnCount
        let pv = vectorAt(p, assignment[p])
        // Scored for every move: the sums live on the stack.
        return withUnsafeTemporaryAllocation(of: Int64.self, capacity: width) { sum in
            sum.initialize(repeating: 0)
            for k in children[p] {
                let kv = vectorAt(k, assignment[k])
                for c in 0..<width { sum[c] = sum[c] &+ vectors[kv + c] }
            }
            var eq = 0
            for c in 0..<width where vectors[pv + c] == sum[c] { eq += 1 }
            return eq
        }
    }

    /// 增量评分 — the score of `trial`, which differs from the scored assignment
    /// only in the rows `moved` (each with the candidate it had there): only the
    /// families those rows belong to are summed again, so a move costs its
    /// family's size, not the table's.
    private func score(_ trial: [Int], moved: [(row: Int, from: Int)], scored: (equations: Int, prior: Int),
                       families: [Int]) -> (equations: Int, prior: Int) {
        var eq = scored.equations, pr = scored.prior
        // Scored for every move: the families' list lives on the stack.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * moved.count) { parents in
            var count = 0
            for (r, from) in moved {
                pr += priorScore(r, trial[r]) - priorScore(r, from)
                if !children[r].isEmpty { parents[count] = r; count += 1 }
                if let p = rows[r].parent { parents[count] = p; count += 1 }
            }
            // Each family once: the list is a handful long, so sorting beats hashing.
            var listed = UnsafeMutableBufferPointer(rebasing: parents[0..<count])
            listed.sort()
            for (i, p) in listed.enumerated() where i == 0 || listed[i - 1] != p {
                budget.spend(children[p].count + 1)
                eq += equations(of: p, in: trial) - families[p]
            }
            return (eq, pr)
        }
    }

    /// Each parent's equations under `assignment` (0 for a row without children).
    private func familyEquations(_ assignment: [Int]) -> [Int] {
        rows.indices.map { children[$0].isEmpty ? 0 : equations(of: $0, in: assignment) }
    }

    /// Local search: moves a row to another candidate and lets its descendants
    /// follow (each family re-fitted to an exact combination where one exists), and
    /// keeps the move when the whole assignment scores better. Each move is scored
    /// incrementally (`score(_:moved:scored:families:)`).
    ///
    /// A move's gain depends only on the rows it changes and the families they sit
    /// in: the row's subtree, its parent and its siblings. A row tried without gain
    /// is tried again only once a move has changed one of those (it is `stale`), so
    /// the last pass, which finds nothing, costs the rows that moved, not the table.
    ///
    /// Once every equation holds, a row under a parent is moved only to a candidate
    /// of the same vector: a move changes no ancestor, so any other breaks the
    /// parent's sum and scores worse.
    private mutating func optimise() {
        var current = globalScore(choice)
        let most = maximumEquations
        // Every equation holds: leaves sit at their best priors and parents fit
        // them, so no move can do better.
        if current.equations == most { return }
        var families = familyEquations(choice)
        var stale = [Bool](repeating: true, count: rows.count)
        func touch(_ x: Int) {
            stale[x] = true
            for k in children[x] { stale[k] = true }
            if let p = rows[x].parent { for sibling in children[p] { stale[sibling] = true } }
            var node = rows[x].parent
            while let a = node { stale[a] = true; node = rows[a].parent }
        }
        // A move is made in place and undone unless it scores better: `moved`
        // holds each changed row with the candidate it had.
        var assignment = choice
        var moved: [(row: Int, from: Int)] = []
        for _ in 0..<12 {
            var improved = false
            for r in rows.indices where stale[r] && (candidateCount(r) > 1 || !children[r].isEmpty) {
                if budget.exhausted { choice = assignment; return }
                stale[r] = false
                // Every candidate, the current one included: re-fitting the children
                // of an unchanged parent is a move too.
                for c in 0..<candidateCount(r) {
                    if current.equations == most, rows[r].parent != nil, !sameVector(r, c, assignment[r]) { continue }
                    moved.removeAll(keepingCapacity: true)
                    cascade(r, c, &assignment, moved: &moved, depth: 0)
                    guard !moved.isEmpty else { continue }
                    let score = score(assignment, moved: moved, scored: current, families: families)
                    if Self.better(score, than: current) {
                        for (x, _) in moved {
                            if !children[x].isEmpty { families[x] = equations(of: x, in: assignment) }
                            if let p = rows[x].parent { families[p] = equations(of: p, in: assignment) }
                        }
                        for (x, _) in moved { touch(x) }
                        current = score
                        improved = true
                    } else {
                        for (x, from) in moved.reversed() { assignment[x] = from }
                    }
                }
            }
            if !improved { break }
        }
        choice = assignment
    }

    /// Sets row `r` to candidate `c` and re-fits its descendants to it, noting
    /// each row it changes with its former candidate.
    private mutating func cascade(_ r: Int, _ c: Int, _ assignment: inout [Int], moved: inout [(row: Int, from: Int)], depth: Int) {
        if assignment[r] != c { moved.append((r, assignment[r])) }
        assignment[r] = c
        guard !children[r].isEmpty, depth < 8 else { return }
        guard let best = bestChildCombo(parent: r, parentChoice: c) else { return }
        for (i, k) in children[r].enumerated() {
            let kc = comboCache.combos[best + i]
            if assignment[k] != kc { cascade(k, kc, &assignment, moved: &moved, depth: depth + 1) }
        }
    }

    private func depth(_ r: Int) -> Int {
        var d = 0, p = rows[r].parent
        while let q = p, d < 16 { d += 1; p = rows[q].parent }
        return d
    }

    /// Of the children's exact combinations for the parent's candidate, the one the
    /// priors like best (the first of equals); found once per parent and candidate.
    /// Returns where it starts in `comboCache.combos`.
    private mutating func bestChildCombo(parent p: Int, parentChoice pc: Int) -> Int? {
        let slot = firstCandidate[p] + pc
        let known = comboCache.best[slot]
        if known != ComboCache.unknown { return known == ComboCache.none ? nil : known }
        // Children assignments whose column sums equal the parent's vector exactly:
        // listed for all the parent's candidates at once, or searched for this one.
        func keepFavourite(_ exact: [[Int]], at slot: Int) {
            let favourite = exact.max { a, b in
                zip(children[p], a).reduce(0) { $0 + priorScore($1.0, $1.1) } < zip(children[p], b).reduce(0) { $0 + priorScore($1.0, $1.1) }
            }
            guard let favourite else { comboCache.best[slot] = ComboCache.none; return }
            comboCache.best[slot] = comboCache.combos.count
            for c in favourite { comboCache.combos.append(c) }
        }
        if let listed = listedChildCombos(parent: p, limit: 16) {
            for (c, exact) in listed.enumerated() { keepFavourite(exact, at: firstCandidate[p] + c) }
        } else {
            let exact = searchChildCombos(parent: p, parentChoice: pc, limit: 16)
            keepFavourite(exact, at: slot)
        }
        return bestChildCombo(parent: p, parentChoice: pc)
    }

    /// 组合清单 — every parent candidate's exact combinations at once, from one
    /// pass over all the children's combinations, where they are few beside the
    /// parent's candidates (a row of many candidates would otherwise search its
    /// children once for each). The same combinations in the same order as
    /// `searchChildCombos` (the tests compare the two); nil where the children's
    /// combinations are too many.
    func listedChildCombos(parent p: Int, limit: Int) -> [[[Int]]]? {
        let kids = children[p]
        guard !kids.isEmpty else { return nil }
        var product = 1
        for k in kids {
            product = product.multipliedReportingOverflow(by: candidateCount(k)).partialValue
            guard candidateCount(p) >= 8, product > 0, product <= 64 * candidateCount(p), product <= Self.comboBound
            else { return nil }
        }
        guard !budget.exhausted else { return nil }
        budget.spend(product)
        // A vector's fingerprint is linear, so a combination's is the sum of its
        // children's: the combinations are walked adding one number each, and
        // only a fingerprint that some parent candidate has is checked in full.
        func fingerprint(_ r: Int, _ c: Int) -> Int64 {
            let v = vectorAt(r, c)
            var f: Int64 = 0
            for col in 0..<columnCount { f = f &+ vectors[v + col] &* (Int64(col) &* 0x2545_F491_4F6C_DD1D | 1) }
            return f
        }
        // The fingerprints' top 12 bits, marked for the parent's candidates, turn
        // most combinations away before the dictionary is asked.
        func slot(_ f: Int64) -> Int { Int(UInt64(bitPattern: f) >> 52) }
        var marked = [Bool](repeating: false, count: 4096)
        var targets: [Int64: [Int]] = [:]
        for pc in 0..<candidateCount(p) {
            let f = fingerprint(p, pc)
            targets[f, default: []].append(pc)
            marked[slot(f)] = true
        }
        let prints = kids.map { k in (0..<candidateCount(k)).map { fingerprint(k, $0) } }
        var listed = [[[Int]]](repeating: [], count: candidateCount(p))
        var picked = [Int](repeating: 0, count: kids.count)
        // The last child's candidates, tried for every choice of the others, in one loop.
        let last = kids.count - 1
        // The walk's state is passed along, not captured (see `searchChildCombos`).
        func walk(_ i: Int, _ sum: Int64, _ picked: inout [Int], _ listed: inout [[[Int]]]) {
            guard i == last else {
                for (c, f) in prints[i].enumerated() {
                    picked[i] = c
                    walk(i + 1, sum &+ f, &picked, &listed)
                }
                return
            }
            for (c, f) in prints[last].enumerated() where marked[slot(sum &+ f)] {
                guard let pcs = targets[sum &+ f] else { continue }
                picked[last] = c
                for pc in pcs where listed[pc].count < limit && adds(picked, to: p, pc) { listed[pc].append(picked) }
            }
        }
        walk(0, 0, &picked, &listed)
        return listed
    }

    /// Whether the children of `p`, at the candidates `picked`, add up to its candidate `pc`.
    private func adds(_ picked: [Int], to p: Int, _ pc: Int) -> Bool {
        (0..<columnCount).allSatisfy { col in
            zip(children[p], picked).reduce(Int64(0)) { $0 &+ vectors[vectorAt($1.0, $1.1) + col] } == vectors[vectorAt(p, pc) + col]
        }
    }

    /// A depth-first search over the children's candidates in units, pruned by
    /// bounds: after each choice, every column must still be reachable by what the
    /// remaining children can add at least and at most. (Wrapping arithmetic: a
    /// hostile amount may make a bound wrong, never the search trap.)
    mutating func searchChildCombos(parent p: Int, parentChoice pc: Int, limit: Int) -> [[Int]] {
        let width = columnCount
        let targetAt = vectorAt(p, pc)
        let kids = children[p]
        let (low, high) = childBounds(p)
        var results: [[Int]] = []
        var picked: [Int] = []
        picked.reserveCapacity(kids.count)
        var nodes = 0
        let exhausted = budget.exhausted
        // Each child's candidates lie together in `vectors`, as does the parent's target.
        vectors.withUnsafeBufferPointer { flat in
            low.withUnsafeBufferPointer { low in
                high.withUnsafeBufferPointer { high in
                    let target = UnsafeBufferPointer(rebasing: flat[targetAt..<(targetAt + width)])
                    withUnsafeTemporaryAllocation(of: Int64.self, capacity: width) { partial in
                        partial.initialize(repeating: 0)
                        // The search's state is passed along, not captured: a recursive local
                        // function's captured variables are checked for exclusive access on each use.
                        func search(_ i: Int, _ results: inout [[Int]], _ picked: inout [Int], _ nodes: inout Int) {
                            if results.count >= limit || nodes >= Self.comboBound || exhausted { return }
                            nodes += 1
                            if i == kids.count {
                                if (0..<width).allSatisfy({ partial[$0] == target[$0] }) { results.append(picked) }
                                return
                            }
                            let rest = (i + 1) * width
                            for c in 0..<candidateCount(kids[i]) {
                                let v = vectorAt(kids[i], c)
                                var fits = true
                                for col in 0..<width {
                                    let need = target[col] &- (partial[col] &+ flat[v + col])
                                    if need < low[rest + col] || need > high[rest + col] { fits = false; break }
                                }
                                guard fits else { continue }
                                for col in 0..<width { partial[col] = partial[col] &+ flat[v + col] }
                                picked.append(c)
                                search(i + 1, &results, &picked, &nodes)
                                picked.removeLast()
                                for col in 0..<width { partial[col] = partial[col] &- flat[v + col] }
                            }
                        }
                        search(0, &results, &picked, &nodes)
                    }
                }
            }
        }
        budget.spend(nodes)
        return results
    }

    /// The least and the most the children of `p` from the i-th on can add to each
    /// column (`[i * columnCount + column]`), found once per parent.
    private mutating func childBounds(_ p: Int) -> (low: [Int64], high: [Int64]) {
        if let known = comboCache.bounds[p] { return known }
        let width = columnCount
        let kids = children[p]
        var low = [Int64](repeating: 0, count: (kids.count + 1) * width)
        var high = low
        for i in kids.indices.reversed() {
            for col in 0..<width {
                var lo = Int64.max, hi = Int64.min
                for c in 0..<candidateCount(kids[i]) {
                    let x = vectors[vectorAt(kids[i], c) + col]
                    lo = min(lo, x)
                    hi = max(hi, x)
                }
                low[i * width + col] = low[(i + 1) * width + col] &+ lo
                high[i * width + col] = high[(i + 1) * width + col] &+ hi
            }
        }
        comboCache.bounds[p] = (low, high)
        return (low, high)
    }

    // MARK: Ambiguity

    /// A leaf is ambiguous when another of its candidates fits the identities as
    /// well, without going against what the classification implies for any
    /// other row, and the classification does not prefer the chosen one. Two
    /// trials are made for each alternative: the columns it swaps are swapped in
    /// every row of the table that allows it (a whole group of rows moving
    /// together), and the leaf alone moves with its ancestors re-fitted.
    private func findAmbiguities(best: (equations: Int, prior: Int)) -> [(row: Int, alternatives: [[Int]])] {
        let strongBest = strongScore(choice)
        let families = familyEquations(choice)
        /// A trial fits when it satisfies as many equations and the classification
        /// likes the rest of the table as well (both scored from the rows it moves).
        var moved: [(row: Int, from: Int)] = []
        func fits(_ trial: [Int], _ r: Int, _ c: Int) -> Bool {
            moved.removeAll(keepingCapacity: true)
            var strongTrial = strongBest
            for i in rows.indices where trial[i] != choice[i] {
                moved.append((i, choice[i]))
                strongTrial += strength(i, trial[i]) - strength(i, choice[i])
            }
            // The classification is asked first: it costs no scoring.
            return strongTrial - strength(r, c) >= strongBest - strength(r, choice[r])
                && score(trial, moved: moved, scored: best, families: families).equations >= best.equations
        }
        var result: [(row: Int, alternatives: [[Int]])] = []
        var fitted = [Int?](repeating: nil, count: rows.count)
        for r in rows.indices where candidateCount(r) > 1 && children[r].isEmpty {
            if budget.exhausted { break }
            var alternatives: [[Int]] = []
            for c in 0..<candidateCount(r) where c != choice[r] {
                if decidedByClassification(r, chosen: choice[r], other: c) { continue }
                if fits(swapTrial(r, c), r, c) || fits(chainTrial(r, c, fitted: &fitted), r, c) { alternatives.append(Array(placement(r, c))) }
            }
            if !alternatives.isEmpty { result.append((r, alternatives)) }
        }
        return result
    }

    /// Every row takes the candidate with the leaf's columns swapped, where it has one.
    private func swapTrial(_ r: Int, _ c: Int) -> [Int] {
        budget.spend(rows.count)
        var map = Array(0..<columnCount)
        let (from, to) = (placedAt[r] + choice[r] * widths[r], placedAt[r] + c * widths[r])
        for j in 0..<widths[r] where placed[from + j] != placed[to + j] {
            map[placed[from + j]] = placed[to + j]
            map[placed[to + j]] = placed[from + j]
        }
        var trial = choice
        // A row's candidates name rising columns, in lexicographic order (as
        // `appendPlacements` makes them): the swapped columns are looked up by halving.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: columnCount) { swapped in
            for row in rows.indices where candidateCount(row) > 1 {
                let w = widths[row]
                let chosen = placedAt[row] + choice[row] * w
                for j in 0..<w { swapped[j] = map[placed[chosen + j]] }
                // A row the swap leaves alone keeps its candidate (candidates differ),
                // and columns that no longer rise are no candidate's.
                guard (0..<w).contains(where: { swapped[$0] != placed[chosen + $0] }),
                      (1..<max(w, 1)).allSatisfy({ swapped[$0 - 1] < swapped[$0] }) else { continue }
                var (low, high) = (0, candidateCount(row))
                while low < high {
                    let mid = (low + high) / 2
                    let at = placedAt[row] + mid * w
                    let j = (0..<w).first { placed[at + $0] != swapped[$0] }
                    guard let j else { trial[row] = mid; break }
                    if placed[at + j] < swapped[j] { low = mid + 1 } else { high = mid }
                }
            }
        }
        trial[r] = c
        return trial
    }

    /// The leaf moves; each ancestor takes the candidate that fits its children best.
    /// An ancestor whose children are all as chosen fits them as every such chain
    /// found before: `fitted` keeps that fit, by row.
    private func chainTrial(_ r: Int, _ c: Int, fitted: inout [Int?]) -> [Int] {
        var trial = choice
        trial[r] = c
        var node = r
        while let p = rows[node].parent {
            if trial[node] != choice[node] {
                trial[p] = bestFit(p, given: trial)
            } else {
                let fit = fitted[p] ?? bestFit(p, given: choice)
                fitted[p] = fit
                trial[p] = fit
            }
            node = p
        }
        return trial
    }

    /// What the classification says of one row's candidate: +1 for each value in
    /// an implied column, −1 for each in an unlikely one.
    private func strong(_ r: Int, _ c: Int) -> Int {
        placement(r, c).dropFirst().reduce(0) { total, column in
            switch priors[r * columnCount + column] {
            case .implied: total + 1
            case .unlikely: total - 1
            default: total
            }
        }
    }

    private func strongScore(_ assignment: [Int]) -> Int {
        rows.indices.reduce(0) { $0 + strength($1, assignment[$1]) }
    }

    /// The candidate of `p` that matches its children (as assigned) in the most
    /// columns, then by prior.
    private func bestFit(_ p: Int, given assignment: [Int]) -> Int {
        let width = columnCount
        return withUnsafeTemporaryAllocation(of: Int64.self, capacity: width) { sum in
            sum.initialize(repeating: 0)
            for k in children[p] {
                let kv = vectorAt(k, assignment[k])
                for c in 0..<width { sum[c] = sum[c] &+ vectors[kv + c] }
            }
            var best = (assignment[p], (equations: -1, prior: Int.min))
            for cand in 0..<candidateCount(p) {
                let pv = vectorAt(p, cand)
                var eq = 0
                for c in 0..<width where vectors[pv + c] == sum[c] { eq += 1 }
                let s = (equations: eq, prior: priorScore(p, cand))
                if Self.better(s, than: best.1) { best = (cand, s) }
            }
            return best.0
        }
    }

    /// True when the classification (an `implied` prior) prefers the chosen
    /// assignment over the other.
    private func decidedByClassification(_ r: Int, chosen: Int, other: Int) -> Bool {
        let a = placement(r, chosen).dropFirst()
        let aImplied = a.contains { priors[r * columnCount + $0] == .implied }
        return aImplied && priorScore(r, chosen) > priorScore(r, other)
    }
}
