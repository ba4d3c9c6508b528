import Foundation

/// How a power electronics device moves from its output towards its set point: a first-order lag, rate-limited.
enum ResponseDynamics {
    /// Output after `dtSeconds` starting at `currentKW` chasing `targetKW`: exact first-order step, then ramp clip.
    @inline(__always)
    static func approach(
        currentKW: Double, targetKW: Double, dtSeconds: Double,
        timeConstantSeconds: Double, rampKWPerSecond: Double
    ) -> Double {
        var next = targetKW
        if timeConstantSeconds > 0 {
            next = targetKW + (currentKW - targetKW) * exp(-dtSeconds / timeConstantSeconds)
        }
        if rampKWPerSecond.isFinite {
            let maximumStep = rampKWPerSecond * dtSeconds
            next = min(max(next, currentKW - maximumStep), currentKW + maximumStep)
        }
        return next
    }
}
