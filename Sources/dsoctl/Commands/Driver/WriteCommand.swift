import ArgumentParser
import DSODriverHost

/// `dsoctl write`: one set point through the driver, confirmed first, held for its time to live.
///
/// The ABI's rule decides the shape: a set point is valid until `valid_until`, and closing an instance
/// releases the device (set points revert). So dsoctl writes once with valid-until = now + `--ttl`, reads
/// the point back, keeps the instance open (reading every second, as dsod's I/O thread would, so a driver
/// that renews its device on each poll does so) until the TTL ends or Ctrl-C, then closes: the device
/// returns to its own default. What an engineer sees is what dsod would do for one set point held for TTL.
struct WriteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write", abstract: "Write one set point through a driver and hold it for its time to live.",
        discussion: """
            Asks "Write V unit to NAME on DEVICE? [y/N]" unless --yes (without a terminal the answer is read from stdin). \
            The set point is written once, valid for --ttl, read back, and held until the TTL ends or Ctrl-C; then the \
            instance closes and the driver releases the device. Exit 4 when not confirmed (nothing written), 3 for an \
            unknown or read-only point or a value outside its limits, 1 when the driver refused the write, 2 when the \
            device did not answer.
            """)

    @OptionGroup var driver: DriverOptions
    @Option(name: .long, help: ArgumentHelp("The set point to write.", valueName: "name"))
    var point: String
    @Option(name: .long, help: ArgumentHelp("The value, in the point's unit.", valueName: "number"))
    var value: Double
    @Option(name: .long, help: ArgumentHelp("How long the set point is valid and held.", valueName: "duration"))
    var ttl = ShortDuration(seconds: 30)
    @Flag(name: .long, help: "Write without asking.")
    var yes = false
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await reportingFailures {
            let session = try BenchSession(try driver.target(), verbose: driver.verbose)
            defer { session.close() }
            let index = try session.pointIndex(point)
            let target = session.instance.points[index]
            try Self.check(value, for: target, on: session)
            let before = session.instance.read()
            session.flushLog()
            let quantity = NumberText.quantity(value, unit: target.unit)
            let current = before.isOK ? NumberText.quantity(before.values[index], unit: target.unit) : "unknown (read failed)"
            StandardError.write("\(session.label): \(target.name) reads \(current); writing \(quantity), valid for \(ttl)\n")
            if !yes { try Confirmation.ask("Write \(quantity) to \(target.name) on \(session.target.deviceName)?") }

            let interruption = Interruption()
            let instance = session.instance
            let validUntil = instance.now() + ttl.nanoseconds
            let written = instance.write(point: index, value: value, validUntilNanoseconds: validUntil)
            session.flushLog()
            guard written.isOK else {
                throw DeviceHints.callFailure("write of \(target.name) = \(quantity) to \(session.label)", code: written.code,
                                              message: written.message, driver: session.plugin.driverName)
            }
            let readBack = Self.value(of: index, in: instance.read())
            session.flushLog()
            var hold = SetpointHold(label: "\(target.name) = \(quantity)", seconds: ttl.seconds, enabled: !output.json)
            var last = readBack
            while interruption.sleep(until: min(validUntil, instance.now() + 1_000_000_000), clock: instance.now),
                  instance.now() < validUntil {
                last = Self.value(of: index, in: instance.read())
                session.flushLog()
                hold.update(leftSeconds: Double(validUntil - instance.now()) / 1e9, reads: NumberText.quantity(last, unit: target.unit))
            }
            hold.finish()
            let report = SetpointWriteReport(
                device: DeviceDescription(session), point: target.name, unit: target.unit, value: JSONNumber(value),
                ttlSeconds: ttl.seconds, before: JSONNumber(before.isOK ? before.values[index] : .nan),
                readBack: JSONNumber(readBack), final: JSONNumber(last),
                heldSeconds: Double(instance.now() - written.startedNanoseconds) / 1e9, interrupted: interruption.requested,
                writeMs: Double(written.durationNanoseconds) / 1e6)
            if output.json { try output.emit(json: report) } else { report.print() }
        }
    }

    /// Refuses what dsod's map would never send: read-only points and values outside the declared limits.
    static func check(_ value: Double, for point: DriverPoint, on session: BenchSession) throws {
        guard point.isWritable else {
            let writable = session.instance.points.filter(\.isWritable).map(\.name)
            throw CtlFailure(.invalidInput, "point '\(point.name)' of \(session.label) is not writable (\(PointDescription.kindName(point.kind)))",
                             hint: writable.isEmpty ? "this driver has no writable point" : "writable points: \(BenchSession.list(writable))")
        }
        guard value.isFinite, value >= point.minimum, value <= point.maximum else {
            throw CtlFailure(.invalidInput, "\(NumberText.quantity(value, unit: point.unit)) is outside the limits of '\(point.name)'",
                             hint: "--value within \(NumberText.trimmed(point.minimum))…\(NumberText.trimmed(point.maximum)) \(point.unit)")
        }
    }

    /// The point's value in a read, NaN when the read failed.
    static func value(of index: Int, in reading: ProbeReading) -> Double { reading.isOK ? reading.values[index] : .nan }
}
