import Foundation

/// The irradiance a cloudless sky would give: the envelope PV forecasts scale by a clear-sky index.
///
/// - Ineichen–Perez: P. Ineichen and R. Perez, "A new airmass independent formulation for the Linke turbidity
///   coefficient", Solar Energy 73(3), 151–157 (2002), with the DNI correction of Ineichen, "A broadband
///   simplified version of the Solis clear sky model" (2008), as pvlib's `clearsky.ineichen` implements it
///   (perez_enhancement off). Takes the Linke turbidity (air mass 2) as a parameter: no climatology lookup.
/// - Haurwitz: B. Haurwitz, "Insolation in relation to cloudiness and cloud density", Journal of Meteorology 2,
///   154–166 (1945): GHI = 1098 cos z · exp(−0.059 / cos z). GHI only, from the zenith alone — the fallback
///   when no turbidity is known; DNI and DHI then come from the Erbs decomposition.
public struct ClearSkyModel: Sendable, Hashable {
    private enum Kind: Sendable, Hashable {
        case ineichenPerez(linkeTurbidity: Double)
        case haurwitz
    }

    private let kind: Kind

    /// Ineichen–Perez with a Linke turbidity (typically 2 in clean mountain air … 7 in hazy summer cities).
    /// Throws a `ForecastError` unless 1 ≤ `linkeTurbidity` ≤ 10.
    public static func ineichenPerez(linkeTurbidity: Double) throws(ForecastError) -> ClearSkyModel {
        try SolarValidation.require(linkeTurbidity, in: 1...10, "linkeTurbidity", unit: "(dimensionless)")
        return ClearSkyModel(kind: .ineichenPerez(linkeTurbidity: linkeTurbidity))
    }

    /// Haurwitz GHI with the Erbs split into DNI and DHI.
    public static let haurwitz = ClearSkyModel(kind: .haurwitz)

    /// Clear-sky irradiance at `unixSeconds` for `site`, from its SPA sun position.
    public func irradiance(unixSeconds: Double, site: SolarSite) -> HorizontalIrradiance {
        let position = SolarPosition(unixSeconds: unixSeconds, site: site)
        let extraterrestrial = ExtraterrestrialIrradiance.normalWattsPerSquareMetre(unixSeconds: unixSeconds)
        return irradiance(apparentZenithDegrees: position.apparentZenithDegrees, site: site,
                          extraterrestrialNormalWattsPerSquareMetre: extraterrestrial)
    }

    /// Clear-sky irradiance for a known apparent zenith (air mass from Kasten–Young at the site's standard
    /// pressure).
    public func irradiance(
        apparentZenithDegrees: Double, site: SolarSite, extraterrestrialNormalWattsPerSquareMetre: Double
    ) -> HorizontalIrradiance {
        switch kind {
        case .ineichenPerez(let linkeTurbidity):
            let airMass = AirMass.absolute(apparentZenithDegrees: apparentZenithDegrees,
                                           pressurePascals: site.standardPressurePascals)
            return Self.ineichenPerez(apparentZenithDegrees: apparentZenithDegrees, absoluteAirMass: airMass,
                                      linkeTurbidity: linkeTurbidity, altitudeMetres: site.altitudeMetres,
                                      extraterrestrialNormalWattsPerSquareMetre: extraterrestrialNormalWattsPerSquareMetre)
        case .haurwitz:
            let ghi = Self.haurwitzGHI(apparentZenithDegrees: apparentZenithDegrees)
            return Erbs.decompose(ghiWattsPerSquareMetre: ghi, zenithDegrees: apparentZenithDegrees,
                                  extraterrestrialNormalWattsPerSquareMetre: extraterrestrialNormalWattsPerSquareMetre)
        }
    }

    /// The Ineichen–Perez equations themselves. A NaN air mass (sun down) gives zero irradiance.
    public static func ineichenPerez(
        apparentZenithDegrees: Double, absoluteAirMass: Double, linkeTurbidity tl: Double, altitudeMetres h: Double,
        extraterrestrialNormalWattsPerSquareMetre e0: Double
    ) -> HorizontalIrradiance {
        let cosZenith = max(SolarAngles.cos(apparentZenithDegrees), 0)
        guard absoluteAirMass.isFinite, cosZenith > 0 else { return .zero }
        let fh1 = exp(-h / 8000), fh2 = exp(-h / 1250)
        let cg1 = 5.09e-5 * h + 0.868, cg2 = 3.92e-5 * h + 0.0387
        let ghi = cg1 * e0 * cosZenith * max(exp(-cg2 * absoluteAirMass * (fh1 + fh2 * (tl - 1))), 0)
        let b = 0.664 + 0.163 / fh1
        let beamFromTurbidity = e0 * max(b * exp(-0.09 * absoluteAirMass * (tl - 1)), 0)
        let beamFromGlobal = ghi * min(max((1 - (0.1 - 0.2 * exp(-tl)) / (0.1 + 0.882 / fh1)) / cosZenith, 0), 1e20)
        let dni = min(beamFromTurbidity, beamFromGlobal)
        return HorizontalIrradiance(ghiWattsPerSquareMetre: ghi, dniWattsPerSquareMetre: dni,
                                    dhiWattsPerSquareMetre: ghi - dni * cosZenith)
    }

    /// Haurwitz clear-sky GHI; zero with the sun at or below the horizon.
    public static func haurwitzGHI(apparentZenithDegrees: Double) -> Double {
        let cosZenith = SolarAngles.cos(apparentZenithDegrees)
        return cosZenith > 0 ? 1098 * cosZenith * exp(-0.059 / cosZenith) : 0
    }
}
