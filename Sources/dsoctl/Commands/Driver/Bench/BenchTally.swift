import DSODriverHost

/// Counts a bench's reads by outcome, classified by the driver's return code and the host's deadline.
struct BenchTally {
    /// Durations of the successful reads, nanoseconds.
    private(set) var okNanoseconds: [Int64] = []
    /// Successful but slower than the deadline (`timeout_s`): dsod would mark the instance stale for it.
    private(set) var late = 0
    /// `DSO_ERROR_IO`: the device did not answer (or the link is down and the driver backs off).
    private(set) var timeouts = 0
    /// Any other error code: the device or driver answered, with an error.
    private(set) var errors = 0
    /// The slowest failed call (a timeout usually takes the driver's whole answer timeout), nanoseconds.
    private(set) var slowestFailureNanoseconds: Int64 = 0
    /// The distinct error messages, first seen first, with how often each came.
    private(set) var messages: [(text: String, count: Int)] = []

    var reads: Int { okNanoseconds.count + timeouts + errors }

    mutating func add(_ reading: ProbeReading, deadlineNanoseconds: Int64) {
        if reading.isOK {
            okNanoseconds.append(reading.durationNanoseconds)
            if reading.durationNanoseconds > deadlineNanoseconds { late += 1 }
            return
        }
        if reading.code == .io { timeouts += 1 } else { errors += 1 }
        slowestFailureNanoseconds = max(slowestFailureNanoseconds, reading.durationNanoseconds)
        let text = "\(reading.code): \(reading.message)"
        if let position = messages.firstIndex(where: { $0.text == text }) {
            messages[position].count += 1
        } else if messages.count < 5 {
            messages.append((text, 1))
        }
    }
}
