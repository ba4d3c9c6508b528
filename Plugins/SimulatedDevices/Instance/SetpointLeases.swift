/// Set points with a time to live: each written value holds until its `valid_until`, then the device reverts.
///
/// A host that stops writing (crashed, link lost, resource taken out of control) must not leave a battery
/// discharging forever: once the host's clock passes a set point's end, the device goes back to its own
/// safe default, exactly as a real inverter's communication watchdog would.
struct SetpointLeases {
    /// Per resource: the set point in force, kW (the safe default until written and after expiry).
    private(set) var commandedKW: [Double]
    /// Per resource: what it reverts to.
    let safeKW: [Double]
    /// Per resource: end of the written set point on the host clock; `Int64.max` while on the safe default.
    private var validUntilNanoseconds: [Int64]
    /// Earliest end over all leases, so a catch-up with nothing due scans nothing.
    private var nextExpiryNanoseconds: Int64 = .max

    init(safeKW: [Double]) {
        self.safeKW = safeKW
        commandedKW = safeKW
        validUntilNanoseconds = Array(repeating: .max, count: safeKW.count)
    }

    /// Records a set point written for `resource`, in force until `validUntil`.
    mutating func grant(resource: Int, kw: Double, validUntilNanoseconds validUntil: Int64) {
        commandedKW[resource] = kw
        validUntilNanoseconds[resource] = validUntil
        nextExpiryNanoseconds = min(nextExpiryNanoseconds, validUntil)
    }

    /// Reverts every set point whose end lies before `now`, calling `revert(resource, end, safeKW)` for each,
    /// in resource order; returns how many expired.
    mutating func expire(before now: Int64,
                         _ revert: (_ resource: Int, _ endNanoseconds: Int64, _ safeKW: Double) -> Void) -> Int {
        guard now > nextExpiryNanoseconds else { return 0 }
        var expired = 0
        var next = Int64.max
        for resource in validUntilNanoseconds.indices {
            let end = validUntilNanoseconds[resource]
            if end < now {
                revert(resource, end, safeKW[resource])
                commandedKW[resource] = safeKW[resource]
                validUntilNanoseconds[resource] = .max
                expired += 1
            } else {
                next = min(next, end)
            }
        }
        nextExpiryNanoseconds = next
        return expired
    }
}
