import Foundation

/// CLOCK_MONOTONIC in nanoseconds: the plugin's host clock in the end-to-end tests.
public func monotonicNanoseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
}
