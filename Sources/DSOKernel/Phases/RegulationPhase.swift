#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DSOModel

/// Phase 4: turns the regulation signal into a share for each regulating resource.
///
/// Target = signal × award. Devices act seconds late (command delay) and then follow a first-order lag,
/// so the tracker commands where the signal is heading (feed-forward over each fleet's known delay and
/// lag) and adds an integral of the gap between the response its delay model predicts and the response
/// it measures (a Smith-predictor correction: it reacts to devices that under-deliver without fighting
/// the known delay; the integral leaks, so a passing mismatch leaves no bias). The command is shared out in proportion to each resource's headroom in the needed
/// direction, which already honours power limits, ramp limits and state of charge — so every resource
/// reaches its limit at the same time and a resource that drops out simply has no headroom.
/// On a stale signal, or when the operator turns regulation off, the target ramps to zero.
public enum RegulationPhase {
    public static func run(_ kernel: ControlKernel) {
        let config = kernel.configuration
        let tuning = config.regulation
        let resources = kernel.resources
        let state = kernel.state
        let image = kernel.image
        let envelope = kernel.envelope
        let dt = kernel.elapsedSeconds
        var regulation = kernel.regulation

        // Link health and the availability ramp.
        let stale = kernel.nowSeconds - regulation.signalReceivedSeconds > config.regulationSignalTTLSeconds
        if stale != regulation.signalStale {
            kernel.raise(KernelEvent(code: stale ? .regulationSignalStale : .regulationSignalResumed,
                                     timeSeconds: kernel.nowSeconds, subject: -1, value: regulation.signal))
            regulation.signalStale = stale
        }
        let step = config.regulationFallbackRampPerSecond * dt
        if regulation.enabled && !stale {
            regulation.availabilityScale = min(1, regulation.availabilityScale + step)
        } else {
            regulation.availabilityScale = max(0, regulation.availabilityScale - step)
        }
        let award = regulation.awardKW * regulation.availabilityScale
        regulation.targetKW = regulation.signal * award

        // Headroom, delay model and measured response over the controllable regulating resources.
        var upTotal = 0.0, downTotal = 0.0
        var mismatch = 0.0, measuredResponse = 0.0, modelled = 0.0
        var weightedLead = 0.0, leadWeight = 0.0
        var energy = 0.0, stored = 0.0
        var ratingTotal = 0.0
        let history = state.historyLength
        let slot = Int(kernel.cycleIndex % Int64(history))
        let period = config.periodSeconds
        for index in 0..<resources.count where resources.providesRegulation[index] {
            guard envelope.controllable[index] else {
                state.regulationUpKW[index] = 0
                state.regulationDownKW[index] = 0
                state.modelledKW[index] = image.measuredKW[index].isFinite ? image.measuredKW[index] : 0
                continue
            }
            let measured = image.measuredKW[index]
            let base = state.basePointKW[index]
            var high = envelope.reachableUpperKW[index]
            var low = envelope.reachableLowerKW[index]
            if envelope.atLowSOCLimit[index] { high = min(high, 0) }
            if envelope.atHighSOCLimit[index] { low = max(low, 0) }
            var upWeight = 1.0, downWeight = 1.0
            let soc = image.soc[index]
            if resources.kind[index] == ResourceKind.batteryCode {
                let limitLow = resources.socLimitLow[index], limitHigh = resources.socLimitHigh[index]
                let bandLow = resources.socBandLow[index], bandHigh = resources.socBandHigh[index]
                upWeight = clamp((soc - limitLow) / max(bandLow - limitLow, 1e-9))
                downWeight = clamp((limitHigh - soc) / max(limitHigh - bandHigh, 1e-9))
                let capacity = resources.energyCapacityKWh[index]
                energy += capacity
                stored += capacity * soc
            }
            let up = max(0, high - base) * upWeight
            let down = max(0, base - low) * downWeight
            state.regulationUpKW[index] = up
            state.regulationDownKW[index] = down
            upTotal += up
            downTotal += down
            let rating = max(resources.maximumKW[index], -resources.minimumKW[index])
            ratingTotal += rating

            // Delay model: the set point issued `delay` ago, through a first-order lag.
            // The set point published `delay` ago; with no delay, the last one published (this cycle's
            // slot is written only by the publish phase that follows).
            let delayCycles = min(history - 1, max(1, Int((resources.commandDelaySeconds[index] / period).rounded())))
            var delayedSlot = slot - delayCycles
            if delayedSlot < 0 { delayedSlot += history }
            let delayed = state.setpointHistoryKW[index * history + delayedSlot]
            let tau = resources.timeConstantSeconds[index]
            var model = state.modelledKW[index]
            model += (delayed - model) * (tau > 0 ? 1 - exp(-dt / tau) : 1)
            model = min(max(model, resources.minimumKW[index]), resources.maximumKW[index])
            state.modelledKW[index] = model
            modelled += model - base
            mismatch += model - measured
            measuredResponse += measured - base
            weightedLead += rating * (resources.commandDelaySeconds[index] + tau)
            leadWeight += rating
        }
        regulation.availableUpKW = upTotal
        regulation.availableDownKW = downTotal
        regulation.responseKW = measuredResponse
        regulation.modelledResponseKW = modelled
        regulation.aggregateSOC = energy > 0 ? stored / energy : .nan
        kernel.regulationReserveFraction = ratingTotal > 0 ? min(1, award / ratingTotal) : 0

        // Feed-forward: where the signal is heading over the fleet's delay plus lag.
        let lead = leadWeight > 0 ? tuning.feedForwardFraction * weightedLead / leadWeight : 0
        var slope = 0.0
        let interval = regulation.signalReceivedSeconds - regulation.previousSignalReceivedSeconds
        if interval > 0 && interval <= 30 { slope = (regulation.signal - regulation.previousSignal) / interval }
        let predicted = min(1, max(-1, regulation.signal + slope * lead)) * award

        // Correction for under- or over-delivery, frozen while the fleet is saturated.
        let limit = tuning.mismatchIntegralLimit * award
        var command = predicted + regulation.mismatchIntegralKW
        let saturated = command > upTotal || command < -downTotal
        if !saturated && award > 0 {
            regulation.mismatchIntegralKW += tuning.mismatchIntegralGainPerSecond * dt * mismatch
        }
        // Leak: a mismatch that has passed (a start-up or a schedule step) must not leave a bias behind.
        if tuning.mismatchLeakSeconds > 0 {
            regulation.mismatchIntegralKW *= exp(-dt / tuning.mismatchLeakSeconds)
        }
        if award <= 0 { regulation.mismatchIntegralKW = 0 }
        regulation.mismatchIntegralKW = min(limit, max(-limit, regulation.mismatchIntegralKW))
        command = predicted + regulation.mismatchIntegralKW
        command = min(upTotal, max(-downTotal, command))
        regulation.commandKW = command

        if tuning.strategy == .naiveProportional {
            allocateByRating(kernel, targetKW: regulation.targetKW, ratingTotal: ratingTotal)
            regulation.commandKW = regulation.targetKW
            regulation.mismatchIntegralKW = 0
            kernel.regulation = regulation
            return
        }

        // Allocation in proportion to headroom in the needed direction.
        let upShare = upTotal > 0 && command > 0 ? command / upTotal : 0
        let downShare = downTotal > 0 && command < 0 ? -command / downTotal : 0
        let controllable = kernel.envelope.controllable
        for index in 0..<resources.count {
            guard resources.providesRegulation[index] && controllable[index] else {
                state.regulationKW[index] = 0
                continue
            }
            state.regulationKW[index] = state.regulationUpKW[index] * upShare - state.regulationDownKW[index] * downShare
        }
        kernel.regulation = regulation
    }

    /// The baseline allocator: shares of the raw target by rating, blind to headroom, delay and SOC.
    static func allocateByRating(_ kernel: ControlKernel, targetKW: Double, ratingTotal: Double) {
        let resources = kernel.resources
        let state = kernel.state
        let controllable = kernel.envelope.controllable
        let share = ratingTotal > 0 ? targetKW / ratingTotal : 0
        for index in 0..<resources.count {
            guard resources.providesRegulation[index] && controllable[index] else {
                state.regulationKW[index] = 0
                continue
            }
            state.regulationKW[index] = share * max(resources.maximumKW[index], -resources.minimumKW[index])
        }
    }

    static func clamp(_ value: Double) -> Double { value.isFinite ? min(1, max(0, value)) : 0 }
}
