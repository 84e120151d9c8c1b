import Foundation
import YusuanAudit
import YusuanModel

/// 批注 PDF — the published PDF with the findings numbered in report order, each
/// boxed on its page, and a list of them appended (`yusuan audit FILE.pdf
/// --annotate OUT.pdf`, and the workbench's download).
public enum AuditAnnotation {
    /// The annotated PDF's bytes, made in a temporary folder (needs qpdf, poppler and Chromium).
    public static func pdf(_ report: AuditReport, source: SourceDocument, pdf: String) throws -> Data {
        var marks: [PDFAnnotation.Mark] = []
        var marked: Set<Int> = []
        for (index, finding) in report.findings.enumerated() {
            // A cause is boxed at every place it shows, all with its one number.
            for place in finding.everyPlace.compactMap({ FindingPlaces.place(of: $0, in: source) })
                where !marks.contains(where: { $0.page == place.page && $0.box == place.box && $0.label == String(index + 1) }) {
                marks.append(PDFAnnotation.Mark(page: place.page, box: place.box, label: String(index + 1)))
                marked.insert(index + 1)
            }
        }
        let page = source.pages.last ?? SourceDocument.Page(width: 842, height: 595)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-annotated-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = folder.appendingPathComponent("annotated.pdf")
        try PDFAnnotation.write(pdf: pdf, pages: source.pages, marks: marks,
                                appendix: listHTML(report, marked: marked, page: page), to: made.path)
        return try Data(contentsOf: made)
    }

    /// The appended pages: every finding with its number, rule, severity, page,
    /// message, the amounts and the computation, on pages the size of `page`.
    static func listHTML(_ report: AuditReport, marked: Set<Int>, page: SourceDocument.Page) -> String {
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var rows = ""
        for (index, f) in report.findings.enumerated() {
            let number = index + 1
            let cells = [
                marked.contains(number) ? "\(number)" : "<span class=unmarked>\(number)</span>",
                "<code>\(esc(f.rule))</code>", esc(f.severity.rawValue),
                f.page.map(String.init) ?? "—", esc(f.message), f.stated?.description ?? "",
                f.expected?.description ?? "", esc(f.computation ?? ""),
            ]
            rows += "<tr class=\(f.severity.rawValue)>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>\n"
        }
        let counts = "\(report.count(.error)) 错误 · \(report.count(.warning)) 警告 · \(report.count(.info)) 提示"
        let table = report.findings.isEmpty ? "<p>未发现问题。</p>" : """
            <table><thead><tr><th>编号</th><th>规则</th><th>级别</th><th>页</th><th>说明</th><th>列示</th><th>应为</th><th>计算</th></tr></thead>
            <tbody>
            \(rows)</tbody></table>
            """
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>审核发现</title><style>
            @page { size: \(String(format: "%.2fpt %.2fpt", page.width, page.height)); margin: 36pt }
            body { margin: 0; font: 9pt/1.4 "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; color: #222 }
            h1 { font-size: 14pt; margin: 0 0 4pt } p.meta { color: #555; margin: 0 0 10pt }
            table { border-collapse: collapse; width: 100% }
            th, td { border: 0.5pt solid #999; padding: 2pt 4pt; vertical-align: top; text-align: left }
            th, code { white-space: nowrap }
            td:nth-child(1), td:nth-child(4), td:nth-child(6), td:nth-child(7) { text-align: right; white-space: nowrap }
            td:nth-child(1) { color: #d00; font-weight: bold } .unmarked { color: #888; font-weight: normal }
            tr.error td:nth-child(3) { color: #b00020; font-weight: bold } tr.warning td:nth-child(3) { color: #a06000 }
            thead { display: table-header-group } tr { break-inside: avoid }
            </style></head><body>
            <h1>审核发现 · \(esc(report.department)) \(report.year) 年</h1>
            <p class=meta>\(esc((report.document as NSString).lastPathComponent)) · \(counts) · engine \(esc(report.engine))\
            \(report.findings.isEmpty ? "" : "。编号即页面上红框旁的数字；灰色编号的发现不在某一页的某处，未标出。")</p>
            \(table)
            </body></html>

            """
    }
}
