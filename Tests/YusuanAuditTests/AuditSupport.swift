import Foundation
import Testing
@testable import YusuanAudit
import YusuanModel
import YusuanRead

/// Seeds for the audit tests (skipped where ../shared/seeds is absent).
enum AuditSeeds {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seeds")
    static let available = FileManager.default.fileExists(atPath: directory.path)

    static func text(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        guard let name = names.sorted().first(where: { $0.hasPrefix(prefix) }) else { throw CocoaError(.fileNoSuchFile) }
        return try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// The seed read, and its lines for quoting.
    static func context(_ prefix: String) throws -> AuditContext {
        let text = try text(prefix)
        return AuditContext(disclosure: try DisclosureReader.read(text), lines: text.components(separatedBy: "\n"))
    }
}

extension Trait where Self == ConditionTrait {
    static var auditSeeds: ConditionTrait {
        .enabled(if: AuditSeeds.available, "../shared/seeds is absent: the seed documents are not beside this checkout")
    }
}

/// The example of examples/ (a consistent document: no finding), read for mutation tests.
enum AuditExample {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/demo-county-medical-insurance-2025.txt")

    static func disclosure() throws -> Disclosure {
        try DisclosureReader.read(try String(contentsOf: file, encoding: .utf8))
    }

    /// The errors and warnings the audit reports for a document (notes left out, so that a
    /// mutation test is about the level it asserts).
    static func concerns(_ d: Disclosure) -> [Finding] {
        Auditor.audit(d, document: "example").findings.filter { $0.severity != .info }
    }
}
