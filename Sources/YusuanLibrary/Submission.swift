import Crypto
import Foundation
import YusuanAudit
import YusuanCompose
import YusuanModel
import YusuanRead

/// 待入库文件 — one file read (or composed), audited and described, ready to be stored.
///
/// Preparing a submission is pure work on the bytes and needs no database, so an
/// import prepares many at once on every core and stores them one transaction each.
public struct Submission: Sendable {
    /// What the stored bytes are.
    public enum SourceKind: String, Sendable, Hashable, Codable {
        /// 文本 — the published text form.
        case text
        /// PDF — a published PDF, read through poppler.
        case pdf
        /// 预算底稿 — a budget workbook (YAML, JSON or XLSX), composed into a disclosure.
        case workbook
    }

    public var fileName: String
    public var sourceKind: SourceKind
    public var bytes: [UInt8]
    /// SHA-256 of the bytes, in hex: a document is stored once however often it is imported.
    public var hash: String
    public var disclosure: Disclosure
    public var report: AuditReport
    public var area: Area
    /// The model as stored (JSON), encoded here, where submissions are prepared in
    /// parallel, rather than inside the one writing transaction.
    public var modelJSON: String

    /// The largest file a library takes (64 MiB).
    public static let sizeLimit = 64 << 20

    /// Reads a published document, text or PDF (told by its first bytes), and audits it.
    public static func read(fileName: String, bytes: [UInt8], area: Area? = nil) throws(SubmissionError) -> Submission {
        guard bytes.count <= sizeLimit else { throw SubmissionError(file: fileName, reason: .tooLarge) }
        let isPDF = bytes.starts(with: Array("%PDF".utf8))
        let source: SourceDocument
        let disclosure: Disclosure
        do {
            source = isPDF ? try PDFSource.load(bytes: bytes) : try DisclosureReader.source(bytes: bytes)
            disclosure = try DisclosureReader.read(source)
        } catch {
            throw SubmissionError(file: fileName, reason: .unreadable(error))
        }
        let report = Auditor.audit(disclosure, lines: source.lineTexts, document: fileName)
        return Submission(fileName: fileName, sourceKind: isPDF ? .pdf : .text, bytes: bytes, hash: hash(bytes),
                          disclosure: disclosure, report: report, area: area ?? Area(department: disclosure.department),
                          modelJSON: json(disclosure))
    }

    /// Composes a budget workbook into its disclosure and audits that.
    /// `directory` is where the CSV or XLSX files it names are looked for (none for an upload).
    public static func compose(fileName: String, bytes: [UInt8], directory: URL? = nil, area: Area? = nil)
        throws(SubmissionError) -> Submission {
        guard bytes.count <= sizeLimit else { throw SubmissionError(file: fileName, reason: .tooLarge) }
        let disclosure: Disclosure
        do {
            let budget = try Workbook.load(data: Data(bytes), file: fileName, directory: directory)
            disclosure = try Composer.compose(budget)
        } catch let error as WorkbookError {
            throw SubmissionError(file: fileName, reason: .badWorkbook(error.description))
        } catch {
            throw SubmissionError(file: fileName, reason: .badWorkbook("\(error)"))
        }
        let report = Auditor.audit(disclosure, document: fileName)
        return Submission(fileName: fileName, sourceKind: .workbook, bytes: bytes, hash: hash(bytes),
                          disclosure: disclosure, report: report, area: area ?? Area(department: disclosure.department),
                          modelJSON: json(disclosure))
    }

    /// The extensions of budget workbooks, which are composed rather than read.
    public static let workbookExtensions: Set<String> = ["yaml", "yml", "json", "xlsx"]

    /// The bytes of the file at `path`, at most `sizeLimit` of them.
    public static func bytes(path: String) throws(SubmissionError) -> [UInt8] {
        switch BoundedFile.read(path, limit: sizeLimit) {
        case .success(let data): return Array(data)
        case .failure(let failure): throw SubmissionError(file: path, reason: .file(failure.description))
        }
    }

    /// Prepares the bytes of the file at `path`: a workbook (told by its extension) is
    /// composed, the files it names looked for beside it; anything else is read.
    public static func prepare(path: String, bytes: [UInt8], area: Area? = nil) throws(SubmissionError) -> Submission {
        if workbookExtensions.contains((path as NSString).pathExtension.lowercased()) {
            return try compose(fileName: path, bytes: bytes, directory: URL(fileURLWithPath: path).deletingLastPathComponent(), area: area)
        }
        return try read(fileName: path, bytes: bytes, area: area)
    }

    /// Reads the file at `path` and prepares it.
    public static func load(path: String, area: Area? = nil) throws(SubmissionError) -> Submission {
        try prepare(path: path, bytes: try bytes(path: path), area: area)
    }

    /// Prepares stored bytes again (re-audit): as they were prepared the first time.
    public static func prepare(fileName: String, kind: SourceKind, bytes: [UInt8], area: Area) throws(SubmissionError) -> Submission {
        kind == .workbook ? try compose(fileName: fileName, bytes: bytes, area: area) : try read(fileName: fileName, bytes: bytes, area: area)
    }

    /// The model as JSON (a `Disclosure` always encodes).
    static func json(_ disclosure: Disclosure) -> String {
        String(decoding: (try? JSONEncoder().encode(disclosure)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// The SHA-256 of `bytes`, in lower-case hex.
    public static func hash(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

/// Why a file did not go into the library.
public struct SubmissionError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable {
        /// Larger than `Submission.sizeLimit`.
        case tooLarge
        /// Not text or PDF the reader can take, or not a disclosure.
        case unreadable(ReadError)
        /// A workbook with problems (their list).
        case badWorkbook(String)
        /// The file itself could not be read (missing, not permitted, too large).
        case file(String)
    }

    public var file: String
    public var reason: Reason

    /// True when the file was read but is not a budget disclosure (HTTP 422), as opposed
    /// to bytes of the wrong kind (415).
    public var isNotADisclosure: Bool {
        switch reason {
        case .unreadable(.notADisclosure), .unreadable(.malformed), .unreadable(.empty), .badWorkbook: true
        default: false
        }
    }

    public var description: String {
        switch reason {
        case .tooLarge: "\(file): larger than the library takes (\(Submission.sizeLimit >> 20) MiB)"
        case .unreadable(let error): "\(file): \(error.description)"
        case .badWorkbook(let problems): problems.hasPrefix(file) ? problems : "\(file): \(problems)"
        case .file(let reason): "\(file): \(reason)"
        }
    }
}
