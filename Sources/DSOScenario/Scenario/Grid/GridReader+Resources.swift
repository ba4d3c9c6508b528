package import DSOModel

/// One `[[batteries]]`, `[[pv]]`, `[[loads]]` or `[[dr]]` table as the kernel sees it: id, placement,
/// ratings, known dynamics, offer and regulation flag. The caller reads its own keys, finishes the table
/// and `add`s the resource (a scenario first derives the device's physics from it).
extension GridReader {
    package func battery(_ section: TableReader) -> ResourceSpec {
        let id = section.requiredString("id")
        let common = commonKeys(section, providesRegulationByDefault: true)
        let power = section.requiredDouble("power_kw", .positive)
        let charge = section.double("charge_kw", default: power, .positive)
        let capacity = section.requiredDouble("capacity_kwh", .positive)
        return common.resource(id: id, kind: .battery, maximumKW: power, minimumKW: -charge,
                               energyCapacityKWh: capacity, soc: socRanges(section))
    }

    package func pv(_ section: TableReader) -> ResourceSpec {
        let id = section.requiredString("id")
        let common = commonKeys(section, providesRegulationByDefault: false)
        return common.resource(id: id, kind: .pv, maximumKW: section.requiredDouble("rating_kw", .positive), minimumKW: 0)
    }

    /// A load is not dispatched, so it takes none of the common keys but its placement.
    package func load(_ section: TableReader) -> ResourceSpec {
        let id = section.requiredString("id")
        let point = interfacePoint(section)
        return ResourceSpec(id: id, kind: .load, interfacePoint: point, maximumKW: 0,
                            minimumKW: -section.requiredDouble("peak_kw", .positive))
    }

    package func demandResponse(_ section: TableReader) -> ResourceSpec {
        let id = section.requiredString("id")
        let common = commonKeys(section, providesRegulationByDefault: false)
        return common.resource(id: id, kind: .demandResponse, maximumKW: 0,
                               minimumKW: -section.requiredDouble("peak_kw", .positive))
    }
}
