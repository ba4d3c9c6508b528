import DSOScenario

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
        do {
            return try read(CSVFile.read(path: path))
        } catch {
            throw PlaybackError("\(error)")
        }
    }

    /// The rules of `CSVFile`; a header `time_s,interface_point,net_import_mw[,duration_s]`.
    static func read(_ file: CSVFile) throws(DataFileError) -> DispatchTargetSchedule {
        try file.requireHeader([["time_s", "interface_point", "net_import_mw"],
                                ["time_s", "interface_point", "net_import_mw", "duration_s"]])
        var rows: [(Double, Int, Double, Int?)] = []
        for row in file.rows {
            let expected = "time_s ≥ 0, an interface point index ≥ 0 and a finite MW value"
            try row.requireFieldCount(3...4, expected: expected)
            let time = try row.number(0, expected: expected)
            let value = try row.number(2, expected: expected)
            guard time >= 0, let point = Int(row.fields[1]), point >= 0 else { throw row.error(value: row.text, expected: expected) }
            var duration: Int?
            if row.fields.count == 4 {
                guard let seconds = Int(row.fields[3]), (1...65535).contains(seconds) else {
                    throw row.error(value: row.fields[3], expected: "duration_s as a whole number of seconds 1…65535")
                }
                duration = seconds
            }
            rows.append((time, point, value, duration))
        }
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
