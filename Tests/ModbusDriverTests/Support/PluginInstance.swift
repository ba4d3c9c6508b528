import DSODriverABI
import Testing

/// One point as `point_info` described it, copied into Swift values.
struct PointDescription: Equatable {
    var name: String
    var unit: String
    var kind: Int32
    var writable: Bool
    var minimum: Double
    var maximum: Double
}

/// An open plugin instance driven through the vtable only, as a host drives it.
final class PluginInstance {
    let driver: UnsafePointer<dso_driver>
    let host: VirtualHost
    let handle: UnsafeMutableRawPointer
    let points: [PointDescription]
    private let indexByName: [String: Int]

    /// Opens an instance, or returns the error text the plugin wrote.
    static func open(_ driver: UnsafePointer<dso_driver>, host: VirtualHost, config: String)
        -> Result<PluginInstance, OpenFailure> {
        var buffer = [CChar](repeating: 0x55, count: 1024)
        let handle = config.withCString { text in
            buffer.withUnsafeMutableBufferPointer { driver.pointee.open(host.pointer, text, $0.baseAddress, $0.count) }
        }
        guard let handle else { return .failure(OpenFailure(message: String(nulTerminated: buffer))) }
        return .success(PluginInstance(driver: driver, host: host, handle: handle))
    }

    /// Opens an instance that must open.
    static func opened(_ driver: UnsafePointer<dso_driver>, host: VirtualHost, config: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> PluginInstance {
        try open(driver, host: host, config: config).get()
    }

    private init(driver: UnsafePointer<dso_driver>, host: VirtualHost, handle: UnsafeMutableRawPointer) {
        self.driver = driver
        self.host = host
        self.handle = handle
        let count = driver.pointee.point_count(handle)
        var points: [PointDescription] = []
        for index in 0..<max(0, count) {
            var info = dso_point_info()
            guard driver.pointee.point_info(handle, index, &info) == DSO_OK else { break }
            points.append(PointDescription(
                name: String(cString: info.name), unit: String(cString: info.unit), kind: info.kind,
                writable: info.writable != 0, minimum: info.minimum, maximum: info.maximum))
        }
        self.points = points
        indexByName = Dictionary(points.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    deinit { driver.pointee.close(handle) }

    func index(_ name: String) -> Int? { indexByName[name] }

    /// Reads every point; returns the code and the error text instead of expecting success.
    func attemptRead() -> (code: Int32, message: String) {
        let outcome = attemptValues()
        return (outcome.code, outcome.message)
    }

    /// Reads every point; returns the code, the error text and the values (NaN after a failed read).
    func attemptValues() -> (code: Int32, message: String, values: Reading) {
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

    /// Reads every point at the host's current time.
    func read(sourceLocation: SourceLocation = #_sourceLocation) -> Reading {
        let outcome = attemptValues()
        #expect(outcome.code == DSO_OK, "read failed: \(outcome.message)", sourceLocation: sourceLocation)
        return outcome.values
    }

    /// Writes `value` to the point named `name`; returns the code and the error text.
    @discardableResult
    func write(_ name: String, _ value: Double, validUntilNanoseconds: Int64) -> (code: Int32, message: String) {
        guard let index = index(name) else { return (-99, "no point named \(name)") }
        return write(index: Int32(index), value, validUntilNanoseconds: validUntilNanoseconds)
    }

    func write(index: Int32, _ value: Double, validUntilNanoseconds: Int64) -> (code: Int32, message: String) {
        var buffer = [CChar](repeating: 0, count: 512)
        let code = buffer.withUnsafeMutableBufferPointer {
            driver.pointee.write(handle, index, value, validUntilNanoseconds, $0.baseAddress, $0.count)
        }
        return (code, code == DSO_OK ? "" : String(nulTerminated: buffer))
    }
}

/// What `open` wrote into the error buffer.
struct OpenFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// One read of every point.
struct Reading {
    let instance: PluginInstance
    let values: [Double]
    let timestampsNanoseconds: [Int64]

    subscript(_ name: String) -> Double {
        guard let index = instance.index(name) else { return .nan }
        return values[index]
    }
}
