/// A PV installation described by its nameplate and geometry, turning weather (or a clear sky) into AC kW:
/// the physical half of the PV forecaster (forecast = clear-sky power × predicted clear-sky index).
///
/// DC power follows PVWatts (A. P. Dobos, "PVWatts Version 5 Manual", NREL/TP-6A20-62641, 2014; pvlib's
/// `pvsystem.pvwatts_dc`): P_dc = P_dc0 · G/1000 · (1 + γ (T_cell − 25 °C)), then a lumped loss fraction
/// (soiling, wiring, mismatch…), a flat inverter efficiency and clipping at the inverter's AC limit.
public struct PVSystem: Sendable, Hashable {
    public let site: SolarSite
    public let surface: SurfaceOrientation
    /// DC nameplate at standard test conditions (1000 W/m², 25 °C cells).
    public let dcRatingKW: Double
    /// The inverter's AC output limit; DC beyond it is clipped.
    public let inverterACLimitKW: Double
    /// Relative power change per °C of cell temperature above 25 °C (crystalline silicon ≈ −0.004).
    public let temperatureCoefficientPerCelsius: Double
    /// DC losses before the inverter as a fraction (PVWatts' default total is 0.14).
    public let lossesFraction: Double
    /// DC → AC conversion efficiency below the clipping limit.
    public let inverterEfficiency: Double
    public let cellTemperature: CellTemperatureModel
    /// Ground reflectance for the reflected component.
    public let albedo: Double
    public let skyDiffuse: SkyDiffuseModel

    /// Throws a `ForecastError` naming the first parameter out of range and the range expected:
    /// `dcRatingKW` > 0, `inverterACLimitKW` > 0, `tiltDegrees` 0…90, `azimuthDegrees` 0…360,
    /// `temperatureCoefficientPerCelsius` −0.02…0, `lossesFraction` 0…0.9, `inverterEfficiency` 0.5…1,
    /// NOCT 20…80 °C, `albedo` 0…1.
    public init(
        site: SolarSite, dcRatingKW: Double, tiltDegrees: Double, azimuthDegrees: Double, inverterACLimitKW: Double,
        temperatureCoefficientPerCelsius: Double = -0.004, lossesFraction: Double = 0.14,
        inverterEfficiency: Double = 0.96, cellTemperature: CellTemperatureModel = .noct(celsius: 45),
        albedo: Double = 0.2, skyDiffuse: SkyDiffuseModel = .hayDavies
    ) throws(ForecastError) {
        try SolarValidation.requirePositive(dcRatingKW, "dcRatingKW", unit: "kW")
        try SolarValidation.requirePositive(inverterACLimitKW, "inverterACLimitKW", unit: "kW")
        surface = try SurfaceOrientation(tiltDegrees: tiltDegrees, azimuthDegrees: azimuthDegrees)
        try SolarValidation.require(temperatureCoefficientPerCelsius, in: -0.02...0, "temperatureCoefficientPerCelsius",
                                    unit: "per °C")
        try SolarValidation.require(lossesFraction, in: 0...0.9, "lossesFraction", unit: "(fraction)")
        try SolarValidation.require(inverterEfficiency, in: 0.5...1, "inverterEfficiency", unit: "(fraction)")
        if case .noct(let noct) = cellTemperature {
            try SolarValidation.require(noct, in: 20...80, "cellTemperature NOCT", unit: "°C")
        }
        try SolarValidation.require(albedo, in: 0...1, "albedo", unit: "(fraction)")
        self.site = site
        self.dcRatingKW = dcRatingKW
        self.inverterACLimitKW = inverterACLimitKW
        self.temperatureCoefficientPerCelsius = temperatureCoefficientPerCelsius
        self.lossesFraction = lossesFraction
        self.inverterEfficiency = inverterEfficiency
        self.cellTemperature = cellTemperature
        self.albedo = albedo
        self.skyDiffuse = skyDiffuse
    }

    /// DC power after losses, before the inverter (never negative).
    public func dcPowerKW(planeOfArrayWattsPerSquareMetre g: Double, airTemperatureCelsius: Double) -> Double {
        let cell = cellTemperature.cellCelsius(planeOfArrayWattsPerSquareMetre: g, airTemperatureCelsius: airTemperatureCelsius)
        let dc = dcRatingKW * g / 1000 * (1 + temperatureCoefficientPerCelsius * (cell - 25))
        return max(dc * (1 - lossesFraction), 0)
    }

    /// AC power for a plane-of-array irradiance and air temperature.
    public func acPowerKW(planeOfArrayWattsPerSquareMetre g: Double, airTemperatureCelsius: Double) -> Double {
        min(dcPowerKW(planeOfArrayWattsPerSquareMetre: g, airTemperatureCelsius: airTemperatureCelsius) * inverterEfficiency,
            inverterACLimitKW)
    }

    /// Irradiance on this array's plane at `unixSeconds` for the given horizontal components.
    public func planeOfArray(unixSeconds: Double, horizontal: HorizontalIrradiance) -> PlaneOfArrayIrradiance {
        let position = SolarPosition(unixSeconds: unixSeconds, site: site)
        return PlaneOfArray.irradiance(
            surface: surface, zenithDegrees: position.apparentZenithDegrees, sunAzimuthDegrees: position.azimuthDegrees,
            horizontal: horizontal,
            extraterrestrialNormalWattsPerSquareMetre: ExtraterrestrialIrradiance.normalWattsPerSquareMetre(unixSeconds: unixSeconds),
            albedo: albedo, model: skyDiffuse)
    }

    /// AC power at `unixSeconds` from horizontal irradiance components.
    public func acPowerKW(unixSeconds: Double, horizontal: HorizontalIrradiance, airTemperatureCelsius: Double) -> Double {
        acPowerKW(planeOfArrayWattsPerSquareMetre: planeOfArray(unixSeconds: unixSeconds, horizontal: horizontal)
                    .globalWattsPerSquareMetre,
                  airTemperatureCelsius: airTemperatureCelsius)
    }

    /// AC power at `unixSeconds` when only GHI is measured or forecast: Erbs splits it first.
    public func acPowerKW(unixSeconds: Double, ghiWattsPerSquareMetre: Double, airTemperatureCelsius: Double) -> Double {
        let position = SolarPosition(unixSeconds: unixSeconds, site: site)
        let horizontal = Erbs.decompose(
            ghiWattsPerSquareMetre: ghiWattsPerSquareMetre, zenithDegrees: position.apparentZenithDegrees,
            extraterrestrialNormalWattsPerSquareMetre: ExtraterrestrialIrradiance.normalWattsPerSquareMetre(unixSeconds: unixSeconds))
        return acPowerKW(unixSeconds: unixSeconds, horizontal: horizontal, airTemperatureCelsius: airTemperatureCelsius)
    }

    /// What the array would give under a cloudless sky at `unixSeconds`: the envelope a clear-sky index scales.
    /// `airTemperatureCelsius` sets the cell temperature (20 °C when no forecast is at hand).
    public func clearSkyPowerKW(
        unixSeconds: Double, clearSky: ClearSkyModel, airTemperatureCelsius: Double = 20
    ) -> Double {
        acPowerKW(unixSeconds: unixSeconds, horizontal: clearSky.irradiance(unixSeconds: unixSeconds, site: site),
                  airTemperatureCelsius: airTemperatureCelsius)
    }
}
