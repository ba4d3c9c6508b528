import DSODriverHost

/// A point as `plugin info` and `--json` describe it: name, unit, kind, writable and limits.
struct PointDescription: Encodable {
    let name: String
    let unit: String
    let kind: String
    let writable: Bool
    /// Limits; null when unbounded.
    let minimum: JSONNumber
    let maximum: JSONNumber

    init(_ point: DriverPoint) {
        name = point.name
        unit = point.unit
        kind = Self.kindName(point.kind)
        writable = point.isWritable
        minimum = JSONNumber(point.minimum)
        maximum = JSONNumber(point.maximum)
    }

    static func kindName(_ kind: DriverPoint.Kind) -> String {
        switch kind {
        case .measurement: "measurement"
        case .setpoint: "setpoint"
        case .status: "status"
        }
    }

    /// The points table: name, unit, kind, writable, min, max.
    static func table(_ points: [DriverPoint]) -> Table {
        var table = Table(["point", "unit", "kind", "writable", "min", "max"], alignments: [.left, .left, .left, .left, .right, .right])
        for point in points {
            table.append([point.name, point.unit, kindName(point.kind), point.isWritable ? "yes" : "no",
                          NumberText.trimmed(point.minimum), NumberText.trimmed(point.maximum)])
        }
        return table
    }
}

/// The plugin and the instance a document is about, at the top of every driver command's `--json`.
struct DeviceDescription: Encodable {
    let name: String
    let driver: String
    let driverVersion: String
    let plugin: String
    let abiVersion: UInt32

    init(_ session: BenchSession) {
        name = session.target.deviceName
        driver = session.plugin.driverName
        driverVersion = session.plugin.driverVersion
        plugin = session.plugin.path
        abiVersion = session.plugin.abiVersion
    }
}

/// How one value of a read stands: what `read` shows in its status column.
enum PointValueStatus: String, Encodable {
    /// A number inside the point's declared limits.
    case ok
    /// NaN: the driver has no value (not implemented, never received).
    case unavailable
    /// Outside the declared limits: dsod would treat the instance as returning garbage if this point is mapped.
    case outsideLimits = "outside limits"

    init(_ value: Double, point: DriverPoint) {
        if value.isNaN { self = .unavailable }
        else if value < point.minimum || value > point.maximum { self = .outsideLimits }
        else { self = .ok }
    }
}
