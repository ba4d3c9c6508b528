import Foundation

/// Dispatch operating targets to send: rows of a `time_s,interface_point,net_import_mw[,duration_s]` CSV.
///
/// `interface_point` is the 0-based index in the DSO's register map (the scenario's order); a target holds
/// for `duration_s` (default: until the next row for that point, else 300 s).
struct DispatchTargetSchedule {
    struct Target: Equatable {
        var timeSeconds: Double
        var interfacePoint: Int
        var netImportMW: Double
        var durationSeconds: Int
    }

    var targets: [Target]

    static func load(path: String) throws -> DispatchTargetSchedule {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw PlaybackError("\(path): cannot read the dispatch-target schedule (expected a UTF-8 CSV file)")
        }
        var rows: [(Double, Int, Double, Int?)] = []
        var sawHeader = false
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if !sawHeader {
                guard fields == ["time_s", "interface_point", "net_import_mw"]
                        || fields == ["time_s", "interface_point", "net_import_mw", "duration_s"] else {
                    throw PlaybackError("\(path):\(number + 1): '\(line)': expected the header 'time_s,interface_point,net_import_mw[,duration_s]'")
                }
                sawHeader = true
                continue
            }
            guard fields.count == 3 || fields.count == 4, let time = Double(fields[0]), time.isFinite, time >= 0,
                  let point = Int(fields[1]), point >= 0, let value = Double(fields[2]), value.isFinite else {
                throw PlaybackError("\(path):\(number + 1): '\(line)': expected time_s ≥ 0, an interface point index ≥ 0 and a finite MW value")
            }
            var duration: Int?
            if fields.count == 4 {
                guard let seconds = Int(fields[3]), (1...65535).contains(seconds) else {
                    throw PlaybackError("\(path):\(number + 1): duration_s '\(fields[3])' must be a whole number of seconds 1…65535")
                }
                duration = seconds
            }
            rows.append((time, point, value, duration))
        }
        guard sawHeader else { throw PlaybackError("\(path): empty; expected the header 'time_s,interface_point,net_import_mw'") }
        rows.sort { $0.0 < $1.0 }
        var targets: [Target] = []
        for (index, row) in rows.enumerated() {
            let next = rows[(index + 1)...].first { $0.1 == row.1 }
            let duration = row.3 ?? next.map { max(1, Int(($0.0 - row.0).rounded(.up))) } ?? 300
            targets.append(Target(timeSeconds: row.0, interfacePoint: row.1, netImportMW: row.2,
                                  durationSeconds: min(duration, 65535)))
        }
        return DispatchTargetSchedule(targets: targets)
    }
}

/// A problem with caiso-sim's inputs, printed as `Error: …`.
struct PlaybackError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
