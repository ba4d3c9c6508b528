import DSOScenario

/// Physical ranges of one simulated device from its nameplate and profile: its point limits and safe set point.
///
/// A host checks readings against these limits to catch garbage, and writes outside them are refused.
struct DeviceRatings {
    var powerKW: ClosedRange<Double>
    var availableUpKW: ClosedRange<Double>
    var availableDownKW: ClosedRange<Double>
    /// Batteries only: the BMS's hard SOC limits (the simulated SOC never leaves them).
    var soc: ClosedRange<Double>?
    /// Devices that take set points: what may be written, kW (generation-positive).
    var setpointKW: ClosedRange<Double>?
    /// What the device returns to when its set point expires: battery idle, PV uncurtailed, DR not curtailing.
    var safeSetpointKW: Double

    init(_ device: DeviceSpec) {
        switch device {
        case .battery(let battery):
            let range = -battery.maxChargeKW...battery.maxDischargeKW
            powerKW = range
            availableUpKW = 0...battery.maxDischargeKW
            availableDownKW = -battery.maxChargeKW...0
            soc = battery.socLimits
            setpointKW = range
            safeSetpointKW = 0
        case .pv(let pv):
            powerKW = 0...pv.ratingKW
            availableUpKW = 0...pv.ratingKW
            availableDownKW = 0...0
            soc = nil
            setpointKW = 0...pv.ratingKW
            // A cap at the rating is no cap: output is already limited to the rating.
            safeSetpointKW = pv.ratingKW
        case .load(let load):
            let peak = load.peakKW * load.profileScale * Self.highest(load.shape) * (1 + load.noiseFraction)
            powerKW = -peak...0
            availableUpKW = -peak...0
            availableDownKW = -peak...0
            soc = nil
            setpointKW = nil
            safeSetpointKW = 0
        case .demandResponse(let programme):
            let baseline = programme.peakKW * programme.profileScale * Self.highest(programme.shape)
            powerKW = -baseline...0
            availableUpKW = -baseline...0
            availableDownKW = -baseline...0
            soc = nil
            // Down to −peak too, so the kernel's fallback (its minimum, −peak × scale) is always accepted.
            let lowest = -max(baseline, programme.peakKW * programme.profileScale)
            setpointKW = lowest...0
            // The whole baseline or more as net consumption asks for no curtailment at any baseline.
            safeSetpointKW = lowest
        }
    }

    private static func highest(_ profile: Profile) -> Double {
        max(0, profile.values.max() ?? 0)
    }
}
