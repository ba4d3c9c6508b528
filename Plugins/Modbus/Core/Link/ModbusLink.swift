import CModbus
import DSORuntime
import Glibc

/// One device's side of a Modbus line: its unit id and timeout, reconnect back-off and request count, over a TCP
/// line of its own or the serial line it shares with the other units on the bus (`SerialLineRegistry`).
///
/// Not thread-safe itself (the host calls an instance from one thread at a time); the shared line has its own lock.
package final class ModbusLink: RegisterReading {
    /// Registers per read allowed by the protocol (Modbus Application Protocol, function 3/4).
    package static let maximumReadCount = 125
    /// Registers per write allowed by the protocol (function 16).
    package static let maximumWriteCount = 123

    package let deviceName: String
    package let endpoint: ModbusEndpoint
    package let settings: LinkSettings
    private let line: ModbusLine
    private let sharesLine: Bool
    private var nextConnectAttemptNanoseconds: Int64 = 0
    private var backoffNanoseconds: Int64 = 0
    private var lastFailure = ""
    /// Requests sent since open, for tests and status.
    package private(set) var requestCount = 0

    /// A TCP endpoint gets its own line; an RTU endpoint joins the process's line for that serial device, and is
    /// refused when that line is open with another baud, parity, data or stop bits.
    package init(deviceName: String, endpoint: ModbusEndpoint, settings: LinkSettings) throws(ModbusError) {
        self.deviceName = deviceName
        self.endpoint = endpoint
        self.settings = settings
        switch endpoint {
        case .tcp:
            line = try ModbusLine(endpoint: endpoint, deviceName: deviceName, gapNanoseconds: settings.minimumRequestGapNanoseconds)
            sharesLine = false
        case .rtu:
            line = try SerialLineRegistry.acquire(endpoint: endpoint, deviceName: deviceName, gapNanoseconds: settings.minimumRequestGapNanoseconds)
            sharesLine = true
        }
    }

    deinit {
        if sharesLine { SerialLineRegistry.release(line) }
    }

    /// Reads `count` (≤ 125) holding (function 3) or input (function 4) registers starting at `address` (0-based).
    package func readRegisters(function: Int, address: Int, count: Int, into destination: UnsafeMutablePointer<UInt16>) throws(ModbusError) {
        let operation = "read \(count) register(s) at \(address) (function \(function))"
        try checkBackoff(operation)
        let outcome = line.exchange(unitID: settings.unitID, timeoutNanoseconds: settings.responseTimeoutNanoseconds) { context in
            function == 4
                ? modbus_read_input_registers(context, Int32(address), Int32(count), destination)
                : modbus_read_registers(context, Int32(address), Int32(count), destination)
        }
        try finish(outcome, expected: count, operation: operation)
    }

    /// Writes `values` (≤ 123) to holding registers starting at `address` with function 16 (function 6 for one register).
    package func writeRegisters(address: Int, values: [UInt16]) throws(ModbusError) {
        let operation = "write \(values.count) register(s) at \(address)"
        try checkBackoff(operation)
        let outcome = line.exchange(unitID: settings.unitID, timeoutNanoseconds: settings.responseTimeoutNanoseconds) { context in
            values.count == 1
                ? modbus_write_register(context, Int32(address), values[0])
                : values.withUnsafeBufferPointer { modbus_write_registers(context, Int32(address), Int32(values.count), $0.baseAddress) }
        }
        try finish(outcome, expected: values.count, operation: operation)
    }

    /// Drops the connection; the next request reconnects (no back-off). A shared serial line stays open for its other units.
    package func disconnect() {
        if !sharesLine { line.close() }
    }

    /// During back-off fail at once: a dead device must not hold its thread, nor a shared bus.
    private func checkBackoff(_ operation: String) throws(ModbusError) {
        let now = MonotonicClock.nanoseconds()
        if now < nextConnectAttemptNanoseconds {
            let waitMilliseconds = (nextConnectAttemptNanoseconds - now) / 1_000_000
            throw ModbusError(device: deviceName, message: "\(operation): not connected (\(endpoint.label)), next attempt in \(waitMilliseconds) ms after: \(lastFailure)")
        }
        requestCount += 1
    }

    private func finish(_ outcome: ModbusLine.Outcome, expected: Int, operation: String) throws(ModbusError) {
        switch outcome {
        case .openFailed(let failureErrno):
            let failure = ModbusError(device: deviceName, operation: "connect to \(endpoint.label)", errnoValue: failureErrno)
            scheduleReconnect(failure.description)
            throw failure
        case .answered(let result, let failureErrno):
            if result == Int32(expected) {
                backoffNanoseconds = 0
                return
            }
            let failure = result < 0
                ? ModbusError(device: deviceName, operation: operation, errnoValue: failureErrno)
                : ModbusError(device: deviceName, message: "\(operation): \(result) register(s) in the answer, expected \(expected)")
            if failure.isLinkFailure {
                line.recover(after: failureErrno)
                scheduleReconnect(failure.description)
            }
            throw failure
        }
    }

    private func scheduleReconnect(_ reason: String) {
        backoffNanoseconds = backoffNanoseconds == 0
            ? settings.reconnectInitialNanoseconds
            : min(backoffNanoseconds * 2, settings.reconnectMaximumNanoseconds)
        nextConnectAttemptNanoseconds = MonotonicClock.nanoseconds() + backoffNanoseconds
        lastFailure = reason
    }
}
