import DSODriverABI
import DSODriverKit

/// The BMS behind the plugin's vtable: a read-only device, so writes get the kit's read-only refusal.
extension CANBMSInstance: DriverPluginInstance {
    static func open(host: HostConnection, configuration: String) throws(DriverOpenError) -> CANBMSInstance {
        try CANBMSInstance(host: host, configuration: CANBMSConfiguration(parsing: configuration))
    }

    var pointCount: Int { BMSPoint.allCases.count }

    func describe(point index: Int, into info: inout dso_point_info) {
        guard let point = BMSPoint(rawValue: index) else { return }
        describe(point, into: &info)
    }
}
