import Foundation

/// A fixture's TOML text cut at its table headers, so a test can set one key of one table to a value of its
/// choosing (replacing what the fixture wrote there) without a TOML library. Fixtures write one key per line.
public struct TOMLSections {
    /// Lines before the first header (the top-level keys), then each header with its lines.
    private var sections: [(header: String?, lines: [String])]

    public init(_ text: String) {
        sections = [(nil, [])]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("[") {
                sections.append((line, []))
            } else {
                sections[sections.count - 1].lines.append(line)
            }
        }
    }

    public var text: String {
        sections.flatMap { section in (section.header.map { [$0] } ?? []) + section.lines }.joined(separator: "\n")
    }

    /// Sets `key = value` in the first table named `table` (`""`: the top level). Whatever the fixture wrote
    /// at that key goes: its line, or its sub-tables (`[table.key]`, `[[table.key]]`) up to the next `table`.
    public mutating func set(_ key: String, to value: String, inTable table: String) {
        let path = table.isEmpty ? key : "\(table).\(key)"
        guard let start = table.isEmpty ? 0 : sections.firstIndex(where: { Self.name($0.header) == table }) else {
            preconditionFailure("the fixture has no table [\(table)]")
        }
        var index = start + 1
        while index < sections.count, table.isEmpty || Self.name(sections[index].header) != table {
            let name = Self.name(sections[index].header) ?? ""
            if name == path || name.hasPrefix(path + ".") {
                sections.remove(at: index)
            } else {
                index += 1
            }
        }
        sections[start].lines.removeAll { $0.hasPrefix("\(key) =") || $0.hasPrefix("\(key)=") }
        sections[start].lines.insert("\(key) = \(value)", at: 0)
    }

    /// `[[a.b]]` or `[a.b]` → `a.b`.
    private static func name(_ header: String?) -> String? {
        header?.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
    }
}
