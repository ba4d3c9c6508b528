import DSOModel
import Foundation
import TOMLKit

/// Turns a parsed TOML table into a `Scenario`, collecting every issue instead of stopping at the first.
/// The grid vocabulary (interface points, schedules, resources' control keys) goes through `GridReader`,
/// which a real-device service file shares; this adds the simulation's physics, fleets and settings, whose
/// keys `ScenarioTable.simulationKeys` declares (a real-device grid refuses exactly those).
final class ScenarioLoader {
    let diagnostics = TableDiagnostics()
    let root: TableReader
    let grid: GridReader
    var kernel = Scenario.KernelSettings()
    var run = Scenario.RunSettings()
    var regulation = Scenario.RegulationSettings()
    /// One per interface point, parallel to `grid.interfacePoints`.
    var meters: [InterfaceMeter] = []
    var devices: [String: DeviceSpec] = [:]
    var profiles: [String: Profile] = [:]

    /// `folder`: the scenario file's; relative paths in it resolve against it.
    init(root: TOMLTable, folder: String) {
        self.root = TableReader(table: root, keyPath: "", diagnostics: diagnostics)
        self.root.declaredKeys = ScenarioTable.root.declaredKeys
        self.grid = GridReader(root: self.root, folder: folder)
    }

    /// Reads every section; returns nil when the model could not be built (issues say why).
    func load(sourcePath: String) -> Scenario? {
        var name = URL(fileURLWithPath: sourcePath).deletingPathExtension().lastPathComponent
        if let section = root.subtable(.scenario) {
            name = section.optionalString("name") ?? name
            _ = section.optionalString("description")
            section.finish()
        }
        readKernel()
        readRun()
        readRegulation()
        readInterfacePoints()
        readBatteries()
        readBatteryFleets()
        readPV()
        readPVFleets()
        readLoads()
        readDemandResponse()
        root.finish()
        guard let built = grid.buildModel() else { return nil }
        let orderedDevices = built.model.resources.compactMap { devices[$0.id] }
        return Scenario(
            name: name, sourcePath: sourcePath, model: built.model, devices: orderedDevices, meters: meters,
            schedules: built.schedules, kernel: kernel, run: run, regulation: regulation, profiles: profiles)
    }

    /// Loads (once) the profile named by `key`; reports a missing key or a bad file at that key.
    func profile(_ reader: TableReader, key: String = "profile") -> Profile {
        let placeholder = Profile.constant(0, name: "invalid")
        let written = reader.requiredString(key)
        guard !written.isEmpty else { return placeholder }
        let path = grid.resolve(written)
        if let cached = profiles[path] { return cached }
        do {
            let loaded = try Profile.load(path: path)
            profiles[path] = loaded
            return loaded
        } catch {
            diagnostics.report(reader.path(key), "bad profile: \(error)")
            return placeholder
        }
    }

    /// Records a resource and its physics (a duplicate id is reported and keeps the first one's).
    func add(_ resource: ResourceSpec, _ device: DeviceSpec, idKeyPath: String) {
        if grid.add(resource, idKeyPath: idKeyPath) {
            devices[resource.id] = device
        }
    }

    /// Ring capacity that holds every command given within one command delay at the kernel period.
    func commandCapacity(delaySeconds: Double) -> Int {
        let period = max(kernel.periodSeconds, 0.01)
        return Int((delaySeconds / period).rounded(.up)) + 4
    }

    /// A per-device seed derived from the run seed, so units differ yet replay identically.
    func derivedSeed(_ salt: String, _ index: Int) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in salt.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return DeviceRandom.mix(run.seed ^ hash ^ UInt64(index))
    }
}
