import ArgumentParser
import DSOCANBMS
import DSORuntime
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `dsoctl can monitor`: a BMS's frames as they arrive, decoded with the plugin's protocol tables.
struct CANMonitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "Print a BMS's CAN frames live, decoded with the protocol tables.",
        discussion: """
            One line per frame: seconds since start, CAN id, the DBC message name and its signals in the tables' \
            units (ids the protocol does not know: raw bytes). --json prints one JSON object per line. Runs until \
            Ctrl-C, --seconds or --count; listens only, unless --keep-alive sends the inverter's 0x305 once a \
            second (some BMSs stay silent without it; do not use it next to a running inverter).
            Exit 2 when the transport cannot be opened or no frame arrived.
            """
    )

    @Option(help: ArgumentHelp("socketcan:<interface> (e.g. socketcan:can0) or slcan:<serial device> (e.g. slcan:/dev/ttyACM0).",
                               valueName: "transport"),
            transform: CANMonitorCommand.parseTransport)
    var transport: TransportAddress

    @Option(name: .customLong("protocol"), help: ArgumentHelp("pylon (Pylontech LV v1.2), pylontech-v1.3 or sma.", valueName: "protocol"),
            transform: CANMonitorCommand.parseProtocol)
    var bmsProtocol: BMSProtocol

    @Option(help: "SLCAN: the bus bit rate the adapter opens with (default 500000, as Pylontech and SMA use). SocketCAN: set it with ip link.")
    var bitrate: Int?

    @Option(help: "Stop after this many seconds.")
    var seconds: Double?

    @Option(help: "Stop after this many frames.")
    var count: Int?

    @Flag(name: .customLong("keep-alive"), help: "Send the protocol's keep-alive (0x305, zeros) once a second, as an inverter does.")
    var keepAlive = false

    @Flag(name: .long, help: "Print one JSON object per frame (JSON lines) instead of text lines.")
    var json = false

    static let defaultBitsPerSecond = 500_000

    func validate() throws {
        if let bitrate {
            if case .socketCAN(let interface) = transport {
                throw ValidationError("--bitrate is for SLCAN adapters; a SocketCAN interface's bit rate is set with `ip link set \(interface) type can bitrate \(bitrate)`.")
            }
            guard SLCANCodec.bitrateCommand(bitrate) != nil else {
                throw ValidationError("--bitrate \(bitrate) has no SLCAN code; expected 10000, 20000, 50000, 100000, 125000, 250000, 500000, 800000 or 1000000.")
            }
        }
        if let seconds, !(seconds > 0) { throw ValidationError("--seconds \(seconds) must be more than 0.") }
        if let count, count < 1 { throw ValidationError("--count \(count) must be at least 1.") }
    }

    func run() async throws {
        try await reportingFailures {
            let link = try open()
            let interruption = Interruption()
            let start = MonotonicClock.seconds()
            if !json { StandardOutput.writeLine("   time_s  id     message             signals") }
            var frames = 0
            var known = 0
            var nextKeepAlive = start
            var batch: [CANFrame] = []
            monitoring: while !interruption.requested {
                let now = MonotonicClock.seconds()
                if let seconds, now - start >= seconds { break }
                batch.removeAll(keepingCapacity: true)
                do {
                    try link.receiveAvailable { batch.append($0) }
                } catch {
                    throw CtlFailure(.unreachable, "\(error) after \(frames) frame(s)", hint: openHint)
                }
                for frame in batch {
                    let decoded = DecodedFrame(frame, protocol: bmsProtocol, timeSeconds: MonotonicClock.seconds() - start)
                    if decoded.name != nil { known += 1 }
                    StandardOutput.writeLine(json ? try Self.jsonLine(decoded) : decoded.line)
                    frames += 1
                    if let count, frames >= count { break monitoring }
                }
                if keepAlive, now >= nextKeepAlive {
                    _ = try? link.send(bmsProtocol.keepAlive.frame)
                    nextKeepAlive += Double(bmsProtocol.keepAlive.periodNanoseconds) / 1e9
                }
                usleep(5_000)
            }
            let elapsed = MonotonicClock.seconds() - start
            StandardError.write("\(frames) frame(s), \(known) known to \(bmsProtocol.name), in \(NumberText.format(elapsed, decimals: 1)) s\n")
            guard frames > 0 else {
                throw CtlFailure(.unreachable, "no CAN frame in \(NumberText.format(elapsed, decimals: 1)) s on \(transportLabel)", hint: silenceHint)
            }
            if known == 0 {
                StandardError.write("Note: no frame is one \(bmsProtocol.name) uses; check --protocol.\n")
            }
        }
    }

    private var transportLabel: String {
        switch transport {
        case .socketCAN(let interface): "socketcan:\(interface)"
        case .slcan(let path): "slcan:\(path)"
        }
    }

    private func open() throws -> any CANTransport {
        do {
            // No receive filter: a monitor shows every frame, the protocol's and the others.
            return try transport.open(bitsPerSecond: bitrate ?? Self.defaultBitsPerSecond, frameIDs: [])
        } catch {
            if case .socketCAN(let interface) = transport {
                throw CtlFailure(.unreachable, "no CAN interface \(interface): \(error)", hint: openHint)
            }
            throw CtlFailure(.unreachable, "\(error)", hint: openHint)
        }
    }

    private var openHint: String {
        switch transport {
        case .socketCAN(let interface):
            "`ip link show \(interface)` (the interface exists and is UP), its bit rate (`ip link set \(interface) type can "
                + "bitrate 500000`, the BMS's rate), that the kernel has CAN support (modules can, can-raw; vcan for a virtual bus)"
        case .slcan(let path):
            "the adapter is plugged in (\(path); ls /dev/ttyACM* /dev/ttyUSB*) and you may open it (dialout group)"
        }
    }

    private var silenceHint: String {
        "the BMS is on and this is its inverter port (some packs set it by DIP switch); CAN-H/CAN-L not swapped; "
            + "120 Ω termination at both ends; the bit rate (\(bitrate ?? Self.defaultBitsPerSecond) here; Pylontech and SMA use 500000); "
            + "some BMSs only talk after hearing an inverter: --keep-alive"
    }

    static func parseTransport(_ text: String) throws -> TransportAddress {
        do {
            return try TransportAddress(parsing: text)
        } catch {
            throw ValidationError(error.description)
        }
    }

    static func parseProtocol(_ text: String) throws -> BMSProtocol {
        let name = text.lowercased() == "pylon" || text.lowercased() == "pylontech" ? BMSProtocol.pylontechV12.name : text.lowercased()
        guard let found = BMSProtocol.named(name) else {
            throw ValidationError("'\(text)' is not a BMS protocol; expected pylon (= pylontech-v1.2), pylontech-v1.3 or sma.")
        }
        return found
    }

    private static func jsonLine(_ frame: DecodedFrame) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(frame), as: UTF8.self)
    }
}
