import Foundation
import Yams

/// The parsed workbook before it is checked: mappings, lists and text, each with
/// the place it was written. YAML and JSON files (through `Yams.compose`), CSV
/// rows and XLSX cells all become a `Tree`, so one reader checks them all alike.
indirect enum Tree {
    /// Text; nil for an empty value (`~`, `null`, nothing, an empty cell).
    case scalar(String?, Place)
    case map([Entry], Place)
    case list([Tree], Place)

    struct Entry {
        var key: String
        var keyPlace: Place
        var value: Tree
    }

    var place: Place {
        switch self {
        case .scalar(_, let p), .map(_, let p), .list(_, let p): p
        }
    }

    /// True for an empty value, and for a mapping or list of empty values only
    /// (a blank row or slot of a template).
    var isBlank: Bool {
        switch self {
        case .scalar(let s, _): s == nil
        case .map(let entries, _): entries.allSatisfy(\.value.isBlank)
        case .list(let items, _): items.allSatisfy(\.isBlank)
        }
    }

    /// What the value is, for messages.
    var kindWord: String {
        switch self {
        case .scalar: "a single value"
        case .map: "a mapping (key: value)"
        case .list: "a list"
        }
    }

    // MARK: From YAML

    /// A workbook nested too deeply or expanded too far by aliases: where, and why.
    struct Overrun: Error {
        var place: Place
        var reason: String
    }

    /// The tree of a YAML (or JSON) node; every place carries the node's line.
    /// `values` is how many values the tree may still hold (aliases can repeat a
    /// part of the text without end), `depth` how many more levels it may nest.
    static func from(_ node: Node, file: String, values: inout Int, depth: Int = WorkbookLimits.depth)
        throws(Overrun) -> Tree {
        let place = Place(file: file, line: node.mark?.line)
        values -= 1
        guard values >= 0 else {
            throw Overrun(place: place, reason: "the workbook expands to too many values: aliases (*name) repeat "
                          + "a part within a part; write the values out instead")
        }
        guard depth > 0 else {
            throw Overrun(place: place, reason: "mappings and lists are nested more than \(WorkbookLimits.depth) "
                          + "levels deep (a budget needs about six)")
        }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain || scalar.style == .any, node.null != nil {
                return .scalar(nil, place)
            }
            let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
            return .scalar(text.isEmpty ? nil : text, place)
        case .mapping(let mapping):
            var entries: [Entry] = []
            for (key, value) in mapping {
                let keyPlace = Place(file: file, line: key.mark?.line)
                var tree = try from(value, file: file, values: &values, depth: depth - 1)
                // An empty value has no position of its own worth reporting: use its key's line.
                if case .scalar(nil, _) = tree { tree = .scalar(nil, keyPlace) }
                // A key that is a mapping or list is not a field name (and is not spelt out: it may be huge).
                entries.append(Entry(key: key.scalar?.string ?? "(a mapping or list as a key)", keyPlace: keyPlace,
                                     value: tree))
            }
            return .map(entries, place)
        case .sequence(let sequence):
            var elements: [Tree] = []
            for element in sequence { elements.append(try from(element, file: file, values: &values, depth: depth - 1)) }
            return .list(elements, place)
        }
    }

    // MARK: From field paths

    /// The tree of rows `path = value` (a workbook sheet of fields): `department.name`,
    /// `overview.offices.names.1`, `projects.2.indicators.1.target`. Numbered parts make
    /// mappings with numeric keys, which the reader accepts where a list is expected.
    static func fromPaths(_ rows: [(path: [String], value: String?, place: Place)], place: Place) -> Tree {
        var root = Tree.map([], place)
        for row in rows where !row.path.isEmpty {
            root.insert(row.path[...], value: .scalar(row.value, row.place), keyPlace: row.place)
        }
        return root
    }

    private mutating func insert(_ path: ArraySlice<String>, value: Tree, keyPlace: Place) {
        guard case .map(var entries, let place) = self, let key = path.first else { return }
        if path.count == 1 {
            entries.append(Entry(key: key, keyPlace: keyPlace, value: value))
        } else if let i = entries.firstIndex(where: { $0.key == key }), case .map = entries[i].value {
            entries[i].value.insert(path.dropFirst(), value: value, keyPlace: keyPlace)
        } else {
            var child = Tree.map([], keyPlace)
            child.insert(path.dropFirst(), value: value, keyPlace: keyPlace)
            entries.append(Entry(key: key, keyPlace: keyPlace, value: child))
        }
        self = .map(entries, place)
    }
}
