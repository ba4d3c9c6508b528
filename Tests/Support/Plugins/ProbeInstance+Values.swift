import DSODriverHost
import Foundation

/// The plugin as the bench opens it (DSODriverHost's loader checks, a CLOCK_MONOTONIC host, the log collected):
/// enough for the end-to-end tests, which need no raw vtable call.
extension PluginLibrary {
    public func probe() throws -> ProbePlugin { try ProbePlugin.load(path: path()) }
}

extension ProbeInstance {
    /// One read: point name → value; throws the driver's code and message when the read fails.
    public func namedValues() throws -> [String: Double] {
        let reading = read()
        guard reading.isOK else { throw ReadFailure(code: reading.code.rawValue, message: reading.message) }
        return Dictionary(uniqueKeysWithValues: zip(points.map(\.name), reading.values))
    }

    /// Reads every 20 ms until `condition` holds or `seconds` pass; returns the last reading and when it held.
    public func namedValues(until condition: ([String: Double]) -> Bool, within seconds: Double) throws
        -> (values: [String: Double], elapsedSeconds: Double, met: Bool) {
        let start = monotonicNanoseconds()
        while true {
            let values = try namedValues()
            let elapsed = Double(monotonicNanoseconds() - start) / 1e9
            if condition(values) { return (values, elapsed, true) }
            if elapsed > seconds { return (values, elapsed, false) }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }
}
