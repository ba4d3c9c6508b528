import DSOModel
import Foundation
import TOMLKit

/// Turns a parsed TOML table into a `Scenario`, collecting every issue instead of stopping at the first.
final class ScenarioLoader {
    let diagnostics = ScenarioDiagnostics()
    let root: TableReader
    /// Folder of the scenario file; relative paths resolve against it.
    let folder: String
    var kernel = Scenario.KernelSettings()
    var run = Scenario.RunSettings()
    var regulation = Scenario.RegulationSettings()
    var interfacePoints: [InterfacePointSpec] = []
    var interfacePointIndex: [String: Int] = [:]
    var meters: [InterfaceMeter] = []
    var schedules: [ScheduleEntry] = []
    var resources: [ResourceSpec] = []
    var devices: [String: DeviceSpec] = [:]
    var resourceKeyPaths: [String: String] = [:]
    var profiles: [String: Profile] = [:]

    init(root: TOMLTable, folder: String) {
        self.root = TableReader(table: root, keyPath: "", diagnostics: diagnostics)
        self.folder = folder
    }

    /// Reads every section; returns nil when the model could not be built (issues say why).
    func load(sourcePath: String) -> Scenario? {
        var name = URL(fileURLWithPath: sourcePath).deletingPathExtension().lastPathComponent
        if let section = root.subtable("scenario") {
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
        guard diagnostics.issues.isEmpty else { return nil }
        let model: SubstationModel
        do {
            model = try SubstationModel(interfacePoints: interfacePoints, resources: resources)
        } catch {
            diagnostics.report(error.key, error.message)
            return nil
        }
        let orderedDevices = model.resources.compactMap { devices[$0.id] }
        let sortedSchedules = schedules.sorted {
            ($0.interfacePoint, $0.startSeconds) < ($1.interfacePoint, $1.startSeconds)
        }
        return Scenario(
            name: name, sourcePath: sourcePath, model: model, devices: orderedDevices, meters: meters,
            schedules: sortedSchedules, kernel: kernel, run: run, regulation: regulation, profiles: profiles)
    }

    /// Absolute form of a path written in the scenario (relative ones resolve against the scenario's folder).
    func resolve(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: folder).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }

    /// Loads (once) the profile named by `key`; reports a missing key or a bad file at that key.
    func profile(_ reader: TableReader, key: String = "profile") -> Profile {
        let placeholder = Profile.constant(0, name: "invalid")
        let written = reader.requiredString(key)
        guard !written.isEmpty else { return placeholder }
        let path = resolve(written)
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

    /// Records a resource and its physics, reporting a duplicate id at the second definition.
    func add(_ resource: ResourceSpec, _ device: DeviceSpec, idKeyPath: String) {
        if let first = resourceKeyPaths[resource.id] {
            diagnostics.report(idKeyPath, "duplicate resource id '\(resource.id)' (first defined at \(first))")
            return
        }
        resourceKeyPaths[resource.id] = idKeyPath
        resources.append(resource)
        devices[resource.id] = device
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
