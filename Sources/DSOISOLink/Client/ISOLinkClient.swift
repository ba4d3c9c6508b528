import CModbus
import Foundation

/// The ISO's side of the link: a libmodbus TCP client that writes set points, awards and dispatch
/// targets and reads the telemetry, with the register map of `ISORegisterMap`.
///
/// One client per thread (libmodbus contexts are not shared). Errors carry the libmodbus reason.
public final class ISOLinkClient {
    private var context: OpaquePointer?
    public let endpoint: ISOEndpoint
    /// The set-point counter this client writes next.
    public private(set) var nextCounter: UInt32

    /// Connects to `endpoint` (unit id 1, 1-s response timeout).
    public init(endpoint: ISOEndpoint, firstCounter: UInt32 = 1, responseTimeoutSeconds: Double = 1) throws(ISOClientError) {
        self.endpoint = endpoint
        nextCounter = firstCounter
        guard let context = modbus_new_tcp(endpoint.host, Int32(endpoint.port)) else {
            throw ISOClientError(endpoint: endpoint.description, operation: "create context", reason: "modbus_new_tcp failed")
        }
        self.context = context
        modbus_set_slave(context, 1)
        _ = modbus_set_error_recovery(context, MODBUS_ERROR_RECOVERY_NONE)
        let whole = responseTimeoutSeconds.rounded(.down)
        modbus_set_response_timeout(context, UInt32(whole), UInt32((responseTimeoutSeconds - whole) * 1e6))
        guard modbus_connect(context) == 0 else {
            let reason = Self.reason()
            modbus_free(context)
            self.context = nil
            throw ISOClientError(endpoint: endpoint.description, operation: "connect", reason: reason)
        }
    }

    deinit {
        if let context {
            modbus_close(context)
            modbus_free(context)
        }
    }

    /// Writes a normalised set point (−1…1) and then a new counter, in one request.
    public func sendSignal(normalized: Double) throws(ISOClientError) {
        try sendSetpoint(value: normalized, unit: 0, counter: nextCounter)
        nextCounter &+= 1
    }

    /// Writes set point, counter and unit (0 normalised, 1 MW) in one request.
    public func sendSetpoint(value: Double, unit: UInt16, counter: UInt32) throws(ISOClientError) {
        let setpoint = RegisterWords.words(Float(value)), sequence = RegisterWords.words(counter)
        try write(address: ISORegisterMap.setpoint, [setpoint.high, setpoint.low, sequence.high, sequence.low, unit])
    }

    /// Writes the regulation capacity award, MW.
    public func sendAward(mw: Double) throws(ISOClientError) {
        let words = RegisterWords.words(Float(mw))
        try write(address: ISORegisterMap.awardMW, [words.high, words.low])
    }

    /// Writes interface point `point`'s dispatch operating target (net import, MW) holding for `durationSeconds`.
    public func sendDispatchTarget(point: Int, netImportMW: Double, durationSeconds: Int) throws(ISOClientError) {
        let words = RegisterWords.words(Float(netImportMW))
        let duration = UInt16(clamping: durationSeconds)
        try write(address: ISORegisterMap.dispatchTarget(point), [words.high, words.low, duration, 0])
    }

    /// Reads the telemetry block (and the per-interface-point blocks).
    public func readTelemetry() throws(ISOClientError) -> ISOTelemetryReading {
        let head = try read(input: 0, count: ISORegisterMap.interfacePointCount + 1)
        let points = min(Int(head[ISORegisterMap.interfacePointCount]), ISORegisterMap.maximumInterfacePoints)
        var blocks: [UInt16] = []
        if points > 0 {
            blocks = try read(input: ISORegisterMap.interfacePointBase, count: points * ISORegisterMap.interfacePointStride)
        }
        return ISOTelemetryReading(head: head, interfacePointBlocks: blocks, interfacePointCount: points)
    }

    /// Writes holding registers starting at `address` (function 16).
    public func write(address: Int, _ values: [UInt16]) throws(ISOClientError) {
        let written = values.withUnsafeBufferPointer { modbus_write_registers(context, Int32(address), Int32($0.count), $0.baseAddress) }
        guard written == values.count else {
            throw ISOClientError(endpoint: endpoint.description, operation: "write registers \(address)…", reason: Self.reason())
        }
    }

    /// Reads `count` input registers from `address` (function 4).
    public func read(input address: Int, count: Int) throws(ISOClientError) -> [UInt16] {
        var values = [UInt16](repeating: 0, count: count)
        let read = modbus_read_input_registers(context, Int32(address), Int32(count), &values)
        guard read == count else {
            throw ISOClientError(endpoint: endpoint.description, operation: "read input registers \(address)…", reason: Self.reason())
        }
        return values
    }

    /// Reads `count` holding registers from `address` (function 3).
    public func read(holding address: Int, count: Int) throws(ISOClientError) -> [UInt16] {
        var values = [UInt16](repeating: 0, count: count)
        let read = modbus_read_registers(context, Int32(address), Int32(count), &values)
        guard read == count else {
            throw ISOClientError(endpoint: endpoint.description, operation: "read holding registers \(address)…", reason: Self.reason())
        }
        return values
    }

    /// libmodbus's text for `errno`; called on the thread that saw the error, right after it.
    private static func reason() -> String {
        String(cString: modbus_strerror(errno))
    }
}

/// A failed exchange with a DSO's ISO link.
public struct ISOClientError: Error, Sendable, CustomStringConvertible {
    public var endpoint: String
    public var operation: String
    public var reason: String

    public var description: String { "\(endpoint): \(operation) failed: \(reason)" }
}
