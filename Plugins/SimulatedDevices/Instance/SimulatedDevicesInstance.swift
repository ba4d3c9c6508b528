import DSODriverKit
import DSODriverABI
import DSOScenario

/// One open instance: simulated devices of a scenario, advanced to the host's clock on every call.
///
/// Called from one host thread at a time (the ABI's rule), so it holds plain mutable state. Virtual time is
/// the host's: `read` and `write` first bring the devices to `now_ns`, so a host stepping a virtual clock gets
/// the same physics, bit for bit, as the in-process `SimulatedFleet` stepped to the same times.
final class SimulatedDevicesInstance: DriverPluginInstance {
    let host: HostConnection
    let configuration: SimulatedDevicesConfiguration
    let points: [SimulatedPoint]
    /// Resource id of each fleet resource (for messages).
    let resourceIDs: [String]
    private(set) var fleet: SimulatedFleet
    private var leases: SetpointLeases
    private let cStrings = CStringTable()
    /// Host time the devices were last advanced to (`Int64.min`: never).
    private var advancedNanoseconds = Int64.min
    /// Latest host time seen; the simulation never runs backwards.
    private var latestNanoseconds = Int64.min
    private var warnedAboutClock = false

    var pointCount: Int { points.count }

    init(host: HostConnection, configuration: SimulatedDevicesConfiguration, fleet: SimulatedFleet,
         resourceIDs: [String], points: [SimulatedPoint], safeSetpointsKW: [Double]) {
        self.host = host
        self.configuration = configuration
        self.fleet = fleet
        self.resourceIDs = resourceIDs
        self.points = points
        leases = SetpointLeases(safeKW: safeSetpointsKW)
    }

    /// Fills the ABI description of point `index`; the strings live as long as the instance.
    func describe(point index: Int, into info: inout dso_point_info) {
        let point = points[index]
        info.name = cStrings.pointer(point.name)
        info.unit = cStrings.pointer(point.unit)
        info.kind = point.kind
        info.writable = point.isWritable ? 1 : 0
        info.minimum = point.minimum
        info.maximum = point.maximum
    }

    /// Brings the devices to the host's now and reports every point stamped with that time.
    func read(values: UnsafeMutablePointer<Double>, timestampsNanoseconds: UnsafeMutablePointer<Int64>) {
        let now = hostNow()
        catchUp(to: now)
        for index in points.indices {
            values[index] = value(of: points[index])
            timestampsNanoseconds[index] = now
        }
    }

    /// Applies a set point at the host's now, in force until `validUntil`; throws naming the point and value.
    func write(point index: Int, value kw: Double, validUntilNanoseconds validUntil: Int64) throws(DriverCallError) {
        let point = points[index]
        guard point.isWritable else {
            throw DriverCallError(Int32(DSO_ERROR_READ_ONLY), "point \(index) '\(point.name)' is not writable")
        }
        guard kw.isFinite, kw >= point.minimum, kw <= point.maximum else {
            throw DriverCallError(Int32(DSO_ERROR_INVALID),
                                  "point '\(point.name)': \(kw) kW is outside its limits \(point.minimum)…\(point.maximum) kW")
        }
        let now = hostNow()
        guard validUntil > now else {
            throw DriverCallError(Int32(DSO_ERROR_INVALID),
                                  "point '\(point.name)': valid_until_ns \(validUntil) is not after the host's now \(now)")
        }
        catchUp(to: now)
        fleet.command(resource: point.index, kw: kw, atSeconds: seconds(now))
        leases.grant(resource: point.index, kw: kw, validUntilNanoseconds: validUntil)
    }

    /// Simulated seconds of a host time: (ns − origin) / 1e9, the same arithmetic as the in-process runner.
    @inline(__always)
    func seconds(_ nanoseconds: Int64) -> Double {
        Double(nanoseconds &- configuration.timeOriginNanoseconds) / 1e9
    }

    private func hostNow() -> Int64 {
        let reported = host.nowNanoseconds()
        if reported < latestNanoseconds {
            if !warnedAboutClock {
                warnedAboutClock = true
                host.log(Int32(DSO_LOG_WARNING),
                         "host clock went back from \(latestNanoseconds) to \(reported) ns; holding the devices at \(latestNanoseconds) ns")
            }
            return latestNanoseconds
        }
        latestNanoseconds = reported
        return reported
    }

    /// Reverts set points whose time to live ended (at their end time), then advances the devices to `now`.
    private func catchUp(to now: Int64) {
        var first: (resource: Int, end: Int64)?
        let expired = leases.expire(before: now) { resource, end, safeKW in
            if first == nil { first = (resource, end) }
            fleet.command(resource: resource, kw: safeKW, atSeconds: seconds(end))
        }
        if expired > 0, let first {
            host.log(Int32(DSO_LOG_WARNING),
                     "set points of \(expired) resource(s) expired without a new write (first \(resourceIDs[first.resource]), valid until \(first.end) ns); reverted to their safe defaults")
        }
        guard now != advancedNanoseconds else { return }
        fleet.advance(toSeconds: seconds(now))
        advancedNanoseconds = now
    }

    private func value(of point: SimulatedPoint) -> Double {
        switch point.quantity {
        case .powerKW: fleet.powerKW(point.index)
        case .availableUpKW: fleet.availableUpKW(point.index)
        case .availableDownKW: fleet.availableDownKW(point.index)
        case .soc: fleet.soc(point.index)
        case .setpointKW: leases.commandedKW[point.index]
        case .netImportKW: fleet.meteredNetImportKW(interfacePoint: point.index)
        }
    }
}
