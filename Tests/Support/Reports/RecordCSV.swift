import Foundation

/// A `--record` CSV read back: its header and numeric columns (empty cells read as NaN).
public struct RecordCSV {
    public var header: [String]
    public var rows: [[String]]
    public var rawText: String

    public init(path: String) throws {
        rawText = try String(contentsOfFile: path, encoding: .utf8)
        var lines = rawText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        header = lines.first.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
        rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The values of column `name`, or nil when the header lacks it.
    public func column(_ name: String) -> [Double]? {
        guard let index = header.firstIndex(of: name) else { return nil }
        return rows.map { index < $0.count ? Double($0[index]) ?? .nan : .nan }
    }
}
