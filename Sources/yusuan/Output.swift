import ArgumentParser
import Foundation
import YusuanModel
import YusuanRender

/// Writing a disclosure in a format, shared by `render` and `compose`.
enum Output {
    /// Renders `disclosure` and writes it to `path` (standard output when nil);
    /// a failure is one line on standard error naming `source` and exit status 1.
    static func write(_ disclosure: Disclosure, with renderer: any Renderer, to path: String?, source: String) throws {
        let data: Data
        do {
            data = try renderer.render(disclosure)
        } catch {
            FileHandle.standardError.write(Data("yusuan: \(source): cannot render \(renderer.name): \(error)\n".utf8))
            throw ExitCode(1)
        }
        try write(data, to: path)
    }

    static func write(_ data: Data, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            FileHandle.standardError.write(Data("yusuan: \(path): cannot be written: \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
    }
}
