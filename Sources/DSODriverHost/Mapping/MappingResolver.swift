import DSOModel

/// Checks a driver instance's point map against the driver's points and the substation model and turns
/// it into routes; every problem is an error naming the mapping's key.
enum MappingResolver {
    static func resolve(_ configuration: DriverConfiguration, points: [DriverPoint], driverName: String,
                        model: SubstationModel) throws(DriverConfigurationError) -> (telemetry: [TelemetryRoute], setpoints: [SetpointRoute]) {
        var telemetry: [TelemetryRoute] = []
        var setpoints: [SetpointRoute] = []
        let resourceIndex = Dictionary(model.resources.enumerated().map { ($0.element.id, $0.offset) },
                                       uniquingKeysWith: { first, _ in first })
        let pointIndex = Dictionary(points.enumerated().map { ($0.element.name, $0.offset) },
                                    uniquingKeysWith: { first, _ in first })
        for (position, mapping) in configuration.points.enumerated() {
            let key = mapping.key.isEmpty ? "\(configuration.key).points[\(position)]" : mapping.key
            func fail(_ field: String, _ message: String) -> DriverConfigurationError {
                DriverConfigurationError(key: "\(key).\(field)", message: message)
            }
            guard let index = pointIndex[mapping.point] else {
                let known = points.map(\.name).joined(separator: ", ")
                throw fail("point", "driver '\(driverName)' (instance '\(configuration.name)') has no point '\(mapping.point)'; its points are: \(known)")
            }
            let point = points[index]
            let scale = try checkedScale(mapping, point: point, fail: fail)
            func resource(_ id: String) throws(DriverConfigurationError) -> Int {
                guard let found = resourceIndex[id] else {
                    throw fail("resource", "no resource '\(id)' in the model")
                }
                return found
            }
            switch mapping.target {
            case let .resource(id, quantity):
                let target = try resource(id)
                let column: TelemetryRoute.Column = switch quantity {
                case .measuredKW: .measuredKW
                case .availableUpKW: .availableUpKW
                case .availableDownKW: .availableDownKW
                case .soc: .soc
                case .fault: .fault
                }
                let factor = quantity.isPower ? configuration.sign.resourceFactor * scale : scale
                telemetry.append(TelemetryRoute(point: index, column: column, index: target, factor: factor))
            case let .meterNetImportKW(id):
                guard let target = model.interfacePoints.firstIndex(where: { $0.id == id }) else {
                    throw fail("interface_point", "no interface point '\(id)' in the model")
                }
                guard model.interfacePoints[target].hasMeter else {
                    throw fail("interface_point", "interface point '\(id)' has no meter (has_meter = false), so the kernel ignores net_import_kw")
                }
                telemetry.append(TelemetryRoute(point: index, column: .meterNetImportKW, index: target,
                                                factor: configuration.sign.meterFactor * scale))
            case let .setpointKW(id):
                let target = try resource(id)
                guard point.isWritable else {
                    throw fail("point", "point '\(point.name)' of driver '\(driverName)' is not writable; setpoint_kw needs a writable point")
                }
                guard model.resources[target].kind.isDispatchable else {
                    throw fail("resource", "resource '\(id)' is a \(model.resources[target].kind.rawValue) and gets no set points")
                }
                setpoints.append(SetpointRoute(point: Int32(index), resource: target,
                                               factor: configuration.sign.resourceFactor * scale))
            }
        }
        return (telemetry, setpoints)
    }

    /// The scale to use, after checking the point's unit fits the quantity.
    private static func checkedScale(_ mapping: PointMapping, point: DriverPoint,
                                     fail: (String, String) -> DriverConfigurationError) throws(DriverConfigurationError) -> Double {
        let unit = point.unit
        let quantity: String = switch mapping.target {
        case let .resource(_, quantity): quantity.rawValue
        case .meterNetImportKW: "net_import_kw"
        case .setpointKW: "setpoint_kw"
        }
        if mapping.target.isPower {
            switch unit {
            case "kW": return mapping.scale ?? 1
            case "W", "MW":
                guard let scale = mapping.scale else {
                    let needed = unit == "W" ? "0.001" : "1000"
                    throw fail("scale", "point '\(point.name)' is in \(unit), \(quantity) is in kW: set scale = \(needed)")
                }
                return scale
            default:
                throw fail("point", "point '\(point.name)' has unit '\(unit)', \(quantity) needs a power point in kW (or W or MW with a scale)")
            }
        }
        if case .resource(_, .soc) = mapping.target {
            switch unit {
            case "", "1", "pu", "fraction": return mapping.scale ?? 1
            case "%":
                guard let scale = mapping.scale else {
                    throw fail("scale", "point '\(point.name)' is in %, soc is a fraction 0…1: set scale = 0.01")
                }
                return scale
            default:
                throw fail("point", "point '\(point.name)' has unit '\(unit)', soc needs a fraction (unit \"\") or % with scale = 0.01")
            }
        }
        return mapping.scale ?? 1
    }
}
