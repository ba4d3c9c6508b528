import DSODriverABI

/// Which value of the simulation a point reports (or, for set points, takes).
enum PointQuantity: Equatable {
    /// Output, kW (generation-positive).
    case powerKW
    /// Highest output the device could be asked for now, kW.
    case availableUpKW
    /// Lowest output the device could be asked for now, kW.
    case availableDownKW
    /// Battery state of charge, fraction 0…1.
    case soc
    /// The set point in force (last written, or the safe default after expiry), kW; writable.
    case setpointKW
    /// Interface-point meter reading, kW (load-positive net import).
    case netImportKW
}

/// One point of an instance: its ABI description and where its value comes from.
struct SimulatedPoint {
    /// `<resource id>.<quantity>` or `<interface point id>.net_import_kw`.
    let name: String
    /// "kW", or "" for a fraction.
    let unit: String
    let quantity: PointQuantity
    /// Resource index in the instance's fleet, or interface point index for meters.
    let index: Int
    /// Physical limits from the device's ratings, in `unit`.
    let minimum: Double
    let maximum: Double

    var isWritable: Bool { quantity == .setpointKW }

    /// The ABI point kind (`DSO_POINT_*`).
    var kind: Int32 { isWritable ? Int32(DSO_POINT_SETPOINT) : Int32(DSO_POINT_MEASUREMENT) }

    /// Point-name suffix of each quantity, as documented in docs/drivers.md.
    static func suffix(_ quantity: PointQuantity) -> String {
        switch quantity {
        case .powerKW: "p_kw"
        case .availableUpKW: "available_up_kw"
        case .availableDownKW: "available_down_kw"
        case .soc: "soc"
        case .setpointKW: "setpoint_kw"
        case .netImportKW: "net_import_kw"
        }
    }
}
