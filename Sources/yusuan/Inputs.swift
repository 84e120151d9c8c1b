import Foundation
import YusuanModel
import YusuanRead

/// The files a command is given: folders expanded, each read with a clear error.
enum Inputs {
    /// Why an input file could not be read.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Files as given; a folder stands for its .txt and .md files, in name order.
    static func expand(_ paths: [String]) throws -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path)
                result += names.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
                    .map { (path as NSString).appendingPathComponent($0) }
            } else {
                result.append(path)
            }
        }
        return result
    }

    /// The text of a file, for quoting lines (the parse reports encoding errors).
    static func text(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads and parses one document.
    static func read(_ path: String) throws -> Disclosure {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        do {
            return try DisclosureReader.read(bytes: Array(data))
        } catch {
            throw Failure(description: error.description)
        }
    }
}
