/// Splits a measured GHI into DNI and DHI, because a feeder's pyranometer (or a PV meter turned back into
/// irradiance) gives only the global value while the tilted-plane model needs the beam apart.
///
/// D. G. Erbs, S. A. Klein and J. A. Duffie, "Estimation of the diffuse radiation fraction for hourly, daily
/// and monthly-average global radiation", Solar Energy 28(4), 293–302 (1982): the diffuse fraction as a
/// piecewise polynomial of the clearness index kt, with pvlib's guards (cos z floored at 0.065 in kt,
/// kt clipped to 0…1, DNI zero above 87° or when negative).
public enum Erbs {
    /// pvlib's `min_cos_zenith` for the clearness index.
    public static let minimumCosZenith = 0.065
    /// Above this zenith the beam is set to zero and all of GHI is diffuse (pvlib's `max_zenith`).
    public static let maximumZenithDegrees = 87.0

    /// kt = GHI / (E₀ · max(cos z, 0.065)), clipped to 0…1.
    public static func clearnessIndex(
        ghiWattsPerSquareMetre ghi: Double, zenithDegrees: Double, extraterrestrialNormalWattsPerSquareMetre e0: Double
    ) -> Double {
        let kt = ghi / (e0 * max(SolarAngles.cos(zenithDegrees), minimumCosZenith))
        return min(max(kt, 0), 1)
    }

    /// DNI and DHI consistent with `ghi` (DHI + DNI cos z = GHI).
    public static func decompose(
        ghiWattsPerSquareMetre ghi: Double, zenithDegrees: Double, extraterrestrialNormalWattsPerSquareMetre e0: Double
    ) -> HorizontalIrradiance {
        let kt = clearnessIndex(ghiWattsPerSquareMetre: ghi, zenithDegrees: zenithDegrees,
                                extraterrestrialNormalWattsPerSquareMetre: e0)
        let diffuseFraction: Double
        if kt <= 0.22 {
            diffuseFraction = 1 - 0.09 * kt
        } else if kt <= 0.8 {
            diffuseFraction = 0.9511 - 0.1604 * kt + 4.388 * kt * kt - 16.638 * kt * kt * kt + 12.336 * kt * kt * kt * kt
        } else {
            diffuseFraction = 0.165
        }
        let dhi = diffuseFraction * ghi
        let dni = (ghi - dhi) / SolarAngles.cos(zenithDegrees)
        if zenithDegrees > maximumZenithDegrees || ghi < 0 || dni < 0 {
            return HorizontalIrradiance(ghiWattsPerSquareMetre: ghi, dniWattsPerSquareMetre: 0, dhiWattsPerSquareMetre: ghi)
        }
        return HorizontalIrradiance(ghiWattsPerSquareMetre: ghi, dniWattsPerSquareMetre: dni, dhiWattsPerSquareMetre: dhi)
    }
}
