import Foundation
import Hummingbird
import Mustache
import YusuanAudit
import YusuanLibrary
import YusuanModel
import YusuanRender

/// 工作台 — the Chinese web pages: the library (departments × years), a document with
/// its findings beside the cells and sentences they concern, upload, compose, compare
/// and the reports. Server-rendered from the Mustache templates in `Resources/templates`
/// (which escape every value they are given); the one script is the upload page's.
enum Workbench {
    static func add(to router: Router<BasicRequestContext>, _ h: Handlers) {
        router.get("/") { request, _ in try await libraryPage(request.query, h) }
        router.get("/documents/{id}") { _, context in try await documentPage(try h.documentID(context), h) }
        router.get("/upload") { _, _ in
            page("upload", title: "上传", [
                "heading": "上传预算公开文件", "kind": "document", "accept": ".txt,.md,.pdf,text/plain,application/pdf",
                "intro": "上传已公开的部门预算文件（PDF 或文本），文库逐份读取、审核并保存；同一文件只保存一次。",
                "hint": "支持 PDF 与文本；单个文件不超过 \(h.options.uploadLimit >> 20) MB。", "script": true,
            ])
        }
        router.get("/compose") { _, _ in
            page("upload", title: "编制", [
                "heading": "由预算工作簿编制公开文件", "kind": "workbook", "accept": ".yaml,.yml,.json,.xlsx",
                "intro": "上传预算工作簿（XLSX，或明细写在文件内的 YAML/JSON），生成十一张公开表、情况说明和绩效目标表，审核后保存到文库，可下载 Word、Excel、PDF、HTML。",
                "hint": "空白工作簿可用 yusuan template --to xlsx 生成。", "script": true,
            ])
        }
        router.get("/compare") { request, _ in try await comparePage(request.query, h) }
        router.get("/reports/{name}") { request, context in
            try await reportPage(context.parameters.get("name") ?? "", request.query, h)
        }
        router.get("/static/{file}") { _, context in
            guard let name = context.parameters.get("file"), let file = staticFiles[name] else {
                throw HTTPError(.notFound)
            }
            return Response(status: .ok, headers: [.contentType: file.type, .cacheControl: "max-age=300"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.data)))
        }
    }

    // MARK: Templates and files

    /// The templates, read once from the bundle.
    static let templates: MustacheLibrary = {
        var library = MustacheLibrary()
        for name in ["head", "foot", "library", "document", "upload", "compare", "report", "error"] {
            guard let url = Bundle.module.url(forResource: name, withExtension: "mustache", subdirectory: "templates"),
                  let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            try? library.register(text, named: name)
        }
        return library
    }()

    /// The static files, by name: only these are served, so no request path reaches the file system.
    static let staticFiles: [String: (type: String, data: Data)] = {
        var files: [String: (type: String, data: Data)] = [:]
        for (name, type) in [("workbench.css", "text/css; charset=utf-8"), ("workbench.js", "text/javascript; charset=utf-8")] {
            let parts = name.split(separator: ".").map(String.init)
            if let url = Bundle.module.url(forResource: parts[0], withExtension: parts[1], subdirectory: "static"),
               let data = try? Data(contentsOf: url) { files[name] = (type, data) }
        }
        return files
    }()

    /// A page from its template and values (with the title and versions every page shows).
    static func page(_ template: String, title: String, status: HTTPResponse.Status = .ok, _ values: [String: Any]) -> Response {
        var values = values
        values["title"] = title
        values["engine"] = Auditor.version
        values["version"] = YusuanVersion.string
        // A template that is missing or does not parse is a defect of this build: say so, as a 500.
        guard let html = templates.render(values, withTemplate: template) else {
            return Response(status: .internalServerError, headers: [.contentType: "text/html; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "<!DOCTYPE html><p>模板 \(template) 缺失或无法解析</p>")))
        }
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// An error as a page.
    static func errorPage(_ status: HTTPResponse.Status, _ message: String) -> Response {
        page("error", title: "\(status.code)", status: status, ["status": "\(status.code) \(status.reasonPhrase)", "message": message])
    }

    /// The values that are there: a template must not be given an empty optional
    /// (it would print "nil"), only a missing key.
    static func present(_ values: [String: Any?]) -> [String: Any] {
        values.compactMapValues { $0 }
    }

    /// Menu options with the chosen one marked.
    static func options(_ values: [String], chosen: String?) -> [[String: Any]] {
        values.map { ["value": $0, "selected": $0 == chosen] }
    }

    // MARK: The library

    static func libraryPage(_ query: [String: String], _ h: Handlers) async throws -> Response {
        var filter = try API.filter(query)
        let shown = 2_000
        filter.limit = shown + 1
        let documents = try await h.library.documents(filter)
        let facets = try await h.library.facets()
        let listed = Array(documents.prefix(shown))
        let years = Array(Set(listed.map(\.year))).sorted()
        let byDepartment = Dictionary(grouping: listed, by: \.departmentID)
        let rows: [[String: Any]] = byDepartment.values.map { documents -> [String: Any] in
            let first = documents[0]
            let cells: [[String: Any]] = years.map { year in
                ["documents": documents.filter { $0.year == year }.map { d -> [String: Any] in
                    ["id": d.id, "kind": d.kind, "errors": d.errors, "warnings": d.warnings, "notes": d.notes, "fileName": d.fileName]
                }]
            }
            return ["department": first.department, "region": first.region, "level": first.level, "cells": cells]
        }.sorted { ($0["region"] as? String ?? "", $0["department"] as? String ?? "") < ($1["region"] as? String ?? "", $1["department"] as? String ?? "") }
        return page("library", title: "文库", [
            "regions": options(facets.regions, chosen: query["region"]), "years": options(facets.years.map(String.init), chosen: query["year"]),
            "levels": options(facets.levels, chosen: query["level"]), "kinds": options(facets.kinds, chosen: query["kind"]),
            "rules": options(facets.rules, chosen: query["rule"]), "columns": years.map(String.init), "rows": rows, "hasRows": !rows.isEmpty,
            "documentCount": listed.count, "departmentCount": byDepartment.count, "truncated": documents.count > shown, "shown": shown,
        ])
    }

    // MARK: A document

    static let severityNames: [Severity: String] = [.error: "错误", .warning: "警告", .info: "提示"]

    /// Where a finding is, in words.
    static func place(_ f: Finding) -> String {
        var parts: [String] = []
        if let table = f.table { parts.append("表\(table)" + (f.row.map { " \($0)" } ?? "") + (f.column.map { " / \($0)" } ?? "")) }
        if let section = f.section { parts.append("说明第\(section)部分") }
        if let page = f.page { parts.append("第 \(page) 页") }
        if let line = f.line { parts.append("第 \(line) 行") }
        return parts.isEmpty ? "全文" : parts.joined(separator: "，")
    }

    static func documentPage(_ id: Int, _ h: Handlers) async throws -> Response {
        guard let summary = try await h.library.summary(id: id), let model = try await h.library.disclosure(id: id) else {
            return errorPage(.notFound, "文库中没有编号为 \(id) 的文件。")
        }
        let findings = try await h.library.findings(id: id)
        // Each finding is numbered; its consequences carry its number to their own places.
        struct Place: Hashable { var table: Int; var row: String; var column: String? }
        var cellMarks: [Place: [(Int, Severity)]] = [:]
        var lineMarks: [Int: [(Int, Severity)]] = [:]
        var byTable: [Int: [[String: Any]]] = [:]
        var listed: [[String: Any]] = []
        for (n, finding) in findings.enumerated() {
            let number = n + 1
            var tables: Set<Int> = []
            for place in finding.everyPlace {
                if let table = place.table, let row = place.row {
                    cellMarks[Place(table: table, row: row, column: place.column), default: []].append((number, finding.severity))
                }
                if let table = place.table { tables.insert(table) }
                if let line = place.line, place.table == nil { lineMarks[line, default: []].append((number, finding.severity)) }
            }
            let brief = present(["number": number, "severity": finding.severity.rawValue, "message": finding.message,
                                 "expected": finding.expected?.description])
            for table in tables { byTable[table, default: []].append(brief) }
            listed.append(present([
                "number": number, "severity": finding.severity.rawValue, "severityName": severityNames[finding.severity] ?? "",
                "message": finding.message, "rule": finding.rule, "place": place(finding),
                "stated": finding.stated?.description, "expected": finding.expected?.description,
                "computation": finding.computation, "quote": finding.quote,
                "others": (finding.consequences?.count).flatMap { $0 > 0 ? $0 : nil },
            ]))
        }
        let tables: [[String: Any]] = model.tables.sorted { $0.kind < $1.kind }.map { table in
            let number = table.kind.rawValue
            let html = HTMLRenderer.table(PrintedTable(table, unit: model.unit)) { key in
                let marks = (cellMarks[Place(table: number, row: key.row.rawValue, column: key.column.rawValue)] ?? [])
                    + (cellMarks[Place(table: number, row: key.row.rawValue, column: nil)] ?? [])
                guard !marks.isEmpty else { return nil }
                return marks.map { "<sup class=\"mark \($0.1.rawValue)\"><a href=\"#finding-\($0.0)\">\($0.0)</a></sup>" }.joined()
            }
            return ["number": number, "html": html, "findings": byTable[number] ?? []]
        }
        let sections: [[String: Any]] = model.sections.map { section in
            ["number": section.number, "title": section.title, "lines": section.lines.map { line -> [String: Any] in
                let marks = line.source.flatMap { lineMarks[$0.line] } ?? []
                return ["text": line.value, "line": line.source?.line ?? 0, "flagged": !marks.isEmpty,
                        "markers": marks.map { ["number": $0.0, "severity": $0.1.rawValue] }]
            }]
        }
        var performance: [[String: Any]] = []
        func indicators(_ list: [PerformanceIndicator]) -> [[String: Any]] {
            list.map { ["level1": $0.level1, "level2": $0.level2, "name": $0.name, "target": $0.target.printed] }
        }
        if let department = model.performance.department {
            performance.append(["title": "部门整体绩效目标", "goal": department.annualGoal, "indicators": indicators(department.indicators)])
        }
        for project in model.performance.projects {
            performance.append(["title": "项目：\(project.project)", "goal": project.overallGoal, "indicators": indicators(project.indicators)])
        }
        var downloads: [[String: Any]] = Renderers.all.map { renderer in
            ["label": renderer.name.uppercased(), "href": "/api/documents/\(id)/render/\(renderer.name)"]
        }
        downloads.append(["label": "原文件", "href": "/api/documents/\(id)/source"])
        if summary.sourceKind == .pdf {
            downloads.append(["label": "批注 PDF", "href": "/api/documents/\(id)/annotated.pdf"])
        }
        let others = try await h.library.documents(DocumentFilter(departmentID: summary.departmentID)).filter { $0.id != id }
        return page("document", title: "\(summary.department) \(summary.year)年", [
            "tableStyle": HTMLRenderer.styleSheet,
            "department": summary.department, "year": summary.year, "kind": summary.kind, "region": summary.region.isEmpty ? "—" : summary.region,
            "level": summary.level, "fileName": summary.fileName, "template": summary.template, "engine": summary.engine,
            "errors": summary.errors, "warnings": summary.warnings, "notes": summary.notes, "downloads": downloads,
            "years": others.map { ["id": $0.id, "year": $0.year, "current": id] }, "hasYears": !others.isEmpty,
            "findings": listed, "findingCount": listed.count, "noFindings": listed.isEmpty,
            "tables": tables, "sections": sections, "performance": performance, "hasPerformance": !performance.isEmpty,
        ])
    }

    // MARK: Compare

    static func comparePage(_ query: [String: String], _ h: Handlers) async throws -> Response {
        let documents = try await h.library.documents(DocumentFilter(limit: 1_000))
        let ids = try API.compared(query)
        let slots = ["a", "b", "c", "d"]
        func choices(_ slot: String) -> [[String: Any]] {
            let chosen = query[slot].flatMap(Int.init)
            return documents.map { ["id": $0.id, "label": "\($0.department) \($0.year)年（\($0.id)）", "selected": $0.id == chosen] }
        }
        var values: [String: Any] = [
            "slots": slots.enumerated().map { n, slot in
                ["name": slot, "label": "文件" + ["甲", "乙", "丙", "丁"][n], "optional": n >= 2, "choices": choices(slot)]
            },
            "onlyChanged": query["only"] == "changed",
        ]
        if ids.count >= 2 {
            guard let comparison = try await h.library.compare(ids) else {
                return errorPage(.notFound, "文库中没有其中某份文件：\(ids.map(String.init).joined(separator: "、"))。")
            }
            let only = query["only"] == "changed"
            let tables = Dictionary(grouping: comparison.cells.filter { !only || $0.differs }, by: \.table)
                .sorted { $0.key < $1.key }
                .map { table, cells -> [String: Any] in
                    ["number": table, "cells": cells.map { cell -> [String: Any] in
                        ["code": cell.code ?? "", "name": cell.name, "column": cell.column,
                         "values": cell.values.map { $0?.published ?? "" },
                         "change": cell.change?.published ?? "", "rate": cell.rate.map { $0.formatted(minimumDecimals: 2) + "%" } ?? "",
                         "differs": cell.differs]
                    }]
                }
            values["compared"] = [
                "documents": comparison.documents.map { ["id": $0.id, "department": $0.department, "year": $0.year] },
                "cellCount": comparison.cells.count, "differing": comparison.differing, "tables": tables,
                "chart": CompareChart.svg(comparison),
            ] as [String: Any]
        }
        return page("compare", title: "对比", values)
    }

    // MARK: Reports

    static let reportTabs: [(name: String, label: String)] = [
        ("findings", "问题统计"), ("ranking", "排名"), ("years", "逐年对比"), ("totals", "汇总"), ("documents", "文件清单"),
    ]

    static func reportPage(_ name: String, _ query: [String: String], _ h: Handlers) async throws -> Response {
        guard reportTabs.contains(where: { $0.name == name }) else { return errorPage(.notFound, "没有名为 \(name) 的报表。") }
        let facets = try await h.library.facets()
        var fields: [[String: Any]] = []
        func field(_ name: String, _ label: String, options: [String] = [], placeholder: String = "") {
            fields.append(["name": name, "label": label, "value": query[name] ?? "", "placeholder": placeholder,
                           "options": Self.options(options, chosen: query[name]), "hasOptions": !options.isEmpty])
        }
        switch name {
        case "ranking":
            field("year", "年度", options: facets.years.map(String.init))
            field("cell", "单元格", placeholder: "1/支出总计/预算数")
            field("limit", "前", placeholder: "全部")
        case "years":
            let departments = Set(try await h.library.documents().map(\.department)).sorted()
            field("department", "部门", options: departments)
        case "findings":
            field("year", "年度", options: facets.years.map(String.init))
        case "documents":
            field("region", "地区", options: facets.regions)
            field("year", "年度", options: facets.years.map(String.init))
            field("rule", "规则", options: facets.rules)
        default:
            break
        }
        var values: [String: Any] = [
            "name": name, "tabs": reportTabs.map { ["name": $0.name, "label": $0.label, "current": $0.name == name] },
            "fields": fields, "shareField": name == "ranking", "share": query["share"] == "true",
        ]
        let needs = ["ranking": "year", "years": "department"][name]
        if needs == nil || !(query[needs!] ?? "").isEmpty {
            do {
                let report = try await API.report(name, query, h.library)
                let queryString = query.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
                    .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
                let linkColumn = report.columns.firstIndex(of: name == "documents" ? "编号" : "文件")
                values["report"] = [
                    "title": report.title, "columns": report.columns,
                    "csv": "/api/reports/\(name)?\(queryString)&format=csv", "json": "/api/reports/\(name)?\(queryString)",
                    "rows": report.rows.map { row -> [String: Any] in
                        ["values": row.enumerated().map { c, value -> [String: Any] in
                            var cell: [String: Any] = ["text": Self.text(value), "kind": Self.kind(value)]
                            if c == linkColumn, case .integer(let id) = value { cell["href"] = "/documents/\(id)" }
                            return cell
                        }]
                    },
                ] as [String: Any]
            } catch let error as APIError {
                values["error"] = error.message
            }
        }
        return page("report", title: reportTabs.first { $0.name == name }?.label ?? "报表", values)
    }

    /// A report value as the page prints it: amounts with thousands separators.
    static func text(_ value: Report.Value) -> String {
        if case .amount(let amount) = value { return amount.published }
        return value.description
    }

    static func kind(_ value: Report.Value) -> String {
        switch value {
        case .amount: "amount"
        case .percent: "percent"
        case .integer: "integer"
        default: "text"
        }
    }
}
