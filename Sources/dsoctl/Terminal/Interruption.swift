import Dispatch
import Foundation
import Synchronization

/// Ctrl-C (SIGINT) and SIGTERM as a flag the long-running commands poll, so they stop between driver calls
/// and still close the instance (which releases the device's set points) instead of dying inside a call.
final class Interruption: @unchecked Sendable {
    // Sendable: `sources` is written once in init and only kept alive; the flag is atomic.
    private static let flag = Atomic<Bool>(false)
    private var sources: [any DispatchSourceSignal] = []

    /// Installs the handlers; the default action (terminate) is restored only when the process ends.
    init() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { Interruption.flag.store(true, ordering: .relaxed) }
            source.resume()
            sources.append(source)
        }
    }

    var requested: Bool { Self.flag.load(ordering: .relaxed) }

    /// Sleeps until `deadline` (host clock, nanoseconds) in short steps; false when interrupted first.
    func sleep(until deadline: Int64, clock: () -> Int64) -> Bool {
        while !requested {
            let left = deadline - clock()
            if left <= 0 { return true }
            usleep(UInt32(min(left / 1000, 50_000)))
        }
        return false
    }
}
