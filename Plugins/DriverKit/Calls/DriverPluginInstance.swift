public import DSODriverABI

/// What a Swift driver plugin's open instance does, inside the plugin (the host's side is `HostedDriverInstance`);
/// `DriverCalls` checks everything that crosses the C boundary first.
public protocol DriverPluginInstance: AnyObject {
    /// Opens an instance from the host's configuration string (`key=value; …`); errors name the key at fault.
    static func open(host: HostConnection, configuration: String) throws(DriverOpenError) -> Self
    /// The host connection given at open (log and clock).
    var host: HostConnection { get }
    /// Points the instance exposes; fixed from open to close, as the ABI requires.
    var pointCount: Int { get }
    /// Fills the ABI description of point `index` (0 ≤ index < pointCount); strings must live until close.
    func describe(point index: Int, into info: inout dso_point_info)
    /// Reads every point (`pointCount` values and timestamps; NaN for a value the device did not give).
    func read(values: UnsafeMutablePointer<Double>, timestampsNanoseconds: UnsafeMutablePointer<Int64>) throws(DriverCallError)
    /// Writes set point `index` (0 ≤ index < pointCount) for as long as the host's clock is before `validUntilNanoseconds`.
    func write(point index: Int, value: Double, validUntilNanoseconds: Int64) throws(DriverCallError)
    /// Hands control back to the device (clears enables, writes safe values) before the instance is freed.
    func close()
}

extension DriverPluginInstance {
    /// Read-only devices (meters, BMSs): every write is refused with DSO_ERROR_READ_ONLY.
    public func write(point index: Int, value: Double, validUntilNanoseconds: Int64) throws(DriverCallError) {
        throw DriverCallError(Int32(DSO_ERROR_READ_ONLY), "write: point \(index) is read-only (this driver takes no set points)")
    }

    public func close() {}
}
