import DSOModbus

/// One SunSpec model as `modbus scan` found it: where it is, and its points decoded (when the tables know it).
struct ScannedModel: Encodable {
    let id: Int
    /// The SunSpec model name (e.g. `inverter_three_phase`), nil for a model not in the tables.
    let name: String?
    /// Address of the model's ID register (0-based).
    let address: Int
    /// L: registers after ID and L.
    let length: Int
    let decoded: Bool
    let points: [ScannedPoint]
    /// String points (model 1's `Mn`, `Md`, `SN`, `Vr`…) by name; not-implemented strings are left out.
    let text: [String: String]
    /// String point names in register order, for the table.
    let textOrder: [String]

    enum CodingKeys: String, CodingKey { case id, name, address, length, decoded, points, text }
}

/// One numeric point: raw register value, scale factor and the engineering value.
struct ScannedPoint: Encodable {
    let name: String
    let address: Int
    /// Register type as read (`int16`, `uint32`…).
    let type: String
    let unit: String
    /// The registers' value before scaling; null when the device marks it not implemented.
    let raw: JSONNumber
    /// SF applied (value = raw × 10^SF); nil for points without a scale factor.
    let scaleFactor: Int?
    /// Where SF was read, so a script can check the arithmetic.
    let scaleFactorAddress: Int?
    /// raw × 10^SF; null when the point or its scale factor is not implemented.
    let value: JSONNumber

    enum CodingKeys: String, CodingKey {
        case name, address, type, unit, raw, value
        case scaleFactor = "scale_factor"
        case scaleFactorAddress = "scale_factor_address"
    }
}

extension ScannedModel {
    /// Reads the model's fixed block (ID and L included, at most the table's length) and decodes it with the
    /// plugin's own tables (`SunSpecPoints`), so the tool shows exactly what dsod would see.
    static func read(_ model: DiscoveredModel, on link: ModbusLink) throws(ModbusError) -> ScannedModel {
        guard let definition = SunSpecModelDefinition.all[model.id] else {
            return ScannedModel(id: model.id, name: nil, address: model.address, length: model.length, decoded: false,
                                points: [], text: [:], textOrder: [])
        }
        // What the plugin polls for this model (fixed block and groups, as far as the tables know them), plus ID and L.
        let polled = SunSpecPoints.spans(for: [model]).first?.count ?? 0
        let plan = ReadPlan(covering: [RegisterSpan(function: 3, address: model.address, count: 2 + polled)])
        var registers = [UInt16](repeating: 0, count: plan.registerCount)
        for (read, offset) in zip(plan.reads, plan.bufferOffsets) {
            try registers.withUnsafeMutableBufferPointer { (buffer) throws(ModbusError) in
                try link.readRegisters(function: 3, address: read.address, count: read.count, into: buffer.baseAddress! + offset)
            }
        }
        var skipped: [String] = []
        let points = SunSpecPoints.points(for: [model], skipped: &skipped).compactMap { point in
            decode(point, registers: registers, modelAddress: model.address)
        }
        var text: [String: String] = [:]
        var order: [String] = []
        for point in definition.textPoints where point.offset + point.registerCount <= registers.count {
            order.append(point.name)
            text[point.name] = SunSpecTextPoint.text(registers[point.offset..<(point.offset + point.registerCount)])
        }
        return ScannedModel(id: model.id, name: definition.name, address: model.address, length: model.length, decoded: true,
                            points: points, text: text, textOrder: order)
    }

    /// The point's value from the model's registers; nil when the registers read do not cover it.
    private static func decode(_ point: ModbusPoint, registers: [UInt16], modelAddress: Int) -> ScannedPoint? {
        let index = point.address - modelAddress
        guard index >= 0, index + point.encoding.type.registerCount <= registers.count else { return nil }
        if let factorAddress = point.scaleFactorAddress, !(0..<registers.count).contains(factorAddress - modelAddress) { return nil }
        let raw = registers.withUnsafeBufferPointer { point.encoding.decode($0.baseAddress! + index) } * point.scale
        var exponent: Int?
        var value = raw
        if let factorAddress = point.scaleFactorAddress {
            exponent = SunSpecScaleFactor.exponent(register: registers[factorAddress - modelAddress])
            value = exponent.map { SunSpecScaleFactor.scaled(raw, exponent: $0) } ?? .nan
        }
        // SunSpecPoints names points `m<id>.<Point>` for the host; inside one model the point name is enough.
        let name = point.name.split(separator: ".", maxSplits: 1).last.map(String.init) ?? point.name
        return ScannedPoint(name: name, address: point.address, type: point.encoding.type.rawValue, unit: point.unit,
                            raw: JSONNumber(raw), scaleFactor: exponent, scaleFactorAddress: point.scaleFactorAddress,
                            value: JSONNumber(value))
    }
}
