/// Latest measured values of every resource and interface meter, laid out as columns.
///
/// Two instances exist: the board that device drivers write into as values arrive, and the frozen image
/// (inside `TelemetryImage`, read-only outside the kernel) that the snapshot phase copies the board into at
/// the start of a cycle, so every later phase of the cycle sees the same consistent inputs (OpenEMS's
/// process image).
public final class TelemetryFrame: @unchecked Sendable {
    // Sendable: columns are written by one thread at a time — the device side between cycles, the
    // kernel thread during the snapshot — and never concurrently in this in-process form.

    /// Generation-positive measured power, kW.
    public let measuredKW: FixedColumn<Double>
    /// Highest power the device can deliver right now (BMS, irradiance, DR availability), kW.
    public let availableUpKW: FixedColumn<Double>
    /// Lowest power the device can go to right now (charging limit, uncurtailed load), kW.
    public let availableDownKW: FixedColumn<Double>
    /// State of charge, 0…1 (NaN where the resource has none).
    public let soc: FixedColumn<Double>
    /// When the values were measured, ns on the kernel's clock (`Int64.min`: never).
    public let timestampNanoseconds: FixedColumn<Int64>
    /// Non-zero when the device reports a fault or alarm.
    public let faultCode: FixedColumn<UInt16>
    /// Metered net import at each interface point, kW (NaN where there is no meter).
    public let meterNetImportKW: FixedColumn<Double>
    public let meterTimestampNanoseconds: FixedColumn<Int64>

    public let resourceCount: Int
    public let interfacePointCount: Int

    public init(resourceCount: Int, interfacePointCount: Int) {
        self.resourceCount = resourceCount
        self.interfacePointCount = interfacePointCount
        measuredKW = FixedColumn(count: resourceCount, repeating: 0)
        availableUpKW = FixedColumn(count: resourceCount, repeating: 0)
        availableDownKW = FixedColumn(count: resourceCount, repeating: 0)
        soc = FixedColumn(count: resourceCount, repeating: .nan)
        timestampNanoseconds = FixedColumn(count: resourceCount, repeating: .min)
        faultCode = FixedColumn(count: resourceCount, repeating: 0)
        meterNetImportKW = FixedColumn(count: interfacePointCount, repeating: .nan)
        meterTimestampNanoseconds = FixedColumn(count: interfacePointCount, repeating: .min)
    }

    /// Copies every column from `other` (same dimensions).
    public func copy(from other: TelemetryFrame) {
        measuredKW.copy(from: other.measuredKW)
        availableUpKW.copy(from: other.availableUpKW)
        availableDownKW.copy(from: other.availableDownKW)
        soc.copy(from: other.soc)
        timestampNanoseconds.copy(from: other.timestampNanoseconds)
        faultCode.copy(from: other.faultCode)
        meterNetImportKW.copy(from: other.meterNetImportKW)
        meterTimestampNanoseconds.copy(from: other.meterTimestampNanoseconds)
    }

    deinit {
        measuredKW.deallocate()
        availableUpKW.deallocate()
        availableDownKW.deallocate()
        soc.deallocate()
        timestampNanoseconds.deallocate()
        faultCode.deallocate()
        meterNetImportKW.deallocate()
        meterTimestampNanoseconds.deallocate()
    }
}
