/// A set point the driver composes from several SunSpec registers (value, enable, revert timer).
package struct SunSpecControl {
    /// What the host sets.
    package enum Quantity {
        /// `p_limit_pct`: active-power limit in % of WMax (123 WMaxLimPct or 704 WMaxLimPct).
        case limitPercent
        /// `p_set_w`: active-power set point in W, generation (discharge) positive (704 WSet or 124 InWRte/OutWRte).
        case powerWatts
    }

    /// Register writes, in order.
    package typealias Writes = [(address: Int, registers: [UInt16])]

    package let quantity: Quantity
    package let model: DiscoveredModel
    package let definition: SunSpecModelDefinition
    /// Full scale for 124's percentages (WChaMax in W), read at open.
    package var fullScaleWatts: Double = .nan

    package var pointName: String { quantity == .limitPercent ? "p_limit_pct" : "p_set_w" }
    package var unit: String { quantity == .limitPercent ? "%" : "W" }
    package var sourceLabel: String { "model \(model.id) at \(model.address)" }

    /// The controls a device's models offer: 704 preferred over 123 and 124 (IEEE 1547-2018 supersedes them).
    package static func controls(for models: [DiscoveredModel]) -> [SunSpecControl] {
        func first(_ id: Int) -> DiscoveredModel? { models.first { $0.id == id } }
        var controls: [SunSpecControl] = []
        if let model = first(704) ?? first(123), let definition = SunSpecModelDefinition.all[model.id] {
            controls.append(SunSpecControl(quantity: .limitPercent, model: model, definition: definition))
        }
        if let model = first(704) ?? first(124), let definition = SunSpecModelDefinition.all[model.id] {
            controls.append(SunSpecControl(quantity: .powerWatts, model: model, definition: definition))
        }
        return controls
    }

    /// The registers of the scale factors this control needs, to read at open.
    package var scaleFactorNames: [String] {
        switch (quantity, model.id) {
        case (.limitPercent, _): ["WMaxLimPct_SF"]
        case (.powerWatts, 704): ["WSet_SF"]
        default: ["InOutWRte_SF", "WChaMax_SF"]
        }
    }

    package func address(_ name: String) -> Int? {
        guard let point = definition.point(named: name) else { return nil }
        return model.address + point.offset
    }

    /// The writes that put `value` in force for `revertSeconds` (the device's own revert timer), given the scale factors.
    package func writes(value: Double, revertSeconds: Int, scaleFactors: [String: Int]) -> Writes? {
        func scaled(_ raw: Double, _ factor: String) -> Double { raw / pow10(scaleFactors[factor] ?? 0) }
        func word(_ number: Double) -> [UInt16]? { RegisterEncoding(type: .uint16).encode(number) }
        func signedWord(_ number: Double) -> [UInt16]? { RegisterEncoding(type: .int16).encode(number) }
        func long(_ number: Double) -> [UInt16]? { RegisterEncoding(type: .uint32).encode(number) }
        var writes: Writes = []
        func add(_ name: String, _ registers: [UInt16]?) -> Bool {
            guard let address = address(name), let registers else { return false }
            writes.append((address, registers))
            return true
        }
        let revert = Double(max(1, revertSeconds))
        switch (quantity, model.id) {
        case (.limitPercent, 704):
            guard add("WMaxLimPct", word(scaled(value, "WMaxLimPct_SF"))), add("WMaxLimPctRvrtTms", long(revert)),
                  add("WMaxLimPctEna", [1]) else { return nil }
        case (.limitPercent, _):
            guard add("WMaxLimPct", word(scaled(value, "WMaxLimPct_SF"))), add("WMaxLimPct_RvrtTms", word(revert)),
                  add("WMaxLim_Ena", [1]) else { return nil }
        case (.powerWatts, 704):
            // WSetMod 0: the set point is in watts (WSet), not in percent (WSetPct).
            guard add("WSetMod", [0]), add("WSet", RegisterEncoding(type: .int32).encode(scaled(value, "WSet_SF"))),
                  add("WSetRvrtTms", long(revert)), add("WSetEna", [1]) else { return nil }
        case (.powerWatts, _):
            guard fullScaleWatts.isFinite, fullScaleWatts > 0 else { return nil }
            let percent = abs(value) / fullScaleWatts * 100
            // StorCtl_Mod bit 0 limits charging (InWRte), bit 1 discharging (OutWRte); the other rate is 0.
            let charge = value < 0 ? percent : 0
            let discharge = value > 0 ? percent : 0
            guard add("InWRte", signedWord(scaled(charge, "InOutWRte_SF"))),
                  add("OutWRte", signedWord(scaled(discharge, "InOutWRte_SF"))),
                  add("InOutWRte_RvrtTms", word(revert)), add("StorCtl_Mod", [3]) else { return nil }
        }
        return writes
    }

    /// The writes that hand control back to the device at once (close).
    package var releaseWrites: Writes {
        let name: String
        switch (quantity, model.id) {
        case (.limitPercent, 704): name = "WMaxLimPctEna"
        case (.limitPercent, _): name = "WMaxLim_Ena"
        case (.powerWatts, 704): name = "WSetEna"
        default: name = "StorCtl_Mod"
        }
        guard let address = address(name) else { return [] }
        return [(address, [0])]
    }

    /// Physical limits for the host: 0…100 % for a limit, ±full scale for a 124 set point when known.
    package var limits: (minimum: Double, maximum: Double) {
        switch quantity {
        case .limitPercent: (0, 100)
        case .powerWatts: fullScaleWatts.isFinite ? (-fullScaleWatts, fullScaleWatts) : (-.infinity, .infinity)
        }
    }
}

/// 10^exponent for SunSpec scale factors (−10…10), exact for the integers involved.
package func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<abs(exponent) { result *= 10 }
    return exponent < 0 ? 1 / result : result
}
