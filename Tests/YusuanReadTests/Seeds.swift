import Foundation
import Testing
@testable import YusuanRead
import YusuanModel

/// The five published documents in `../shared/seeds`, beside the checkout.
/// Tests that need them are `.enabled(if: Seeds.available)`, so they are skipped
/// (with the trait's comment as the message) where the folder is absent.
enum Seeds {
    static let directory: URL = {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    }()

    static let available: Bool = FileManager.default.fileExists(atPath: directory.path)

    /// The text of the seed whose file name starts with `prefix` ("000" … "004").
    static func text(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        guard let name = names.sorted().first(where: { $0.hasPrefix(prefix) }) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    nonisolated(unsafe) private static var cache: [String: Disclosure] = [:]
    private static let lock = NSLock()

    /// The seed read into a model (read once per test process).
    static func disclosure(_ prefix: String) throws -> Disclosure {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[prefix] { return cached }
        let d = try DisclosureReader.read(try text(prefix))
        cache[prefix] = d
        return d
    }
}

extension Trait where Self == ConditionTrait {
    /// Skips a test where `../shared/seeds` is absent.
    static var seeds: ConditionTrait {
        .enabled(if: Seeds.available, "../shared/seeds is absent: the seed documents are not beside this checkout")
    }
}
