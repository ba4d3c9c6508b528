/// Labelled lines with the values aligned (`driver       modbus 1.0.0`): a summary above or instead of a table.
struct KeyValueList {
    private(set) var entries: [(String, String)] = []

    mutating func append(_ key: String, _ value: String) { entries.append((key, value)) }

    func rendered() -> String {
        let width = entries.map(\.0.count).max() ?? 0
        return entries.map { key, value in
            key + String(repeating: " ", count: width - key.count) + "  " + value
        }.joined(separator: "\n")
    }

    func print() { Swift.print(rendered()) }
}
