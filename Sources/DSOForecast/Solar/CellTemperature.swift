/// How hot the cells run above the air, because output falls by the temperature coefficient per °C above
/// the 25 °C rating.
public enum CellTemperatureModel: Sendable, Hashable {
    /// Ross's NOCT model: T_cell = T_air + (NOCT − 20 °C) · G / 800 W/m². R. G. Ross, "Interface design
    /// considerations for terrestrial solar cell modules", Proc. 12th IEEE PVSC, 801–806 (1976); pvlib's
    /// `temperature.ross`. NOCT is on the module datasheet (typically 42–48 °C).
    case noct(celsius: Double)
    /// Cells at air temperature (no irradiance heating): for comparisons and well-ventilated idealisations.
    case airTemperature

    /// Cell temperature for a plane-of-array irradiance and air temperature.
    public func cellCelsius(planeOfArrayWattsPerSquareMetre: Double, airTemperatureCelsius: Double) -> Double {
        switch self {
        case .noct(let noct): airTemperatureCelsius + (noct - 20) / 800 * planeOfArrayWattsPerSquareMetre
        case .airTemperature: airTemperatureCelsius
        }
    }
}
