import Foundation

/// The sun's apparent position seen from a site at one instant: the geometry every clear-sky and
/// plane-of-array figure starts from.
///
/// The NREL Solar Position Algorithm: I. Reda and A. Andreas, "Solar position algorithm for solar radiation
/// applications", Solar Energy 76(5), 577–589 (2004), and NREL/TP-560-34302 (revised 2008). Its stated
/// uncertainty is ±0.0003° for years −2000…6000; the tests hold it to 0.01° of pvlib's `spa_python` (which
/// implements the same paper); over 5,000 instants at four sites the two agree to round-off (~1e-13°).
public struct SolarPosition: Sendable, Hashable {
    /// Zenith angle including atmospheric refraction: what the clear-sky and air-mass models take.
    public let apparentZenithDegrees: Double
    /// Topocentric zenith angle without refraction.
    public let zenithDegrees: Double
    /// Azimuth eastward from north (0 = north, 90 = east, 180 = south), the convention of surface azimuths.
    public let azimuthDegrees: Double
    /// Apparent solar time minus mean solar time.
    public let equationOfTimeMinutes: Double

    /// Apparent elevation above the horizon (90° − apparent zenith).
    public var apparentElevationDegrees: Double { 90 - apparentZenithDegrees }
    /// Elevation without refraction.
    public var elevationDegrees: Double { 90 - zenithDegrees }

    /// Refraction correction applies while the true elevation is above −(sun radius + this), as in SPA's
    /// reference code (0.5667°, the refraction at the horizon).
    public static let horizonRefractionDegrees = 0.5667

    /// The position at `unixSeconds` (UTC seconds since 1970-01-01) seen from `site`.
    ///
    /// - Parameters:
    ///   - pressurePascals: local pressure for the refraction correction; nil takes the standard
    ///     atmosphere at the site's altitude.
    ///   - temperatureCelsius: local air temperature for refraction (SPA's default annual mean, 12 °C).
    ///   - deltaTSeconds: TT − UT1. 69 s is near its value for 2020–2030; a second's error moves the sun by
    ///     about 1e-5°, so the default is harmless for forecasting.
    public init(
        unixSeconds: Double, site: SolarSite, pressurePascals: Double? = nil, temperatureCelsius: Double = 12,
        deltaTSeconds: Double = 69
    ) {
        typealias A = SolarAngles
        let pressure = pressurePascals ?? site.standardPressurePascals
        // Julian day, ephemeris day, centuries and millennium (SPA 3.1).
        let jd = unixSeconds / 86400 + 2440587.5
        let jde = jd + deltaTSeconds / 86400
        let jc = (jd - 2451545) / 36525
        let jce = (jde - 2451545) / 36525
        let jme = jce / 10

        // Earth heliocentric longitude, latitude, radius (3.2) → geocentric (3.3).
        let l = A.normalized(A.degrees(Self.series([SPATerms.l0, SPATerms.l1, SPATerms.l2, SPATerms.l3,
                                                     SPATerms.l4, SPATerms.l5], jme)))
        let b = A.degrees(Self.series([SPATerms.b0, SPATerms.b1], jme))
        let r = Self.series([SPATerms.r0, SPATerms.r1, SPATerms.r2, SPATerms.r3, SPATerms.r4], jme)
        let theta = A.normalized(l + 180)
        let beta = -b

        // Nutation (3.4) and obliquity (3.5).
        let (deltaPsi, deltaEpsilon) = Self.nutation(jce)
        let u = jme / 10
        var epsilon0 = 0.0
        for coefficient: Double in [2.45, 5.79, 27.87, 7.12, -39.05, -249.67, -51.38, 1999.25, -1.55, -4680.93, 84381.448] {
            epsilon0 = epsilon0 * u + coefficient
        }
        let epsilon = epsilon0 / 3600 + deltaEpsilon

        // Aberration (3.6), apparent longitude (3.7), sidereal time (3.8).
        let deltaTau = -20.4898 / (3600 * r)
        let lambda = theta + deltaPsi + deltaTau
        let nu0 = A.normalized(280.46061837 + 360.98564736629 * (jd - 2451545) + 0.000387933 * jc * jc
                               - jc * jc * jc / 38710000)
        let nu = nu0 + deltaPsi * A.cos(epsilon)

        // Geocentric right ascension and declination (3.9, 3.10), hour angle (3.11).
        let alpha = A.normalized(A.degrees(atan2(A.sin(lambda) * A.cos(epsilon) - A.tan(beta) * A.sin(epsilon),
                                                 A.cos(lambda))))
        let delta = A.degrees(asin(A.sin(beta) * A.cos(epsilon) + A.cos(beta) * A.sin(epsilon) * A.sin(lambda)))
        let hourAngle = A.normalized(nu + site.longitudeDegrees - alpha)

        // Topocentric parallax (3.12).
        let xi = 8.794 / (3600 * r)
        let uTerm = atan(0.99664719 * A.tan(site.latitudeDegrees))
        let x = cos(uTerm) + site.altitudeMetres / 6378140 * A.cos(site.latitudeDegrees)
        let y = 0.99664719 * sin(uTerm) + site.altitudeMetres / 6378140 * A.sin(site.latitudeDegrees)
        let deltaAlpha = A.degrees(atan2(-x * A.sin(xi) * A.sin(hourAngle),
                                         A.cos(delta) - x * A.sin(xi) * A.cos(hourAngle)))
        let deltaPrime = A.degrees(atan2((A.sin(delta) - y * A.sin(xi)) * A.cos(deltaAlpha),
                                         A.cos(delta) - x * A.sin(xi) * A.cos(hourAngle)))
        let hourAnglePrime = hourAngle - deltaAlpha

        // Elevation, refraction, zenith (3.14) and azimuth (3.15).
        let e0 = A.degrees(asin(A.sin(site.latitudeDegrees) * A.sin(deltaPrime)
                                + A.cos(site.latitudeDegrees) * A.cos(deltaPrime) * A.cos(hourAnglePrime)))
        var refraction = 0.0
        if e0 >= -(0.26667 + Self.horizonRefractionDegrees) {
            refraction = (pressure / 100 / 1010) * (283 / (273 + temperatureCelsius))
                * 1.02 / (60 * A.tan(e0 + 10.3 / (e0 + 5.11)))
        }
        let astronomersAzimuth = A.normalized(A.degrees(atan2(
            A.sin(hourAnglePrime),
            A.cos(hourAnglePrime) * A.sin(site.latitudeDegrees) - A.tan(deltaPrime) * A.cos(site.latitudeDegrees))))

        zenithDegrees = 90 - e0
        apparentZenithDegrees = 90 - (e0 + refraction)
        azimuthDegrees = A.normalized(astronomersAzimuth + 180)

        // Equation of time (A.1).
        var meanLongitude = 0.0
        for coefficient: Double in [-1.0 / 2_000_000, -1.0 / 15300, 1.0 / 49931, 0.03032028, 360007.6982779, 280.4664567] {
            meanLongitude = meanLongitude * jme + coefficient
        }
        var minutes = 4 * A.normalized(meanLongitude - 0.0057183 - alpha + deltaPsi * A.cos(epsilon))
        if minutes > 20 { minutes -= 1440 } else if minutes < -20 { minutes += 1440 }
        equationOfTimeMinutes = minutes
    }

