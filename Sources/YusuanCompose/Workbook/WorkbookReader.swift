import Foundation
import YusuanModel

/// 读取工作簿 — checks a workbook `Tree` field by field and builds the `Budget`,
/// recording every problem (with its place) instead of stopping at the first.
struct WorkbookReader {
    var problems: [Problem] = []
    /// Where each field path was written (for problems found after the budget is built).
    var places: [String: Place] = [:]
    /// Where each field's key was written.
    var keyPlaces: [String: Place] = [:]
    /// Reads the CSV or XLSX files the workbook refers to.
    /// The workbook's folder: files named by `items: {csv: …}` / `items: {xlsx: …}` are relative to it.
    var directory: URL?

    init(directory: URL?) { self.directory = directory }

    // MARK: Problems

    mutating func problem(_ place: Place, _ field: String, _ reason: String) {
        problems.append(Problem(place, field: field, reason: reason))
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    // MARK: Mappings

    /// A mapping being read: its entries by key, unknown keys already reported.
    struct Fields {
        var path: String
        var place: Place
        var entries: [String: Tree.Entry]

        subscript(key: String) -> Tree? { entries[key]?.value }
        func path(_ key: String) -> String { WorkbookReader.join(path, key) }
        /// Where to report a problem with this key's value: the value, else the key, else the mapping.
        func place(_ key: String) -> Place { entries[key].map { $0.value.place } ?? place }
    }

    /// The mapping at `tree`, nil when absent or blank. Keys outside `allowed` are reported.
    ///
    /// A mapping of empty values only (a section of a template not filled in) counts as
    /// absent, unless `keepBlank` (then its required fields are reported as to fill in).
    mutating func fields(_ tree: Tree?, _ path: String, allowed: [String], ignored: [String] = ["source", "notes"],
                         keepBlank: Bool = false) -> Fields? {
        guard let tree else { return nil }
        if case .scalar(nil, _) = tree { return nil }
        if case .map = tree, tree.isBlank, !keepBlank { return nil }
        guard case .map(let list, let place) = tree else {
            problem(tree.place, path.isEmpty ? "(workbook)" : path,
                    "expected a mapping of fields (\(allowed.prefix(4).joined(separator: ", "))…), found \(tree.kindWord)")
            return nil
        }
        var entries: [String: Tree.Entry] = [:]
        for entry in list {
            if ignored.contains(entry.key) && !allowed.contains(entry.key) { continue }
            guard allowed.contains(entry.key) else {
                problem(entry.keyPlace, Self.join(path, entry.key),
                        "unknown field (known here: \(allowed.joined(separator: ", ")))")
                continue
            }
            if entries[entry.key] != nil {
                problem(entry.keyPlace, Self.join(path, entry.key), "given twice")
                continue
            }
            entries[entry.key] = entry
            places[Self.join(path, entry.key)] = entry.value.place
            keyPlaces[Self.join(path, entry.key)] = entry.keyPlace
        }
        return Fields(path: path, place: place, entries: entries)
    }

    /// The entries of a mapping whose keys are data (codes, sources, reason keys).
    mutating func dictionary(_ tree: Tree?, _ path: String) -> [Tree.Entry] {
        guard let tree, !tree.isBlank else { return [] }
        guard case .map(let list, _) = tree else {
            problem(tree.place, path, "expected a mapping (key: value lines), found \(tree.kindWord)")
            return []
        }
        var seen: Set<String> = []
        var result: [Tree.Entry] = []
        for entry in list where !entry.value.isBlank {
            guard seen.insert(entry.key).inserted else {
                problem(entry.keyPlace, Self.join(path, entry.key), "given twice")
                continue
            }
            places[Self.join(path, entry.key)] = entry.value.place
            result.append(entry)
        }
        return result
    }

    /// The non-blank elements of a list, each with its path. A mapping whose keys are
    /// all numbers (a sheet's `projects.1.name` rows) is a list in that order.
    mutating func list(_ tree: Tree?, _ path: String) -> [(tree: Tree, path: String)] {
        guard let tree, !tree.isBlank else { return [] }
        var elements: [Tree]
        switch tree {
        case .list(let items, _):
            elements = items
        case .map(let entries, _) where entries.allSatisfy({ Int($0.key) != nil }):
            elements = entries.map { (Int($0.key) ?? 0, $0.value) }.sorted { $0.0 < $1.0 }.map(\.1)
        default:
            problem(tree.place, path, "expected a list (lines starting with -), found \(tree.kindWord)")
            return []
        }
        elements = elements.filter { !$0.isBlank }
        return elements.enumerated().map { n, element in
            places["\(path)[\(n)]"] = element.place
            return (element, "\(path)[\(n)]")
        }
    }

    // MARK: Values

    /// The text at `tree`; a `{value: …}` mapping (a `Located` value in JSON) stands for its value.
    mutating func scalar(_ tree: Tree?, _ path: String, at fallback: Place, required: Bool) -> (String, Place)? {
        var tree = tree
        if case .map(let entries, _)? = tree, let value = entries.first(where: { $0.key == "value" }),
           entries.allSatisfy({ ["value", "line", "page"].contains($0.key) }) {
            tree = value.value
        }
        switch tree {
        case .scalar(let text?, let place)?:
            return (text, place)
        case .scalar(nil, let place)?:
            if required { problem(place, path, Problem.fillIn) }
        case nil:
            if required { problem(fallback, path, "\(Problem.fillIn): this field is required") }
        case let other?:
            problem(other.place, path, "expected a single value, found \(other.kindWord)")
        }
        return nil
    }

    mutating func text(_ f: Fields, _ key: String, required: Bool = false) -> String? {
        scalar(f[key], f.path(key), at: f.place, required: required)?.0
    }

    mutating func integer(_ tree: Tree?, _ path: String, at fallback: Place, required: Bool = false,
                          range: ClosedRange<Int> = 0...Int.max) -> Int? {
        guard let (text, place) = scalar(tree, path, at: fallback, required: required) else { return nil }
        var digits = text
        if let dot = digits.firstIndex(of: "."), digits[digits.index(after: dot)...].allSatisfy({ $0 == "0" }) {
            digits = String(digits[..<dot])  // 12.0 from a spreadsheet
        }
        guard let n = Int(digits) else {
            problem(place, path, "\"\(text)\" is not a whole number")
            return nil
        }
        guard range.contains(n) else {
            problem(place, path, "\(n) is out of range (\(range.lowerBound)…\(range.upperBound == Int.max ? "" : String(range.upperBound)))")
            return nil
        }
        return n
    }

    mutating func integer(_ f: Fields, _ key: String, required: Bool = false, range: ClosedRange<Int> = 0...Int.max) -> Int? {
        integer(f[key], f.path(key), at: f.place, required: required, range: range)
    }

    /// An exact decimal amount (万元 for money), at most six decimal places, not negative.
    mutating func amount(_ tree: Tree?, _ path: String, at fallback: Place, required: Bool = false,
                         signed: Bool = false) -> Amount? {
        guard let (text, place) = scalar(tree, path, at: fallback, required: required) else { return nil }
        guard let value = Amount(text) else {
            problem(place, path, "\"\(text)\" is not an exact decimal number of at most six decimal places (e.g. 12.34)")
            return nil
        }
        if value.units < 0 && !signed {
            problem(place, path, "\(value) is negative")
            return nil
        }
        return value
    }

    mutating func amount(_ f: Fields, _ key: String, required: Bool = false, signed: Bool = false) -> Amount? {
        amount(f[key], f.path(key), at: f.place, required: required, signed: signed)
    }

    /// A code of digits of one of the given lengths.
    mutating func code(_ tree: Tree?, _ path: String, at fallback: Place, lengths: [Int], what: String) -> String? {
        guard let (text, place) = scalar(tree, path, at: fallback, required: true) else { return nil }
        let code = text.filter { $0 != " " }
        guard lengths.contains(code.count), code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            problem(place, path, "\"\(text)\" is not \(what)")
            return nil
        }
        return code
    }

