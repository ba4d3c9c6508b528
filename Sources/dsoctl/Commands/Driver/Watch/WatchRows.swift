import DSODriverHost
import Foundation

/// `watch`'s output: a header, then one aligned row per read as it comes (or one JSON object per line).
struct WatchRows {
    let points: [DriverPoint]
    let indices: [Int]
    let json: Bool
    private let widths: [Int]
    private var headerPrinted = false

    init(points: [DriverPoint], indices: [Int], json: Bool) {
        self.points = points
        self.indices = indices
        self.json = json
        widths = points.map { max(($0.unit.isEmpty ? $0.name : "\($0.name) [\($0.unit)]").count, 10) }
    }

    /// One read's JSON line.
    struct Line: Encodable {
        /// Seconds since the first read started.
        let t: Double
        let durationMs: Double
        let code: String
        let error: String?
        let values: [String: JSONNumber]
    }

    mutating func emit(_ reading: ProbeReading, sinceStartNanoseconds: Int64) {
        let seconds = Double(sinceStartNanoseconds) / 1e9
        if json {
            var values: [String: JSONNumber] = [:]
            for (point, index) in zip(points, indices) { values[point.name] = JSONNumber(reading.values[index]) }
            let line = Line(t: seconds, durationMs: Double(reading.durationNanoseconds) / 1e6, code: reading.code.description,
                            error: reading.isOK ? nil : reading.message, values: values)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            if let data = try? encoder.encode(line) { StandardOutput.writeLine(String(decoding: data, as: UTF8.self)) }
            return
        }
        if !headerPrinted {
            headerPrinted = true
            let names = points.map { $0.unit.isEmpty ? $0.name : "\($0.name) [\($0.unit)]" }
            StandardOutput.writeLine(row(["t [s]", "read [ms]"] + names))
        }
        let time = String(format: "%.3f", seconds)
        let duration = String(format: "%.3f", Double(reading.durationNanoseconds) / 1e6)
        if reading.isOK {
            StandardOutput.writeLine(row([time, duration] + indices.map { NumberText.trimmed(reading.values[$0]) }))
        } else {
            StandardOutput.writeLine(row([time, duration]) + "  read failed (\(reading.code)): \(reading.message)")
        }
    }

    private func row(_ cells: [String]) -> String {
        let all = [8, 10] + widths
        return cells.enumerated().map { position, cell in
            String(repeating: " ", count: max(all[position] - cell.count, 0)) + cell
        }.joined(separator: "  ")
    }
}
