import Foundation
import Synchronization

/// Watches the instances' driver calls and logs a call that runs past its deadline while it still runs
/// (the I/O thread cannot: it is inside the call). One log line per hung call.
final class HangSupervisor: @unchecked Sendable {
    // Sendable: `reported` is touched only by the supervisor thread; the rest is immutable or atomic.
    private let instances: [HostedDriverInstance]
    private let clock: HostClock
    private let log: DriverLogHandler
    private let stopRequested = Atomic<Bool>(false)
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private var reported: [Int64]
    private let intervalNanoseconds: Int64

    init(instances: [HostedDriverInstance], clock: HostClock, log: @escaping DriverLogHandler) {
        self.instances = instances
        self.clock = clock
        self.log = log
        reported = Array(repeating: HostedDriverInstance.idle, count: instances.count)
        let shortest = instances.map(\.timeoutNanoseconds).min() ?? 1_000_000_000
        intervalNanoseconds = min(max(shortest / 2, 5_000_000), 1_000_000_000)
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "dso-driver-supervisor"
        thread.start()
    }

    func stop() {
        stopRequested.store(true, ordering: .relaxed)
        wake.signal()
        finished.wait()
    }

    private func run() {
        while !stopRequested.load(ordering: .relaxed) {
            let now = clock.now()
            for (position, instance) in instances.enumerated() {
                let started = instance.callStartedNanoseconds.load(ordering: .relaxed)
                guard started != HostedDriverInstance.idle, now &- started > instance.timeoutNanoseconds,
                      reported[position] != started else { continue }
                reported[position] = started
                log(.warning, "driver '\(instance.configuration.name)' (\(instance.library.driverName)): a driver call has run "
                    + "\((now &- started) / 1_000_000) ms, past its \(instance.timeoutNanoseconds / 1_000_000) ms deadline; "
                    + "its points are stale until it returns")
            }
            _ = wake.wait(timeout: .now() + .nanoseconds(Int(intervalNanoseconds)))
        }
        finished.signal()
    }
}
