import DSOScenario

/// Reading one `[[drivers.points]]` table.
extension PointMapping {
    /// The mapping when its point and target could be read (every issue is in the table's log either way).
    static func read(_ table: TableReader) -> PointMapping? {
        let point = table.requiredString("point", expected: "the driver's point name, as its point_info reports it")
        let target = readTarget(table)
        let scale = table.optionalDouble("scale", expected: "a finite non-zero factor (e.g. 0.001 for W → kW)") { $0 != 0 }
        table.finish()
        guard let point, let target else { return nil }
        return PointMapping(point: point, target: target, scale: scale, key: table.keyPath)
    }

    /// `quantity` and the id it belongs to: `interface_point` for a meter, `resource` for everything else.
    private static func readTarget(_ table: TableReader) -> PointTarget? {
        let meter = "net_import_kw", setpoint = "setpoint_kw"
        let allowed = ResourceQuantity.allCases.map(\.rawValue) + [meter, setpoint]
        let quantityExpected = "one of \(allowed.joined(separator: ", "))"
        let written = table.requiredString("quantity", expected: quantityExpected)
        if let written, !allowed.contains(written) {
            table.report("quantity", found: "\"\(written)\"", expected: quantityExpected)
        }
        let resourceExpected = "a resource id (the resource whose \(written ?? "quantity") this point carries)"
        let meterExpected = "an interface point id (the interface point whose net import this point meters)"
        guard let quantity = written, allowed.contains(quantity) else {
            // Without a known quantity neither id can be judged; only their types can.
            _ = table.optionalString("resource", expected: resourceExpected)
            _ = table.optionalString("interface_point", expected: meterExpected)
            return nil
        }
        if quantity == meter {
            if table.raw("resource") != nil {
                table.report("resource", "does not apply to quantity \"\(meter)\", expected interface_point (a meter belongs to an interface point)")
            }
            return table.requiredString("interface_point", expected: meterExpected).map { .meterNetImportKW(interfacePoint: $0) }
        }
        let resource = table.requiredString("resource", expected: resourceExpected)
        if table.raw("interface_point") != nil {
            table.report("interface_point", "applies only to quantity \"\(meter)\", expected resource for \"\(quantity)\"")
        }
        guard let resource else { return nil }
        if quantity == setpoint { return .setpointKW(resource: resource) }
        return ResourceQuantity(rawValue: quantity).map { .resource(id: resource, quantity: $0) }
    }
}
