import ArgumentParser
import DSODriverHost

/// `dsoctl read`: one read of every point (or the chosen ones) through the driver, as dsod would read it.
struct ReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read", abstract: "Read a driver's points once.",
        discussion: "Exit 0 when the read succeeded, 2 when the device did not answer (DSO_ERROR_IO), 1 for another driver error.")

    @OptionGroup var driver: DriverOptions
    @Option(name: .long, help: ArgumentHelp("Only this point (repeatable).", valueName: "name"))
    var point: [String] = []
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await reportingFailures {
            let session = try BenchSession(try driver.target(), verbose: driver.verbose)
            defer { session.close() }
            let indices = point.isEmpty ? Array(session.instance.points.indices) : try point.map(session.pointIndex)
            let reading = try session.readOrFail()
            let report = DriverReadReport(session: session, reading: reading, indices: indices)
            if output.json { try output.emit(json: report) } else { report.print() }
        }
    }
}

/// One read as a table and as JSON.
struct DriverReadReport: Encodable {
    let device: DeviceDescription
    let durationMs: Double
    let code: String
    let points: [PointReading]

    /// One point's value as read.
    struct PointReading: Encodable {
        let name: String
        let unit: String
        let kind: String
        let writable: Bool
        let value: JSONNumber
        let status: PointValueStatus
        /// The driver's timestamp on the host clock (CLOCK_MONOTONIC ns); 0: unknown / never received.
        let timestampNs: Int64
        /// Age of the value when the read returned, ms; null when the timestamp is 0.
        let ageMs: JSONNumber
    }

    init(session: BenchSession, reading: ProbeReading, indices: [Int]) {
        device = DeviceDescription(session)
        durationMs = Double(reading.durationNanoseconds) / 1e6
        code = reading.code.description
        let finished = reading.startedNanoseconds + reading.durationNanoseconds
        points = indices.map { index in
            let point = session.instance.points[index]
            let value = reading.values[index]
            let stamp = reading.timestampsNanoseconds[index]
            return PointReading(name: point.name, unit: point.unit, kind: PointDescription.kindName(point.kind),
                                writable: point.isWritable, value: JSONNumber(value), status: PointValueStatus(value, point: point),
                                timestampNs: stamp, ageMs: JSONNumber(stamp > 0 ? Double(finished - stamp) / 1e6 : .nan))
        }
    }

    func print() {
        Swift.print("\(device.name) (\(device.driver) \(device.driverVersion)): \(points.count) point(s), read in \(NumberText.trimmed(durationMs, decimals: 3)) ms")
        var table = Table(["point", "value", "unit", "status", "age"], alignments: [.left, .right, .left, .left, .right])
        for point in points {
            let age = point.ageMs.value.isNaN ? "-" : "\(NumberText.trimmed(point.ageMs.value, decimals: 1)) ms"
            table.append([point.name + (point.writable ? " (w)" : ""), NumberText.trimmed(point.value.value), point.unit,
                          point.status.rawValue, age])
        }
        table.print()
    }
}
