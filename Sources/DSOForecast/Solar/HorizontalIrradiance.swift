/// The three irradiance components on the horizontal that clear-sky models produce, decompositions recover
/// from a GHI measurement, and the plane-of-array transposition takes.
public struct HorizontalIrradiance: Sendable, Hashable {
    /// Global horizontal irradiance.
    public var ghiWattsPerSquareMetre: Double
    /// Direct normal irradiance (on a plane facing the sun).
    public var dniWattsPerSquareMetre: Double
    /// Diffuse horizontal irradiance.
    public var dhiWattsPerSquareMetre: Double

    public init(ghiWattsPerSquareMetre: Double, dniWattsPerSquareMetre: Double, dhiWattsPerSquareMetre: Double) {
        self.ghiWattsPerSquareMetre = ghiWattsPerSquareMetre
        self.dniWattsPerSquareMetre = dniWattsPerSquareMetre
        self.dhiWattsPerSquareMetre = dhiWattsPerSquareMetre
    }

    /// Night: all components zero.
    public static let zero = HorizontalIrradiance(ghiWattsPerSquareMetre: 0, dniWattsPerSquareMetre: 0,
                                                  dhiWattsPerSquareMetre: 0)
}
