import Foundation

/// The sheets of an XLSX workbook (the `yusuan template --to xlsx` layout).
///
/// Field sheets have three columns — 字段 field, 值 value, 说明 notes — under a header
/// row; a field is a path of `Budget` coding keys below the sheet's root
/// (`department.name`, `projects` sheet `1.indicators.2.target`); numbered parts
/// are list positions. Rows whose field is empty or starts with `#` are notes.
/// The 支出明细 items sheet is a table: a header row naming the columns
/// `function, economic, source, kind, project, amount` (and `notes`), one line item a row.
enum WorkbookSheets {
    struct Spec {
        var name: String
        /// The path the sheet's fields are under.
        var root: [String]
        /// Whether a field is a dotted path (false where keys themselves hold dots or are data).
        var splitKeys: Bool
    }

    static let readme = "说明 readme"
    static let items = "支出明细 items"
    static let fieldSheets = [
        Spec(name: "部门 department", root: [], splitKeys: true),
        Spec(name: "收入 income", root: ["income"], splitKeys: false),
        Spec(name: "科目名称 names", root: ["names"], splitKeys: false),
        Spec(name: "上年数 previousYear", root: ["previousYear"], splitKeys: true),
        Spec(name: "原因 reasons", root: ["reasons"], splitKeys: false),
        Spec(name: "项目 projects", root: ["projects"], splitKeys: true),
    ]

    static let fieldHeader: [XLSXFile.Value] = [.text("字段 field"), .text("值 value"), .text("说明 notes")]

    /// The 支出明细 items sheet: its header row, then the given rows.
    static func itemsSheet(_ rows: [[XLSXFile.Value]]) -> XLSXFile.SheetData {
        let header: [XLSXFile.Value] = [
            .text("function 功能分类科目编码（7位）"), .text("economic 经济分类科目编码（5位）"), .text("source 资金来源"),
            .text("kind 支出类型"), .text("project 项目名称"), .text("amount 金额（万元）"), .text("notes 说明"),
        ]
        return XLSXFile.SheetData(name: items, rows: [header] + rows, columnWidths: [22, 22, 18, 14, 30, 16, 40],
                                  header: true, textColumns: [1, 2, 3, 4, 5])
    }

    /// `部门 department` is found as itself, as `部门` or as `department`.
    static func matches(_ sheet: String, _ name: String) -> Bool {
        let words = name.split(separator: " ").map { $0.lowercased() }
        let s = sheet.trimmingCharacters(in: .whitespaces).lowercased()
        return s == name.lowercased() || words.contains(s)
    }
}