    // MARK: The budget

    static let budgetKeys = ["department", "overview", "income", "items", "names", "previousYear", "reasons",
                             "projects", "departmentPerformance", "procurement", "assets", "signatureDate"]

    mutating func budget(_ root: Tree) -> Budget? {
        guard let f = fields(root, "", allowed: Self.budgetKeys, keepBlank: true) else {
            if root.isBlank { problem(root.place, "department", "\(Problem.fillIn): the workbook is empty") }
            return nil
        }
        let department = self.department(f)
        let overview = self.overview(f["overview"], "overview")
        let income = self.income(f["income"], "income")
        let (items, itemsComplete) = self.items(f["items"], "items", at: f.place)
        let names = self.names(f["names"], "names")
        let previousYear = self.previousYear(f["previousYear"], "previousYear")
        let reasons = self.reasons(f["reasons"], "reasons")
        let projects = list(f["projects"], "projects").compactMap { project($0.tree, $0.path) }
        let performance = departmentPerformance(f["departmentPerformance"], "departmentPerformance",
                                                department: department?.name)
        let procurement = self.procurement(f["procurement"], "procurement")
        let assets = self.assets(f["assets"], "assets")
        var signatureDate: String?
        if let (text, place) = scalar(f["signatureDate"], "signatureDate", at: f.place, required: false) {
            if let date = Self.isoDate(text) { signatureDate = date } else {
                problem(place, "signatureDate", "\"\(text)\" is not a date YYYY-MM-DD (e.g. 2025-02-10)")
            }
        }
        // Cross-checks: each described project is one the line items name.
        let itemProjects = Set(items.compactMap(\.project))
        var seenProjects: Set<String> = []
        for (n, p) in projects.enumerated() {
            let place = places["projects[\(n)].name"] ?? f.place
            if !seenProjects.insert(p.name).inserted {
                problem(place, "projects[\(n)].name", "project \"\(p.name)\" is described twice")
            } else if itemsComplete && !itemProjects.contains(p.name) {
                problem(place, "projects[\(n)].name", "no line item names the project \"\(p.name)\"")
            }
        }
        guard let department else { return nil }
        let budget = Budget(department: department, overview: overview ?? Overview(), income: income, items: items,
                            names: names, previousYear: previousYear, reasons: reasons, projects: projects,
                            departmentPerformance: performance, procurement: procurement, assets: assets,
                            signatureDate: signatureDate)
        if itemsComplete { incomeAgainstItems(budget, at: f.place) }
        return budget
    }

