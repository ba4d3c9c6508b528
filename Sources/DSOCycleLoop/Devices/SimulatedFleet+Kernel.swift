public import DSORuntime
public import DSOScenario
public import DSOKernel

extension SimulatedFleet {
    /// Writes every device's telemetry and every meter onto the kernel's board in one pass.
    ///
    /// One call per cycle instead of one per value: the fleet is a stored property of a class, and each
    /// separate access would pay an exclusivity check.
    public func writeTelemetry(into board: TelemetryFrame, metered: [Bool], timestampNanoseconds: Int64) {
        for index in 0..<resourceCount {
            board.measuredKW[index] = powerKW(index)
            board.availableUpKW[index] = availableUpKW(index)
            board.availableDownKW[index] = availableDownKW(index)
            board.soc[index] = soc(index)
            board.timestampNanoseconds[index] = timestampNanoseconds
        }
        for point in 0..<metered.count {
            board.meterNetImportKW[point] = metered[point] ? meteredNetImportKW(interfacePoint: point) : .nan
            board.meterTimestampNanoseconds[point] = timestampNanoseconds
        }
    }

    /// Sends every published set point to its device (loads take none).
    public mutating func apply(_ setpoints: SetpointFrame, atSeconds seconds: Double) {
        for index in 0..<resourceCount where kinds[index] != .load {
            command(resource: index, kw: setpoints.setpointKW[index], atSeconds: seconds)
        }
    }
}
