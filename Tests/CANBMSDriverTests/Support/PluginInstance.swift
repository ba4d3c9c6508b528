import OpenDSOTestSupport
import DSODriverABI
import Foundation

/// An open plugin instance driven through the vtable only, on a CLOCK_MONOTONIC host that records its log.
final class PluginInstance {
    let driver: UnsafePointer<dso_driver>
    let handle: UnsafeMutableRawPointer
    let names: [String]
    private let host = UnsafeMutablePointer<dso_host>.allocate(capacity: 1)
    private let log = LogLines()

    /// Opens an instance, or throws the error text the plugin wrote.
    init(_ driver: UnsafePointer<dso_driver>, config: String) throws {
        self.driver = driver
        let log = self.log
        let host = self.host
        host.initialize(to: dso_host(
            struct_size: UInt32(MemoryLayout<dso_host>.size), context: Unmanaged.passUnretained(log).toOpaque(),
            log: { context, _, message in
                Unmanaged<LogLines>.fromOpaque(context!).takeUnretainedValue().append(String(cString: message!))
            },
            now_ns: { _ in monotonicNanoseconds() }))
        var buffer = [CChar](repeating: 0, count: 1024)
        let opened = config.withCString { text in
            buffer.withUnsafeMutableBufferPointer { driver.pointee.open(host, text, $0.baseAddress, $0.count) }
        }
        guard let opened else {
            host.deallocate()
            throw PeerError(buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        }
        handle = opened
        let count = Int(driver.pointee.point_count(opened))
        names = (0..<count).map { index in
            var info = dso_point_info()
            _ = driver.pointee.point_info(opened, Int32(index), &info)
            return String(cString: info.name)
        }
    }

    deinit {
        driver.pointee.close(handle)
        host.deallocate()
    }

    /// One read: point name → (value, timestamp).
    func read() throws -> [String: Double] {
        var values = [Double](repeating: .nan, count: names.count)
        var stamps = [Int64](repeating: 0, count: names.count)
        var error = [CChar](repeating: 0, count: 512)
        let status = driver.pointee.read(handle, &values, &stamps, Int32(names.count), &error, error.count)
        guard status == DSO_OK else { throw PeerError("read returned \(status): \(error.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })") }
        return Dictionary(uniqueKeysWithValues: zip(names, values))
    }

    /// Reads every 20 ms until `condition` holds or `seconds` pass; returns the last reading and when it held.
    func read(until condition: ([String: Double]) -> Bool, within seconds: Double) throws
        -> (values: [String: Double], elapsedSeconds: Double, met: Bool) {
        let start = monotonicNanoseconds()
        while true {
            let values = try read()
            let elapsed = Double(monotonicNanoseconds() - start) / 1e9
            if condition(values) { return (values, elapsed, true) }
            if elapsed > seconds { return (values, elapsed, false) }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// What the plugin logged.
    var logLines: [String] { log.lines }
}

/// The plugin's log lines; the plugin calls back on the test's thread only.
final class LogLines {
    private(set) var lines: [String] = []
    func append(_ line: String) { lines.append(line) }
}
