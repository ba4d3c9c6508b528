import Foundation

/// How a power electronics device moves from its output towards its set point: a first-order lag, rate-limited.
enum ResponseDynamics {
    /// Output after `dtSeconds` starting at `currentKW` chasing `targetKW`: exact first-order step, then ramp clip.
    @inline(__always)
    static func approach(
        currentKW: Double, targetKW: Double, dtSeconds: Double,
        timeConstantSeconds: Double, rampKWPerSecond: Double, decay: inout DecayCache
    ) -> Double {
        var next = targetKW
        if timeConstantSeconds > 0 {
            next = targetKW + (currentKW - targetKW) * decay.factor(dtSeconds: dtSeconds, timeConstantSeconds: timeConstantSeconds)
        }
        if rampKWPerSecond.isFinite {
            let maximumStep = rampKWPerSecond * dtSeconds
            next = min(max(next, currentKW - maximumStep), currentKW + maximumStep)
        }
        return next
    }
}

/// Remembers `exp(−dt/τ)` for the last step length: simulations step at a fixed period, so the
/// exponential is computed once per device instead of every step (same value, bit for bit).
struct DecayCache: Sendable, Hashable {
    private var dtSeconds = -1.0
    private var timeConstantSeconds = -1.0
    private var cached = 0.0

    @inline(__always)
    mutating func factor(dtSeconds: Double, timeConstantSeconds: Double) -> Double {
        if dtSeconds != self.dtSeconds || timeConstantSeconds != self.timeConstantSeconds {
            self.dtSeconds = dtSeconds
            self.timeConstantSeconds = timeConstantSeconds
            cached = exp(-dtSeconds / timeConstantSeconds)
        }
        return cached
    }
}
