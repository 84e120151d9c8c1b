import Foundation
import Testing

/// 命令行惯例 — the command line behaves as ripgrep, pandoc or csvkit users expect:
/// `--version`, `-` for standard input and `-o -` for standard output, the format
/// from `-o`'s extension (a mismatch refused), `--to` everywhere with the old
/// `-f`/`--format` still accepted, `NO_COLOR` and `--color`, messages in Chinese
/// under a Chinese locale, and files written whole or not at all.
@Suite(.enabled(if: ReadCommandTests.binary != nil, "the yusuan binary was not built beside the tests"))
struct ConventionsTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples")
    static let example = examples.appendingPathComponent("demo-county-medical-insurance-2025.txt").path

    static func run(_ arguments: [String], input: Data? = nil, environment: [String: String] = [:],
                    directory: URL? = nil) throws -> (status: Int32, out: String, err: String) {
        try ReadCommandTests.run(arguments, input: input, environment: environment, directory: directory)
    }

    /// A fresh temporary folder.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func versionNamesYusuanAndTheRulesEngine() throws {
        let run = try Self.run(["--version"])
        #expect(run.status == 0)
        #expect(run.out.hasPrefix("yusuan "))
        #expect(run.out.contains("(rules engine "))
    }

    @Test func aDashReadsStandardInputAndDashOWritesStandardOutput() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try Data(contentsOf: URL(fileURLWithPath: Self.example))
        let fromFile = try Self.run(["read", Self.example, "--to", "cells"])
        let fromInput = try Self.run(["read", "-", "--to", "cells", "-o", "-"], input: text, directory: dir)
        #expect(fromInput.status == 0)
        #expect(fromInput.out == fromFile.out)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("-").path), "-o - is not a file")

        let audit = try Self.run(["audit", "-", "--to", "json", "--fail-on", "never"], input: text)
        #expect(audit.status == 0)
        #expect(audit.out.contains("\"document\" : \"<stdin>\""))

        let empty = try Self.run(["read", "-"], input: Data())
        #expect(empty.status == 1)
        #expect(empty.err == "yusuan: <stdin>: the file is empty\n")
    }

    @Test func composeReadsAWorkbookFromStandardInput() throws {
        let workbook = """
            department: {name: 示例局, year: 2025}
            income: {general: 60}
            items:
              - {function: 2101501, economic: 30101, source: general, kind: personnel, amount: 60}

            """
        let sniffed = try Self.run(["compose", "-"], input: Data(workbook.utf8))
        #expect(sniffed.status == 0, "\(sniffed.err)")
        #expect(sniffed.out.contains("示例局"))
        let json = try Self.run(["compose", "-", "--input-format", "json", "--to", "json"],
                                input: Data(#"{"department": {"name": "示例局", "year": 2025}}"#.utf8))
        #expect(json.status == 0, "\(json.err)")
        #expect(json.out.hasPrefix("{"))
        // Ten thousand brackets: a problem with its line, not a stack overflow.
        let deep = try Self.run(["compose", "-"], input: Data(String(repeating: "[", count: 10_000).utf8))
        #expect(deep.status == 1)
        #expect(deep.err.hasPrefix("<stdin>:1: (syntax): mappings and lists are nested more than 64 levels deep"))
    }

    @Test func theFormatComesFromTheExtensionAndAMismatchIsRefused() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = dir.appendingPathComponent("out.json").path
        #expect(try Self.run(["read", Self.example, "-o", json]).status == 0)
        #expect(try String(contentsOfFile: json, encoding: .utf8).hasPrefix("{"))
        let docx = dir.appendingPathComponent("out.docx").path
        #expect(try Self.run(["render", Self.example, "-o", docx]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: docx)).starts(with: Array("PK".utf8)))

        let wrong = dir.appendingPathComponent("x.docx").path
        let mismatch = try Self.run(["render", Self.example, "--to", "pdf", "-o", wrong])
        #expect(mismatch.status == 64)
        #expect(mismatch.err.contains("--to pdf writes .pdf files, but -o \(wrong) names a .docx file"))
        #expect(!FileManager.default.fileExists(atPath: wrong))

        let unknown = try Self.run(["render", Self.example, "-o", dir.appendingPathComponent("x.foo").path])
        #expect(unknown.status == 64)
        #expect(unknown.err.contains("its extension names no format; give --to"))
        let binary = try Self.run(["render", Self.example, "--to", "xlsx"])
        #expect(binary.status == 64)
        #expect(binary.err.contains("-o FILE.xlsx (or -o - for standard output)"))
        let toStandardOutput = try Self.run(["render", Self.example, "--to", "xlsx", "-o", "-"])
        #expect(toStandardOutput.status == 0)
        #expect(toStandardOutput.out.hasPrefix("PK"))
    }

    @Test func toIsTheOptionEverywhereAndTheOldNamesStillWork() throws {
        let to = try Self.run(["read", Self.example, "--to", "cells"])
        #expect(try Self.run(["read", Self.example, "-f", "cells"]).out == to.out)
        #expect(try Self.run(["read", Self.example, "--format", "cells"]).out == to.out)
        let help = try Self.run(["read", "--help"])
        #expect(help.out.contains("--to <format>"))
        #expect(!help.out.contains("--format"), "the old name is hidden")
        for command in ["audit", "render", "compose", "template"] {
            #expect(try Self.run([command, "--help"]).out.contains("--to <format>"), "\(command)")
        }
        let both = try Self.run(["read", Self.example, "--to", "json", "-f", "cells"])
        #expect(both.status == 64)
        #expect(both.err.contains("name two formats"))
    }

    @Test func colourFollowsColorAndNO_COLOR() throws {
        let always = try Self.run(["audit", Self.example, "--color", "always", "--fail-on", "never"])
        #expect(always.out.contains("\u{1B}["))
        let noColour = try Self.run(["audit", Self.example, "--color", "auto", "--fail-on", "never"],
                                    environment: ["NO_COLOR": "1"])
        #expect(!noColour.out.contains("\u{1B}["))
        let never = try Self.run(["audit", Self.example, "--color", "never", "--fail-on", "never"])
        #expect(!never.out.contains("\u{1B}["))
        #expect(never.out == noColour.out)
        let piped = try Self.run(["audit", Self.example, "--fail-on", "never"])
        #expect(!piped.out.contains("\u{1B}["), "standard output is a pipe, not a terminal")
    }

    @Test func messagesAreChineseUnderAChineseLocale() throws {
        let missing = "/nonexistent/x.txt"
        #expect(try Self.run(["read", missing], environment: ["LANG": "zh_CN.UTF-8"]).err
            == "yusuan: \(missing): 没有这个文件\n")
        #expect(try Self.run(["read", missing], environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": "C.UTF-8"]).err
            == "yusuan: \(missing): no such file\n")
        #expect(try Self.run(["read", missing], environment: ["LC_MESSAGES": "zh_TW.UTF-8"]).err.contains("没有这个文件"))
        let help = try Self.run(["--help"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(help.out.contains("读取预算公开文件并输出。"))
        let mismatch = try Self.run(["render", Self.example, "--to", "pdf", "-o", "x.docx"],
                                    environment: ["LANG": "zh_CN.UTF-8"])
        #expect(mismatch.err.contains("而 -o x.docx 是 .docx 文件"))
    }

    @Test func filesAreReplacedWholeNeverThroughALinkAndFailuresSayWhy() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // An existing file is replaced, keeps its permissions, and no temporary file is left.
        let out = dir.appendingPathComponent("out.csv")
        try Data("old\n".utf8).write(to: out)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: out.path)
        #expect(try Self.run(["read", Self.example, "-o", out.path]).status == 0)
        #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("table,row,column,value\n"))
        let permissions = try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.csv"])

        // A symbolic link at the target is refused; what it points to is untouched.
        let target = dir.appendingPathComponent("target.txt")
        try Data("keep\n".utf8).write(to: target)
        let link = dir.appendingPathComponent("link.txt")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let linked = try Self.run(["read", Self.example, "-o", link.path])
        #expect(linked.status == 1)
        #expect(linked.err == "yusuan: \(link.path): cannot be written: it is a symbolic link, which Yusuan does not "
            + "write through (remove it, or name the file it points to)\n")
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep\n")

        let nowhere = dir.appendingPathComponent("no/such/out.txt").path
        let missing = try Self.run(["read", Self.example, "-o", nowhere])
        #expect(missing.status == 1)
        #expect(missing.err == "yusuan: \(nowhere): cannot be written: there is no folder \(dir.path)/no/such\n")
        #expect(!missing.err.contains("NSCocoaErrorDomain"))

        let folder = try Self.run(["read", Self.example, "-o", dir.path])
        #expect(folder.err == "yusuan: \(dir.path): cannot be written: is a folder\n")
        let template = try Self.run(["template", "-o", dir.appendingPathComponent("no/t.yaml").path])
        #expect(template.err.contains("cannot be written: there is no folder"))
    }
}
