import Foundation
import Testing
import YusuanAudit
import YusuanModel
import YusuanRead

/// The audit on the Shanghai PDFs: consistent where the printed numbers are, and
/// the printed inconsistencies found, each at its page and box.
private let pdfDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/pdf")
private let pdfsReadable = FileManager.default.fileExists(atPath: pdfDirectory.path) && PDFSource.isAvailable

@Suite(.enabled(if: pdfsReadable, "../shared/pdf or pdftotext (poppler-utils) is absent: the Shanghai PDFs cannot be read"))
struct ShanghaiAudit {
    static let directory = pdfDirectory

    static func report(_ name: String) throws -> AuditReport {
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: directory.path).first { $0.contains(name) })
        let source = try PDFSource.load(contentsOf: directory.appendingPathComponent(file).path)
        return Auditor.audit(try DisclosureReader.read(source), lines: source.lineTexts, document: file)
    }

    @Test func consistentDocumentsHaveNoFinding() throws {
        for name in ["commerce", "government-office"] {
            let report = try Self.report(name)
            #expect(report.findings.isEmpty, "\(name): \(report.findings.map(\.message))")
        }
    }

    @Test func thePrintedErrorsOfTheJusticeBureauAreFound() throws {
        let reported = try Self.report("justice").findings
        let findings = reported.flatMap(\.everyPlace)
        // 行政运行 prints the whole 项目支出 of its 类 in tables 3 and 5: one cause, which
        // also breaks 20406's 项目支出 in both tables.
        let rows = findings.filter { $0.rule == "arithmetic.row-identity" && $0.severity == .error }
        #expect(rows.map(\.table) == [3, 5])
        let cause = try #require(reported.first { $0.rule == "arithmetic.row-identity" && $0.severity == .error })
        #expect(cause.everyPlace.map { "\($0.table ?? 0) \($0.row ?? "")" } == ["3 2040601", "3 20406", "5 2040601", "5 20406"])
        let first = try #require(rows.first)
        #expect(first.row == "2040601" && first.stated == Amount("1434.885334") && first.expected == Amount("7918.940034"))
        #expect(first.page == 11 && first.box != nil)
        // Parts printed to the whole 元 against a total to the fen: rounding warnings only.
        #expect(findings.filter { $0.rule == "arithmetic.row-identity" && $0.severity == .warning }.count == 4)
        // Grouped by table: tables 1, 3 and 5.
        #expect(reported.filter { $0.family == .arithmetic && $0.severity == .warning }.map(\.table) == [1, 3, 5])
        // "三公" 0.73 万元 against 7,315 元 in table 6 is the same amount rounded: no finding.
        #expect(!findings.contains { $0.rule == "reconciliation.three-public" })
        // Table 6's total printed to the fen (2,211.886134 万元) against table 5's basic total
        // in whole 元 (2,211.8861): 0.34 元 apart, a rounding warning, not an error.
        let basic = findings.filter { $0.rule == "reconciliation.basic" }
        #expect(basic.map(\.severity) == [.warning])
        #expect(basic.first?.stated == Amount("2211.886134") && basic.first?.expected == Amount("2211.8861"))
        #expect(!findings.contains { $0.family == .reconciliation && $0.severity == .error })
        // Table 2's total column is not table 1's 一般公共预算 row: no rule of the seeds' columns applies.
        #expect(!findings.contains { $0.rule == "reconciliation.general-public" })
    }
}
