/// 出处 — where a value was read: the line of the source document (1-based), the
/// page where the source has pages, and, from a PDF, the box it was printed in.
///
/// Composed values carry no location (`nil` where a location is optional).
public struct SourceLocation: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var line: Int
    public var page: Int?
    /// The printed box on the page (PDF points), where the source has geometry.
    public var box: Box?

    public init(line: Int, page: Int? = nil, box: Box? = nil) {
        self.line = line
        self.page = page
        self.box = box
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool { a.line < b.line }

    public var description: String {
        if let page { return "line \(line) (page \(page))" }
        return "line \(line)"
    }
}

/// 版面框 — a rectangle on a PDF page, in points from the page's top-left corner
/// (the coordinates `pdftotext -bbox-layout` reports).
public struct Box: Hashable, Sendable, Codable, CustomStringConvertible {
    public var xMin: Double
    public var yMin: Double
    public var xMax: Double
    public var yMax: Double

    public init(xMin: Double, yMin: Double, xMax: Double, yMax: Double) {
        self.xMin = xMin
        self.yMin = yMin
        self.xMax = xMax
        self.yMax = yMax
    }

    public var width: Double { xMax - xMin }
    public var height: Double { yMax - yMin }
    public var midX: Double { (xMin + xMax) / 2 }
    public var midY: Double { (yMin + yMax) / 2 }

    /// The smallest box holding both.
    public func union(_ other: Box) -> Box {
        Box(xMin: min(xMin, other.xMin), yMin: min(yMin, other.yMin),
            xMax: max(xMax, other.xMax), yMax: max(yMax, other.yMax))
    }

    /// Whether the two are printed on one row: their vertical centres closer than a
    /// third of the smaller height (a font's box is often taller than its line pitch,
    /// so overlap alone would join a wrapped cell's rows).
    public func isOnSameRow(as other: Box) -> Bool { abs(midY - other.midY) < 0.3 * min(height, other.height) }

    /// How far the two overlap horizontally (0 when apart).
    public func horizontalOverlap(_ other: Box) -> Double { max(0, min(xMax, other.xMax) - max(xMin, other.xMin)) }

    /// How far the two overlap vertically (0 when apart).
    public func verticalOverlap(_ other: Box) -> Double { max(0, min(yMax, other.yMax) - max(yMin, other.yMin)) }

    /// `[x₀ y₀ x₁ y₁]` in whole points.
    public var description: String {
        "[\([xMin, yMin, xMax, yMax].map { String(Int($0.rounded())) }.joined(separator: " "))]"
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
    private enum CodingKeys: String, CodingKey { case value, line, page, box }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encodeIfPresent(source?.line, forKey: .line)
        try c.encodeIfPresent(source?.page, forKey: .page)
        try c.encodeIfPresent(source?.box, forKey: .box)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        value = try c.decode(Value.self, forKey: .value)
        if let line = try c.decodeIfPresent(Int.self, forKey: .line) {
            source = SourceLocation(line: line, page: try c.decodeIfPresent(Int.self, forKey: .page),
                                    box: try c.decodeIfPresent(Box.self, forKey: .box))
        }
    }
}
