import Foundation
import YusuanTools

/// LibreOffice 打印 — an Office file (DOCX, XLSX) printed to PDF by headless
/// LibreOffice, the way a reader without Word would see it.
///
/// Each run has its own user profile in a temporary folder, so that it neither
/// waits for nor disturbs a LibreOffice the user has open.
enum LibreOffice {
    /// The `soffice` program, or nil where LibreOffice is not installed (Debian:
    /// `apt-get install libreoffice-writer libreoffice-calc`).
    static func executable() -> String? { ExternalProgram.find(["soffice", "libreoffice"]) }

    /// The file printed to PDF; nil where LibreOffice is not installed.
    /// - Parameter ext: the file's extension, which tells LibreOffice what it holds.
    static func pdf(_ data: Data, extension ext: String, timeout: TimeInterval) throws -> Data? {
        guard let soffice = executable() else { return nil }
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("yusuan-soffice-\(UUID().uuidString)")
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        let input = work.appendingPathComponent("document.\(ext)")
        try data.write(to: input)
        let log = try Chromium.run(soffice, arguments: [
            "-env:UserInstallation=\(work.appendingPathComponent("profile").absoluteString)",
            "--headless", "--convert-to", "pdf", "--outdir", work.path, input.path,
        ], in: work, timeout: timeout)
        guard let pdf = fm.contents(atPath: work.appendingPathComponent("document.pdf").path),
              pdf.starts(with: Array("%PDF".utf8)) else {
            let detail = log.split(separator: "\n").suffix(5).joined(separator: "\n")
            throw RenderError(message: "LibreOffice (\(soffice)) wrote no PDF" + (detail.isEmpty ? "" : ":\n" + detail))
        }
        return pdf
    }
}
