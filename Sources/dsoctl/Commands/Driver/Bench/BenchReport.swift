/// What `bench` prints: counts, round-trip statistics and histogram, and the verdict against the kernel's cycle.
struct BenchReport: Encodable {
    let device: DeviceDescription
    let seconds: Double
    /// The read period asked for (null: back to back).
    let rateSeconds: JSONNumber
    let cycleMs: Double
    let deadlineMs: Double
    let reads: Int
    let readsPerSecond: Double
    let ok: Int
    let late: Int
    let timeouts: Int
    let errors: Int
    let slowestFailureMs: Double
    let latency: LatencyStatistics
    let messages: [Message]
    let keepsUp: Bool
    let verdict: String

    struct Message: Encodable {
        let text: String
        let count: Int
    }

    init(device: DeviceDescription, tally: BenchTally, elapsedSeconds: Double, rateSeconds: Double?, cycleSeconds: Double,
         deadlineSeconds: Double) {
        self.device = device
        seconds = elapsedSeconds
        self.rateSeconds = JSONNumber(rateSeconds ?? .nan)
        cycleMs = cycleSeconds * 1000
        deadlineMs = deadlineSeconds * 1000
        reads = tally.reads
        readsPerSecond = elapsedSeconds > 0 ? Double(tally.reads) / elapsedSeconds : 0
        ok = tally.okNanoseconds.count
        late = tally.late
        timeouts = tally.timeouts
        errors = tally.errors
        slowestFailureMs = Double(tally.slowestFailureNanoseconds) / 1e6
        latency = LatencyStatistics(nanoseconds: tally.okNanoseconds)
        messages = tally.messages.map { Message(text: $0.text, count: $0.count) }
        let p99 = latency.p99Ms.value
        var problems: [String] = []
        if ok == 0 { problems.append("no read succeeded") }
        if timeouts > 0 { problems.append("\(timeouts) read(s) got no answer") }
        if errors > 0 { problems.append("\(errors) read(s) answered with an error") }
        if p99 > cycleMs { problems.append("p99 \(NumberText.trimmed(p99, decimals: 3)) ms is longer than the \(NumberText.trimmed(cycleMs)) ms cycle") }
        keepsUp = problems.isEmpty
        if keepsUp {
            let maxMs = latency.maxMs.value
            verdict = "keeps up with a \(NumberText.trimmed(cycleMs)) ms cycle: p99 \(NumberText.trimmed(p99, decimals: 3)) ms, "
                + "no failures; timeout_s ≥ \(NumberText.trimmed(Self.roundedUp(maxMs) / 1000)) covers the slowest read"
        } else {
            verdict = "does not keep up with a \(NumberText.trimmed(cycleMs)) ms cycle: " + problems.joined(separator: "; ")
        }
    }

    /// The next 1-2-5 step at or above `ms` (a timeout setting an engineer would write).
    static func roundedUp(_ ms: Double) -> Double {
        LatencyStatistics.boundsMs.first { ms <= $0 } ?? (ms / 1000).rounded(.up) * 1000
    }

    func print() {
        var summary = KeyValueList()
        summary.append("device", "\(device.name) (\(device.driver) \(device.driverVersion))")
        let pace = rateSeconds.value.isNaN ? "back to back" : "every \(ShortDuration.text(rateSeconds.value))"
        summary.append("reads", "\(reads) in \(NumberText.trimmed(seconds, decimals: 1)) s, \(pace) (\(NumberText.trimmed(readsPerSecond, decimals: 1)) /s)")
        summary.append("ok", "\(ok)")
        summary.append("late", "\(late) (ok, but over the \(NumberText.trimmed(deadlineMs)) ms deadline: dsod would mark the device stale)")
        summary.append("timeouts", "\(timeouts) (DSO_ERROR_IO: no answer or link down)")
        summary.append("errors", "\(errors) (another error code: the device answered with an error)")
        if timeouts + errors > 0 { summary.append("slowest failure", "\(NumberText.trimmed(slowestFailureMs, decimals: 3)) ms") }
        let stats = [("min", latency.minMs), ("p50", latency.p50Ms), ("p99", latency.p99Ms), ("max", latency.maxMs), ("mean", latency.meanMs)]
        summary.append("round trip", stats.map { "\($0.0) \(NumberText.trimmed($0.1.value, decimals: 3)) ms" }.joined(separator: "  "))
        summary.print()
        if !latency.histogram.isEmpty {
            Swift.print("")
            latency.histogramTable().print()
        }
        if !messages.isEmpty {
            Swift.print("")
            for message in messages { Swift.print("\(message.count)× \(message.text)") }
        }
        Swift.print("")
        Swift.print("verdict: \(verdict)")
    }
}
