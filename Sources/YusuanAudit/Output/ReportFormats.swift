import Foundation
import YusuanModel

/// The audit report as JSON: `{"document", "department", "year", "engine", "findings": […]}`
/// per document (an array for several), numbers as decimals.
public enum ReportJSON {
    public static func render(_ reports: [AuditReport]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = reports.count == 1 ? try encoder.encode(reports[0]) : try encoder.encode(reports)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// The findings as CSV, one per line, with the document first; the last column
/// (`also_at`) lists the other places of the same cause, `表2 210 总计 @276; …`.
public enum ReportCSV {
    static let header = "document,rule,family,severity,table,row,column,section,line,stated,expected,computation,message,also_at"

    public static func render(_ reports: [AuditReport]) -> String {
        var out = header + "\n"
        for r in reports {
            for f in r.findings {
                let fields: [String?] = [r.document, f.rule, f.family.rawValue, f.severity.rawValue, f.table.map(String.init),
                                         f.row, f.column, f.section, f.line.map(String.init), f.stated?.description,
                                         f.expected?.description, f.computation, f.message, alsoAt(f)]
                out += fields.map { CSV.field($0 ?? "") }.joined(separator: ",") + "\n"
            }
        }
        return out
    }

    /// `表2 210 总计 @276; 表3 21003 合计 @368`
    static func alsoAt(_ f: Finding) -> String? {
        guard let others = f.consequences, !others.isEmpty else { return nil }
        return others.map { Causes.place($0) + ($0.line.map { " @\($0)" } ?? "") }.joined(separator: "; ")
    }

}

/// A self-contained HTML report a reviewer can mail: no scripts, no external files.
///
/// For a PDF, a finding can be shown with a picture of where it is printed: the
/// caller makes the pictures (this module runs no programs) and passes them by
/// report and finding index; each is embedded as a PNG data URL with the box drawn
/// over it.
public enum ReportHTML {
    /// A picture of part of a page: a PNG, its size in pixels and the finding's box
    /// in the picture's pixels, from its top-left corner.
    public struct Crop: Sendable, Hashable {
        public var png: Data
        public var width: Int
        public var height: Int
        public var box: Box
        /// The page the picture is of, for its caption.
        public var page: Int

        public init(png: Data, width: Int, height: Int, box: Box, page: Int) {
            self.png = png
            self.width = width
            self.height = height
            self.box = box
            self.page = page
        }
    }

    /// The report; `crops[r][f]` is shown under finding `f` of `reports[r]`.
    public static func render(_ reports: [AuditReport], crops: [Int: [Int: Crop]] = [:]) -> String {
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var body = ""
        for (reportIndex, r) in reports.enumerated() {
            body += "<section><h1>\(esc(r.department)) \(r.year) 年预算公开审核</h1>"
            body += "<p class=meta>\(esc(r.document)) · \(r.count(.error)) 错误 · \(r.count(.warning)) 警告 · \(r.count(.info)) 提示 · engine \(esc(r.engine))</p>"
            for family in RuleFamily.allCases {
                let findings = r.findings.enumerated().filter { $0.element.family == family }
                guard !findings.isEmpty else { continue }
                body += "<h2>\(esc(family.chinese)) <small>\(family.rawValue)</small></h2><table><thead><tr>"
                body += "<th>级别</th><th>规则</th><th>位置</th><th>说明</th><th>列示</th><th>应为</th><th>原文</th></tr></thead><tbody>"
                for (index, f) in findings {
                    var place: [String] = []
                    if let t = f.table { place.append("表\(t)") }
                    if let row = f.row { place.append(row) }
                    if let c = f.column { place.append(c) }
                    if let s = f.section { place.append("第\(s)节") }
                    if let l = f.line { place.append("第\(l)行") }
                    body += "<tr class=\(f.severity.rawValue)><td>\(f.severity.rawValue)</td><td><code>\(esc(f.rule))</code></td>"
                    body += "<td>\(esc(place.joined(separator: " · ")))</td><td>\(esc(f.message))"
                    if let c = f.computation { body += "<br><small>\(esc(c))</small>" }
                    if let others = f.consequences, !others.isEmpty {
                        body += "<ul class=also>" + others.map { c in
                            "<li>\(esc(c.message))" + (c.line.map { " <small>第\($0)行</small>" } ?? "") + "</li>"
                        }.joined() + "</ul>"
                    }
                    body += "</td><td class=num>\(f.stated?.description ?? "")</td><td class=num>\(f.expected?.description ?? "")</td>"
                    body += "<td><q>\(esc(f.quote ?? ""))</q></td></tr>"
                    if let crop = crops[reportIndex]?[index] { body += figure(crop) }
                }
                body += "</tbody></table>"
            }
            if r.findings.isEmpty { body += "<p>未发现问题。</p>" }
            body += "</section>"
        }
        return """
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>预算公开审核报告</title>
            <style>
            body{font-family:"Noto Sans CJK SC","Source Han Sans SC",sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse;width:100%;margin-bottom:1.5em;font-size:14px}
            th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}
            th{background:#f0f0f0}.num{text-align:right;font-variant-numeric:tabular-nums}
            tr.error td:first-child{color:#b00020;font-weight:bold}tr.warning td:first-child{color:#a06000}
            tr.info td:first-child{color:#006080}.meta{color:#555}q{color:#555}ul.also{margin:4px 0 0;padding-left:1.2em;font-size:13px;color:#444}
            \(crops.values.contains { !$0.isEmpty } ? cropStyle : "")</style></head><body>
            \(body)
            </body></html>

            """
    }

    /// The style of the pictures, only in a report that has some.
    static let cropStyle = """
        tr.crop td{border-top:none;padding:2px 6px 8px}tr.crop figure{margin:0}
        .shot{position:relative}.shot img{display:block;width:100%;height:auto;outline:1px solid #ddd}
        .shot .box{position:absolute;box-sizing:border-box;border:2px solid red}
        figcaption{font-size:12px;color:#555}

        """

    /// A row under a finding: the picture, the box over it in percentages of the
    /// picture so that it stays on the figure however wide the picture is drawn.
    static func figure(_ crop: Crop) -> String {
        guard crop.width > 0, crop.height > 0 else { return "" }
        func percent(_ value: Double, of whole: Int) -> String { String(format: "%.3f%%", value / Double(whole) * 100) }
        let b = crop.box
        var row = "<tr class=crop><td colspan=7><figure style=\"max-width:\(crop.width)px\"><div class=shot>"
        row += "<img src=\"data:image/png;base64,\(crop.png.base64EncodedString())\" width=\(crop.width) height=\(crop.height) "
        row += "alt=\"第\(crop.page)页\">"
        row += "<div class=box style=\"left:\(percent(b.xMin, of: crop.width));top:\(percent(b.yMin, of: crop.height));"
        row += "width:\(percent(b.width, of: crop.width));height:\(percent(b.height, of: crop.height))\"></div></div>"
        row += "<figcaption>第\(crop.page)页</figcaption></figure></td></tr>"
        return row
    }
}
