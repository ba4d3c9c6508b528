/// The kinds of table a scenario file holds, each declaring every key it takes: those a grid on real devices
/// shares (`sharedKeys`, next to `GridReader`) and those only a simulation reads (`simulationKeys`, next to
/// the scenario loader). A real-device grid refuses exactly the simulation keys as such, and a reader asking
/// one of these tables for an undeclared key traps in debug builds, so the two formats cannot drift apart.
package enum ScenarioTable: CaseIterable, Sendable {
    /// The file's top level.
    case root
    case interfacePoints, batteries, pv, loads, demandResponse, regulation
    case scenario, run, batteryFleets, pvFleets

    /// The table's key at the file's top level (empty for the top level itself).
    package var key: String {
        switch self {
        case .root: ""
        case .interfacePoints: "interface_points"
        case .batteries: "batteries"
        case .pv: "pv"
        case .loads: "loads"
        case .demandResponse: "dr"
        case .regulation: "regulation"
        case .scenario: "scenario"
        case .run: "run"
        case .batteryFleets: "battery_fleets"
        case .pvFleets: "pv_fleets"
        }
    }

    /// Written `[[key]]`, one table per element (the grid's points, resources and fleets).
    package var isArray: Bool {
        switch self {
        case .root, .regulation, .scenario, .run: false
        case .interfacePoints, .batteries, .pv, .loads, .demandResponse, .batteryFleets, .pvFleets: true
        }
    }

    /// The whole table only describes a simulation, so a real grid refuses it at its key, not key by key.
    package var isSimulationOnly: Bool {
        self != .root && Self.root.simulationKeys.contains(key)
    }

    /// Every key a reader may ask this table for.
    package var declaredKeys: Set<String> {
        Set(sharedKeys).union(simulationKeys)
    }
}
