/// CSV — the one rule every CSV Yusuan writes follows (RFC 4180): a field holding a
/// comma, a quote or a line break is quoted, its quotes doubled; any other field is
/// written as it is.
public enum CSV {
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
