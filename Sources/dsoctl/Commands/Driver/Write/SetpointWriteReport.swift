/// What `write` reports once the set point was held and released.
struct SetpointWriteReport: Encodable {
    let device: DeviceDescription
    let point: String
    let unit: String
    let value: JSONNumber
    let ttlSeconds: Double
    /// The point as read before the write, right after it, and at the end of the hold (null: read failed or NaN).
    let before: JSONNumber
    let readBack: JSONNumber
    let final: JSONNumber
    let heldSeconds: Double
    /// Ctrl-C ended the hold before the TTL.
    let interrupted: Bool
    let writeMs: Double

    func print() {
        var summary = KeyValueList()
        summary.append("device", "\(device.name) (\(device.driver) \(device.driverVersion))")
        summary.append("written", "\(point) = \(NumberText.quantity(value.value, unit: unit)) in \(NumberText.trimmed(writeMs, decimals: 3)) ms")
        summary.append("before", NumberText.quantity(before.value, unit: unit))
        summary.append("read back", NumberText.quantity(readBack.value, unit: unit))
        summary.append("at the end", NumberText.quantity(final.value, unit: unit))
        summary.append("held", "\(ShortDuration.text(heldSeconds)) of \(ShortDuration.text(ttlSeconds))\(interrupted ? " (interrupted)" : "")")
        summary.append("released", "instance closed; the driver let the device return to its own default")
        summary.print()
    }
}
