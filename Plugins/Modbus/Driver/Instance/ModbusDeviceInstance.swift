import DSODriverKit
import DSOModbus
import DSORuntime
import DSODriverABI

/// One Modbus device behind the ABI: its link, its points (registers and composed SunSpec controls) and set-point leases.
final class ModbusDeviceInstance: DriverPluginInstance {
    /// Where each point's registers sit in the buffer the batched reads fill.
    private struct Layout {
        let plan: ReadPlan
        /// Buffer index of each register point and of its scale-factor register (−1: none, or not on the device).
        let valueIndices: [Int]
        let scaleFactorIndices: [Int]
        let buffer: UnsafeMutablePointer<UInt16>

        init(points: [ModbusPoint], missing: Set<Int>, extraSpans: [RegisterSpan], maximumGap: Int) {
            let present = points.indices.filter { !missing.contains($0) }.map { points[$0] }
            var spans = present.map(\.span)
            spans += present.compactMap { $0.scaleFactorAddress.map { RegisterSpan(function: 3, address: $0, count: 1) } }
            spans += extraSpans
            let plan = ReadPlan(covering: spans, maximumGap: maximumGap)
            self.plan = plan
            valueIndices = points.indices.map { missing.contains($0) ? -1 : plan.bufferIndex(function: points[$0].function, address: points[$0].address) ?? -1 }
            scaleFactorIndices = points.indices.map { index in
                missing.contains(index) ? -1 : points[index].scaleFactorAddress.flatMap { plan.bufferIndex(function: 3, address: $0) } ?? -1
            }
            buffer = .allocate(capacity: max(plan.registerCount, 1))
            buffer.initialize(repeating: 0, count: max(plan.registerCount, 1))
        }
    }

    let configuration: ModbusConfiguration
    let host: HostConnection
    let link: ModbusLink
    /// Fixed at open (the host's point list); addresses may change once, when a hinted device is first discovered.
    private(set) var registerPoints: [ModbusPoint]
    private(set) var controls: [SunSpecControl]
    let strings = CStringTable()
    private var layout: Layout
    /// Points the configured `models=` named that the device does not have (a shorter L): always NaN.
    private var missing: Set<Int> = []
    private var hasRead = false
    private(set) var controlScaleFactors: [[String: Int]]
    private var leases: [Int: SetpointLease] = [:]
    /// Set while a device opened from its `models=` hint has not answered discovery yet (reads fail, it is stale).
    var awaitedModels: SunSpecModelHint?
    /// Why the device, once it answered, does not match `models=`; every read reports it.
    var hintMismatch: String?

    var pointCount: Int { registerPoints.count + controls.count }

    init(configuration: ModbusConfiguration, host: HostConnection, link: ModbusLink, points: [ModbusPoint], controls: [SunSpecControl],
         controlScaleFactors: [[String: Int]], extraSpans: [RegisterSpan]) {
        self.configuration = configuration
        self.host = host
        self.link = link
        self.registerPoints = points
        self.controls = controls
        self.controlScaleFactors = controlScaleFactors
        layout = Layout(points: points, missing: [], extraSpans: extraSpans, maximumGap: configuration.maximumGap)
    }

    deinit {
        layout.buffer.deallocate()
    }

    /// Points the addresses of a device discovered after open: same names (the host's list does not change),
    /// the discovered registers; `missing` points stay NaN.
    func rebind(points: [ModbusPoint], missing: Set<Int>, controls: [SunSpecControl], controlScaleFactors: [[String: Int]], extraSpans: [RegisterSpan]) {
        layout.buffer.deallocate()
        registerPoints = points
        self.missing = missing
        self.controls = controls
        self.controlScaleFactors = controlScaleFactors
        layout = Layout(points: points, missing: missing, extraSpans: extraSpans, maximumGap: configuration.maximumGap)
        hasRead = false
    }

    /// Describes point `index` for the host (strings live in `strings` until close).
    func describe(point index: Int, into description: inout dso_point_info) {
        description = info(index)
    }

