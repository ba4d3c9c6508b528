/// The ratio of what was measured to what a clear sky would have given: the weather signal that clear-sky-
/// index persistence carries forward and the PV forecaster predicts (forecast = clear-sky × predicted index),
/// with the sun's daily and seasonal geometry divided out.
///
/// Rule at low sun: with the apparent zenith above `maximumZenithDegrees` (85°) or a clear-sky value at or
/// below `minimumClearSky`, the ratio is dominated by model error near the horizon (air mass > 10, refraction,
/// horizon shading) and is returned as NaN — "unknown", not "cloudy"; consumers skip it when fitting and fall
/// back (`forecast` uses the fallback index, 1 by default, i.e. the clear-sky value). Otherwise negative
/// measurements (meter offsets) count as 0 and the index is clipped at `maximumIndex` (2, pvlib's
/// `clearsky_index` default), since cloud-edge enhancement rarely exceeds 1.5.
public enum ClearSkyIndex {
    public static let maximumZenithDegrees = 85.0
    public static let maximumIndex = 2.0

    /// k = measured / clear-sky in the same unit (W/m² or kW), or NaN by the low-sun rule.
    /// `minimumClearSky` is in that unit too (default 1e-6, i.e. only a zero clear-sky value).
    public static func index(
        measured: Double, clearSky: Double, apparentZenithDegrees: Double, minimumClearSky: Double = 1e-6
    ) -> Double {
        guard measured.isFinite, clearSky.isFinite, apparentZenithDegrees <= maximumZenithDegrees,
              clearSky > minimumClearSky
        else { return .nan }
        return min(max(measured, 0) / clearSky, maximumIndex)
    }

    /// The forecast value for a clear-sky value and a predicted index; a NaN index takes `fallbackIndex`.
    public static func forecast(clearSky: Double, index: Double, fallbackIndex: Double = 1) -> Double {
        clearSky * (index.isNaN ? fallbackIndex : min(max(index, 0), maximumIndex))
    }
}
