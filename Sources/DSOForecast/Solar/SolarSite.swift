import Foundation

/// Where a PV system stands: the sun's position and the clear-sky model depend on it.
public struct SolarSite: Sendable, Hashable {
    /// Geodetic latitude, north positive.
    public let latitudeDegrees: Double
    /// Longitude, east positive.
    public let longitudeDegrees: Double
    /// Height above mean sea level; it sets the air pressure (refraction, absolute air mass) and the
    /// Ineichen–Perez altitude terms.
    public let altitudeMetres: Double

    /// Throws a `ForecastError` naming the parameter when latitude is outside −90…90, longitude outside
    /// −180…180 or altitude outside −500…9000 m (or any is not finite).
    public init(latitudeDegrees: Double, longitudeDegrees: Double, altitudeMetres: Double = 0) throws(ForecastError) {
        try SolarValidation.require(latitudeDegrees, in: -90...90, "latitudeDegrees", unit: "degrees")
        try SolarValidation.require(longitudeDegrees, in: -180...180, "longitudeDegrees", unit: "degrees")
        try SolarValidation.require(altitudeMetres, in: -500...9000, "altitudeMetres", unit: "m")
        self.latitudeDegrees = latitudeDegrees
        self.longitudeDegrees = longitudeDegrees
        self.altitudeMetres = altitudeMetres
    }

    /// The standard-atmosphere pressure at the site's altitude (the ICAO barometric formula pvlib's
    /// `atmosphere.alt2pres` uses), for when no measured pressure is at hand.
    public var standardPressurePascals: Double {
        100 * pow((44331.514 - altitudeMetres) / 11880.516, 1 / 0.1902632)
    }
}
