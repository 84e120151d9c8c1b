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
}
