import DSODriverKit
import DSOModbus
import DSODriverABI

/// A discovered SunSpec device ready to poll: its models, points, controls with their scale factors, the model spans.
struct SunSpecBinding {
    let base: Int
    let models: [DiscoveredModel]
    let points: [ModbusPoint]
    var controls: [SunSpecControl]
    var controlScaleFactors: [[String: Int]]
    let spans: [RegisterSpan]

    /// Discovers the model chain, logs it (and the models skipped), and reads the controls' scale factors.
    static func discover(on link: ModbusLink, host: HostConnection) throws(ModbusError) -> SunSpecBinding {
        let discovered = try SunSpecDiscovery.discover(on: link)
        var skipped: [String] = []
        let points = SunSpecPoints.points(for: discovered.models, skipped: &skipped)
        var controls = SunSpecControl.controls(for: discovered.models)
        var scaleFactors: [[String: Int]] = []
        for index in controls.indices {
            var factors: [String: Int] = [:]
            for name in controls[index].scaleFactorNames {
                guard let address = controls[index].address(name) else { continue }
                var word: UInt16 = 0
                try link.readRegisters(function: 3, address: address, count: 1, into: &word)
                if word != 0x8000 { factors[name] = Int(Int16(bitPattern: word)) }
            }
            if controls[index].quantity == .powerWatts, controls[index].model.id == 124, let address = controls[index].address("WChaMax") {
                var word: UInt16 = 0
                try link.readRegisters(function: 3, address: address, count: 1, into: &word)
                if word != 0xFFFF { controls[index].fullScaleWatts = Double(word) * pow10(factors["WChaMax_SF"] ?? 0) }
            }
            scaleFactors.append(factors)
        }
        let ids = discovered.models.map { String($0.id) }.joined(separator: ", ")
        host.log(Int32(DSO_LOG_INFO), "device '\(link.deviceName)': SunSpec at \(discovered.base), models \(ids)")
        for line in skipped { host.log(Int32(DSO_LOG_WARNING), "device '\(link.deviceName)': skipped \(line)") }
        return SunSpecBinding(base: discovered.base, models: discovered.models, points: points, controls: controls,
                              controlScaleFactors: scaleFactors, spans: SunSpecPoints.spans(for: discovered.models))
    }
}

extension ModbusDeviceInstance {
    /// For an instance opened from `models=`: discovers the device once it answers, checks it against the hint,
    /// and points the hint's points at the discovered registers. Fails fast while the link backs off.
    func bindAwaitedModels() throws(DriverCallError) {
        guard let hint = awaitedModels else { return }
        if let hintMismatch { throw DriverCallError(Int32(DSO_ERROR_IO), hintMismatch) }
        let binding: SunSpecBinding
        do {
            binding = try SunSpecBinding.discover(on: link, host: host)
        } catch {
            if !error.isLinkFailure { hintMismatch = error.description }
            throw DriverCallError(Int32(DSO_ERROR_IO), error.description)
        }
        let found = SunSpecModelHint(describing: binding.models.filter { SunSpecModelDefinition.all[$0.id] != nil })
        guard found == hint, binding.controls.map(\.pointName) == controls.map(\.pointName) else {
            hintMismatch = """
                device '\(configuration.deviceName)': its SunSpec models are \(found), models= says \(hint): \
                correct models= (or remove it to take the device's list at open) and reopen
                """
            throw DriverCallError(Int32(DSO_ERROR_IO), hintMismatch!)
        }
        let discovered = Dictionary(binding.points.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var points = registerPoints
        var missing: Set<Int> = []
        for index in points.indices {
            if let point = discovered[points[index].name] { points[index] = point } else { missing.insert(index) }
        }
        if !missing.isEmpty {
            let names = missing.sorted().map { points[$0].name }.joined(separator: ", ")
            host.log(Int32(DSO_LOG_WARNING), "device '\(configuration.deviceName)': not on the device (shorter models), read as NaN: \(names)")
        }
        rebind(points: points, missing: missing, controls: binding.controls, controlScaleFactors: binding.controlScaleFactors, extraSpans: binding.spans)
        awaitedModels = nil
        host.log(Int32(DSO_LOG_INFO), "device '\(configuration.deviceName)': discovered, matches models=\(hint)")
    }
}
