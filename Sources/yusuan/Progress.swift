import Foundation

/// 进度 — a line on standard error, rewritten in place, while long work runs:
/// `[3/12] reading file.pdf` over several files, or a message with the seconds
/// spent while Chromium prints a PDF. Only when standard error is a terminal (and
/// `TERM` is not `dumb`): piped or redirected, nothing is written. The line is
/// cleared when the work ends, so what follows starts on a clean line.
final class Progress: @unchecked Sendable {
    /// Whether progress is shown at all.
    static let shown = isatty(2) != 0 && ProcessInfo.processInfo.environment["TERM"] != "dumb"

    private let lock = NSLock()
    private var running = true

    /// Shows `message` with the seconds spent while `work` runs (nothing when `message` is nil).
    static func `while`<T>(_ message: String?, _ work: () throws -> T) rethrows -> T {
        guard shown, let message else { return try work() }
        let progress = Progress()
        let start = Date()
        Thread.detachNewThread {
            while progress.isRunning {
                let seconds = Int(Date().timeIntervalSince(start))
                progress.show(seconds > 0 ? "\(message) · \(Message.seconds(seconds).text)" : message)
                Thread.sleep(forTimeInterval: 0.25)
            }
        }
        defer { progress.stop() }
        return try work()
    }

    /// Shows `[n/total] reading name` before the n-th of several files (nothing for one file).
    static func step(_ n: Int, of total: Int, _ name: String) {
        guard shown, total > 1 else { return }
        // The file's own name only, so that the line fits and can be rewritten in place.
        write("\r\u{1B}[K" + Message.reading(n, total, String((name as NSString).lastPathComponent.prefix(60))).text)
    }

    /// Clears the line after steps.
    static func done(of total: Int) {
        if total > 1 { clear() }
    }

    /// Shows `text` as the progress line (when progress is shown).
    static func line(_ text: String) {
        if shown { write("\r\u{1B}[K" + text) }
    }

    /// Clears the progress line, if progress is shown (before a message is written).
    static func clear() {
        if shown { write("\r\u{1B}[K") }
    }

    private var isRunning: Bool { lock.withLock { running } }

    private func show(_ text: String) {
        lock.withLock { if running { Self.write("\r\u{1B}[K" + text) } }
    }

    private func stop() {
        lock.withLock {
            running = false
            Self.write("\r\u{1B}[K")
        }
    }

    private static func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
