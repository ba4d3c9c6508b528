import DSORuntime
import DequeModule
import Foundation
import Synchronization

/// SPSCRing against the obvious alternative, a `Mutex<Deque<Int>>`: single-thread push+pop cost,
/// two-thread throughput (both bounded at the same capacity), and steady-state allocations.
let ringBenchmark = Benchmark(
    name: "ring",
    summary: "SPSCRing<Int> vs Mutex<Deque<Int>>: push+pop ns, two-thread items/s, allocations"
) { arguments in
    let capacity = 1024
    let pairs = arguments.quick ? 2_000_000 : 20_000_000
    let transferItems = arguments.quick ? 1_000_000 : 10_000_000
    let repetitions = arguments.quick ? 3 : 5

    let ring = SPSCRing<Int>(capacity: capacity)
    let locked = BoundedLockedQueue(capacity: capacity)

    let ringPairNanoseconds = timePairs(pairs, ring)
    let lockedPairNanoseconds = timePairs(pairs, locked)
    let ringAllocations = allocations {
        for value in 0..<100_000 { _ = ring.push(value); blackHole(ring.pop()!) }
    }.count
    let lockedAllocations = allocations {
        for value in 0..<100_000 { _ = locked.push(value); blackHole(locked.pop()!) }
    }.count

    var ringRates: [Double] = []
    var lockedRates: [Double] = []
    for _ in 0..<repetitions {
        // Interleaved so both see the same machine load (this VM swings up to 4x between runs).
        ringRates.append(transferRate(items: transferItems, ring))
        lockedRates.append(transferRate(items: transferItems, locked))
    }
    let ringRate = Percentiles(ringRates).median
    let lockedRate = Percentiles(lockedRates).median

    print("capacity \(capacity); single thread: \(pairs) push+pop pairs; two threads: \(transferItems) items, median of \(repetitions) interleaved runs\n")
    print("| queue | push+pop, one thread (ns/pair) | two-thread throughput (M items/s) | allocations per push+pop |")
    print("|---|---:|---:|---:|")
    print("| SPSCRing<Int> | \(format(ringPairNanoseconds)) | \(format(ringRate / 1e6)) | \(format(Double(ringAllocations) / 100_000, 3)) |")
    print("| Mutex<Deque<Int>> | \(format(lockedPairNanoseconds)) | \(format(lockedRate / 1e6)) | \(format(Double(lockedAllocations) / 100_000, 3)) |")
    print("")
    print("ring / mutex: single thread \(format(lockedPairNanoseconds / ringPairNanoseconds))x faster; two threads \(format(ringRate / lockedRate))x the throughput (target >= 4x)")
    print("two-thread runs (M items/s): ring \(ringRates.map { format($0 / 1e6) }.joined(separator: ", ")); mutex \(lockedRates.map { format($0 / 1e6) }.joined(separator: ", "))")
    precondition(ringAllocations == 0, "SPSCRing allocated \(ringAllocations) times in steady state")
}

/// What both contenders offer, so the measuring loops are specialised for each (no closure calls).
private protocol TransferQueue: Sendable {
    func push(_ value: Int) -> Bool
    func pop() -> Int?
}

extension SPSCRing<Int>: TransferQueue {}

/// The reference: a bounded FIFO behind a lock, as most code would write it first.
private final class BoundedLockedQueue: TransferQueue {
    let capacity: Int
    let queue: Mutex<Deque<Int>>

    init(capacity: Int) {
        self.capacity = capacity
        var deque = Deque<Int>()
        deque.reserveCapacity(capacity)
        queue = Mutex(deque)
    }

    @inline(__always)
    func push(_ value: Int) -> Bool {
        queue.withLock { deque in
            guard deque.count < capacity else { return false }
            deque.append(value)
            return true
        }
    }

    @inline(__always)
    func pop() -> Int? {
        queue.withLock { $0.popFirst() }
    }
}

/// Keeps a value alive so the optimiser cannot delete the work that produced it.
@inline(never)
private func blackHole(_ value: Int) {
    if value == .min { print("") }
}

/// Nanoseconds per push+pop pair on one thread.
private func timePairs<Queue: TransferQueue>(_ pairs: Int, _ queue: Queue) -> Double {
    for value in 0..<10_000 { _ = queue.push(value); blackHole(queue.pop()!) }  // warm up
    var checksum = 0
    let start = nowNanoseconds()
    for value in 0..<pairs {
        _ = queue.push(value)
        checksum &+= queue.pop()!
    }
    let elapsed = nowNanoseconds() - start
    blackHole(checksum)
    precondition(checksum == (0..<pairs).reduce(0, &+), "queue lost or reordered items")
    return Double(elapsed) / Double(pairs)
}

/// Spins a while, then yields: when both threads land on one core (2 shared vCPUs), pure
/// spinning would burn whole time slices waiting for a peer that cannot run.
@inline(__always)
private func backOff(_ idleSpins: inout Int) {
    idleSpins += 1
    if idleSpins > 256 {
        sched_yield()
        idleSpins = 0
    }
}

/// Items per second moved from a producer thread to a consumer thread, both spinning on full
/// and empty; verifies the consumer saw every item in order.
private func transferRate<Queue: TransferQueue>(items: Int, _ queue: Queue) -> Double {
    let ready = DispatchSemaphore(value: 0)
    let go = DispatchSemaphore(value: 0)
    let finished = DispatchSemaphore(value: 0)
    let producer = Thread {
        ready.signal()
        go.wait()
        var value = 0
        var idleSpins = 0
        while value < items {
            if queue.push(value) {
                value += 1
                idleSpins = 0
            } else {
                backOff(&idleSpins)
            }
        }
        finished.signal()
    }
    let consumer = Thread {
        ready.signal()
        go.wait()
        var expected = 0
        var idleSpins = 0
        while expected < items {
            if let value = queue.pop() {
                precondition(value == expected, "item \(expected) expected, got \(value)")
                expected += 1
                idleSpins = 0
            } else {
                backOff(&idleSpins)
            }
        }
        finished.signal()
    }
    producer.start()
    consumer.start()
    ready.wait()
    ready.wait()
    let start = nowNanoseconds()
    go.signal()
    go.signal()
    finished.wait()
    finished.wait()
    let elapsed = nowNanoseconds() - start
    return Double(items) / (Double(elapsed) / 1e9)
}
