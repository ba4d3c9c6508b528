import CModbus
import DSORuntime
import Glibc
import Synchronization

/// The wire under one or more links: one libmodbus context, open or not, and when its last request ended.
///
/// A TCP device has a line of its own. The units of one RS-485 line share one (`SerialLineRegistry`): the lock
/// serializes their requests, the unit id and timeout are set per request, and the quiet time between requests
/// holds bus-wide. A request holds the lock for at most its own timeout, so a dead unit delays the others by
/// that much once, then its link's back-off keeps it off the bus.
package final class ModbusLine: Sendable {
    /// What one request came to.
    package enum Outcome {
        /// The TCP connection or serial port could not be opened (`errno`).
        case openFailed(errno: Int32)
        /// libmodbus's return value and the `errno` it left.
        case answered(result: Int32, errno: Int32)
    }

    /// The context and the line's timing; only touched under the lock.
    private struct State {
        let context: OpaquePointer
        var isOpen = false
        var lastRequestEndNanoseconds: Int64 = 0
        var gapNanoseconds: Int64
    }

    package let endpoint: ModbusEndpoint
    private let state: Mutex<State>

    /// A closed line; the first request opens it.
    init(endpoint: ModbusEndpoint, deviceName: String, gapNanoseconds: Int64) throws(ModbusError) {
        self.endpoint = endpoint
        let context: OpaquePointer?
        switch endpoint {
        case .tcp(let host, let port):
            context = modbus_new_tcp(host, Int32(port))
        case .rtu(let device, let baud, let parity, let dataBits, let stopBits):
            context = modbus_new_rtu(device, Int32(baud), CChar(parity.asciiValue ?? 78), Int32(dataBits), Int32(stopBits))
        }
        guard let context else { throw ModbusError(device: deviceName, message: "\(endpoint.label): libmodbus refused the parameters") }
        // Recovery NONE: libmodbus's LINK recovery can block for seconds; ModbusLink reconnects with its own back-off.
        modbus_set_error_recovery(context, MODBUS_ERROR_RECOVERY_NONE)
        state = Mutex(State(context: context, gapNanoseconds: gapNanoseconds))
    }

    deinit {
        state.withLock { state in
            if state.isOpen { modbus_close(state.context) }
            modbus_free(state.context)
        }
    }

    /// Raises the quiet time between requests on this line: a shared bus keeps the largest its units ask for.
    func raiseGap(to nanoseconds: Int64) {
        state.withLock { $0.gapNanoseconds = max($0.gapNanoseconds, nanoseconds) }
    }

    /// Runs one request under the line's lock: opens the line if needed, waits out the quiet time since the last
    /// request on the line, addresses `unitID` with `timeoutNanoseconds`, and returns what libmodbus said.
    func exchange(unitID: Int, timeoutNanoseconds: Int64, _ request: (OpaquePointer) -> Int32) -> Outcome {
        state.withLock { state in
            if !state.isOpen {
                guard modbus_connect(state.context) == 0 else { return .openFailed(errno: errno) }
                state.isOpen = true
            }
            let readyAt = state.lastRequestEndNanoseconds + state.gapNanoseconds
            let now = MonotonicClock.nanoseconds()
            if state.gapNanoseconds > 0, now < readyAt { MonotonicClock.sleep(nanoseconds: readyAt - now) }
            modbus_set_slave(state.context, Int32(unitID))
            modbus_set_response_timeout(state.context, UInt32(timeoutNanoseconds / 1_000_000_000), UInt32((timeoutNanoseconds % 1_000_000_000) / 1000))
            let result = request(state.context)
            let failure = errno
            state.lastRequestEndNanoseconds = MonotonicClock.nanoseconds()
            return .answered(result: result, errno: failure)
        }
    }

    /// After a link failure: a TCP connection is closed (a late answer must not be taken for the next request's).
    /// A serial line drops what is in flight and stays open for its other units, unless the port itself failed.
    func recover(after errnoValue: Int32) {
        state.withLock { state in
            guard state.isOpen else { return }
            if case .rtu = endpoint, ModbusLine.isFrameLevel(errnoValue) {
                modbus_flush(state.context)
                return
            }
            modbus_close(state.context)
            state.isOpen = false
        }
    }

    /// Closes the connection or port; the next request opens it again.
    func close() {
        state.withLock { state in
            if state.isOpen { modbus_close(state.context) }
            state.isOpen = false
        }
    }

    /// Failures of one exchange on a working serial port (silence, a garbled or foreign frame), not of the port.
    private static func isFrameLevel(_ errnoValue: Int32) -> Bool {
        let base = Int32(MODBUS_ENOBASE)
        return errnoValue == ETIMEDOUT || (base + 12...base + 17).contains(errnoValue)  // EMBBADCRC … EMBBADSLAVE
    }
}
