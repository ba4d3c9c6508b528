import ArgumentParser
import DSOModbus

/// Where the device is (TCP host and port, or an RTU serial line and its framing), its unit id and the answer timeout.
struct ModbusTargetOptions: ParsableArguments {
    @Option(help: "Modbus TCP: the device's or gateway's host name or IP address.")
    var host: String?

    @Option(help: "Modbus TCP: port.")
    var port = 502

    @Option(help: ArgumentHelp("Modbus RTU: the RS-485 adapter's serial device, e.g. /dev/ttyUSB0.", valueName: "device"))
    var rtu: String?

    @Option(help: "Modbus RTU: bit rate, as set on the device.")
    var baud = 9600

    @Option(help: "Modbus RTU: parity N, E or O.")
    var parity: Parity = .none

    @Option(name: .customLong("data-bits"), help: "Modbus RTU: data bits, 7 or 8.")
    var dataBits = 8

    @Option(name: .customLong("stop-bits"), help: "Modbus RTU: stop bits, 1 or 2.")
    var stopBits = 1

    @Option(help: "Modbus unit id (RTU: the slave address; TCP: what a gateway routes by), 0…255.")
    var unit = 1

    @Option(help: "Seconds to wait for each answer.")
    var timeout = 1.0

    /// RTU parity as libmodbus takes it.
    enum Parity: String, ExpressibleByArgument, CaseIterable {
        case none = "N", even = "E", odd = "O"

        init?(argument: String) { self.init(rawValue: argument.uppercased()) }
        var character: Character { Character(rawValue) }
    }

    func validate() throws {
        switch (host, rtu) {
        case (nil, nil): throw ValidationError("Say where the device is: --host H (Modbus TCP) or --rtu /dev/ttyUSB0 (Modbus RTU).")
        case (.some, .some): throw ValidationError("--host and --rtu exclude each other: a device is reached over TCP or RTU.")
        default: break
        }
        guard (1...65535).contains(port) else { throw ValidationError("--port \(port) is not a TCP port (1…65535).") }
        guard (0...255).contains(unit) else { throw ValidationError("--unit \(unit) is not a unit id (0…255; RTU devices use 1…247).") }
        guard timeout > 0, timeout <= 60 else { throw ValidationError("--timeout \(timeout) must be more than 0 and at most 60 seconds.") }
        guard baud > 0 else { throw ValidationError("--baud \(baud) is not a bit rate.") }
        guard dataBits == 7 || dataBits == 8 else { throw ValidationError("--data-bits \(dataBits): expected 7 or 8.") }
        guard stopBits == 1 || stopBits == 2 else { throw ValidationError("--stop-bits \(stopBits): expected 1 or 2.") }
    }

    var endpoint: ModbusEndpoint {
        if let rtu { return .rtu(device: rtu, baud: baud, parity: parity.character, dataBits: dataBits, stopBits: stopBits) }
        return .tcp(host: host ?? "", port: port)
    }

    /// How errors name the device, e.g. `tcp 10.0.3.21:502 unit 1`.
    func deviceLabel(unit: Int? = nil) -> String { "\(endpoint.label) unit \(unit ?? self.unit)" }

    /// A link for one command: no retries (a bench tool reports a failure instead), so after a link failure the
    /// next request fails at once rather than reconnecting.
    func link(unit: Int? = nil) throws -> ModbusLink {
        var settings = LinkSettings()
        settings.unitID = unit ?? self.unit
        settings.responseTimeoutNanoseconds = Int64(timeout * 1e9)
        settings.reconnectInitialNanoseconds = 3_600_000_000_000
        settings.reconnectMaximumNanoseconds = 3_600_000_000_000
        do {
            return try ModbusLink(deviceName: deviceLabel(unit: unit), endpoint: endpoint, settings: settings)
        } catch {
            throw CtlFailure(.invalidInput, error.description, hint: "the serial parameters (--baud, --parity, --data-bits, --stop-bits)")
        }
    }

    /// What to check when nothing answered.
    func unreachableHint(unit: Int? = nil) -> String {
        let unit = unit ?? self.unit
        if let rtu {
            return "the serial device \(rtu) exists and is yours (dialout group); the device's bit rate and framing "
                + "(\(baud) \(dataBits)\(parity.rawValue)\(stopBits) here); unit id \(unit); A/B wiring (swap the pair if nothing "
                + "answers); 120 Ω termination at both ends of the bus; --timeout for slow devices"
        }
        return "the address and port (\(host ?? ""):\(port)) and that Modbus TCP is enabled on the device; unit id \(unit) "
            + "(gateways route by it, many devices want 1); firewalls; --timeout for slow devices"
    }

    /// A Modbus failure as dsoctl reports it: an exception is the device's answer (exit 1), anything else means
    /// nothing answered (exit 2).
    func failure(_ error: ModbusError, unit: Int? = nil) -> CtlFailure {
        guard let code = error.exceptionCode else {
            return CtlFailure(.unreachable, error.description, hint: unreachableHint(unit: unit))
        }
        return CtlFailure(.deviceError, error.description, hint: Self.exceptionHint(code))
    }

    /// What a Modbus exception usually means on a bench.
    static func exceptionHint(_ code: Int) -> String {
        switch code {
        case 1: "the device does not offer this function here: holding registers are function 3, input registers function 4 (--function)"
        case 2: "the register address and count: addresses here are 0-based protocol addresses (a manual's 40001 is 0, "
            + "or use --vendor-numbering), and every register of the range must exist on the device"
        case 3: "the value, type and count: the device refused the value or the request's length"
        case 4: "the device reports an internal failure: its own display or log"
        case 5, 6: "the device is busy: try again"
        case 10, 11: "the gateway: the unit id of the device behind it, and its serial side (cabling, bit rate, termination)"
        default: ""
        }
    }
}
