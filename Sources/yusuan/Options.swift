import ArgumentParser
import Foundation

/// 输出格式 — one format a command can write: its name for `--to`, the file
/// extensions it is written to (the first is the usual one), and whether it is
/// binary (then it is not written to a terminal unless `-o -` asks for it).
struct OutputFormat: Sendable, Equatable {
    var name: String
    var extensions: [String]
    var isBinary = false
}

/// The formats of one command, and the one it writes when neither `--to` nor the
/// extension of `-o` says (nil: one of them must).
protocol FormatList {
    static var formats: [OutputFormat] { get }
    static var fallback: String? { get }
}

/// 输出选项 — `--to FORMAT` and `-o FILE`, shared by every command that writes.
///
/// The format is `--to`'s (or its old names' `-f`/`--format`, kept hidden); else
/// the one the extension of `-o` names; else the command's default. A `--to` whose
/// format is written to other extensions than `-o` names is refused, as is a
/// binary format with no `-o`. `-o -` (or no `-o`) is standard output.
struct OutputOptions<List: FormatList>: ParsableArguments {
    @Option(name: .customLong("to"), help: ArgumentHelp(Message.helpTo(formats: List.formats.map(\.name),
                                                                       default: List.fallback).text, valueName: "format"))
    var to: String?

    @Option(name: [.customShort("f"), .customLong("format")], help: .hidden)
    var format: String?

    @Option(name: .shortAndLong, help: ArgumentHelp(Message.helpOutput.text, valueName: "file"))
    var output: String?

    /// The file to write, nil for standard output.
    var file: String? { output == "-" ? nil : output }

    /// The format to write, or a `ValidationError` saying why there is none.
    func resolved() throws -> OutputFormat {
        let names = List.formats.map(\.name)
        func named(_ name: String) throws -> OutputFormat {
            guard let found = List.formats.first(where: { $0.name == name.lowercased() }) else {
                throw ValidationError(Message.unknownFormat(name, names).text)
            }
            return found
        }
        if let to, let format, to.lowercased() != format.lowercased() {
            throw ValidationError(Message.twoFormats(to, format).text)
        }
        let ext = file.map { ($0 as NSString).pathExtension.lowercased() } ?? ""
        let byExtension = List.formats.filter { $0.extensions.contains(ext) }
        let chosen: OutputFormat
        if let name = to ?? format {
            chosen = try named(name)
            if let file, !byExtension.isEmpty, !chosen.extensions.contains(ext) {
                throw ValidationError(Message.extensionMismatch(format: chosen.name, output: file, wants: chosen.extensions,
                                                                named: ext).text)
            }
        } else if let first = byExtension.first {
            // Where several formats write the extension, the default is taken if it is one of them.
            chosen = byExtension.first { $0.name == List.fallback } ?? first
        } else if let fallback = List.fallback {
            chosen = try named(fallback)
        } else {
            throw ValidationError(Message.formatNeeded(output: file, formats: names).text)
        }
        if chosen.isBinary, output == nil {
            throw ValidationError(Message.binaryNeedsOutput(format: chosen.name, fileExtension: chosen.extensions[0]).text)
        }
        return chosen
    }
}

/// 着色 — `--color auto|always|never`, for the commands that colour their output.
///
/// `auto` colours only standard output that is a terminal, and not when the
/// `NO_COLOR` variable is set to anything but the empty string (no-color.org) or
/// `TERM` is `dumb`; `always` and `never` are as they say.
struct ColourOptions: ParsableArguments {
    enum Mode: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @Option(name: .customLong("color"), help: ArgumentHelp(Message.helpColor.text, valueName: "when"))
    var color: Mode = .auto

    /// Whether to colour what goes to standard output (`toFile`: it goes to a file instead).
    func enabled(toFile: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            if toFile || isatty(1) == 0 { return false }
            if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
            return environment["TERM"] != "dumb"
        }
    }
}
