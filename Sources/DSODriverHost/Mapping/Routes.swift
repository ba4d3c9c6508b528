/// A resolved telemetry mapping: driver point → one column of the kernel's board, with its factor.
struct TelemetryRoute: Sendable {
    /// Which board column the value goes to.
    enum Column: UInt8, Sendable {
        case measuredKW, availableUpKW, availableDownKW, soc, fault, meterNetImportKW
    }

    var point: Int
    var column: Column
    /// Resource index (or interface point index for the meter) in the kernel's order.
    var index: Int
    /// Kernel value = factor × point value.
    var factor: Double
}

/// A resolved set point mapping: a resource's kernel set point → one writable driver point.
struct SetpointRoute: Sendable {
    var point: Int32
    /// Resource index in the kernel's order.
    var resource: Int
    /// Kernel kW = factor × point value, so the point gets kernel kW / factor.
    var factor: Double
}
