import ArgumentParser
import DSODriverHost
import Foundation

/// `dsoctl watch`: reads at a fixed rate and prints one row per read (JSON lines with `--json`) until
/// `--count`, `--seconds` or Ctrl-C.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch", abstract: "Watch a driver's points live, one row per read.",
        discussion: """
            Reads on a fixed grid (--rate; default the [[drivers]] entry's poll_period_s, else 1 s) until --count reads, \
            --seconds or Ctrl-C. With --json each read is one JSON object per line. Exit 0 when every read succeeded, \
            2 when some got no answer, 1 when the driver answered some with an error.
            """)

    @OptionGroup var driver: DriverOptions
    @Option(name: .long, help: ArgumentHelp("Only this point (repeatable); default every point.", valueName: "name"))
    var point: [String] = []
    @Option(name: .long, help: ArgumentHelp("Time between reads.", valueName: "duration"))
    var rate: ShortDuration?
    @Option(name: .long, help: ArgumentHelp("Stop after this many reads.", valueName: "n"))
    var count: Int?
    @Option(name: .long, help: ArgumentHelp("Stop after this long.", valueName: "duration"))
    var seconds: ShortDuration?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let count, count < 1 { throw ValidationError("--count must be at least 1.") }
    }

    func run() async throws {
        try await reportingFailures {
            let target = try driver.target()
            let session = try BenchSession(target, verbose: driver.verbose)
            defer { session.close() }
            let indices = point.isEmpty ? Array(session.instance.points.indices) : try point.map(session.pointIndex)
            let period = rate?.nanoseconds ?? Int64((target.pollPeriodSeconds ?? 1) * 1e9)
            let interruption = Interruption()
            var rows = WatchRows(points: indices.map { session.instance.points[$0] }, indices: indices, json: output.json)
            let instance = session.instance
            let start = instance.now()
            let end = seconds.map { start + $0.nanoseconds } ?? .max
            var next = start
            var failures: [DriverReturnCode] = []
            var reads = 0
            StandardError.write("watching \(session.label) every \(ShortDuration.text(Double(period) / 1e9)); Ctrl-C stops\n")
            while !interruption.requested, instance.now() < end, reads < (count ?? .max) {
                let reading = instance.read()
                session.flushLog()
                reads += 1
                if !reading.isOK { failures.append(reading.code) }
                rows.emit(reading, sinceStartNanoseconds: reading.startedNanoseconds - start)
                next += period
                if next <= instance.now() { next = instance.now() + period }  // late: keep the rate from now, no burst
                if reads >= (count ?? .max) { break }
                guard interruption.sleep(until: min(next, end), clock: instance.now) else { break }
            }
            StandardError.write("\(reads) read(s), \(failures.count) failed\n")
            if let worst = failures.first(where: { $0 == .io }) ?? failures.first {
                throw CtlFailure(worst == .io ? .unreachable : .deviceError, "\(failures.count) of \(reads) read(s) of \(session.label) failed",
                                 hint: worst == .io ? DeviceHints.unreachable(driver: session.plugin.driverName) : "")
            }
        }
    }
}
