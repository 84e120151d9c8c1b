import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import YusuanModel
import ZIPFoundation

/// 电子表格 — the little of the Office Open XML spreadsheet format (XLSX) a budget
/// workbook needs: reading the text of every cell of every sheet, and writing
/// sheets of text and numbers.
public enum XLSXFile {
    /// Why a file could not be read as a spreadsheet.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// One sheet: its name and its non-empty cells by row and column (both 1-based).
    public struct Sheet: Sendable {
        public var name: String
        public var cells: [Int: [Int: String]]

        /// The rows that have cells, in order.
        public var rowNumbers: [Int] { cells.keys.sorted() }

        public subscript(row: Int, column: Int) -> String? { cells[row]?[column] }

        /// `B7` for row 7, column 2.
        public static func reference(row: Int, column: Int) -> String { columnName(column) + String(row) }

        public static func columnName(_ column: Int) -> String {
            var n = column, name = ""
            while n > 0 {
                let r = (n - 1) % 26
                name = String(UnicodeScalar(UInt8(65 + r))) + name
                n = (n - 1) / 26
            }
            return name
        }
    }

    // MARK: Reading

    /// Every sheet of the workbook in `data`, in workbook order.
    ///
    /// Whatever the file holds, reading it is bounded (`WorkbookLimits`): each part
    /// may inflate to 64 MB and all together to 256 MB (checked before and while
    /// inflating), a cell reference or row number beyond Excel's 1,048,576 rows
    /// and 16,384 columns, a shared string that does not exist and XML that does
    /// not parse are each a `Failure` naming the sheet and cell or the line.
    public static func read(_ data: Data) throws -> [Sheet] {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw Failure(description: "not an XLSX file (it cannot be opened as a ZIP archive)")
        }
        var inflated = 0
        func entry(_ path: String) throws -> Data? {
            guard let e = archive[path] else { return nil }
            let mb = WorkbookLimits.entrySize >> 20
            guard e.uncompressedSize <= UInt64(WorkbookLimits.entrySize) else {
                throw Failure(description: "its part \(path) inflates to \(e.uncompressedSize >> 20) MB, "
                              + "more than the \(mb) MB a part of a budget workbook may hold")
            }
            var out = Data()
            do {
                _ = try archive.extract(e, skipCRC32: true) { chunk in
                    out.append(chunk)
                    inflated += chunk.count
                    // The sizes a ZIP states can lie: count what is inflated, too.
                    if out.count > WorkbookLimits.entrySize || inflated > WorkbookLimits.archiveSize {
                        throw Failure(description: "its part \(path) inflates to more than it states: "
                                      + "more than the \(mb) MB a part may hold")
                    }
                }
            } catch let failure as Failure {
                throw failure
            } catch {
                throw Failure(description: "its part \(path) cannot be inflated (the file is damaged)")
            }
            return out
        }
        guard let workbook = try entry("xl/workbook.xml") else {
            throw Failure(description: "not an XLSX file (no xl/workbook.xml)")
        }
        let sheets = try Elements.collect(workbook, names: ["sheet"], part: "xl/workbook.xml")
        let rels = try entry("xl/_rels/workbook.xml.rels").map {
            try Elements.collect($0, names: ["Relationship"], part: "xl/_rels/workbook.xml.rels")
        } ?? []
        let targets = Dictionary(rels.map { ($0.attributes["Id"] ?? "", $0.attributes["Target"] ?? "") },
                                 uniquingKeysWith: { a, _ in a })
        let shared = try entry("xl/sharedStrings.xml").map(SharedStrings.parse) ?? []
        var result: [Sheet] = []
        for (n, sheet) in sheets.enumerated() {
            let name = sheet.attributes["name"] ?? "Sheet\(n + 1)"
            let id = sheet.attributes["r:id"] ?? sheet.attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""
            var target = targets[id] ?? "worksheets/sheet\(n + 1).xml"
            target = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let xml = try entry(target) else {
                throw Failure(description: "sheet \(name): its part \(target) is missing")
            }
            result.append(Sheet(name: name, cells: try SheetCells.parse(xml, shared: shared, sheet: name, part: target)))
        }
        return result
    }

    /// Runs `parser` with `delegate` and turns a failure — the XML's own (including
    /// an element left open, which the Linux parser lets pass), or one the delegate
    /// found and stopped on — into a `Failure` naming the part and line.
    static func run(_ parser: XMLParser, _ delegate: XMLPart, part: String) throws {
        parser.delegate = delegate
        let parsed = parser.parse()
        if let reason = delegate.failure { throw Failure(description: reason) }
        if let error = delegate.xmlError ?? (parsed ? nil : (parser.lineNumber, parser.columnNumber, parser.parserError)) {
            throw Failure(description: "its part \(part) is not well-formed XML (line \(error.line), column "
                          + "\(error.column): \(XMLPart.words(error.error)))")
        }
        if delegate.open > 0 {
            throw Failure(description: "its part \(part) is not well-formed XML (line \(parser.lineNumber): it ends "
                          + "with \(delegate.open) element\(delegate.open == 1 ? "" : "s") left open)")
        }
    }

    /// 部件解析 — what every part's parser shares: elements counted open and closed,
    /// the first XML error kept with its line, and a reason to stop for the delegate's own use.
    class XMLPart: NSObject, XMLParserDelegate {
        var open = 0
        var xmlError: (line: Int, column: Int, error: (any Error)?)?
        /// Why the part was given up by the delegate (a reference out of range).
        var failure: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            open += 1
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open -= 1
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if xmlError == nil { xmlError = (parser.lineNumber, parser.columnNumber, parseError) }
        }

        /// Text, for the parts that keep it (declared here so that subclasses' overrides are called).
        func parser(_ parser: XMLParser, foundCharacters string: String) {}

        /// An XML parser's error in words.
        static func words(_ error: (any Error)?) -> String {
            guard let error else { return "unknown error" }
            switch XMLParser.ErrorCode(rawValue: (error as NSError).code) {
            case .prematureDocumentEndError?: return "the text ends before the document does"
            case .tagNameMismatchError?: return "an element is closed by a tag of another name"
            case .undeclaredEntityError?: return "an entity (&name;) that is not declared"
            case .emptyDocumentError?: return "the part is empty"
            case .invalidCharacterError?: return "a character XML does not allow"
            case .ltRequiredError?, .gtRequiredError?: return "a tag is not closed by >"
            default: return "XML error \((error as NSError).code)"
            }
        }
    }

    /// Collects elements with their attributes (workbook sheets, relationships).
    final class Elements: XMLPart {
        struct Element { var attributes: [String: String] }
        let names: Set<String>
        var found: [Element] = []

        init(names: Set<String>) { self.names = names }

        static func collect(_ data: Data, names: Set<String>, part: String) throws -> [Element] {
            let delegate = Elements(names: names)
            try XLSXFile.run(XMLParser(data: data), delegate, part: part)
            return delegate.found
        }

        override func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                             qualifiedName: String?, attributes: [String: String] = [:]) {
            super.parser(parser, didStartElement: name, namespaceURI: namespaceURI, qualifiedName: qualifiedName,
                         attributes: attributes)
            if names.contains(name) || names.contains(String(name.split(separator: ":").last ?? "")) {
                found.append(Element(attributes: attributes))
            }
        }
    }

    /// xl/sharedStrings.xml: each `<si>`'s text (rich-text runs joined, phonetic runs left out).
    final class SharedStrings: XMLPart {
        var strings: [String] = []
        var current = ""
        var inText = false
        var inPhonetic = false

        static func parse(_ data: Data) throws -> [String] {
            let delegate = SharedStrings()
            try XLSXFile.run(XMLParser(data: data), delegate, part: "xl/sharedStrings.xml")
            return delegate.strings
        }

        override func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                             qualifiedName: String?, attributes: [String: String] = [:]) {
            super.parser(parser, didStartElement: name, namespaceURI: namespaceURI, qualifiedName: qualifiedName,
                         attributes: attributes)
            switch XLSXFile.local(name) {
            case "si": current = ""
            case "t": inText = true
            case "rPh": inPhonetic = true
            default: break
            }
        }

        override func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
                             qualifiedName: String?) {
            super.parser(parser, didEndElement: name, namespaceURI: namespaceURI, qualifiedName: qualifiedName)
            switch XLSXFile.local(name) {
            case "si": strings.append(current)
            case "t": inText = false
            case "rPh": inPhonetic = false
            default: break
            }
        }

        override func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText && !inPhonetic { current += string }
        }
    }

    /// Element names without a namespace prefix (`x:c` → `c`).
    static func local(_ name: String) -> Substring { name.split(separator: ":").last ?? Substring(name) }

    /// A worksheet's cells: shared strings resolved, inline strings, numbers as written.
    final class SheetCells: XMLPart {
        let shared: [String]
        let sheet: String
        var cells: [Int: [Int: String]] = [:]
        var ref = "", type = "", value = "", inline = ""
        var inValue = false, inInline = false
        var nextRow = 1, nextColumn = 1

        init(shared: [String], sheet: String) {
            self.shared = shared
            self.sheet = sheet
        }

        static func parse(_ data: Data, shared: [String], sheet: String, part: String) throws -> [Int: [Int: String]] {
            let delegate = SheetCells(shared: shared, sheet: sheet)
            try XLSXFile.run(XMLParser(data: data), delegate, part: part)
            return delegate.cells
        }

        func fail(_ parser: XMLParser, _ reason: String) {
            guard failure == nil else { return }
            failure = "sheet \(sheet), \(reason)"
            parser.abortParsing()
        }

        override func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                             qualifiedName: String?, attributes: [String: String] = [:]) {
            super.parser(parser, didStartElement: name, namespaceURI: namespaceURI, qualifiedName: qualifiedName,
                         attributes: attributes)
            switch XLSXFile.local(name) {
            case "row":
                if let r = attributes["r"] {
                    guard let row = Int(r), (1...WorkbookLimits.rows).contains(row) else {
                        return fail(parser, "row \"\(r.prefix(20))\": not a row number of a sheet "
                                    + "(1 to \(WorkbookLimits.rows))")
                    }
                    nextRow = row
                }
                nextColumn = 1
            case "c":
                ref = attributes["r"] ?? ""
                type = attributes["t"] ?? "n"
                value = ""
                inline = ""
            case "v": inValue = true
            case "is": inInline = true
            default: break
            }
        }

        override func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
                             qualifiedName: String?) {
            super.parser(parser, didEndElement: name, namespaceURI: namespaceURI, qualifiedName: qualifiedName)
            switch XLSXFile.local(name) {
            case "v": inValue = false
            case "is": inInline = false
            case "row": nextRow += 1
            case "c":
                var (row, column) = (nextRow, nextColumn)
                if !ref.isEmpty {
                    guard let parsed = Self.position(ref) else {
                        return fail(parser, "cell \"\(ref.prefix(20))\": not a cell reference within a sheet's "
                                    + "\(WorkbookLimits.rows) rows and \(WorkbookLimits.columns) columns (A1 to XFD1048576)")
                    }
                    (row, column) = parsed
                }
                guard row <= WorkbookLimits.rows, column <= WorkbookLimits.columns else {
                    return fail(parser, "row \(row), column \(column): beyond a sheet's \(WorkbookLimits.rows) rows "
                                + "and \(WorkbookLimits.columns) columns")
                }
                nextColumn = column + 1
                let text: String
                switch type {
                case "s":
                    guard let index = Int(value), shared.indices.contains(index) else {
                        return fail(parser, "cell \(Sheet.reference(row: row, column: column)): shared string "
                                    + "\"\(value.prefix(20))\" does not exist (the file has \(shared.count))")
                    }
                    text = shared[index]
                case "inlineStr": text = inline
                case "b": text = value == "1" ? "true" : "false"
                case "n": text = Self.number(value)
                default: text = value
                }
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { cells[row, default: [:]][column] = trimmed }
            default: break
            }
        }

        override func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inValue { value += string } else if inInline { inline += string }
        }

        /// `AB12` → (12, 28); nil for anything else, and for a row or column beyond a sheet's.
        static func position(_ ref: String) -> (Int, Int)? {
            var column = 0
            var row = 0
            var digits = 0
            for byte in ref.utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                    guard digits == 0 else { return nil }
                    column = column * 26 + Int((byte & 0xDF) - 64)
                    if column > WorkbookLimits.columns { return nil }
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    digits += 1
                    row = row * 10 + Int(byte - 48)
                    if row > WorkbookLimits.rows { return nil }
                case UInt8(ascii: "$") where digits == 0:
                    continue
                default:
                    return nil
                }
            }
            guard column > 0, row > 0 else { return nil }
            return (row, column)
        }

        /// A number as stored: binary-floating noise (`12.300000000000001`) is taken back
        /// to the six-place decimal it stands for; `2101501` stays as it is.
        static func number(_ text: String) -> String {
            let scale = Double(Amount.scale)
            guard text.contains("e") || text.contains("E") || (text.split(separator: ".").last?.count ?? 0) > Amount.places,
                  let d = Double(text) else { return text }
            let scaled = (d * scale).rounded()
            guard abs(d * scale - scaled) < 1e-3, abs(scaled) < 9e15 else { return text }
            let units = Int64(scaled)
            let sign = units < 0 ? "-" : ""
            let whole = abs(units) / Amount.scale, fraction = abs(units) % Amount.scale
            var f = String(fraction)
            f = String(repeating: "0", count: Amount.places - f.count) + f
            while f.hasSuffix("0") { f.removeLast() }
            return f.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(f)"
        }
    }

    // MARK: Writing

    /// A cell to write.
    public enum Value: Sendable, Hashable {
        case text(String)
        /// A number, written with exactly these digits.
        case number(String)
        case empty
    }

    /// A sheet to write: rows of cells; the first row is bold when `header` is set.
    /// `textColumns` (1-based) are formatted as text, so what is typed stays as typed.
    public struct SheetData: Sendable {
        public var name: String
        public var rows: [[Value]]
        public var columnWidths: [Int]
        public var header: Bool
        public var textColumns: Set<Int>

        public init(name: String, rows: [[Value]], columnWidths: [Int] = [], header: Bool = true,
                    textColumns: Set<Int> = []) {
            self.name = name
            self.rows = rows
            self.columnWidths = columnWidths
            self.header = header
            self.textColumns = textColumns
        }
    }

    /// The bytes of an XLSX file with these sheets.
    public static func write(_ sheets: [SheetData]) throws -> Data {
        var strings: [String] = []
        var index: [String: Int] = [:]
        func shared(_ s: String) -> Int {
            if let i = index[s] { return i }
            strings.append(s)
            index[s] = strings.count - 1
            return strings.count - 1
        }
        var parts: [(String, String)] = []
        for (n, sheet) in sheets.enumerated() {
            var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
            if sheet.header { xml += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"# }
            let widths = sheet.columnWidths
            let columnCount = max(widths.count, sheet.rows.map(\.count).max() ?? 0)
            if columnCount > 0 {
                xml += "<cols>"
                for c in 1...columnCount {
                    let width = c <= widths.count ? widths[c - 1] : 12
                    let style = sheet.textColumns.contains(c) ? #" style="2""# : ""
                    xml += #"<col min="\#(c)" max="\#(c)" width="\#(width)" customWidth="1"\#(style)/>"#
                }
                xml += "</cols>"
            }
            xml += "<sheetData>"
            for (r, row) in sheet.rows.enumerated() {
                xml += #"<row r="\#(r + 1)">"#
                for (c, value) in row.enumerated() {
                    let ref = Sheet.reference(row: r + 1, column: c + 1)
                    let style = r == 0 && sheet.header ? 1 : sheet.textColumns.contains(c + 1) ? 2 : 3
                    switch value {
                    case .text(let s): xml += #"<c r="\#(ref)" s="\#(style)" t="s"><v>\#(shared(s))</v></c>"#
                    case .number(let s): xml += #"<c r="\#(ref)" s="\#(style)"><v>\#(escape(s))</v></c>"#
                    case .empty: if sheet.textColumns.contains(c + 1) { xml += #"<c r="\#(ref)" s="2"/>"# }
                    }
                }
                xml += "</row>"
            }
            xml += "</sheetData></worksheet>"
            parts.append(("xl/worksheets/sheet\(n + 1).xml", xml))
        }
        let sheetList = sheets.enumerated().map { n, s in
            #"<sheet name="\#(escape(s.name))" sheetId="\#(n + 1)" r:id="rId\#(n + 1)"/>"#
        }.joined()
        let rels = sheets.indices.map { n in
            #"<Relationship Id="rId\#(n + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(n + 1).xml"/>"#
        }.joined()
        let count = sheets.count
        let head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        parts += [
            ("[Content_Types].xml", head + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
                + (0..<count).map { $0 + 1 }.map { #"<Override PartName="/xl/worksheets/sheet\#($0).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"# }.joined()
                + "</Types>"),
            ("_rels/.rels", head + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", head + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\#(sheetList)</sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", head + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(rels)<Relationship Id="rId\#(count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId\#(count + 2)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#),
            // Styles: 0 default, 1 bold header, 2 text (@) wrapped, 3 wrapped.
            ("xl/styles.xml", head + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#),
        ]
        let sst = strings.map { #"<si><t xml:space="preserve">\#(escape($0))</t></si>"# }.joined()
        parts.append(("xl/sharedStrings.xml", head + #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(strings.count)" uniqueCount="\#(strings.count)">\#(sst)</sst>"#))

        let archive = try Archive(data: Data(), accessMode: .create)
        // [Content_Types].xml first, as spreadsheet programs expect.
        let ordered = parts.sorted { a, _ in a.0 == "[Content_Types].xml" }
        for (path, text) in ordered {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                 modificationDate: Date(timeIntervalSince1970: 1_735_689_600),
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<min(Int(position) + size, bytes.count))
            }
        }
        guard let data = archive.data else { throw Failure(description: "the spreadsheet could not be assembled") }
        return data
    }

    /// Text for XML: markup escaped, and the characters XML cannot hold at all
    /// (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF) dropped, so
    /// that whatever a workbook's text holds, the file still opens.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(c)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
