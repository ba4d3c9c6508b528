import ArgumentParser
import DSODriverHost

/// `dsoctl bench`: reads for a while and tells whether the device keeps up with the kernel's cycle.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Round-trip latency of a driver's reads against the kernel's cycle.",
        discussion: """
            Reads back to back (or every --rate) for --seconds and prints the round trips of the successful reads \
            (min, p50, p99, max, mean, histogram), reads that came back later than the deadline (--deadline, default the \
            [[drivers]] entry's timeout_s, else 50 ms), reads with no answer (DSO_ERROR_IO) and with another error, and a \
            verdict: the device keeps up when every read succeeded and p99 is within --cycle. Exit 0 when it keeps up, \
            1 when it does not, 2 when no read got an answer.
            """)

    @OptionGroup var driver: DriverOptions
    @Option(name: .long, help: ArgumentHelp("How long to read.", valueName: "duration"))
    var seconds = ShortDuration(seconds: 30)
    @Option(name: .long, help: ArgumentHelp("Time between reads (default: back to back).", valueName: "duration"))
    var rate: ShortDuration?
    @Option(name: .long, help: ArgumentHelp("The kernel's cycle period to judge against.", valueName: "duration"))
    var cycle = ShortDuration(seconds: 0.1)  // dsod's default cycle ([kernel] period_s)
    @Option(name: .long, help: ArgumentHelp("A read longer than this counts as late (dsod's timeout_s).", valueName: "duration"))
    var deadline: ShortDuration?
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await reportingFailures {
            let target = try driver.target()
            let session = try BenchSession(target, verbose: driver.verbose)
            defer { session.close() }
            let deadlineSeconds = deadline?.seconds ?? target.timeoutSeconds ?? 0.05
            let interruption = Interruption()
            let instance = session.instance
            var tally = BenchTally()
            var progress = Progress("bench \(session.target.deviceName)", total: max(Int(seconds.seconds * 10), 1),
                                    enabled: StandardError.isTerminal && !output.json)
            let start = instance.now()
            let end = start + seconds.nanoseconds
            var next = start
            while !interruption.requested, instance.now() < end {
                let reading = instance.read()
                session.flushLog()
                tally.add(reading, deadlineNanoseconds: Int64(deadlineSeconds * 1e9))
                progress.update(Int((instance.now() - start) / 100_000_000),
                                detail: "\(tally.reads) reads, \(tally.timeouts) timeouts, \(tally.errors) errors")
                if let rate {
                    next += rate.nanoseconds
                    if next <= instance.now() { next = instance.now() }
                    guard interruption.sleep(until: min(next, end), clock: instance.now) else { break }
                }
            }
            progress.finish()
            let elapsed = Double(instance.now() - start) / 1e9
            let report = BenchReport(device: DeviceDescription(session), tally: tally, elapsedSeconds: elapsed, rateSeconds: rate?.seconds,
                                     cycleSeconds: cycle.seconds, deadlineSeconds: deadlineSeconds)
            if output.json { try output.emit(json: report) } else { report.print() }
            if report.ok == 0 && report.timeouts > 0 {
                throw CtlFailure(.unreachable, "no read of \(session.label) got an answer", hint: DeviceHints.unreachable(driver: session.plugin.driverName))
            }
            if !report.keepsUp { throw CtlFailure(.deviceError, "\(session.label) \(report.verdict)") }
        }
    }
}
