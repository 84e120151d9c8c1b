import Foundation
import YusuanModel

/// The whole model as JSON: stable keys (sorted), amounts as decimal numbers in 万元,
/// each read value with its `line` (and `page` where the source has pages).
public enum JSONOutput {
    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// One document: the `Disclosure` object. Several: an array of
    /// `{"document": name, "disclosure": {…}}`.
    public static func render(_ documents: [(name: String, disclosure: Disclosure)]) throws -> String {
        let data: Data
        if documents.count == 1 {
            data = try encoder().encode(documents[0].disclosure)
        } else {
            data = try encoder().encode(documents.map { Named(document: $0.name, disclosure: $0.disclosure) })
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Named: Encodable {
        var document: String
        var disclosure: Disclosure
    }
}