extension WorkbookReader {
    /// The bytes of a file the workbook refers to, with the name it is shown by; nil
    /// (and a problem) when it cannot be read. A workbook names files in its own
    /// folder or below it: an absolute path, a `..` and a symbolic link leading out
    /// are refused, so a workbook from elsewhere cannot read `/etc/passwd`.
    mutating func contents(_ path: String, at place: Place, field: String) -> (name: String, data: Data)? {
        let directory = self.directory ?? URL(fileURLWithPath: ".")
        let name = directory.relativePath == "." ? path : (directory.relativePath as NSString).appendingPathComponent(path)
        func refuse(_ reason: String) -> (name: String, data: Data)? {
            problem(place, field, reason)
            return nil
        }
        if path.hasPrefix("/") || path.hasPrefix("~") {
            return refuse("\(path) is not in the workbook's folder: name the file by a path relative to the workbook")
        }
        if path.split(separator: "/").contains("..") {
            return refuse("\(path) leads out of the workbook's folder (..): name a file in it or below it")
        }
        guard let folder = Self.realPath(directory.path) else { return refuse("no such folder: \(directory.relativePath)") }
        guard let real = Self.realPath(directory.appendingPathComponent(path).path) else {
            let failure = BoundedFile.Failure(errno: errno)
            return refuse(failure == .noSuchFile ? "no such file: \(name)" : "\(name): \(failure)")
        }
        guard real.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") else {
            return refuse("\(name) is a symbolic link leading out of the workbook's folder")
        }
        switch BoundedFile.read(real) {
        case .success(let data): return (name, data)
        case .failure(let failure): return refuse(failure == .noSuchFile ? "no such file: \(name)" : "\(name): \(failure)")
        }
    }

    /// The path with every symbolic link resolved; nil when it does not exist (`errno` says why).
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    // MARK: CSV

    /// The line items of a CSV file (header required), one `Tree` a row.
    mutating func csvRows(_ path: String, at place: Place, field: String) -> [Tree]? {
        guard let (name, data) = contents(path, at: place, field: field) else { return nil }
        guard let text = String(data: data, encoding: .utf8) else {
            problem(Place(file: name), "items", "the file is not UTF-8 text (save the CSV as UTF-8)")
            return nil
        }
        let records = CSV.records(text)
        guard let header = records.first(where: { !$0.fields.allSatisfy(\.isEmpty) }) else {
            problem(Place(file: name, line: 1), "items", "the CSV is empty: it needs a header row "
                    + WorkbookReader.itemColumns.joined(separator: ","))
            return []
        }
        guard let columns = itemColumns(header.fields, places: header.fields.indices.map { _ in Place(file: name, line: header.line) },
                                        at: Place(file: name, line: header.line)) else { return nil }
        var rows: [Tree] = []
        for record in records where record.line > header.line && !record.fields.allSatisfy(\.isEmpty) {
            let rowPlace = Place(file: name, line: record.line)
            if record.fields.count > columns.count {
                problem(rowPlace, "items", "\(record.fields.count) fields but the header names \(columns.count)")
            }
            var entries: [Tree.Entry] = []
            for (i, column) in columns.enumerated() {
                guard let column else { continue }
                let value = i < record.fields.count ? record.fields[i] : ""
                entries.append(Tree.Entry(key: column, keyPlace: rowPlace, value: .scalar(value.isEmpty ? nil : value, rowPlace)))
            }
            rows.append(.map(entries, rowPlace))
        }
        return rows
    }

    /// The item field of each header cell (nil for a notes column); nil when the header is unusable.
    mutating func itemColumns(_ header: [String], places: [Place], at place: Place) -> [String?]? {
        var columns: [String?] = []
        var ok = true
        for (i, cell) in header.enumerated() {
            // `function 功能分类` → function; a notes column is kept out.
            let word = cell.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == "（" }).first.map(String.init) ?? ""
            if word.isEmpty || ["notes", "note", "说明", "备注"].contains(word.lowercased()) {
                columns.append(nil)
            } else if let known = WorkbookReader.itemColumns.first(where: { $0.lowercased() == word.lowercased() }) {
                if columns.contains(known) {
                    problem(places[i], "items", "the column \(known) is given twice")
                    ok = false
                }
                columns.append(known)
            } else {
                problem(places[i], "items", "unknown column \"\(cell)\" (the columns are "
                        + WorkbookReader.itemColumns.joined(separator: ", ") + ", notes)")
                columns.append(nil)
            }
        }
        for required in WorkbookReader.itemColumns where required != "project" && !columns.contains(required) {
            problem(place, "items", "the header has no column \(required)")
            ok = false
        }
        return ok ? columns : nil
    }

    // MARK: XLSX

    mutating func sheets(_ name: String, _ data: Data, at place: Place, field: String) -> [XLSXFile.Sheet]? {
        do {
            return try XLSXFile.read(data)
        } catch {
            problem(place, field, "\(name): \(error)")
            return nil
        }
    }

    /// The line items of an XLSX file's items sheet (`items`, or the one named).
    mutating func xlsxRows(_ path: String, sheet wanted: String?, at place: Place, field: String) -> [Tree]? {
        guard let (name, data) = contents(path, at: place, field: field),
              let sheets = sheets(name, data, at: place, field: field) else { return nil }
        let found = wanted.map { w in sheets.first { $0.name == w } }
            ?? sheets.first { WorkbookSheets.matches($0.name, WorkbookSheets.items) }
        guard let sheet = found else {
            problem(place, field, "\(name) has no sheet named \(wanted ?? "items") (its sheets: "
                    + sheets.map(\.name).joined(separator: ", ") + ")")
            return nil
        }
        return itemRows(sheet, file: name)
    }

    mutating func itemRows(_ sheet: XLSXFile.Sheet, file: String) -> [Tree]? {
        func place(_ row: Int, _ column: Int) -> Place {
            Place(file: file, sheet: sheet.name, cell: XLSXFile.Sheet.reference(row: row, column: column))
        }
        guard let headerRow = sheet.rowNumbers.first else { return [] }
        let width = sheet.cells[headerRow]?.keys.max() ?? 0
        let header = (0..<width).map { sheet[headerRow, $0 + 1] ?? "" }
        guard let columns = itemColumns(header, places: (0..<width).map { place(headerRow, $0 + 1) },
                                        at: place(headerRow, 1)) else { return nil }
        var rows: [Tree] = []
        for r in sheet.rowNumbers where r > headerRow {
            var entries: [Tree.Entry] = []
            for (i, column) in columns.enumerated() {
                guard let column else { continue }
                let p = place(r, i + 1)
                entries.append(Tree.Entry(key: column, keyPlace: p, value: .scalar(sheet[r, i + 1], p)))
            }
            let tree = Tree.map(entries, place(r, 1))
            if !tree.isBlank { rows.append(tree) }
        }
        return rows
    }

    /// A whole workbook from the sheets of an XLSX file: the field sheets give a
    /// tree of fields, the items sheet the line items.
    mutating func tree(of sheets: [XLSXFile.Sheet], file: String) -> Tree {
        var fields: [(path: [String], value: String?, place: Place)] = []
        for sheet in sheets {
            guard let spec = WorkbookSheets.fieldSheets.first(where: { WorkbookSheets.matches(sheet.name, $0.name) }) else {
                continue
            }
            for r in sheet.rowNumbers.dropFirst() {  // the first row is the header
                guard let key = sheet[r, 1], !key.hasPrefix("#") else { continue }
                let parts = spec.splitKeys ? key.split(separator: ".").map(String.init) : [key]
                let p = Place(file: file, sheet: sheet.name, cell: XLSXFile.Sheet.reference(row: r, column: 2))
                guard parts.count <= WorkbookLimits.pathParts else {
                    problem(Place(file: file, sheet: sheet.name, cell: XLSXFile.Sheet.reference(row: r, column: 1)),
                            String(key.prefix(40)) + (key.count > 40 ? "…" : ""),
                            "a field path of \(parts.count) parts; no field of a budget has more than \(WorkbookLimits.pathParts)")
                    continue
                }
                fields.append((spec.root + parts, sheet[r, 2], p))
            }
        }
        var root = Tree.fromPaths(fields, place: Place(file: file))
        if let sheet = sheets.first(where: { WorkbookSheets.matches($0.name, WorkbookSheets.items) }),
           let rows = itemRows(sheet, file: file), case .map(var entries, let place) = root {
            let p = Place(file: file, sheet: sheet.name, cell: "A1")
            entries.append(Tree.Entry(key: "items", keyPlace: p, value: .list(rows, p)))
            root = .map(entries, place)
        }
        return root
    }
}

/// 逗号分隔 — RFC 4180 records: quoted fields may hold commas, quotes (doubled) and
/// line breaks; each record keeps the line it starts on.
enum CSV {
    static func records(_ text: String) -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1, start = 1
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        func endRecord() {
            fields.append(field.trimmingCharacters(in: .whitespaces))
            records.append((start, fields))
            fields = []
            field = ""
        }
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.trimmingCharacters(in: .whitespaces).isEmpty {
                field = ""
                quoted = true
            } else if c == "," {
                fields.append(field.trimmingCharacters(in: .whitespaces))
                field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r" && i + 1 < chars.count && chars[i + 1] == "\n" { i += 1 }
                endRecord()
                line += 1
                start = line
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
