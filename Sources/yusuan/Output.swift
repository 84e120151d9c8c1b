import ArgumentParser
import Foundation
import YusuanModel
import YusuanRender

/// 输出 — writing what a command made: to standard output, or to a file safely.
///
/// A file is never written in place: the bytes go to a new temporary file in the
/// same folder, which is synced and then renamed over the target, so the target
/// is either the old file or the whole new one — never a cut one (a full disk
/// leaves the old file as it was). A symbolic link at the target is refused, not
/// written through. A failure says what failed in words.
enum Output {
    /// Why a file could not be written, in words.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Renders `disclosure` and writes it to `path` (standard output when nil); a
    /// failure is one line on standard error naming `source`, and exit status 1.
    static func write(_ disclosure: Disclosure, with renderer: any Renderer, to path: String?, source: String) throws {
        let data: Data
        do {
            data = try Progress.while(renderer.name == "pdf" ? Message.printingPDF.text : nil) {
                try renderer.render(disclosure)
            }
        } catch {
            try fail("\(source): \(Message.cannotRender(format: renderer.name, reason: "\(error)").text)")
        }
        try write(data, to: path)
    }

    /// Writes `data` to `path`, or to standard output when `path` is nil or `-`; a
    /// failure is one line on standard error, and exit status 1.
    static func write(_ data: Data, to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try replace(path, with: data)
        } catch {
            try fail("\(path): \(Message.cannotBeWritten(error.description).text)")
        }
    }

    /// Writes `text` to `path` or standard output, as `write(_:to:)`.
    static func write(_ text: String, to path: String?) throws { try write(Data(text.utf8), to: path) }

    /// One line on standard error (`yusuan: message`), over any progress line.
    static func warn(_ message: String) {
        Progress.clear()
        FileHandle.standardError.write(Data("yusuan: \(message)\n".utf8))
    }

    /// One line on standard error, then exit status 1.
    static func fail(_ message: String) throws -> Never {
        warn(message)
        throw ExitCode(1)
    }

    /// Puts `data` at `path` through a temporary file in the same folder and a rename.
    /// The new file gets the old one's permissions, or the usual ones (0666 less the umask).
    static func replace(_ path: String, with data: Data) throws(Failure) {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var mode = mode_t(0o666) & ~currentUmask()
        var status = stat()
        if lstat(path, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFLNK: throw Failure(description: Message.isSymbolicLink.text)
            case S_IFDIR: throw Failure(description: Message.isFolder.text)
            default:
                // A file the user may not write is not replaced behind its back.
                guard access(path, W_OK) == 0 else { throw failure(errno, folder: folder) }
                mode = status.st_mode & 0o7777
            }
        }
        var template = Array((folder as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).yusuan-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure(errno, folder: folder) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var finished = false
        defer { if !finished { unlink(temporary) } }
        do {
            defer { close(fd) }
            var written = 0
            while written < data.count {
                let n = data.withUnsafeBytes { bytes in
                    systemWrite(fd, UnsafeRawBufferPointer(rebasing: bytes[written...]))
                }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw failure(errno, folder: folder)
                }
                written += n
            }
            guard fchmod(fd, mode) == 0, fsync(fd) == 0 else { throw failure(errno, folder: folder) }
        }
        guard rename(temporary, path) == 0 else { throw failure(errno, folder: folder) }
        finished = true
    }

    static func currentUmask() -> mode_t {
        let mask = umask(0)
        umask(mask)
        return mask
    }

    /// A system error number in words.
    static func failure(_ code: Int32, folder: String) -> Failure {
        let words: String
        switch code {
        case ENOENT, ENOTDIR: words = Message.noSuchFolder(folder).text
        case EACCES, EPERM: words = Message.permissionDenied.text
        case ENOSPC: words = Message.diskFull.text
        case EDQUOT: words = Message.quotaExceeded.text
        case EROFS: words = Message.readOnly.text
        case EISDIR: words = Message.isFolder.text
        default: words = String(cString: strerror(code))
        }
        return Failure(description: words)
    }
}

/// `write(2)` of a buffer, under a name `Output.write` does not hide.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    return write(fd, base, bytes.count)
}
