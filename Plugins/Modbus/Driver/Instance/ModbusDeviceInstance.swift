import DSOModbus
import DSODriverABI

/// One Modbus device behind the ABI: its link, its points (registers and composed SunSpec controls) and set-point leases.
final class ModbusDeviceInstance {
    let configuration: ModbusConfiguration
    let host: HostConnection
    let link: ModbusLink
    let registerPoints: [ModbusPoint]
    var controls: [SunSpecControl]
    let plan: ReadPlan
    let strings = CStringTable()
    /// Buffer index of each register point and of its scale-factor register (−1: none).
    private let valueIndices: [Int]
    private let scaleFactorIndices: [Int]
    private let buffer: UnsafeMutablePointer<UInt16>
    private var hasRead = false
    var controlScaleFactors: [[String: Int]] = []
    private var leases: [Int: SetpointLease] = [:]

    var pointCount: Int { registerPoints.count + controls.count }

    init(configuration: ModbusConfiguration, host: HostConnection, link: ModbusLink, points: [ModbusPoint], controls: [SunSpecControl], extraSpans: [RegisterSpan]) {
        self.configuration = configuration
        self.host = host
        self.link = link
        self.registerPoints = points
        self.controls = controls
        var spans = points.map(\.span)
        spans += points.compactMap { $0.scaleFactorAddress.map { RegisterSpan(function: 3, address: $0, count: 1) } }
        spans += extraSpans
        let plan = ReadPlan(covering: spans, maximumGap: configuration.maximumGap)
        self.plan = plan
        valueIndices = points.map { plan.bufferIndex(function: $0.function, address: $0.address) ?? -1 }
        scaleFactorIndices = points.map { point in point.scaleFactorAddress.flatMap { plan.bufferIndex(function: 3, address: $0) } ?? -1 }
        buffer = .allocate(capacity: max(plan.registerCount, 1))
        buffer.initialize(repeating: 0, count: max(plan.registerCount, 1))
    }

    deinit {
        buffer.deallocate()
    }

    /// Describes point `index` for the host (strings live in `strings` until close).
    func info(_ index: Int) -> dso_point_info {
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
    func read(into values: UnsafeMutablePointer<Double>, timestamps: UnsafeMutablePointer<Int64>, count: Int) throws(DriverCallError) {
        guard count == pointCount else {
            throw DriverCallError(Int32(DSO_ERROR_INVALID), "device '\(configuration.deviceName)': read with count \(count), the instance has \(pointCount) points")
        }
        try refreshLeases()
        let started = host.nowNanoseconds()
        do {
            for (index, read) in plan.reads.enumerated() {
                try link.readRegisters(function: read.function, address: read.address, count: read.count, into: buffer + plan.bufferOffsets[index])
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
        guard valueIndices[index] >= 0 else { return .nan }
        var value = point.encoding.decode(buffer + valueIndices[index]) * point.scale
        if point.scaleFactorAddress != nil {
            guard scaleFactorIndices[index] >= 0 else { return .nan }
            let factor = Int16(bitPattern: buffer[scaleFactorIndices[index]])
            // 0x8000: scale factor not implemented, so the value cannot be interpreted.
            guard factor != Int16.min, (-10...10).contains(factor) else { return .nan }
            value *= pow10(Int(factor))
        }
        return value
    }

    /// Writes a set point now and leases it until `validUntil` (host clock).
    func write(index: Int, value: Double, validUntil: Int64) throws(DriverCallError) {
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
        if hasRead, scaleFactorIndices[pointIndex] >= 0 { return Int(Int16(bitPattern: buffer[scaleFactorIndices[pointIndex]])) }
        var word: UInt16 = 0
        try link.readRegisters(function: 3, address: address, count: 1, into: &word)
        return Int(Int16(bitPattern: word))
    }

    /// Hands every composed control back to the device (close): enables off; register maps get their safe values.
    func release() {
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