    private func info(_ index: Int) -> dso_point_info {
        if index < registerPoints.count {
            let point = registerPoints[index]
            return dso_point_info(
                name: strings.pointer(point.name), unit: strings.pointer(point.unit), kind: point.kind,
                writable: point.writable ? 1 : 0, minimum: point.minimum, maximum: point.maximum
            )
        }
        let control = controls[index - registerPoints.count]
        return dso_point_info(
            name: strings.pointer(control.pointName), unit: strings.pointer(control.unit), kind: Int32(DSO_POINT_SETPOINT),
            writable: 1, minimum: control.limits.minimum, maximum: control.limits.maximum
        )
    }

    /// Keeps set points alive, then reads every register the points need (batched) and decodes them.
    func read(values: UnsafeMutablePointer<Double>, timestampsNanoseconds timestamps: UnsafeMutablePointer<Int64>) throws(DriverCallError) {
        try bindAwaitedModels()
        try refreshLeases()
        let started = host.nowNanoseconds()
        do {
            for (index, read) in layout.plan.reads.enumerated() {
                try link.readRegisters(function: read.function, address: read.address, count: read.count, into: layout.buffer + layout.plan.bufferOffsets[index])
            }
        } catch {
            throw DriverCallError(Int32(DSO_ERROR_IO), error.description)
        }
        hasRead = true
        for index in registerPoints.indices {
            values[index] = decodedValue(index)
            timestamps[index] = started
        }
        for (offset, control) in controls.enumerated() {
            let index = registerPoints.count + offset
            values[index] = leases[index]?.value ?? (control.quantity == .limitPercent ? 100 : 0)
            timestamps[index] = started
        }
    }

    private func decodedValue(_ index: Int) -> Double {
        let point = registerPoints[index]
        guard layout.valueIndices[index] >= 0 else { return .nan }
        var value = point.encoding.decode(layout.buffer + layout.valueIndices[index]) * point.scale
        if point.scaleFactorAddress != nil {
            guard layout.scaleFactorIndices[index] >= 0 else { return .nan }
            let factor = Int16(bitPattern: layout.buffer[layout.scaleFactorIndices[index]])
            // 0x8000: scale factor not implemented, so the value cannot be interpreted.
            guard factor != Int16.min, (-10...10).contains(factor) else { return .nan }
            value *= pow10(Int(factor))
        }
        return value
    }

    /// Writes a set point now and leases it until `validUntil` (host clock).
    func write(point index: Int, value: Double, validUntilNanoseconds validUntil: Int64) throws(DriverCallError) {
        guard index >= 0, index < pointCount else {
            throw DriverCallError(Int32(DSO_ERROR_INVALID), "device '\(configuration.deviceName)': point index \(index) is outside 0..<\(pointCount)")
        }
        let description = info(index)
        let name = index < registerPoints.count ? registerPoints[index].name : controls[index - registerPoints.count].pointName
        guard description.writable != 0 else {
            throw DriverCallError(Int32(DSO_ERROR_READ_ONLY), "device '\(configuration.deviceName)': point '\(name)' is read-only")
        }
        guard value.isFinite, value >= description.minimum, value <= description.maximum else {
            throw DriverCallError(Int32(DSO_ERROR_INVALID), "device '\(configuration.deviceName)': point '\(name)' = \(value) is outside \(description.minimum)…\(description.maximum)")
        }
        let now = host.nowNanoseconds()
        guard validUntil > now else {
            throw DriverCallError(Int32(DSO_ERROR_INVALID), "device '\(configuration.deviceName)': point '\(name)' valid_until_ns \(validUntil) is not after now \(now)")
        }
        let monotonic = MonotonicClock.nanoseconds()
        if var lease = leases[index], lease.value == value, monotonic - lease.lastDeviceWriteNanoseconds < configuration.refreshNanoseconds {
            // Same value written recently: extend the lease, spare the bus.
            lease.validUntilNanoseconds = validUntil
            leases[index] = lease
            return
        }
        try writeToDevice(index: index, value: value, remainingNanoseconds: validUntil - now)
        leases[index] = SetpointLease(value: value, validUntilNanoseconds: validUntil, lastDeviceWriteNanoseconds: monotonic)
    }

