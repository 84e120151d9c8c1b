import Foundation
import ZIPFoundation

/// 压缩包 — the ZIP container of an Office Open XML file (DOCX, XLSX), built in memory.
///
/// Parts are written in the order given (`[Content_Types].xml` first, as Office
/// expects), deflated, with a fixed modification date so that the same document
/// gives the same bytes.
struct ZipPackage {
    private(set) var parts: [(path: String, data: Data)] = []

    mutating func add(_ path: String, _ text: String) { parts.append((path, Data(text.utf8))) }

    mutating func add(_ path: String, _ data: Data) { parts.append((path, data)) }

    func data() throws -> Data {
        let archive = try Archive(accessMode: .create)
        let date = Date(timeIntervalSince1970: 1_735_689_600) // 2025-01-01
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<min(Int(position) + size, data.count))
            }
        }
        guard let data = archive.data else { throw RenderError(message: "the ZIP archive could not be written") }
        return data
    }

    /// The XML declaration every part starts with.
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
}
