/// Where a Modbus device is reached: a TCP socket or a serial line (RTU) with its framing.
package enum ModbusEndpoint: Equatable {
    case tcp(host: String, port: Int)
    case rtu(device: String, baud: Int, parity: Character, dataBits: Int, stopBits: Int)

    /// How log lines and errors name the link, e.g. `tcp 127.0.0.1:502` or `rtu /dev/ttyUSB0 9600 8N1`.
    package var label: String {
        switch self {
        case .tcp(let host, let port): "tcp \(host):\(port)"
        case .rtu(let device, let baud, let parity, let dataBits, let stopBits): "rtu \(device) \(baud) \(dataBits)\(parity)\(stopBits)"
        }
    }

    /// A serial line's framing, e.g. `9600 8N1` (empty for TCP): every unit on one line must share it.
    package var framing: String {
        switch self {
        case .tcp: ""
        case .rtu(_, let baud, let parity, let dataBits, let stopBits): "\(baud) \(dataBits)\(parity)\(stopBits)"
        }
    }
}
