import DSOModel
import DSODispatch

/// Phase 5: the economic dispatch of base points, one exact solve per interface point.
///
/// Each interface point must import its schedule: the controllable resources' base points must sum to
/// the uncontrolled area minus the schedule, at least cost. Bounds are each device's power limits, its
/// availability (BMS, irradiance, DR window) and its hard SOC limits (`ResourceEnvelope.available…`), less
/// the capacity held back for regulation, then its ramp from the last base point. State of charge is managed here, without touching regulation:
/// batteries away from the centre of their SOC band see their incremental cost shifted (so the dispatch
/// charges the empty ones and discharges the full ones), and the interface point's target moves inside
/// its deviation band to bring energy in or out of the fleet.
///
/// When the schedule cannot be met the order of priority is: device safety (bounds are never relaxed),
/// then interface import/export limits, then the schedule; the shortfall is flagged and reported.
public enum DispatchPhase {
    public static func run(_ kernel: ControlKernel) {
        let points = kernel.interfacePoints
        let resources = kernel.resources
        let state = kernel.state
        let image = kernel.image
        let envelope = kernel.envelope
        let tuning = kernel.configuration.regulation
        let reserveFraction = kernel.regulationReserveFraction
        var anyInfeasible = false

        for point in 0..<points.count {
            let members = points.memberStart[point]..<points.memberEnd[point]
            var regulationKW = 0.0
            var energyDeficitKWh = 0.0
            for index in members {
                regulationKW += state.regulationKW[index]
                guard envelope.controllable[index] else {
                    state.dispatchLowerKW[index] = 0
                    state.dispatchUpperKW[index] = 0
                    state.effectiveCostLinear[index] = 0
                    continue
                }
                var low = envelope.availableLowerKW[index]
                var high = envelope.availableUpperKW[index]
                var cost = resources.costLinear[index]
                if resources.kind[index] == ResourceKind.batteryCode {
                    let soc = image.soc[index]
                    let centre = 0.5 * (resources.socBandLow[index] + resources.socBandHigh[index])
                    let halfWidth = max(0.5 * (resources.socBandHigh[index] - resources.socBandLow[index]), 0.01)
                    let offCentre = min(3, max(-3, (centre - soc) / halfWidth))
                    cost += tuning.socRestoringCostPerKWh * offCentre
                    // Inside the dead band around the centre the fleet is left alone: regulation's own
                    // losses and noise must not keep the interface point leaning on its band.
                    let offset = centre - soc
                    let deadBand = tuning.socDeadBand
                    let outside = offset > deadBand ? offset - deadBand : offset < -deadBand ? offset + deadBand : 0
                    energyDeficitKWh += outside * resources.energyCapacityKWh[index]
                }
                if resources.providesRegulation[index] {
                    let reserve = reserveFraction * max(resources.maximumKW[index], -resources.minimumKW[index])
                    low += reserve
                    high -= reserve
                }
                let previous = state.basePointKW[index]
                low = max(low, envelope.basePointLowerKW[index])
                high = min(high, envelope.basePointUpperKW[index])
                if low > high {
                    let middle = min(max(previous, high), low)
                    low = middle
                    high = middle
                }
                state.dispatchLowerKW[index] = low
                state.dispatchUpperKW[index] = high
                state.effectiveCostLinear[index] = cost
            }

            // SOC management through the deviation band: import more while the fleet is short of energy.
            let band = points.deviationBandKW[point]
            let useful = tuning.socBandUseFraction * band
            let socOffset = min(useful, max(-useful, energyDeficitKWh / max(tuning.socRecoveryHours, 1e-6)))
            points.socOffsetKW[point] = socOffset

            let uncontrolled = points.uncontrolledKW[point]
            var target = uncontrolled - (points.scheduledKW[point] + socOffset)
            // Interface limits outrank the schedule: net = uncontrolled − Σbase − Σregulation.
            let minimumForImport = uncontrolled - points.importLimitKW[point] - regulationKW
            let maximumForExport = uncontrolled + points.exportLimitKW[point] - regulationKW
            var flags = InterfacePointFlags(rawValue: points.flags[point])
            if target < minimumForImport || target > maximumForExport { flags.insert(.scheduleInfeasible) }
            target = min(max(target, minimumForImport), maximumForExport)
            if !target.isFinite { target = 0 }

            let result = kernel.solver.solve(
                lower: state.dispatchLowerKW.slice(members), upper: state.dispatchUpperKW.slice(members),
                linearCost: state.effectiveCostLinear.slice(members),
                quadraticCost: resources.costQuadratic.slice(members),
                targetKW: target, output: state.dispatchKW.mutableSlice(members))
            if result.status != .optimal {
                flags.insert(.scheduleInfeasible)
                let achieved = result.dispatchedKW
                if achieved < minimumForImport - 1e-6 || achieved > maximumForExport + 1e-6 {
                    flags.insert(.interfaceLimitInfeasible)
                }
            }
            let infeasible = flags.contains(.scheduleInfeasible)
            if infeasible != points.dispatchInfeasible[point] {
                points.dispatchInfeasible[point] = infeasible
                kernel.raise(KernelEvent(code: infeasible ? .dispatchInfeasible : .dispatchFeasibleAgain,
                                         timeSeconds: kernel.nowSeconds, subject: Int32(point),
                                         value: result.dispatchedKW, detail: target))
            }
            if infeasible {
                points.infeasibleCycles[point] &+= 1
                anyInfeasible = true
            }
            points.flags[point] = flags.rawValue

            for index in members {
                if envelope.controllable[index] {
                    state.basePointKW[index] = state.dispatchKW[index]
                } else {
                    state.basePointKW[index] = ControlKernel.fallbackSetpointKW(resources, index)
                }
            }
        }
        if anyInfeasible { kernel.counters.infeasibleCycles &+= 1 }
    }
}
