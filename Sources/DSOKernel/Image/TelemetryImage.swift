public import DSORuntime
/// The cycle's frozen telemetry, as every other module sees it: readable, written only by the kernel.
///
/// The snapshot phase copies the board into it at the start of a cycle and marks stale meters; the
/// columns are views of one `TelemetryFrame` the image owns, so reading allocates nothing.
public struct TelemetryImage: Sendable {
    let frame: TelemetryFrame
    public let measuredKW: KernelColumn<Double>
    public let availableUpKW: KernelColumn<Double>
    public let availableDownKW: KernelColumn<Double>
    public let soc: KernelColumn<Double>
    public let timestampNanoseconds: KernelColumn<Int64>
    public let faultCode: KernelColumn<UInt16>
    public let meterNetImportKW: KernelColumn<Double>
    public let meterTimestampNanoseconds: KernelColumn<Int64>

    init(resourceCount: Int, interfacePointCount: Int) {
        frame = TelemetryFrame(resourceCount: resourceCount, interfacePointCount: interfacePointCount)
        measuredKW = KernelColumn(frame.measuredKW)
        availableUpKW = KernelColumn(frame.availableUpKW)
        availableDownKW = KernelColumn(frame.availableDownKW)
        soc = KernelColumn(frame.soc)
        timestampNanoseconds = KernelColumn(frame.timestampNanoseconds)
        faultCode = KernelColumn(frame.faultCode)
        meterNetImportKW = KernelColumn(frame.meterNetImportKW)
        meterTimestampNanoseconds = KernelColumn(frame.meterTimestampNanoseconds)
    }

    public var resourceCount: Int { frame.resourceCount }
    public var interfacePointCount: Int { frame.interfacePointCount }

    /// Freezes the board's current contents (the snapshot phase).
    func copy(from board: TelemetryFrame) { frame.copy(from: board) }
}
