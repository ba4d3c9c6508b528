import Foundation

/// How much atmosphere the beam crosses relative to the zenith path: the attenuation variable of the
/// clear-sky model.
///
/// F. Kasten and A. T. Young, "Revised optical air mass tables and approximation formula", Applied Optics
/// 28(22), 4735–4738 (1989): m = 1 / (cos z + 0.50572 (96.07995° − z)^−1.6364), z the apparent zenith.
public enum AirMass {
    /// Relative air mass at sea-level pressure; NaN when the sun is below the horizon (z > 90°), as pvlib.
    public static func relative(apparentZenithDegrees z: Double) -> Double {
        guard z <= 90 else { return .nan }
        return 1 / (SolarAngles.cos(z) + 0.50572 * pow(96.07995 - z, -1.6364))
    }

    /// Air mass scaled by the site pressure (m · p / 101325 Pa).
    public static func absolute(apparentZenithDegrees z: Double, pressurePascals: Double) -> Double {
        relative(apparentZenithDegrees: z) * pressurePascals / 101325
    }
}
