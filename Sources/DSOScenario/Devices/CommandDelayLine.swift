/// Set points in flight between the controller and a device: a command given at t takes effect at t + delay.
///
/// A fixed-capacity ring allocated at init, so queuing and releasing commands never allocates. When the ring is
/// full (commands arrive faster than capacity ÷ delay), the newest pending command is replaced: the device only
/// ever acts on the latest set point, as a real gateway with a one-slot mailbox per message would.
public struct CommandDelayLine: Sendable {
    /// Time between a command being given and it taking effect, seconds.
    public let delaySeconds: Double
    private var dueSeconds: [Double]
    private var values: [Double]
    private var head = 0
    /// Commands given but not yet in effect.
    public private(set) var pendingCount = 0

    public init(delaySeconds: Double, capacity: Int) {
        self.delaySeconds = max(0, delaySeconds)
        let slots = max(1, capacity)
        dueSeconds = Array(repeating: .infinity, count: slots)
        values = Array(repeating: 0, count: slots)
    }

    /// Queues `value`, given at `seconds`, to take effect at `seconds + delaySeconds`.
    @inline(__always)
    public mutating func push(_ value: Double, givenAtSeconds seconds: Double) {
        let capacity = values.count
        if pendingCount == capacity {
            let newest = (head + pendingCount - 1) % capacity
            values[newest] = value
            dueSeconds[newest] = seconds + delaySeconds
            return
        }
        let slot = (head + pendingCount) % capacity
        values[slot] = value
        dueSeconds[slot] = seconds + delaySeconds
        pendingCount += 1
    }

    /// When the oldest pending command takes effect (∞ when none is pending).
    @inline(__always)
    public var nextDueSeconds: Double { pendingCount == 0 ? .infinity : dueSeconds[head] }

    /// Removes and returns the oldest pending command; call only when `pendingCount > 0`.
    @inline(__always)
    public mutating func popOldest() -> Double {
        let value = values[head]
        head = (head + 1) % values.count
        pendingCount -= 1
        return value
    }
}
