import DSODriverABI

/// One point as the plugin's `point_info` (`dso_point_info`) described it, copied into Swift values.
public struct PluginPointInfo: Equatable, Sendable {
    public var name: String
    public var unit: String
    public var kind: Int32
    public var writable: Bool
    public var minimum: Double
    public var maximum: Double
}

/// An open plugin instance driven through the vtable only, as a host drives it; `driver` and `handle` stay
/// public so a test can call the vtable itself with arguments no host would pass.
public final class PluginInstance {
    public let driver: UnsafePointer<dso_driver>
    public let host: VirtualHost
    public let handle: UnsafeMutableRawPointer
    public let points: [PluginPointInfo]
    private let indexByName: [String: Int]

    /// Opens an instance, or returns the error text the plugin wrote.
    public static func open(_ driver: UnsafePointer<dso_driver>, host: VirtualHost, config: String)
        -> Result<PluginInstance, OpenFailure> {
        var buffer = [CChar](repeating: 0x55, count: 1024)
        let handle = config.withCString { text in
            buffer.withUnsafeMutableBufferPointer { driver.pointee.open(host.pointer, text, $0.baseAddress, $0.count) }
        }
        guard let handle else { return .failure(OpenFailure(message: String(nulTerminated: buffer))) }
        return .success(PluginInstance(driver: driver, host: host, handle: handle))
    }

    /// Opens an instance that must open; throws the plugin's error text.
    public static func opened(_ driver: UnsafePointer<dso_driver>, host: VirtualHost, config: String) throws -> PluginInstance {
        try open(driver, host: host, config: config).get()
    }

    private init(driver: UnsafePointer<dso_driver>, host: VirtualHost, handle: UnsafeMutableRawPointer) {
        self.driver = driver
        self.host = host
        self.handle = handle
        let count = driver.pointee.point_count(handle)
        var points: [PluginPointInfo] = []
        for index in 0..<max(0, count) {
            var info = dso_point_info()
            guard driver.pointee.point_info(handle, index, &info) == DSO_OK else { break }
            points.append(PluginPointInfo(
                name: String(cString: info.name), unit: String(cString: info.unit), kind: info.kind,
                writable: info.writable != 0, minimum: info.minimum, maximum: info.maximum))
        }
        self.points = points
        indexByName = Dictionary(points.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    deinit { driver.pointee.close(handle) }

    public func index(_ name: String) -> Int? { indexByName[name] }

    /// Reads every point; returns the code, the error text and the values (NaN after a failed read) instead of
    /// expecting success.
    public func attemptRead() -> (code: Int32, message: String, values: Reading) {
        var values = [Double](repeating: .nan, count: points.count)
        var timestamps = [Int64](repeating: -1, count: points.count)
        var buffer = [CChar](repeating: 0, count: 512)
        let code = values.withUnsafeMutableBufferPointer { values in
            timestamps.withUnsafeMutableBufferPointer { stamps in
                buffer.withUnsafeMutableBufferPointer { error in
                    driver.pointee.read(handle, values.baseAddress, stamps.baseAddress, Int32(points.count),
                                        error.baseAddress, error.count)
                }
            }
        }
        if code != DSO_OK { values = [Double](repeating: .nan, count: points.count) }
        return (code, code == DSO_OK ? "" : String(nulTerminated: buffer),
                Reading(instance: self, values: values, timestampsNanoseconds: timestamps))
    }

    /// Reads every point at the host's current time; throws the plugin's error when the read fails.
    public func read() throws -> Reading {
        let outcome = attemptRead()
        guard outcome.code == DSO_OK else { throw ReadFailure(code: outcome.code, message: outcome.message) }
        return outcome.values
    }

    /// Writes `value` to the point named `name`; returns the code and the error text.
    @discardableResult
    public func write(_ name: String, _ value: Double, validUntilNanoseconds: Int64) -> (code: Int32, message: String) {
        guard let index = index(name) else { return (-99, "no point named \(name)") }
        return write(index: Int32(index), value, validUntilNanoseconds: validUntilNanoseconds)
    }

    public func write(index: Int32, _ value: Double, validUntilNanoseconds: Int64) -> (code: Int32, message: String) {
        var buffer = [CChar](repeating: 0, count: 512)
        let code = buffer.withUnsafeMutableBufferPointer {
            driver.pointee.write(handle, index, value, validUntilNanoseconds, $0.baseAddress, $0.count)
        }
        return (code, code == DSO_OK ? "" : String(nulTerminated: buffer))
    }
}

/// One read of every point.
public struct Reading {
    public let instance: PluginInstance
    public let values: [Double]
    public let timestampsNanoseconds: [Int64]

    /// The value of the point named `name`; NaN when there is none.
    public subscript(_ name: String) -> Double {
        guard let index = instance.index(name) else { return .nan }
        return values[index]
    }
}
