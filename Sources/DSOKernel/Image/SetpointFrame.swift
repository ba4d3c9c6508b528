/// The set points the kernel publishes each cycle, with the time until which each stays valid.
///
/// A device (or its driver) must revert to its own safe default once `validUntilNanoseconds` passes
/// without a refresh: that is the time-to-live that makes a dead kernel fail safe.
public final class SetpointFrame: @unchecked Sendable {
    // Sendable: written only by the kernel thread in the publish phase; readers on other threads
    // receive it after the cycle through the ring's release/acquire ordering or on the same thread.

    /// Generation-positive power set point, kW (PV: output cap; DR: −(consumption after curtailment)).
    public let setpointKW: FixedColumn<Double>
    /// The base point from the economic dispatch, kW (before regulation).
    public let basePointKW: FixedColumn<Double>
    /// The regulation share added on top of the base point, kW.
    public let regulationKW: FixedColumn<Double>
    /// End of validity of each set point, ns on the kernel's clock.
    public let validUntilNanoseconds: FixedColumn<Int64>
    /// Whether the set point is the documented fallback (resource not controllable this cycle).
    public let isFallback: FixedColumn<Bool>
    /// Incremented each publish, so a driver can tell a refreshed set point from a repeated one.
    public private(set) var sequence: UInt64 = 0

    public let resourceCount: Int

    public init(resourceCount: Int) {
        self.resourceCount = resourceCount
        setpointKW = FixedColumn(count: resourceCount, repeating: 0)
        basePointKW = FixedColumn(count: resourceCount, repeating: 0)
        regulationKW = FixedColumn(count: resourceCount, repeating: 0)
        validUntilNanoseconds = FixedColumn(count: resourceCount, repeating: .min)
        isFallback = FixedColumn(count: resourceCount, repeating: true)
    }

    func advanceSequence() { sequence &+= 1 }

    deinit {
        setpointKW.deallocate()
        basePointKW.deallocate()
        regulationKW.deallocate()
        validUntilNanoseconds.deallocate()
        isFallback.deallocate()
    }
}
