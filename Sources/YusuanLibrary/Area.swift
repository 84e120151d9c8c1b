/// 行政区划 — the region a department belongs to and its level, taken from its name.
///
/// A department's name begins with the places it belongs to (`上海市普陀区司法局`:
/// 上海市, 普陀区); the region is those places and the level follows from the last
/// one (省/自治区 省级, 市/州/盟/地区 市级, 县/区/旗 县级, and a 市 under a 州 or
/// 市 县级). A name that starts with no place gives an empty region and 未知; a
/// county-level city named alone (`库尔勒市`) reads as 市级, which `--region` and
/// `--level` on import can correct.
public struct Area: Sendable, Hashable, Codable {
    /// 地区 — the places, as printed (`上海市普陀区`).
    public var region: String
    /// 级次 — 省级, 市级, 县级 or 未知.
    public var level: String

    public init(region: String, level: String) {
        self.region = region
        self.level = level
    }

    /// The characters that end a place name.
    private static let placeEnds: Set<Character> = ["省", "市", "州", "盟", "县", "区", "旗"]

    /// The area a department's name begins with.
    public init(department: String) {
        let characters = Array(department)
        var places: [String] = []
        var start = 0
        scan: while start < characters.count {
            // A place is at least one character followed by its ending character.
            var end = start + 1
            while end < characters.count, !Self.placeEnds.contains(characters[end]) { end += 1 }
            guard end < characters.count - 1 else { break scan }  // the agency's name must remain
            places.append(String(characters[start...end]))
            start = end + 1
        }
        region = places.joined()
        level = Self.level(of: places)
    }

    private static func level(of places: [String]) -> String {
        guard let last = places.last else { return "未知" }
        if last.hasSuffix("自治区") || last.hasSuffix("省") { return "省级" }
        if last.hasSuffix("县") || last.hasSuffix("区") || last.hasSuffix("旗") { return "县级" }
        let underCity = places.dropLast().contains { $0.hasSuffix("州") || $0.hasSuffix("市") || $0.hasSuffix("盟") }
        if last.hasSuffix("市") && underCity { return "县级" }
        return "市级"
    }
}
