import Testing
@testable import YusuanRead
import YusuanModel

/// The column search on a small table written here, and the keys by which a row
/// finds its parent.
@Suite struct ColumnSolverTests {
    static func amounts(_ values: Int64...) -> [Amount] { values.map { Amount(units: $0 * 100) } }

    /// A parent of ten candidates (10, 3 and 7 over five part columns) above two
    /// children whose priors both lean to column 1: fitted bottom-up the parent
    /// misses, and the local search moves it, taking its children's exact
    /// combinations from the list made for all its candidates at once.
    @Test func aParentOfManyCandidatesIsFittedToItsChildrenExactly() throws {
        let width = 6
        let usualInOne = (0..<width).map { $0 == 1 ? ColumnSolver.Prior.usual : .neutral }
        let neutral = [ColumnSolver.Prior](repeating: .neutral, count: width)
        var solver = ColumnSolver(
            columnCount: width, identities: [SumRelation(0, [1, 2, 3, 4, 5])],
            allowed: Array(repeating: true, count: width),
            rows: [
                ColumnSolver.Row(values: Self.amounts(10, 3, 7), parent: nil, known: nil),
                ColumnSolver.Row(values: Self.amounts(3, 3), parent: 0, known: nil),
                ColumnSolver.Row(values: Self.amounts(7, 7), parent: 0, known: nil),
            ],
            priors: neutral + usualInOne + usualInOne)
        let solution = solver.solve()
        #expect(solution.columns == [[0, 1, 2], [0, 1], [0, 2]])
        #expect(!solution.bounded)
        // The list holds, for each of the parent's candidates, what the search
        // finds for it alone: the two children in the same two columns.
        let listed = try #require(solver.listedChildCombos(parent: 0, limit: 16))
        #expect(listed.count == 10)
        for pc in 0..<10 {
            #expect(listed[pc] == solver.searchChildCombos(parent: 0, parentChoice: pc, limit: 16))
            #expect(listed[pc].count == 1)
        }
        // A row without children has no combinations to list.
        #expect(solver.listedChildCombos(parent: 1, limit: 16) == nil)
    }

    /// Two families under one total, each a 10 split 4 + 6 over three columns (the
    /// 4 before the 6): moving one leaf alone breaks the total, but swapping its
    /// column with the free one in every row keeps every sum, so every leaf is
    /// ambiguous, its alternative found only by the swap.
    @Test func columnsSwappedInEveryRowMakeAnAlternative() throws {
        let width = 4
        let rows = [
            ColumnSolver.Row(values: Self.amounts(20, 8, 12), parent: nil, known: nil),
            ColumnSolver.Row(values: Self.amounts(10, 4, 6), parent: 0, known: nil),
            ColumnSolver.Row(values: Self.amounts(4, 4), parent: 1, known: nil),
            ColumnSolver.Row(values: Self.amounts(6, 6), parent: 1, known: nil),
            ColumnSolver.Row(values: Self.amounts(10, 4, 6), parent: 0, known: nil),
            ColumnSolver.Row(values: Self.amounts(4, 4), parent: 4, known: nil),
            ColumnSolver.Row(values: Self.amounts(6, 6), parent: 4, known: nil),
        ]
        var solver = ColumnSolver(columnCount: width, identities: [SumRelation(0, [1, 2, 3])],
                                  allowed: Array(repeating: true, count: width), rows: rows,
                                  priors: Array(repeating: .neutral, count: rows.count * width))
        let solution = solver.solve()
        #expect(solution.columns == [[0, 1, 3], [0, 1, 3], [0, 1], [0, 3], [0, 1, 3], [0, 1], [0, 3]])
        #expect(solution.ambiguous.map(\.row) == [2, 3, 5, 6])
        #expect(solution.ambiguous.map(\.alternatives) == [[[0, 2]], [[0, 2]], [[0, 2]], [[0, 2]]])
    }

    /// A code's key grows byte by byte, so the key of each prefix of a code is
    /// the key of that shorter code, and different codes have different keys.
    @Test func codeKeysOfPrefixesAreTheKeysOfTheShorterCodes() {
        func key(_ code: String) -> Int { code.utf8.reduce(1, TableReader.codeKey) }
        var grown = 1
        var prefixes: [Int] = []
        for byte in "2101501".utf8 {
            grown = TableReader.codeKey(grown, byte)
            prefixes.append(grown)
        }
        #expect(prefixes[2] == key("210"))
        #expect(prefixes[4] == key("21015"))
        #expect(prefixes[6] == key("2101501"))
        let codes = ["2", "21", "210", "201", "2101", "21015", "21051", "2101501", "2101510", "0210"]
        #expect(Set(codes.map(key)).count == codes.count)
    }
}
