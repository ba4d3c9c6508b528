/// The kernel quantity of a resource that a driver point feeds.
public enum ResourceQuantity: String, Sendable, Hashable, CaseIterable {
    /// Measured power, kW (generation-positive in the kernel).
    case measuredKW = "measured_kw"
    /// Highest power the device can deliver now, kW.
    case availableUpKW = "available_up_kw"
    /// Lowest power the device can go to now, kW.
    case availableDownKW = "available_down_kw"
    /// State of charge, 0…1 in the kernel (a point in % needs `scale = 0.01`).
    case soc
    /// Fault or alarm code; any non-zero value makes the resource drop out.
    case fault

    /// Whether the quantity is a power (unit and sign conventions apply).
    public var isPower: Bool { self == .measuredKW || self == .availableUpKW || self == .availableDownKW }
}

/// Where a driver point goes (telemetry) or comes from (set point) on the kernel's side.
public enum PointTarget: Sendable, Hashable, CustomStringConvertible {
    /// A telemetry quantity of a resource, by resource id.
    case resource(id: String, quantity: ResourceQuantity)
    /// The metered net import of an interface point, kW (load-positive in the kernel), by interface point id.
    case meterNetImportKW(interfacePoint: String)
    /// The kernel's power set point of a resource, kW, written to the (writable) driver point.
    case setpointKW(resource: String)

    public var description: String {
        switch self {
        case let .resource(id, quantity): "resource '\(id)' \(quantity.rawValue)"
        case let .meterNetImportKW(point): "interface point '\(point)' net_import_kw"
        case let .setpointKW(id): "resource '\(id)' setpoint_kw"
        }
    }

    /// Whether the target is a power in kW (unit and sign rules apply).
    public var isPower: Bool {
        switch self {
        case let .resource(_, quantity): quantity.isPower
        case .meterNetImportKW, .setpointKW: true
        }
    }
}
