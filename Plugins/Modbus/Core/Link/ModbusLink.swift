import CModbus
import Glibc

/// One libmodbus context for one device: connects lazily, reconnects with exponential back-off, paces requests.
///
/// Not thread-safe: libmodbus contexts belong to one thread, and the host calls an instance from one thread at a time.
package final class ModbusLink {
    /// Registers per read allowed by the protocol (Modbus Application Protocol, function 3/4).
    package static let maximumReadCount = 125
    /// Registers per write allowed by the protocol (function 16).
    package static let maximumWriteCount = 123

    package let deviceName: String
    package let endpoint: ModbusEndpoint
    package let settings: LinkSettings
    private var context: OpaquePointer?
    private var isConnected = false
    private var nextConnectAttemptNanoseconds: Int64 = 0
    private var backoffNanoseconds: Int64 = 0
    private var lastRequestEndNanoseconds: Int64 = 0
    private var lastFailure = ""
    /// Requests sent since open, for tests and status.
    package private(set) var requestCount = 0

    package init(deviceName: String, endpoint: ModbusEndpoint, settings: LinkSettings) throws(ModbusError) {
        self.deviceName = deviceName
        self.endpoint = endpoint
        self.settings = settings
        switch endpoint {
        case .tcp(let host, let port):
            context = modbus_new_tcp(host, Int32(port))
        case .rtu(let device, let baud, let parity, let dataBits, let stopBits):
            context = modbus_new_rtu(device, Int32(baud), CChar(parity.asciiValue ?? 78), Int32(dataBits), Int32(stopBits))
        }
        guard let context else { throw ModbusError(device: deviceName, message: "\(endpoint.label): libmodbus refused the parameters") }
        // Recovery NONE: libmodbus's LINK recovery can block for seconds; this class reconnects with its own back-off.
        modbus_set_error_recovery(context, MODBUS_ERROR_RECOVERY_NONE)
        modbus_set_slave(context, Int32(settings.unitID))
        let timeout = settings.responseTimeoutNanoseconds
        modbus_set_response_timeout(context, UInt32(timeout / 1_000_000_000), UInt32((timeout % 1_000_000_000) / 1000))
    }

    deinit {
        if let context {
            if isConnected { modbus_close(context) }
            modbus_free(context)
        }
    }

    /// Reads `count` (≤ 125) holding (function 3) or input (function 4) registers starting at `address` (0-based).
    package func readRegisters(function: Int, address: Int, count: Int, into destination: UnsafeMutablePointer<UInt16>) throws(ModbusError) {
        let operation = "read \(count) register(s) at \(address) (function \(function))"
        try prepare(operation)
        let result = function == 4
            ? modbus_read_input_registers(context, Int32(address), Int32(count), destination)
            : modbus_read_registers(context, Int32(address), Int32(count), destination)
        try finish(result: result, expected: count, operation: operation)
    }

    /// Writes `values` (≤ 123) to holding registers starting at `address` with function 16 (function 6 for one register).
    package func writeRegisters(address: Int, values: [UInt16]) throws(ModbusError) {
        let operation = "write \(values.count) register(s) at \(address)"
        try prepare(operation)
        let result = values.count == 1
            ? modbus_write_register(context, Int32(address), values[0])
            : values.withUnsafeBufferPointer { modbus_write_registers(context, Int32(address), Int32(values.count), $0.baseAddress) }
        try finish(result: result, expected: values.count == 1 ? 1 : values.count, operation: operation)
    }

    /// Drops the connection; the next request reconnects (no back-off).
    package func disconnect() {
        if isConnected, let context { modbus_close(context) }
        isConnected = false
    }

    private func prepare(_ operation: String) throws(ModbusError) {
        let now = MonotonicClock.nanoseconds()
        if !isConnected {
            // During back-off fail at once: a dead device must not hold its thread, nor a shared bus.
            if now < nextConnectAttemptNanoseconds {
                let waitMilliseconds = (nextConnectAttemptNanoseconds - now) / 1_000_000
                throw ModbusError(device: deviceName, message: "\(operation): not connected (\(endpoint.label)), next attempt in \(waitMilliseconds) ms after: \(lastFailure)")
            }
            if modbus_connect(context) != 0 {
                let failure = ModbusError(device: deviceName, operation: "connect to \(endpoint.label)", errnoValue: errno)
                scheduleReconnect(failure.description)
                throw failure
            }
            isConnected = true
        }
        let readyAt = lastRequestEndNanoseconds + settings.minimumRequestGapNanoseconds
        if settings.minimumRequestGapNanoseconds > 0, now < readyAt { MonotonicClock.sleep(nanoseconds: readyAt - now) }
        requestCount += 1
    }

    private func finish(result: Int32, expected: Int, operation: String) throws(ModbusError) {
        let failureErrno = errno
        lastRequestEndNanoseconds = MonotonicClock.nanoseconds()
        if result == Int32(expected) {
            backoffNanoseconds = 0
            return
        }
        let failure = result < 0
            ? ModbusError(device: deviceName, operation: operation, errnoValue: failureErrno)
            : ModbusError(device: deviceName, message: "\(operation): \(result) register(s) in the answer, expected \(expected)")
        if failure.isLinkFailure {
            // A late answer would be taken for the next request's: drop the connection and start clean.
            disconnect()
            scheduleReconnect(failure.description)
        }
        throw failure
    }

    private func scheduleReconnect(_ reason: String) {
        backoffNanoseconds = backoffNanoseconds == 0
            ? settings.reconnectInitialNanoseconds
            : min(backoffNanoseconds * 2, settings.reconnectMaximumNanoseconds)
        nextConnectAttemptNanoseconds = MonotonicClock.nanoseconds() + backoffNanoseconds
        lastFailure = reason
    }
}
