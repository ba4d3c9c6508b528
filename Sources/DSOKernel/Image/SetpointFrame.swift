/// The set points the kernel publishes each cycle, with the time until which each stays valid.
///
/// A device (or its driver) must revert to its own safe default once `validUntilNanoseconds` passes
/// without a refresh: that is the time-to-live that makes a dead kernel fail safe.
public final class SetpointFrame: @unchecked Sendable {
    // Sendable: written only by the kernel thread in the publish phase; readers on other threads
    // receive it after the cycle through the ring's release/acquire ordering or on the same thread.

    /// Generation-positive power set point, kW (PV: output cap; DR: −(consumption after curtailment)).
    public let setpointKW: KernelColumn<Double>
    /// The base point from the economic dispatch, kW (before regulation).
    public let basePointKW: KernelColumn<Double>
    /// The regulation share added on top of the base point, kW.
    public let regulationKW: KernelColumn<Double>
    /// End of validity of each set point, ns on the kernel's clock.
    public let validUntilNanoseconds: KernelColumn<Int64>
    /// Whether the set point is the documented fallback (resource not controllable this cycle).
    public let isFallback: KernelColumn<Bool>
    /// Incremented each publish, so a driver can tell a refreshed set point from a repeated one.
    public private(set) var sequence: UInt64 = 0

    public let resourceCount: Int

    public init(resourceCount: Int) {
        self.resourceCount = resourceCount
        setpointKW = KernelColumn(count: resourceCount, repeating: 0)
        basePointKW = KernelColumn(count: resourceCount, repeating: 0)
        regulationKW = KernelColumn(count: resourceCount, repeating: 0)
        validUntilNanoseconds = KernelColumn(count: resourceCount, repeating: .min)
        isFallback = KernelColumn(count: resourceCount, repeating: true)
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
