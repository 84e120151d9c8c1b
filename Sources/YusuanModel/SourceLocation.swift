/// 出处 — where a value was read: the line of the source text (1-based) and, where
/// the source has pages, the page.
///
/// Composed values carry no location (`nil` where a location is optional).
public struct SourceLocation: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var line: Int
    public var page: Int?

    public init(line: Int, page: Int? = nil) {
        self.line = line
        self.page = page
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool { a.line < b.line }

    public var description: String {
        if let page { return "line \(line) (page \(page))" }
        return "line \(line)"
    }
}

/// A value together with the place it was read from.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var source: SourceLocation?

    public init(_ value: Value, at source: SourceLocation? = nil) {
        self.value = value
        self.source = source
    }
}

extension Located: Codable where Value: Codable {
    private enum CodingKeys: String, CodingKey { case value, line, page }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encodeIfPresent(source?.line, forKey: .line)
        try c.encodeIfPresent(source?.page, forKey: .page)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        value = try c.decode(Value.self, forKey: .value)
        if let line = try c.decodeIfPresent(Int.self, forKey: .line) {
            source = SourceLocation(line: line, page: try c.decodeIfPresent(Int.self, forKey: .page))
        }
    }
}
