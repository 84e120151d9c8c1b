import Foundation
import YusuanModel

/// 表样目录 — the regional table templates Yusuan knows, each read from its data
/// file in `Resources/Templates` (`shanghai.json`, …).
public enum Templates {
    /// Every built-in template, by name order of their files.
    public static let all: [TableTemplate] = {
        let names = ["shanghai", "standard"]
        return names.compactMap { name in
            guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Templates")
                    ?? Bundle.module.url(forResource: name, withExtension: "json"),
                  let data = try? Data(contentsOf: url) else { return nil }
            do {
                return try JSONDecoder().decode(TableTemplate.self, from: data)
            } catch {
                preconditionFailure("the template \(name).json does not decode: \(error)")
            }
        }
    }()

    /// The template with this id.
    public static func named(_ id: String) -> TableTemplate? { all.first { $0.id == id } }

    /// The template a document follows: the one whose table titles it prints most
    /// (at least three), or nil.
    public static func recognise(_ source: SourceDocument) -> TableTemplate? {
        var best: (TableTemplate, Int)?
        for template in all {
            var found = Set<Int>()
            for line in source.lines where line.range.count < 200 {
                if let t = template.table(titled: source.text(of: line)) { found.insert(t.number) }
            }
            if found.count >= 3, found.count > best?.1 ?? 0 { best = (template, found.count) }
        }
        return best?.0
    }
}
