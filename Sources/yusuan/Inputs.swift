import Foundation
import YusuanModel
import YusuanRead

/// The files a command is given: folders expanded, each read with a clear error.
enum Inputs {
    /// Why an input file could not be read.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Files as given; a folder stands for its .txt, .md and .pdf files, in name order.
    static func expand(_ paths: [String]) throws -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path)
                result += names.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") || $0.lowercased().hasSuffix(".pdf") }.sorted()
                    .map { (path as NSString).appendingPathComponent($0) }
            } else {
                result.append(path)
            }
        }
        return result
    }

    /// The source document of a file: a PDF through poppler, any other file as UTF-8 text.
    static func source(_ path: String) throws -> SourceDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        do {
            if data.starts(with: Array("%PDF".utf8)) || path.lowercased().hasSuffix(".pdf") {
                return try PDFSource.load(contentsOf: path)
            }
            return try DisclosureReader.source(bytes: Array(data))
        } catch {
            throw Failure(description: error.description)
        }
    }

    /// Reads and parses one document, with the source it was read from.
    static func read(_ path: String) throws -> (source: SourceDocument, disclosure: Disclosure) {
        let source = try source(path)
        do {
            return (source, try DisclosureReader.read(source))
        } catch {
            throw Failure(description: error.description)
        }
    }
}
