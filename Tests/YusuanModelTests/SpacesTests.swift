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

    /// The first place of a piece at every offset and of every length, against a plain
    /// comparison at each offset: pieces that recur, that nearly occur, and at the ends.
    @Test func theFirstPlaceIsTheEarliestAtEveryOffset() {
        let hay = Array("项目支出项目共计项目12项\u{3000}a目项目共".utf8)
        hay.withUnsafeBufferPointer { h in
            for start in hay.indices {
                for length in 0...min(10, hay.count - start) {
                    let pin = Array(hay[start..<(start + length)])
                    let expected = length == 0 ? 0 : (0...(hay.count - length)).first { hay[$0..<($0 + length)].elementsEqual(pin) }
                    pin.withUnsafeBufferPointer { p in
                        #expect(Spaces.firstOffset(of: p, in: h) == expected, "\(start) \(length)")
                        #expect(Spaces.firstOffset(of: p, in: UnsafeBufferPointer(rebasing: h[..<(length / 2)])) == (length == 0 ? 0 : nil))
                    }
                }
            }
        }
    }

    @Test func theFirstPlaceOfABytePieceIsFound() throws {
        Array("编制单位：某局 单位：万元".utf8).withUnsafeBufferPointer { hay in
            Array("单位".utf8).withUnsafeBufferPointer { pin in
                #expect(Spaces.firstOffset(of: pin, in: hay) == 6)
                #expect(Spaces.firstOffset(of: pin, in: UnsafeBufferPointer(rebasing: hay[..<7])) == nil)
            }
            #expect(Spaces.firstOffset(of: UnsafeBufferPointer(rebasing: hay[0..<0]), in: hay) == 0)
        }
        let text = Substring("某局单位：万元单位：元")
        let range = try #require(text.byteRange(of: "单位："))
        #expect(text[..<range.lowerBound] == "某局")
        #expect(text[range.upperBound...] == "万元单位：元")
        #expect(Substring("某局单位:万元").byteRange(of: "单位：") == nil)
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

    /// The matchers that skip spaces in place agree with taking the spaces out
    /// first, on texts written with every kind of space between and around
    /// the characters, and on slices of them.
    @Test func compactMatchersAgreeWithRemovingTheSpaces() {
        let spaces = ["", " ", "  ", "\t", "\u{3000}", "\u{A0}", "\r"]
        // 缘 and 级 share their first two and first bytes with 编, 〇 its first byte with
        // U+3000: a search that rules a place out by its first bytes must not be fooled.
        let pieces = ["编", "制", "部", "门", "：", "合", "计", "1", ".", "5", "空", "表", "a", "\u{C2}", "\u{E3}",
                      "缘", "级", "〇"]
        let needles = ["编制部门", "合计", "空表", "门：合", "1.5", "计1", "部", "表空", "\u{C2}\u{A0}", "〇合", "缘编", "1."]
        var generator = SystemRandomNumberGenerator()
        var checked = 0
        for _ in 0..<4_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...9, using: &generator) {
                text += spaces.randomElement(using: &generator)! + pieces.randomElement(using: &generator)!
            }
            text += spaces.randomElement(using: &generator)!
            let compact = Spaces.removed(text)
            for needle in needles + [compact, String(compact.unicodeScalars.prefix(3))] {
                #expect(text.compactBegins(with: needle) == compact.begins(with: needle), "\(text) begins \(needle)")
                #expect(text.compactIncludes(needle) == compact.includes(needle), "\(text) includes \(needle)")
                #expect(text.compactEquals(needle) == compact.sameBytes(as: needle), "\(text) equals \(needle)")
                if let rest = text.compactRest(after: needle) {
                    #expect(Spaces.removed(rest) == String(compact.unicodeScalars.dropFirst(needle.unicodeScalars.count)))
                }
                let slice = text.dropFirst()
                #expect(slice.compactIncludes(needle) == Spaces.removed(slice).includes(needle))
                checked += 1
            }
        }
        #expect(checked > 40_000)
        #expect("编 制 部 门：尉犁县".compactBegins(with: "编制部门") && !"编 制 部 门".compactBegins(with: "编制部门："))
        #expect("  类 款 项\u{3000}".compactEquals("类款项") && !"类款项目".compactEquals("类款项"))
        // A space between the needle's first two bytes, or before its first.
        #expect("合计 1 .5".compactIncludes("1.5") && "级缘\u{3000}〇\u{A0}合".compactIncludes("〇合"))
        #expect(!"缘级编 部".compactIncludes("编制") && "缘 编\t制".compactIncludes("缘编制"))
    }

    @Test func aByteIsFoundFromAStart() {
        Array("a\tb\t".utf8).withUnsafeBufferPointer { u in
            #expect(Spaces.offset(of: 0x09, in: u) == 1)
            #expect(Spaces.offset(of: 0x09, in: u, from: 2) == 3)
            #expect(Spaces.offset(of: 0x09, in: u, from: 4) == nil)
            #expect(Spaces.offset(of: 0x09, in: u, from: -1) == nil)
            #expect(Spaces.offset(of: 0x0A, in: u) == nil)
        }
        #expect([UInt8]().withUnsafeBufferPointer { Spaces.offset(of: 0x09, in: $0) } == nil)
    }
}
