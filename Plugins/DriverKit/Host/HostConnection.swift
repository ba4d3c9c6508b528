public import DSODriverABI

/// The host's log and clock as one instance received them at `open`, checked once so calls need no checks.
public struct HostConnection {
    private let context: UnsafeMutableRawPointer?
    private let logCallback: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?) -> Void
    private let nowCallback: @convention(c) (UnsafeMutableRawPointer?) -> Int64
    /// Prefixes every log line, so a host log with several drivers says whose line it is.
    public let driverName: String

    /// Validates what the host passed; the message names what is missing or too small.
    public init(_ host: UnsafePointer<dso_host>?, driverName: String) throws(DriverOpenError) {
        guard let host else { throw DriverOpenError("host is NULL; expected a dso_host with log and now_ns") }
        // Read the size alone first: an older, smaller host struct must not be read past its end.
        let size = UnsafeRawPointer(host).load(as: UInt32.self)
        guard Int(size) >= MemoryLayout<dso_host>.size else {
            throw DriverOpenError("host struct_size \(size) is smaller than this driver's dso_host (\(MemoryLayout<dso_host>.size) bytes)")
        }
        guard let log = host.pointee.log else { throw DriverOpenError("host log callback is NULL") }
        guard let now = host.pointee.now_ns else { throw DriverOpenError("host now_ns callback is NULL") }
        context = host.pointee.context
        logCallback = log
        nowCallback = now
        self.driverName = driverName
    }

    /// The host's clock, nanoseconds (virtual in simulations).
    public func nowNanoseconds() -> Int64 { nowCallback(context) }

    /// Sends one line to the host's log, prefixed with the driver's name.
    public func log(_ level: Int32, _ message: String) {
        "\(driverName): \(message)".withCString { logCallback(context, level, $0) }
    }
}
