import DSODriverABI

/// Turns discovered models into host points: `m<id>.<Point>` (`m<id>_2.<Point>` for a second model of one id), and
/// group points `m<id>.<Group><n>.<Point>` (`m160.module1.DCW`, `m705.Crv1.Pt2.V`) or `m<id>.<Group>.<Point>` for a
/// single "sync" group (`m704.PFWInj.PF`).
package enum SunSpecPoints {
    /// Points of every known model, groups included; unknown models are reported through `skipped`.
    package static func points(for models: [DiscoveredModel], skipped: inout [String]) -> [ModbusPoint] {
        var points: [ModbusPoint] = []
        var seen: [Int: Int] = [:]
        for model in models {
            seen[model.id, default: 0] += 1
            guard let definition = SunSpecModelDefinition.all[model.id] else {
                skipped.append("model \(model.id) at \(model.address) (not in this driver's tables)")
                continue
            }
            let prefix = seen[model.id]! == 1 ? "m\(model.id)" : "m\(model.id)_\(seen[model.id]!)"
            let layout = definition.layout(length: model.length, counts: model.counts).points
            let byName = Dictionary(layout.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            for point in layout {
                guard point.type != .sunssf, let encoding = point.type.encoding else { continue }
                // A device may send a shorter L than the standard's (older revisions): its missing points do not exist.
                guard point.offset + point.size <= model.length + 2 else { continue }
                var scaleFactorAddress: Int?
                if let name = point.scaleFactor {
                    guard let factor = byName[name], factor.offset < model.length + 2 else { continue }
                    scaleFactorAddress = model.address + factor.offset
                }
                let kind = point.writable ? Int32(DSO_POINT_SETPOINT) : (point.type.isStatus ? Int32(DSO_POINT_STATUS) : Int32(DSO_POINT_MEASUREMENT))
                points.append(ModbusPoint(
                    name: "\(prefix).\(point.name)", unit: unitName(point.unit), kind: kind, writable: point.writable,
                    minimum: -.infinity, maximum: .infinity, function: 3, address: model.address + point.offset,
                    encoding: encoding, scale: 1, scaleFactorAddress: scaleFactorAddress, safeValue: nil
                ))
            }
        }
        return points
    }

    /// SunSpec writes "Pct", "Secs", "% WMax": the host knows "%", "s".
    package static func unitName(_ unit: String) -> String {
        // VNomPct: % of nominal voltage; DeptRef: % of the curve's reference (WMax, VarMax, VarAval or VAMax).
        if unit == "Pct" || unit.hasPrefix("%") || unit == "VNomPct" || unit == "DeptRef" { return "%" }
        if unit == "Secs" { return "s" }
        if unit == "C" { return "degC" }
        return unit
    }

    /// The registers the driver polls: each model's data after ID and L, fixed block and groups, as far as the table
    /// knows it (one span per model, so a model is read whole and its values are consistent).
    package static func spans(for models: [DiscoveredModel]) -> [RegisterSpan] {
        models.compactMap { model in
            guard let definition = SunSpecModelDefinition.all[model.id] else { return nil }
            let end = definition.layout(length: model.length, counts: model.counts).end
            return RegisterSpan(function: 3, address: model.dataAddress, count: min(model.length, end - 2))
        }
    }
}
