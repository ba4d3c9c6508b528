/// Where each resource may go this cycle, decided once by the snapshot phase and read by regulation,
/// dispatch and limits, so the three agree on one envelope and one notion of "controllable".
///
/// The phases need the envelope at different depths, so each depth is its own column, computed once:
/// rating ∩ availability ∩ SOC for the dispatch (which then holds back the regulation reserve and ramps
/// from the last base point), rating ∩ availability ∩ ramp from the last set point for the limits and for
/// regulation's headroom (the limits apply the SOC flags to the set point afterwards, regulation to its
/// headroom). The bounds are computed only for controllable resources (no phase reads them for the others,
/// whose rows keep their last values).
public final class ResourceEnvelope: @unchecked Sendable {
    // Sendable: confined to the kernel thread (see `KernelColumn`).
    public let count: Int
    /// Dispatchable and healthy this cycle: the resource takes part in control.
    public let controllable: KernelColumn<Bool>
    /// A battery at its hard low SOC limit (no discharge) or at its hard high SOC limit (no charge).
    public let atLowSOCLimit: KernelColumn<Bool>
    public let atHighSOCLimit: KernelColumn<Bool>
    /// Rating ∩ availability ∩ hard SOC limits, kW (no ramp): the dispatch's bounds before its reserve.
    public let availableLowerKW: KernelColumn<Double>
    public let availableUpperKW: KernelColumn<Double>
    /// Rating ∩ availability ∩ ramp from the last set point, kW (before the SOC flags).
    public let reachableLowerKW: KernelColumn<Double>
    public let reachableUpperKW: KernelColumn<Double>
    /// The last base point ∓ one cycle of ramp, kW: how far the dispatch may move a base point.
    public let basePointLowerKW: KernelColumn<Double>
    public let basePointUpperKW: KernelColumn<Double>

    public init(count: Int) {
        self.count = count
        controllable = KernelColumn(count: count, repeating: false)
        atLowSOCLimit = KernelColumn(count: count, repeating: false)
        atHighSOCLimit = KernelColumn(count: count, repeating: false)
        availableLowerKW = KernelColumn(count: count, repeating: 0)
        availableUpperKW = KernelColumn(count: count, repeating: 0)
        reachableLowerKW = KernelColumn(count: count, repeating: 0)
        reachableUpperKW = KernelColumn(count: count, repeating: 0)
        basePointLowerKW = KernelColumn(count: count, repeating: 0)
        basePointUpperKW = KernelColumn(count: count, repeating: 0)
    }

    deinit {
        controllable.deallocate(); atLowSOCLimit.deallocate(); atHighSOCLimit.deallocate()
        for column in [availableLowerKW, availableUpperKW, reachableLowerKW, reachableUpperKW,
                       basePointLowerKW, basePointUpperKW] {
            column.deallocate()
        }
    }
}
