/// Which way a PV array faces, so irradiance can be transposed onto its plane.
public struct SurfaceOrientation: Sendable, Hashable {
    /// Tilt from horizontal: 0 flat, 90 vertical.
    public let tiltDegrees: Double
    /// Direction the array faces, eastward from north (180 = south-facing), the sun-azimuth convention.
    public let azimuthDegrees: Double

    /// Throws a `ForecastError` naming `tiltDegrees` unless 0…90, or `azimuthDegrees` unless 0…360.
    public init(tiltDegrees: Double, azimuthDegrees: Double) throws(ForecastError) {
        try SolarValidation.require(tiltDegrees, in: 0...90, "tiltDegrees", unit: "degrees")
        try SolarValidation.require(azimuthDegrees, in: 0...360, "azimuthDegrees", unit: "degrees")
        self.tiltDegrees = tiltDegrees
        self.azimuthDegrees = azimuthDegrees
    }
}