    /// Σᵢ (Σ A cos(B + C·jme)) · jmeⁱ / 1e8 over the SPA series i = 0, 1, … (equations 9–11), in radians.
    private static func series(_ tables: [[Double]], _ jme: Double) -> Double {
        var total = 0.0
        var power = 1.0
        for table in tables {
            var sum = 0.0
            for row in stride(from: 0, to: table.count, by: 3) {
                sum += table[row] * cos(table[row + 1] + table[row + 2] * jme)
            }
            total += sum * power
            power *= jme
        }
        return total / 1e8
    }

    /// Nutation in longitude and obliquity, degrees (SPA 3.4, equations 15–23).
    private static func nutation(_ jce: Double) -> (longitude: Double, obliquity: Double) {
        let t2 = jce * jce, t3 = t2 * jce
        let x = [
            297.85036 + 445267.111480 * jce - 0.0019142 * t2 + t3 / 189474,
            357.52772 + 35999.050340 * jce - 0.0001603 * t2 - t3 / 300000,
            134.96298 + 477198.867398 * jce + 0.0086972 * t2 + t3 / 56250,
            93.27191 + 483202.017538 * jce - 0.0036825 * t2 + t3 / 327270,
            125.04452 - 1934.136261 * jce + 0.0020708 * t2 + t3 / 450000,
        ]
        var psi = 0.0, epsilon = 0.0
        let rows = SPATerms.nutationCoefficients.count / 4
        for row in 0..<rows {
            var argument = 0.0
            for k in 0..<5 { argument += SPATerms.nutationArguments[row * 5 + k] * x[k] }
            let c = SPATerms.nutationCoefficients, base = row * 4
            psi += (c[base] + c[base + 1] * jce) * SolarAngles.sin(argument)
            epsilon += (c[base + 2] + c[base + 3] * jce) * SolarAngles.cos(argument)
        }
        return (psi / 36_000_000, epsilon / 36_000_000)
    }
}
