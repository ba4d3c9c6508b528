import Foundation

/// How the sky's diffuse light is spread when it is transposed onto a tilted plane.
public enum SkyDiffuseModel: String, Sendable, Hashable, CaseIterable {
    /// Uniform sky: DHI · (1 + cos β) / 2. B. Y. H. Liu and R. C. Jordan, "Daily insolation on surfaces tilted
    /// towards the equator", ASHRAE Journal 3(10), 53–59 (1961).
    case isotropic
    /// Circumsolar part in proportion to the anisotropy index DNI/E₀ and projected like the beam; the rest
    /// isotropic. J. E. Hay and J. A. Davies, "Calculation of the solar radiation incident on an inclined
    /// surface", Proc. First Canadian Solar Radiation Data Workshop, 59–72 (1980).
    case hayDavies
}

/// Irradiance on a PV array's plane, split as the models produce it, so losses can be attributed.
public struct PlaneOfArrayIrradiance: Sendable, Hashable {
    public var beamWattsPerSquareMetre: Double
    public var skyDiffuseWattsPerSquareMetre: Double
    public var groundReflectedWattsPerSquareMetre: Double
    /// Angle between the sun and the plane's normal (over 90° when the sun is behind the plane).
    public var angleOfIncidenceDegrees: Double

    /// Beam + sky diffuse + ground reflected: what the module converts.
    public var globalWattsPerSquareMetre: Double {
        beamWattsPerSquareMetre + skyDiffuseWattsPerSquareMetre + groundReflectedWattsPerSquareMetre
    }
}

/// The transposition of horizontal irradiance onto a tilted plane (beam by the angle of incidence, sky
/// diffuse by a `SkyDiffuseModel`, ground reflection with an albedo), in the form of pvlib's
/// `irradiance.get_total_irradiance` so the two can be compared figure for figure.
public enum PlaneOfArray {
    /// cos of the angle of incidence, clipped to −1…1 (Duffie & Beckman, Solar Engineering of Thermal
    /// Processes, eq. 1.6.3).
    public static func cosAngleOfIncidence(
        surface: SurfaceOrientation, zenithDegrees: Double, sunAzimuthDegrees: Double
    ) -> Double {
        let projection = SolarAngles.cos(surface.tiltDegrees) * SolarAngles.cos(zenithDegrees)
            + SolarAngles.sin(surface.tiltDegrees) * SolarAngles.sin(zenithDegrees)
            * SolarAngles.cos(sunAzimuthDegrees - surface.azimuthDegrees)
        return min(max(projection, -1), 1)
    }

    /// Plane-of-array irradiance. `zenithDegrees` and `sunAzimuthDegrees` are the sun's (apparent zenith in
    /// practice); `albedo` is the ground reflectance 0…1 (0.2 grass, 0.25 pvlib's default, 0.8 fresh snow).
    public static func irradiance(
        surface: SurfaceOrientation, zenithDegrees: Double, sunAzimuthDegrees: Double,
        horizontal: HorizontalIrradiance, extraterrestrialNormalWattsPerSquareMetre e0: Double,
        albedo: Double, model: SkyDiffuseModel
    ) -> PlaneOfArrayIrradiance {
        let cosIncidence = cosAngleOfIncidence(surface: surface, zenithDegrees: zenithDegrees,
                                               sunAzimuthDegrees: sunAzimuthDegrees)
        let cosTilt = SolarAngles.cos(surface.tiltDegrees)
        let ghi = horizontal.ghiWattsPerSquareMetre, dni = horizontal.dniWattsPerSquareMetre
        let dhi = horizontal.dhiWattsPerSquareMetre
        let sky: Double
        switch model {
        case .isotropic:
            sky = dhi * (1 + cosTilt) / 2
        case .hayDavies:
            // pvlib's guards: the beam ratio Rb never below 0 and its denominator floored at cos 89°.
            let ratio = max(cosIncidence, 0) / max(SolarAngles.cos(zenithDegrees), 0.01745)
            let anisotropy = dni / e0
            sky = max(dhi * (1 - anisotropy) * (1 + cosTilt) / 2, 0) + max(dhi * anisotropy * ratio, 0)
        }
        return PlaneOfArrayIrradiance(
            beamWattsPerSquareMetre: max(dni * cosIncidence, 0), skyDiffuseWattsPerSquareMetre: sky,
            groundReflectedWattsPerSquareMetre: ghi * albedo * (1 - cosTilt) / 2,
            angleOfIncidenceDegrees: SolarAngles.degrees(acos(cosIncidence)))
    }
}
