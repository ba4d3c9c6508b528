import DSOForecast
import Foundation
import Testing

/// Positions that can be checked by hand from the almanac, independent of any peer.
@Suite struct SolarPositionTests {
    static let greensboro = try! SolarSite(latitudeDegrees: 36.1, longitudeDegrees: -79.95, altitudeMetres: 270)

    /// The lowest apparent zenith of a UTC day scanned minute by minute, and when it occurs.
    static func solarNoon(site: SolarSite, dayStart: Double) -> (time: Double, position: SolarPosition) {
        (0..<1440).map { minute -> (Double, SolarPosition) in
            let time = dayStart + Double(minute) * 60
            return (time, SolarPosition(unixSeconds: time, site: site))
        }.min { $0.1.apparentZenithDegrees < $1.1.apparentZenithDegrees }!
    }

    /// 2024-03-20 (equinox at 03:06 UTC, so the declination is ≈ +0.24° by noon in North Carolina):
    /// noon zenith ≈ latitude − 0.24° − refraction (≈ 0.02°), sun due south; local mean noon at 79.95° W is
    /// 17:19.8 UTC and the equation of time is ≈ −7.5 min, so apparent noon ≈ 17:27 UTC.
    @Test func equinoxNoonInGreensboro() {
        let (time, position) = Self.solarNoon(site: Self.greensboro, dayStart: 1_710_892_800)
        #expect(abs(position.apparentZenithDegrees - (36.1 - 0.24 - 0.02)) < 0.05)
        #expect(abs(position.azimuthDegrees - 180) < 0.5)
        let utcMinutes = (time - 1_710_892_800) / 60
        #expect(abs(utcMinutes - (17 * 60 + 27)) <= 2)
        #expect(abs(position.equationOfTimeMinutes - -7.5) < 0.5)
    }

    /// At the June solstice (2024-06-20 20:51 UTC) the sun stands overhead on the Tropic of Cancer
    /// (latitude = obliquity 23.436°) at the meridian where it is then noon.
    @Test func solsticeSunOverheadOnTheTropic() throws {
        let tropic = try SolarSite(latitudeDegrees: 23.436, longitudeDegrees: -132.35)
        let solstice = 1_718_916_660.0
        let lowest = (-60...60).map { SolarPosition(unixSeconds: solstice + Double($0) * 60, site: tropic).zenithDegrees }.min()!
        #expect(lowest < 0.05)
    }

    /// Refraction lifts the sun: about 0.57° at the horizon, nothing overhead, none once it is well below.
    @Test func refractionIsLargestAtTheHorizon() {
        var atHorizon: SolarPosition?
        for minute in 0..<1440 {
            let position = SolarPosition(unixSeconds: 1_710_892_800 + Double(minute) * 60, site: Self.greensboro)
            if abs(position.zenithDegrees - 90) < 0.15 { atHorizon = position; break }
        }
        let horizon = try! #require(atHorizon)
        #expect((0.4...0.7).contains(horizon.zenithDegrees - horizon.apparentZenithDegrees))
        let night = SolarPosition(unixSeconds: 1_710_892_800 + 6 * 3600, site: Self.greensboro)  // 01:00 local
        #expect(night.zenithDegrees > 100 && night.zenithDegrees == night.apparentZenithDegrees)
    }

    @Test func sunrisesInTheEastAndSetsInTheWestInBothHemispheres() throws {
        let sydney = try SolarSite(latitudeDegrees: -33.87, longitudeDegrees: 151.21)
        for site in [Self.greensboro, sydney] {
            var previous = SolarPosition(unixSeconds: 1_710_892_800, site: site)
            var rises: [Double] = [], sets: [Double] = []
            for minute in 1..<1440 {
                let position = SolarPosition(unixSeconds: 1_710_892_800 + Double(minute) * 60, site: site)
                if previous.apparentElevationDegrees < 0, position.apparentElevationDegrees >= 0 { rises.append(position.azimuthDegrees) }
                if previous.apparentElevationDegrees >= 0, position.apparentElevationDegrees < 0 { sets.append(position.azimuthDegrees) }
                previous = position
            }
            // Equinox: rising ≈ due east (90°), setting ≈ due west (270°), within a degree.
            #expect(rises.count == 1 && abs(rises[0] - 90) < 1)
            #expect(sets.count == 1 && abs(sets[0] - 270) < 1)
        }
    }

    /// Perihelion (3 January) and aphelion (early July): (R₀/R)² = (1/0.98329)² ≈ 1.0343 and (1/1.01671)² ≈ 0.9674,
    /// the 6.9 % swing; Spencer's series is within 0.1 % of them.
    @Test func extraterrestrialIrradianceFollowsTheEarthSunDistance() {
        let january = ExtraterrestrialIrradiance.normalWattsPerSquareMetre(dayOfYear: 3)
        let july = ExtraterrestrialIrradiance.normalWattsPerSquareMetre(dayOfYear: 185)
        #expect(abs(january / 1366.1 - 1.0343) < 0.002)
        #expect(abs(july / 1366.1 - 0.9674) < 0.002)
        #expect(ExtraterrestrialIrradiance.utcDayOfYear(unixSeconds: 1_704_067_200) == 1)  // 2024-01-01
        #expect(ExtraterrestrialIrradiance.utcDayOfYear(unixSeconds: 1_735_603_200) == 366)  // 2024-12-31 (leap)
        #expect(ExtraterrestrialIrradiance.utcDayOfYear(unixSeconds: 1_709_251_199) == 60)  // 2024-02-29 23:59:59
        #expect(ExtraterrestrialIrradiance.utcDayOfYear(unixSeconds: 1_677_628_800) == 60)  // 2023-03-01
    }

    /// Kasten–Young: 1 overhead, ≈ sec z at moderate zenith, ≈ 38 at the horizon, undefined below it.
    @Test func airMassLimits() {
        #expect(abs(AirMass.relative(apparentZenithDegrees: 0) - 1) < 0.001)
        #expect(abs(AirMass.relative(apparentZenithDegrees: 60) - 2) < 0.01)
        #expect(abs(AirMass.relative(apparentZenithDegrees: 90) - 37.9) < 0.2)
        #expect(AirMass.relative(apparentZenithDegrees: 91).isNaN)
        #expect(abs(AirMass.absolute(apparentZenithDegrees: 0, pressurePascals: 101325 / 2) - 0.5) < 0.001)
    }

    @Test func siteValidationNamesTheParameter() {
        #expect(throws: ForecastError("latitudeDegrees: expected -90.0…90.0 degrees, got 91.0")) {
            try SolarSite(latitudeDegrees: 91, longitudeDegrees: 0)
        }
        #expect(throws: ForecastError("longitudeDegrees: expected -180.0…180.0 degrees, got nan")) {
            try SolarSite(latitudeDegrees: 0, longitudeDegrees: .nan)
        }
        #expect(throws: ForecastError.self) { try SolarSite(latitudeDegrees: 0, longitudeDegrees: 0, altitudeMetres: 20_000) }
    }
}
