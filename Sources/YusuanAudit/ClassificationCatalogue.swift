import YusuanModel
import Foundation

/// 政府收支分类科目 — the catalogue of functional (支出功能分类) and economic
/// (部门预算支出经济分类) codes with their names, one edition a year, shipped as
/// `Resources/classification-YYYY.tsv` (today 2025: 财政部《2025年政府收支分类科目》).
///
/// Functional 类 are complete (201–234); 款 and 项 are listed for the classes the
/// catalogue `details` (205, 206, 208, 210, 221). Economic 类 and 款 are complete.
/// A code below a class the catalogue does not detail cannot be judged.
public struct ClassificationCatalogue: Sendable {
    /// The edition year the data file names.
    public let edition: Int
    /// Code → name as in the catalogue.
    public let names: [String: String]
    /// The 3-digit classes whose 款 and 项 are listed.
    public let detailedClasses: Set<String>

    /// Every edition shipped (`Resources/classification-YYYY.tsv`), oldest first; one
    /// catalogue a year, so that a new edition is one new file.
    public static let editions: [ClassificationCatalogue] = {
        let roots = [Bundle.module.resourceURL, Bundle.module.resourceURL?.appendingPathComponent("Resources")].compactMap { $0 }
        var byEdition: [Int: ClassificationCatalogue] = [:]
        for root in roots {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
            for name in names where name.begins(with: "classification-") && name.ends(with: ".tsv") {
                guard let text = try? String(contentsOf: root.appendingPathComponent(name), encoding: .utf8) else { continue }
                let catalogue = ClassificationCatalogue(text: text)
                if !catalogue.names.isEmpty { byEdition[catalogue.edition] = catalogue }
            }
        }
        return byEdition.keys.sorted().compactMap { byEdition[$0] }
    }()

    /// The newest edition shipped (empty where no data file is found).
    public static let standard: ClassificationCatalogue = editions.last ?? ClassificationCatalogue(text: "")

    /// 版本随年度 — the edition a document of `year` is judged by: that year's, else the
    /// latest before it, else the earliest after it (nil where none is shipped).
    public static func edition(for year: Int, among editions: [ClassificationCatalogue] = editions) -> ClassificationCatalogue? {
        editions.last { $0.edition <= year } ?? editions.min { $0.edition < $1.edition }
    }

    /// Parses the TSV: `#` comment lines (one of them `# edition: YYYY …`), a
    /// `code<TAB>name` header, then one code (ASCII digits) per line. Read as bytes:
    /// the file is ASCII but for the names, and reading Characters cost more than an audit.
    public init(text: String) {
        var names: [String: String] = [:]
        var edition = 0
        for raw in text.utf8.split(whereSeparator: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
            if raw.first == UInt8(ascii: "#") {
                let line = Substring(raw)
                if let r = line.range(of: "edition:") {
                    edition = Int(line[r.upperBound...].trimmingCharacters(in: .whitespaces).prefix(4)) ?? edition
                }
                continue
            }
            guard let tab = raw.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let code = raw[..<tab], name = raw[raw.index(after: tab)...]
            guard !code.isEmpty, !name.isEmpty, code.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) else { continue }
            names[String(Substring(code))] = String(Substring(name))
        }
        self.edition = edition
        self.names = names
        self.detailedClasses = Set(names.keys.filter { $0.utf8.count > 3 }.map { String($0.utf8.prefix(3))! })
    }

    public func name(_ code: String) -> String? { names[code] }

    /// Whether the catalogue can judge this code: every 类, and 款/项 of a detailed class.
    public func covers(_ code: String) -> Bool {
        // An ASCII code (every printed one) by its bytes: no Characters counted.
        let utf8 = code.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return code.count == 3 || detailedClasses.contains(String(code.prefix(3))) }
        return utf8.count == 3 || detailedClasses.contains(String(Substring(utf8.prefix(3))))
    }

    /// A name for comparison: no spaces, full-width brackets as half-width (（） as (),
    /// 【】〔〕［］ as []). The one such key of the audit: classification names, project
    /// names of table 7 and of the performance tables are all compared by it.
    public static func normalised(_ name: String) -> String {
        // Read as bytes, each scalar by its UTF-8 encoding: a name without a space or a
        // full-width bracket (`mayStartSpaceOrWide`) is returned as it is, and no Character
        // is formed.
        var name = name
        return name.withUTF8 { bytes -> String? in
            guard bytes.contains(where: mayStartSpaceOrWide) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var i = 0, n = 0
                while i < bytes.count {
                    if let (c, width) = wideScalar(bytes, at: i) {
                        if Spaces.isWhitespace(c) {
                            i += width
                            continue
                        }
                        if let bracket = halfWidthBracket(c) {
                            out[n] = bracket
                            n += 1
                            i += width
                            continue
                        }
                    }
                    out[n] = bytes[i]
                    n += 1
                    i += 1
                }
                return n
            }
        } ?? name
    }

    /// The ASCII bracket a full-width one reads as.
    private static func halfWidthBracket(_ c: Unicode.Scalar) -> UInt8? {
        switch c {
        case "（": UInt8(ascii: "(")
        case "）": UInt8(ascii: ")")
        case "【", "〔", "［": UInt8(ascii: "[")
        case "】", "〕", "］": UInt8(ascii: "]")
        default: nil
        }
    }

    /// True for a byte that may start a space (`Spaces.mayStartWhitespace`) or a full-width
    /// form (（）［］％, led by 0xEF, and 【】〔〕, led by 0xE3): a text without one needs no
    /// normalising.
    static func mayStartSpaceOrWide(_ byte: UInt8) -> Bool { Spaces.mayStartWhitespace(byte) || byte == 0xEF }

    /// The scalar at byte `i` of UTF-8 text (a String's bytes) and its width in bytes, where
    /// its lead byte may start a space or a full-width form (`mayStartSpaceOrWide`); nil
    /// for any other byte, which is to be kept as it is.
    static func wideScalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int)? {
        guard mayStartSpaceOrWide(bytes[i]) else { return nil }
        // The bytes are a String's, valid UTF-8, so the scalar is whole.
        let (unit, _, width) = JoinedText.decode(bytes, at: i)
        return Unicode.Scalar(unit).map { ($0, width) }
    }
}
