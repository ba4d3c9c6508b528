import DSOForecast
import Foundation
import Testing

/// The PV system's power at conditions worked by hand, its clipping, and its input checks.
@Suite struct PVSystemTests {
    static let site = try! SolarSite(latitudeDegrees: 36.1, longitudeDegrees: -79.95, altitudeMetres: 270)

    @Test func nameplateAtStandardConditionsAndTemperatureDerating() throws {
        let system = try PVSystem(site: Self.site, dcRatingKW: 10, tiltDegrees: 30, azimuthDegrees: 180, inverterACLimitKW: 20,
                                  temperatureCoefficientPerCelsius: -0.004, lossesFraction: 0, inverterEfficiency: 1,
                                  cellTemperature: .airTemperature)
        #expect(abs(system.acPowerKW(planeOfArrayWattsPerSquareMetre: 1000, airTemperatureCelsius: 25) - 10) < 1e-12)
        // 45 °C cells: 20 °C above the rating → −8 %.
        #expect(abs(system.acPowerKW(planeOfArrayWattsPerSquareMetre: 1000, airTemperatureCelsius: 45) - 9.2) < 1e-12)
        // NOCT 45 °C at 800 W/m² and 20 °C air → cells at 45 °C: 10 × 0.8 × 0.92 × (1 − 0.14) × 0.96.
        let noct = try PVSystem(site: Self.site, dcRatingKW: 10, tiltDegrees: 30, azimuthDegrees: 180, inverterACLimitKW: 20)
        #expect(abs(noct.acPowerKW(planeOfArrayWattsPerSquareMetre: 800, airTemperatureCelsius: 20) - 10 * 0.8 * 0.92 * 0.86 * 0.96) < 1e-12)
        #expect(noct.acPowerKW(planeOfArrayWattsPerSquareMetre: 0, airTemperatureCelsius: 20) == 0)
    }

    @Test func inverterClipsAtItsACLimit() throws {
        let system = try PVSystem(site: Self.site, dcRatingKW: 10, tiltDegrees: 30, azimuthDegrees: 180, inverterACLimitKW: 6)
        #expect(system.acPowerKW(planeOfArrayWattsPerSquareMetre: 1100, airTemperatureCelsius: 10) == 6)
        #expect(system.acPowerKW(planeOfArrayWattsPerSquareMetre: 300, airTemperatureCelsius: 10) < 6)
    }

    /// Clear-sky power: zero at night, highest near solar noon, a south-facing array beats a north-facing one
    /// in the northern winter, and a measured GHI equal to the clear-sky GHI gives about the clear-sky power.
    @Test func clearSkyPowerOverADay() throws {
        let model = try ClearSkyModel.ineichenPerez(linkeTurbidity: 3)
        let south = try PVSystem(site: Self.site, dcRatingKW: 10, tiltDegrees: 35, azimuthDegrees: 180, inverterACLimitKW: 10)
        let north = try PVSystem(site: Self.site, dcRatingKW: 10, tiltDegrees: 35, azimuthDegrees: 0, inverterACLimitKW: 10)
        let dayStart = 1_734_652_800.0  // 2024-12-20 UTC
        let hourly = (0..<24).map { south.clearSkyPowerKW(unixSeconds: dayStart + Double($0) * 3600, clearSky: model) }
        #expect(hourly[5] == 0)  // 00:00 local
        let peakHour = hourly.indices.max { hourly[$0] < hourly[$1] }!
        #expect((16...18).contains(peakHour))  // solar noon ≈ 17:18 UTC
        #expect(hourly[peakHour] > 5 && hourly[peakHour] <= 10)
        let noon = dayStart + 17 * 3600
        #expect(north.clearSkyPowerKW(unixSeconds: noon, clearSky: model) < 0.5 * hourly[17])
        let ghi = model.irradiance(unixSeconds: noon, site: Self.site).ghiWattsPerSquareMetre
        let fromGHI = south.acPowerKW(unixSeconds: noon, ghiWattsPerSquareMetre: ghi, airTemperatureCelsius: 20)
        #expect(abs(fromGHI - hourly[17]) / hourly[17] < 0.15)  // Erbs's clear-sky split is near Ineichen's
    }

    @Test func validationNamesTheParameterAndTheExpectation() {
        func make(dc: Double = 10, tilt: Double = 30, azimuth: Double = 180, ac: Double = 8, gamma: Double = -0.004,
                  losses: Double = 0.14, efficiency: Double = 0.96, noct: Double = 45, albedo: Double = 0.2) throws(ForecastError) {
            _ = try PVSystem(site: Self.site, dcRatingKW: dc, tiltDegrees: tilt, azimuthDegrees: azimuth, inverterACLimitKW: ac,
                             temperatureCoefficientPerCelsius: gamma, lossesFraction: losses, inverterEfficiency: efficiency,
                             cellTemperature: .noct(celsius: noct), albedo: albedo)
        }
        #expect(throws: ForecastError("dcRatingKW: expected a finite value > 0 kW, got 0.0")) { try make(dc: 0) }
        #expect(throws: ForecastError("inverterACLimitKW: expected a finite value > 0 kW, got -1.0")) { try make(ac: -1) }
        #expect(throws: ForecastError("tiltDegrees: expected 0.0…90.0 degrees, got 91.0")) { try make(tilt: 91) }
        #expect(throws: ForecastError("azimuthDegrees: expected 0.0…360.0 degrees, got 400.0")) { try make(azimuth: 400) }
        #expect(throws: ForecastError("temperatureCoefficientPerCelsius: expected -0.02…0.0 per °C, got 0.004")) {
            try make(gamma: 0.004)
        }
        #expect(throws: ForecastError("lossesFraction: expected 0.0…0.9 (fraction), got 1.2")) { try make(losses: 1.2) }
        #expect(throws: ForecastError("inverterEfficiency: expected 0.5…1.0 (fraction), got 1.1")) { try make(efficiency: 1.1) }
        #expect(throws: ForecastError("cellTemperature NOCT: expected 20.0…80.0 °C, got 10.0")) { try make(noct: 10) }
        #expect(throws: ForecastError("albedo: expected 0.0…1.0 (fraction), got 1.5")) { try make(albedo: 1.5) }
    }
}