    /// Re-writes set points still wanted; lets expired ones go (the device reverts on its timer, or gets its safe value).
    private func refreshLeases() throws(DriverCallError) {
        guard !leases.isEmpty else { return }
        let now = host.nowNanoseconds()
        let monotonic = MonotonicClock.nanoseconds()
        for index in leases.keys.sorted() {
            guard let lease = leases[index] else { continue }
            if lease.validUntilNanoseconds <= now {
                leases[index] = nil
                if index < registerPoints.count, let safe = registerPoints[index].safeValue {
                    try writeToDevice(index: index, value: safe, remainingNanoseconds: configuration.refreshNanoseconds)
                }
                host.log(Int32(DSO_LOG_INFO), "device '\(configuration.deviceName)': set point '\(String(cString: info(index).name))' expired; the device reverts")
            } else if monotonic - lease.lastDeviceWriteNanoseconds >= configuration.refreshNanoseconds {
                try writeToDevice(index: index, value: lease.value, remainingNanoseconds: lease.validUntilNanoseconds - now)
                leases[index]?.lastDeviceWriteNanoseconds = monotonic
            }
        }
    }

    private func writeToDevice(index: Int, value: Double, remainingNanoseconds: Int64) throws(DriverCallError) {
        if awaitedModels != nil {
            throw DriverCallError(Int32(DSO_ERROR_IO), "device '\(configuration.deviceName)': not discovered yet (\(hintMismatch ?? "no answer since open")); set point '\(String(cString: info(index).name))' not written")
        }
        if missing.contains(index) {
            throw DriverCallError(Int32(DSO_ERROR_INVALID), "device '\(configuration.deviceName)': point '\(registerPoints[index].name)' is not on the device (its model is shorter)")
        }
        do {
            if index < registerPoints.count {
                let point = registerPoints[index]
                var raw = value / point.scale
                if let factorAddress = point.scaleFactorAddress {
                    let factor = try scaleFactor(at: factorAddress, pointIndex: index)
                    raw /= pow10(factor)
                }
                guard let registers = point.encoding.encode(raw) else {
                    throw DriverCallError(Int32(DSO_ERROR_INVALID), "device '\(configuration.deviceName)': point '\(point.name)' = \(value) does not fit register \(point.address) (\(point.encoding.type.rawValue))")
                }
                try link.writeRegisters(address: point.address, values: registers)
                return
            }
            let controlIndex = index - registerPoints.count
            let control = controls[controlIndex]
            // The device's revert timer covers the lease and one missed refresh, never beyond what the host asked.
            let revertCap = 2 * configuration.refreshNanoseconds
            let revertSeconds = Int((Double(min(remainingNanoseconds, revertCap)) / 1e9).rounded(.up))
            guard let writes = control.writes(value: value, revertSeconds: revertSeconds, scaleFactors: controlScaleFactors[controlIndex]) else {
                throw DriverCallError(Int32(DSO_ERROR_INVALID), "device '\(configuration.deviceName)': '\(control.pointName)' = \(value) cannot be encoded in \(control.sourceLabel)")
            }
            for write in writes { try link.writeRegisters(address: write.address, values: write.registers) }
        } catch let error as ModbusError {
            throw DriverCallError(Int32(error.isLinkFailure ? DSO_ERROR_IO : DSO_ERROR_INVALID), error.description)
        } catch let error as DriverCallError {
            throw error
        } catch {
            throw DriverCallError(Int32(DSO_ERROR_IO), "device '\(configuration.deviceName)': \(error)")
        }
    }

    private func scaleFactor(at address: Int, pointIndex: Int) throws(ModbusError) -> Int {
        if hasRead, layout.scaleFactorIndices[pointIndex] >= 0 { return Int(Int16(bitPattern: layout.buffer[layout.scaleFactorIndices[pointIndex]])) }
        var word: UInt16 = 0
        try link.readRegisters(function: 3, address: address, count: 1, into: &word)
        return Int(Int16(bitPattern: word))
    }

    /// Hands every composed control back to the device (close): enables off; register maps get their safe values.
    func close() {
        for index in leases.keys.sorted() {
            if index < registerPoints.count {
                if let safe = registerPoints[index].safeValue {
                    try? writeToDevice(index: index, value: safe, remainingNanoseconds: configuration.refreshNanoseconds)
                }
            } else {
                for write in controls[index - registerPoints.count].releaseWrites {
                    try? link.writeRegisters(address: write.address, values: write.registers)
                }
            }
        }
        leases.removeAll()
    }
}
