import Testing
import YusuanModel

@Suite struct SpacesTests {
    /// The hand-written set is Unicode's White_Space, scalar for scalar.
    @Test func whitespaceIsUnicodesWhiteSpaceForEveryScalar() {
        var differing: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let c = Unicode.Scalar(value) else { continue }
            if Spaces.isWhitespace(c) != c.properties.isWhitespace { differing.append(value) }
        }
        #expect(differing.isEmpty, "\(differing.map { String($0, radix: 16) })")
    }

    @Test func spacesAreRemovedAndTrimmedOnBytes() {
        #expect(Spaces.removed("2025 年\u{3000}预算\t") == "2025年预算")
        #expect(Spaces.trimmed("\u{3000} 表 1 ") == "表 1")
    }

    /// Prefixes and suffixes compared as bytes, on strings and on slices of them.
    @Test func beginsAndEndsCompareBytes() {
        let title = "2025年部门收支总体情况表"
        #expect(title.begins(with: "2025年") && !title.begins(with: "2024年") && title.begins(with: ""))
        #expect(title.ends(with: "情况表") && !title.ends(with: "情况") && title.ends(with: title) && !"表".ends(with: title))
        let slice = title.dropFirst(5).dropLast(1)  // 部门收支总体情况
        #expect(slice.begins(with: "部门") && !slice.begins(with: "年部门") && slice.ends(with: "情况") && !slice.ends(with: "表"))
        #expect(title.begins(with: slice.prefix(0)) && !slice.begins(with: title))
    }
}