    /// `Composer.validate`'s income-against-items problems, placed at the income field;
    /// a carried-over source stated in `income` must also equal its items.
    mutating func incomeAgainstItems(_ budget: Budget, at fallback: Place) {
        let beyond = Composer.beyondLimit(budget)
        for message in Composer.validate(budget) where message.hasPrefix("income.") || message == beyond {
            let parts = message.split(separator: ":", maxSplits: 1).map(String.init)
            let field = parts[0]
            problem(places[field] ?? keyPlaces[String(field.prefix { $0 != "." && $0 != "[" })] ?? fallback, field,
                    parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : message)
        }
        guard beyond == nil else { return }
        for source in FundingSource.allCases where source.isCarryOver {
            guard let stated = budget.income.amounts[source] else { continue }
            let spent = budget.items.filter { $0.source == source }.reduce(Amount.zero) { $0 + $1.amount }
            if stated != spent {
                problem(places["income.\(source.rawValue)"] ?? fallback, "income.\(source.rawValue)",
                        "stated \(stated) but the carried-over line items spend \(spent)")
            }
        }
    }

    static func isoDate(_ text: String) -> String? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1900...2200).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    // MARK: 部门

    mutating func department(_ root: Fields) -> BudgetDepartment? {
        guard let f = fields(root["department"], "department", allowed: ["name", "year", "unitType", "region"],
                             keepBlank: true) else {
            problem(root.place, "department", "\(Problem.fillIn): the department (name, year) is required")
            return nil
        }
        let name = text(f, "name", required: true)
        let year = integer(f, "year", required: true, range: 2000...2100)
        let unitType = text(f, "unitType") ?? "行政"
        if !["行政", "参公", "事业"].contains(unitType) {
            problem(f.place("unitType"), f.path("unitType"), "\"\(unitType)\" is not one of 行政, 参公, 事业")
        }
        let region = text(f, "region")
        guard let name, let year else { return nil }
        return BudgetDepartment(name: name, year: year, unitType: unitType, region: region)
    }

    // MARK: 概况

    mutating func overview(_ tree: Tree?, _ path: String) -> Overview? {
        guard let f = fields(tree, path, allowed: ["functions", "subordinateUnits", "subordinateUnitCount", "offices",
                                                   "staffing"]) else { return nil }
        var o = Overview()
        o.functions = text(f, "functions").map { Located($0) }
        o.subordinateUnits = list(f["subordinateUnits"], f.path("subordinateUnits")).compactMap { element in
            scalar(element.tree, element.path, at: f.place, required: true).map { Located($0.0) }
        }
        if let count = integer(f, "subordinateUnitCount") {
            o.subordinateUnitCount = Located(count)
            if !o.subordinateUnits.isEmpty && count != o.subordinateUnits.count {
                problem(f.place("subordinateUnitCount"), f.path("subordinateUnitCount"),
                        "\(count) units stated but \(o.subordinateUnits.count) named")
            }
        } else if f["subordinateUnitCount"]?.isBlank ?? true {
            o.subordinateUnitCount = Located(o.subordinateUnits.count)
        }
        if let g = fields(f["offices"], f.path("offices"), allowed: ["word", "count", "names"]) {
            let names = list(g["names"], g.path("names")).compactMap {
                scalar($0.tree, $0.path, at: g.place, required: true)?.0
            }
            let count = integer(g, "count") ?? names.count
            if !names.isEmpty && count != names.count {
                problem(g.place("count"), g.path("count"), "\(count) offices stated but \(names.count) named")
            }
            let word = text(g, "word") ?? "股室"
            if !names.isEmpty || count > 0 { o.offices = Offices(word: word, count: count, names: names, source: nil) }
        }
        if let g = fields(f["staffing"], f.path("staffing"),
                          allowed: ["authorized", "actual", "active", "retired", "honorablyRetired"]) {
            let authorized = integer(g, "authorized", required: true)
            let actual = integer(g, "actual", required: true)
            let active = headCount(g, "active")
            let retired = headCount(g, "retired")
            let honorable = headCount(g, "honorablyRetired")
            if let authorized, let actual, let active, let retired, let honorable {
                o.staffing = Staffing(authorized: authorized, actual: actual, active: active, retired: retired,
                                      honorablyRetired: honorable, source: nil)
            }
        }
        return o
    }

    /// `{count, change}`; a plain number is a count with no change.
    mutating func headCount(_ f: Fields, _ key: String) -> HeadCount? {
        if case .scalar? = f[key] {
            return integer(f, key, required: true).map { HeadCount(count: $0, change: 0) }
        }
        guard let g = fields(f[key], f.path(key), allowed: ["count", "change"]) else {
            problem(f.place(key), f.path(key), "\(Problem.fillIn): count and change are required")
            return nil
        }
        let count = integer(g, "count", required: true)
        let change = integer(g, "change", range: Int.min...Int.max) ?? 0
        return count.map { HeadCount(count: $0, change: change) }
    }

    // MARK: 收入

    static let sourceAliases: [String: FundingSource] = [
        "一般公共预算": .general, "一般财力": .general, "上级一般公共预算安排转移支付": .generalTransfer,
        "政府性基金收入": .fund, "上级政府性基金安排转移支付": .fundTransfer, "国有资本经营收入": .capital,
        "上级国有资本经营预算安排转移支付": .capitalTransfer, "财政专户核拨": .specialAccount, "财政专户": .specialAccount,
        "单位资金": .unitFunds, "财政拨款结转": .carryOverGeneral, "非财政拨款结转结余": .carryOverOther,
    ]

    static var sourceList: String { FundingSource.allCases.map(\.rawValue).joined(separator: ", ") }

    mutating func source(_ text: String, _ path: String, _ place: Place) -> FundingSource? {
        if let s = FundingSource(rawValue: text) ?? Self.sourceAliases[text] { return s }
        problem(place, path, "\"\(text)\" is not a source of funds (one of \(Self.sourceList))")
        return nil
    }

    mutating func sourceAmounts(_ tree: Tree?, _ path: String) -> [FundingSource: Amount] {
        var tree = tree
        // The JSON form of `IncomeSources`: {"amounts": {…}}.
        if case .map(let entries, _)? = tree, entries.count == 1, entries[0].key == "amounts" { tree = entries[0].value }
        var result: [FundingSource: Amount] = [:]
        for entry in dictionary(tree, path) {
            let field = Self.join(path, entry.key)
            guard let s = source(entry.key, field, entry.keyPlace) else { continue }
            places[Self.join(path, s.rawValue)] = entry.value.place
            if let a = amount(entry.value, field, at: entry.keyPlace) { result[s] = a }
        }
        return result
    }

    mutating func income(_ tree: Tree?, _ path: String) -> IncomeSources {
        IncomeSources(sourceAmounts(tree, path))
    }

    // MARK: 支出明细

    static let itemColumns = ["function", "economic", "source", "kind", "project", "amount"]

    /// The line items, inline or from a CSV or XLSX file; `complete` is false when
    /// an item could not be read (then income is not checked against them).
    mutating func items(_ tree: Tree?, _ path: String, at fallback: Place) -> ([LineItem], complete: Bool) {
        guard let tree, !tree.isBlank else { return ([], true) }
        if case .map(let entries, let place) = tree, !entries.allSatisfy({ Int($0.key) != nil }) {
            guard let f = fields(tree, path, allowed: ["csv", "xlsx", "sheet"]) else { return ([], false) }
            let csv = text(f, "csv"), xlsx = text(f, "xlsx"), sheet = text(f, "sheet")
            let rows: [Tree]?
            switch (csv, xlsx) {
            case (let csv?, nil):
                rows = csvRows(csv, at: f.place("csv"), field: f.path("csv"))
            case (nil, let xlsx?):
                rows = xlsxRows(xlsx, sheet: sheet, at: f.place("xlsx"), field: f.path("xlsx"))
            default:
                problem(place, path, "give the line items inline, or one file: {csv: FILE} or {xlsx: FILE}")
                rows = nil
            }
            guard let rows else { return ([], false) }
            return itemList(.list(rows, place), path)
        }
        return itemList(tree, path)
    }

    mutating func itemList(_ tree: Tree, _ path: String) -> ([LineItem], complete: Bool) {
        var items: [LineItem] = []
        var complete = true
        for element in list(tree, path) {
            if let item = item(element.tree, element.path) { items.append(item) } else { complete = false }
        }
        return (items, complete)
    }

    static let kindAliases: [String: SpendingKind] = ["人员经费": .personnel, "公用经费": .publicUse, "项目支出": .project,
                                                       "项目": .project]

    mutating func item(_ tree: Tree, _ path: String) -> LineItem? {
        guard let f = fields(tree, path, allowed: Self.itemColumns) else { return nil }
        let function = code(f["function"], f.path("function"), at: f.place, lengths: [7],
                            what: "a 7-digit functional 项 code (功能分类项级科目编码，如 2101501)")
        let economic = code(f["economic"], f.path("economic"), at: f.place, lengths: [5],
                            what: "a 5-digit economic 款 code (经济分类款级科目编码，如 30201)")
        var source: FundingSource?
        if let (text, place) = scalar(f["source"], f.path("source"), at: f.place, required: true) {
            source = self.source(text, f.path("source"), place)
        }
        var kind: SpendingKind?
        if let (text, place) = scalar(f["kind"], f.path("kind"), at: f.place, required: true) {
            kind = SpendingKind(rawValue: text) ?? Self.kindAliases[text]
            if kind == nil {
                problem(place, f.path("kind"), "\"\(text)\" is not a kind of spending (one of personnel, publicUse, project)")
            }
        }
        let project = text(f, "project")
        if kind == .project && project == nil {
            problem(f.place("project"), f.path("project"), "\(Problem.fillIn): a project item needs its project name")
        }
        let amount = self.amount(f, "amount", required: true)
        guard let function, let economic, let source, let kind, let amount, kind != .project || project != nil else {
            return nil
        }
        return LineItem(function: function, economic: economic, source: source, kind: kind, project: project,
                        amount: amount)
    }

    // MARK: 科目名称, 上年数, 原因

    mutating func names(_ tree: Tree?, _ path: String) -> [String: String] {
        var result: [String: String] = [:]
        for entry in dictionary(tree, path) {
            let field = Self.join(path, entry.key)
            guard [3, 5, 7].contains(entry.key.count), entry.key.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                problem(entry.keyPlace, field, "\"\(entry.key)\" is not a classification code (3, 5 or 7 digits)")
                continue
            }
            if let name = scalar(entry.value, field, at: entry.keyPlace, required: true)?.0 { result[entry.key] = name }
        }
        return result
    }

    static let threePublicKeys = ["abroad", "reception", "vehiclePurchase", "vehicleOperation"]

    mutating func previousYear(_ tree: Tree?, _ path: String) -> PreviousYear {
        guard let f = fields(tree, path, allowed: ["sources", "basic", "project", "generalPublicBasic",
                                                   "generalPublicProject", "items", "threePublic", "operatingCost"]) else { return PreviousYear() }
        var p = PreviousYear()
        p.sources = sourceAmounts(f["sources"], f.path("sources"))
        p.basic = amount(f, "basic")
        p.project = amount(f, "project")
        p.generalPublicBasic = amount(f, "generalPublicBasic")
        p.generalPublicProject = amount(f, "generalPublicProject")
        for entry in dictionary(f["items"], f.path("items")) {
            let field = f.path("items") + ".\(entry.key)"
            guard entry.key.count == 7, entry.key.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                problem(entry.keyPlace, field, "\"\(entry.key)\" is not a 7-digit functional 项 code")
                continue
            }
            if let a = amount(entry.value, field, at: entry.keyPlace) { p.items[entry.key] = a }
        }
        for entry in dictionary(f["threePublic"], f.path("threePublic")) {
            let field = f.path("threePublic") + ".\(entry.key)"
            guard Self.threePublicKeys.contains(entry.key) else {
                problem(entry.keyPlace, field, "unknown 三公 item (one of \(Self.threePublicKeys.joined(separator: ", ")))")
                continue
            }
            if let a = amount(entry.value, field, at: entry.keyPlace) { p.threePublic[entry.key] = a }
        }
        p.operatingCost = amount(f, "operatingCost")
        return p
    }

    /// Whether a reason key names something the explanation compares.
    static func isReasonKey(_ key: String) -> Bool {
        if ["basic", "project", "generalPublic.basic", "generalPublic.project", "operatingCost"].contains(key) { return true }
        if key.hasPrefix("source.") {
            let s = String(key.dropFirst(7))
            return s == "carryOver" || FundingSource(rawValue: s) != nil
        }
        if key.hasPrefix("item.") {
            let code = key.dropFirst(5)
            return code.count == 7 && code.allSatisfy { $0.isASCII && $0.isNumber }
        }
        if key.hasPrefix("threePublic.") { return threePublicKeys.contains(String(key.dropFirst(12))) }
        return false
    }

    mutating func reasons(_ tree: Tree?, _ path: String) -> [String: String] {
        var result: [String: String] = [:]
        for entry in dictionary(tree, path) {
            let field = Self.join(path, entry.key)
            guard Self.isReasonKey(entry.key) else {
                problem(entry.keyPlace, field, "unknown reason key (source.general, basic, project, item.2101501, "
                        + "threePublic.reception, operatingCost, …)")
                continue
            }
            if let text = scalar(entry.value, field, at: entry.keyPlace, required: true)?.0 { result[entry.key] = text }
        }
        return result
    }

    // MARK: 项目, 绩效

    mutating func project(_ tree: Tree, _ path: String) -> BudgetProject? {
        guard let f = fields(tree, path, allowed: ["name", "policyBasis", "undertakingUnit", "allocation", "period",
                                                   "fields", "owner", "goal", "indicators"]) else { return nil }
        let name = text(f, "name", required: true)
        var project = BudgetProject(name: name ?? "")
        project.policyBasis = text(f, "policyBasis")
        project.undertakingUnit = text(f, "undertakingUnit")
        project.allocation = text(f, "allocation")
        project.period = text(f, "period")
        project.owner = text(f, "owner")
        project.goal = text(f, "goal")
        // Further fields: a list of {label, text}, or a mapping label: text.
        if case .map(let entries, _)? = f["fields"], !entries.allSatisfy({ Int($0.key) != nil }) {
            for entry in dictionary(f["fields"], f.path("fields")) {
                if let t = scalar(entry.value, f.path("fields") + ".\(entry.key)", at: entry.keyPlace, required: true) {
                    project.fields.append(LabelledText(label: entry.key, text: t.0, source: nil))
                }
            }
        } else {
            for element in list(f["fields"], f.path("fields")) {
                guard let g = fields(element.tree, element.path, allowed: ["label", "text"]) else { continue }
                if let label = text(g, "label", required: true), let t = text(g, "text", required: true) {
                    project.fields.append(LabelledText(label: label, text: t, source: nil))
                }
            }
        }
        project.indicators = list(f["indicators"], f.path("indicators")).compactMap { indicator($0.tree, $0.path) }
        return name == nil ? nil : project
    }

    mutating func indicator(_ tree: Tree, _ path: String) -> PerformanceIndicator? {
        guard let f = fields(tree, path, allowed: ["level1", "level2", "name", "target", "basis", "lastYear", "weight",
                                                   "scoringRule", "evidence"]) else { return nil }
        let level1 = text(f, "level1", required: true)
        let level2 = text(f, "level2", required: true)
        let name = text(f, "name", required: true)
        var target: IndicatorTarget?
        if case .map? = f["target"], let g = fields(f["target"], f.path("target"),
                                                     allowed: ["printed", "comparison", "number", "unit", "date"]) {
            if let printed = text(g, "printed", required: true) {
                var t = IndicatorTarget(printed: printed)
                if let c = text(g, "comparison") {
                    t.comparison = Comparison(rawValue: c)
                    if t.comparison == nil { problem(g.place("comparison"), g.path("comparison"), "\"\(c)\" is not one of >=, <=, =, >, <") }
                }
                t.number = amount(g, "number", signed: true)
                t.unit = text(g, "unit")
                t.date = text(g, "date")
                target = t
            }
        } else if let printed = text(f, "target", required: true) {
            target = IndicatorTarget(parsing: printed)
        }
        let weight = amount(f, "weight")
        guard let level1, let level2, let name, let target else { return nil }
        return PerformanceIndicator(level1: level1, level2: level2, name: name, target: target, basis: text(f, "basis"),
                                    lastYear: text(f, "lastYear"), weight: weight, scoringRule: text(f, "scoringRule"),
                                    evidence: text(f, "evidence"))
    }

    mutating func departmentPerformance(_ tree: Tree?, _ path: String, department: String?) -> DepartmentPerformanceTable? {
        guard let f = fields(tree, path, allowed: ["year", "department", "contact", "phone", "annualGoal",
                                                   "superiorFunds", "ownFunds", "otherFunds", "indicators"]) else {
            return nil
        }
        let goal = text(f, "annualGoal", required: true)
        let table = DepartmentPerformanceTable(
            year: integer(f, "year", range: 2000...2100), department: text(f, "department") ?? department ?? "",
            contact: text(f, "contact"), phone: text(f, "phone"), annualGoal: goal ?? "",
            superiorFunds: amount(f, "superiorFunds"), ownFunds: amount(f, "ownFunds"), otherFunds: amount(f, "otherFunds"),
            indicators: list(f["indicators"], f.path("indicators")).compactMap { indicator($0.tree, $0.path) },
            source: nil)
        return goal == nil ? nil : table
    }

    // MARK: 政府采购, 国有资产

    mutating func procurement(_ tree: Tree?, _ path: String) -> Procurement? {
        guard let f = fields(tree, path, allowed: ["total", "goods", "works", "services", "reservedForSMEs",
                                                   "reservedForSmallAndMicro"]) else { return nil }
        let total = amount(f, "total", required: true)
        let goods = amount(f, "goods"), works = amount(f, "works"), services = amount(f, "services")
        let smes = amount(f, "reservedForSMEs"), small = amount(f, "reservedForSmallAndMicro")
        guard let total else { return nil }
        if goods != nil || works != nil || services != nil,
           let parts = Amount.checkedSum([goods, works, services].compactMap { $0 }) {
            if parts != total {
                problem(f.place("total"), f.path("total"), "total \(total) ≠ goods + works + services \(parts)")
            }
        }
        if let smes, smes > total {
            problem(f.place("reservedForSMEs"), f.path("reservedForSMEs"), "\(smes) reserved is more than the total \(total)")
        }
        if let small, small > (smes ?? .zero) {
            problem(f.place("reservedForSmallAndMicro"), f.path("reservedForSmallAndMicro"),
                    "\(small) for small and micro enterprises is more than the \(smes ?? .zero) reserved for SMEs")
        }
        return Procurement(total: total, goods: goods, works: works, services: services, reservedForSMEs: smes,
                           reservedForSmallAndMicro: small, source: nil)
    }

    mutating func assets(_ tree: Tree?, _ path: String) -> StateAssets? {
        guard let f = fields(tree, path, allowed: ["asOfYear", "buildingArea", "buildingValue", "vehicles",
                                                   "furnitureValue", "otherAssetsValue", "equipmentOver50",
                                                   "equipmentOver100", "plannedVehicles", "plannedEquipmentOver50",
                                                   "plannedEquipmentOver100"]) else { return nil }
        var a = StateAssets()
        a.asOfYear = integer(f, "asOfYear", range: 2000...2100)
        a.buildingArea = amount(f, "buildingArea")
        a.buildingValue = amount(f, "buildingValue")
        for element in list(f["vehicles"], f.path("vehicles")) {
            guard let g = fields(element.tree, element.path, allowed: ["kind", "count", "value"]) else { continue }
            let kind = text(g, "kind", required: true), count = integer(g, "count", required: true)
            let value = amount(g, "value", required: true)
            if let kind, let count, let value { a.vehicles.append(VehicleHolding(kind: kind, count: count, value: value)) }
        }
        a.furnitureValue = amount(f, "furnitureValue")
        a.otherAssetsValue = amount(f, "otherAssetsValue")
        a.equipmentOver50 = integer(f, "equipmentOver50")
        a.equipmentOver100 = integer(f, "equipmentOver100")
        a.plannedVehicles = integer(f, "plannedVehicles")
        a.plannedEquipmentOver50 = integer(f, "plannedEquipmentOver50")
        a.plannedEquipmentOver100 = integer(f, "plannedEquipmentOver100")
        return a
    }
}
