import DSOCANBMS
import DSODriverABI
import DSODriverKit

/// One BMS on one CAN link: drains and decodes frames on every `read`, sends the keep-alive, reports points.
///
/// All work happens inside the host's `read` call on the instance's I/O thread: no thread of its own, so in a
/// synchronous (virtual-time) run the plugin is as deterministic as the frames it is given.
final class CANBMSInstance {
    let host: HostConnection
    let configuration: CANBMSConfiguration
    private(set) var decoder: BMSDecoder
    private var transport: (any CANTransport)?
    private let linkMonitor: CANLinkMonitor?
    private let strings = CStringTable()
    private var nextKeepAliveNanoseconds: Int64 = .min
    private var keepAlivesSent = 0
    private var nextReopenNanoseconds: Int64 = .min
    private var lastFault: BMSFault = .none

    init(host: HostConnection, configuration: CANBMSConfiguration) throws(DriverOpenError) {
        self.host = host
        self.configuration = configuration
        decoder = BMSDecoder(configuration.bmsProtocol)
        if case .socketCAN(let interface) = configuration.transport {
            linkMonitor = CANLinkMonitor(interface: interface)
        } else {
            linkMonitor = nil
        }
        do throws(CANTransportError) {
            transport = try configuration.transport.open(bitsPerSecond: configuration.bitsPerSecond,
                                                         frameIDs: configuration.bmsProtocol.receivedFrameIDs)
        } catch {
            throw DriverOpenError("config key 'transport': \(error.description)")
        }
        if let linkMonitor, let rate = try? linkMonitor.bitsPerSecond(), rate != configuration.bitsPerSecond {
            host.log(Int32(DSO_LOG_WARNING), "\(linkMonitor.interface) runs at \(rate) bit/s, configured \(configuration.bitsPerSecond)")
        }
        host.log(Int32(DSO_LOG_INFO), "opened \(configuration.bmsProtocol.name) on \(configuration.transport)")
    }

    func describe(_ point: BMSPoint, into info: inout dso_point_info) {
        info.name = strings.pointer(point.name)
        info.unit = strings.pointer(point.unit)
        info.kind = point.kind
        info.writable = 0
        info.minimum = point.limits.minimum
        info.maximum = point.limits.maximum
    }

    /// Drains the link, sends a due keep-alive and fills every point; never fails: link trouble is the `fault` point.
    func read(values: UnsafeMutablePointer<Double>, timestampsNanoseconds: UnsafeMutablePointer<Int64>) {
        let now = host.nowNanoseconds()
        poll(atNanoseconds: now)
        let linkFaulted = transport == nil || transport?.isBusOff == true
        let availability = BatteryAvailability.evaluate(decoder, atNanoseconds: now,
                                                        timeoutNanoseconds: configuration.frameTimeoutNanoseconds,
                                                        linkFaulted: linkFaulted)
        report(availability.fault, atNanoseconds: now)
        for point in BMSPoint.allCases {
            var value: Double
            var stamp = now
            if let quantity = point.quantity {
                value = decoder.value(quantity)
                stamp = decoder.receivedNanoseconds[quantity.rawValue]
                // Unknown stays 0 (finite), so the host keeps mapping the instance; `fault` says why it is unusable.
                if !value.isFinite { value = 0 }
            } else {
                switch point {
                case .measuredKW: value = availability.measuredKW
                case .availableUpKW: value = availability.upKW
                case .availableDownKW: value = availability.downKW
                case .fault: value = Double(availability.fault.rawValue)
                case .chargeLimitKW: value = -availability.downKW
                case .dischargeLimitKW: value = availability.upKW
                case .keepAlivesSent: value = Double(keepAlivesSent)
                case .framesDecoded: value = Double(decoder.decodedFrameCount)
                default: value = 0
                }
            }
            values[point.rawValue] = value
            timestampsNanoseconds[point.rawValue] = stamp
        }
    }

    private func poll(atNanoseconds now: Int64) {
        if transport == nil, now >= nextReopenNanoseconds {
            nextReopenNanoseconds = now &+ 1_000_000_000
            transport = try? configuration.transport.open(bitsPerSecond: configuration.bitsPerSecond,
                                                          frameIDs: configuration.bmsProtocol.receivedFrameIDs)
            if transport != nil { host.log(Int32(DSO_LOG_INFO), "reopened \(configuration.transport)") }
        }
        guard let link = transport else { return }
        do throws(CANTransportError) {
            try link.receiveAvailable { frame in decoder.consume(frame, atNanoseconds: now) }
            if link.isBusOff, let linkMonitor {
                do throws(CANTransportError) {
                    try linkMonitor.restart()
                    link.clearBusOff()
                    host.log(Int32(DSO_LOG_WARNING), "\(linkMonitor.interface) was bus-off; restarted")
                } catch {
                    host.log(Int32(DSO_LOG_ERROR), error.description)
                }
            }
            if configuration.sendsKeepAlive, now >= nextKeepAliveNanoseconds {
                let period = configuration.bmsProtocol.keepAlive.periodNanoseconds
                // Stay on the period's grid unless a long gap (a late read) would make a burst.
                nextKeepAliveNanoseconds = nextKeepAliveNanoseconds == .min || now - nextKeepAliveNanoseconds >= period
                    ? now &+ period : nextKeepAliveNanoseconds &+ period
                if try link.send(configuration.bmsProtocol.keepAlive.frame) { keepAlivesSent += 1 }
            }
        } catch {
            host.log(Int32(DSO_LOG_ERROR), "\(error.description); reopening in 1 s")
            transport = nil
            nextReopenNanoseconds = now &+ 1_000_000_000
        }
    }

    /// Logs each change of availability once, naming the reason.
    private func report(_ fault: BMSFault, atNanoseconds now: Int64) {
        guard fault != lastFault else { return }
        let reason: String
        switch fault {
        case .none: reason = "BMS available again"
        case .alarm: reason = "BMS alarm flags 0x\(String(UInt32(decoder.value(.alarmFlags).isFinite ? decoder.value(.alarmFlags) : 0), radix: 16)): battery unavailable"
        case .bmsSilent:
            let missing = decoder.missingFrame(atNanoseconds: now, timeoutNanoseconds: configuration.frameTimeoutNanoseconds) ?? 0
            reason = "no frame 0x\(String(missing, radix: 16, uppercase: true)) for \(Double(configuration.frameTimeoutNanoseconds) / 1e9) s: battery unavailable"
        case .link: reason = "CAN link down (\(configuration.transport)): battery unavailable"
        }
        host.log(Int32(fault == .none ? DSO_LOG_INFO : DSO_LOG_WARNING), reason)
        lastFault = fault
    }
}
