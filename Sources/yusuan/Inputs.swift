import Foundation
import YusuanModel
import YusuanRead

/// 输入 — the files a command is given: folders expanded, `-` standing for
/// standard input, each read with a clear error.
///
/// Standard input is read once, whole, and kept in a temporary file for as long
/// as the command runs (a PDF is read by poppler, which needs a file); it is
/// shown as `<stdin>` in messages and reports. `removeTemporaries()` deletes it.
struct Inputs {
    /// One input: the name it is shown by, and the path it is read from.
    struct File {
        var name: String
        var path: String
    }

    /// Why an input file could not be read.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// How standard input is named in messages and reports.
    static let standardInputName = "<stdin>"

    private(set) var files: [File] = []
    /// The temporary folder holding standard input, if it was read.
    private var temporary: URL?

    /// The inputs of `arguments`, standard input read if `-` is among them.
    init(_ arguments: [String]) throws {
        var standardInput: String?
        for path in try Self.expand(arguments) {
            guard path == "-" else {
                files.append(File(name: path, path: path))
                continue
            }
            if standardInput == nil { standardInput = try spoolStandardInput() }
            if let standardInput { files.append(File(name: Self.standardInputName, path: standardInput)) }
        }
    }

    /// Deletes the copy of standard input.
    func removeTemporaries() {
        if let temporary { try? FileManager.default.removeItem(at: temporary) }
    }

    /// Reads standard input into a temporary file (named .pdf when it is one) and returns its path.
    private mutating func spoolStandardInput() throws -> String {
        let data = try Self.standardInput()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-stdin-\(UUID().uuidString)")
        let file = folder.appendingPathComponent(data.starts(with: Array("%PDF".utf8)) ? "stdin.pdf" : "stdin.txt")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            temporary = folder
            try Output.replace(file.path, with: data)
        } catch {
            throw Failure(description: Message.standardInputUnreadable("\(error)").text)
        }
        return file.path
    }

    /// The bytes of standard input, to its end or to one byte past `limit`.
    static func standardInput(limit: Int = .max) throws -> Data {
        var data = Data()
        do {
            while data.count <= limit, let chunk = try FileHandle.standardInput.read(upToCount: 1 << 16), !chunk.isEmpty {
                data.append(chunk)
            }
        } catch {
            throw Failure(description: Message.standardInputUnreadable(error.localizedDescription).text)
        }
        return data
    }

    /// Files as given; a folder stands for its .txt, .md and .pdf files, in name
    /// order; `-` (standard input) is kept as it is.
    static func expand(_ paths: [String]) throws -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
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
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw Failure(description: !exists ? Message.noSuchFile.text
                          : isDirectory.boolValue ? Message.isFolder.text : Message.cannotBeRead.text)
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
