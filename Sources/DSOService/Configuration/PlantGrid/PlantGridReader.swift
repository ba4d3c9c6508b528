import DSOModel
import DSOSimulation

/// Reads the grid of a real-driver service from the service file's own tables (`[[interface_points]]`,
/// `[[batteries]]`, `[[pv]]`, `[[loads]]`, `[[dr]]`, `[regulation]`), in the scenario format's keys and
/// wording minus the physics: a key that only a simulated device needs is reported as such, and every issue
/// is collected (with its key) in the service loader's diagnostics.
final class PlantGridReader {
    /// Top-level keys that make a service file hold a grid of its own.
    static let gridKeys = ["interface_points", "batteries", "pv", "loads", "dr", "battery_fleets", "pv_fleets"]

    /// Keys that only describe a simulated device or run, per table (`""`: the file's top level).
    static let simulationOnlyKeys: [String: [String]] = [
        "": ["battery_fleets", "pv_fleets", "run", "scenario"],
        "interface_points": ["rating_kw", "loss_coefficient", "meter_noise_kw"],
        "batteries": ["charge_efficiency", "discharge_efficiency", "initial_soc"],
        "pv": ["profile", "profile_scale"],
        "loads": ["profile", "profile_scale", "noise_fraction", "noise_correlation_s", "seed"],
        "dr": ["profile", "profile_scale", "curtailable_share", "max_curtailment_kw", "windows"],
        "regulation": ["signal", "signal_period_s", "seed"],
    ]

    let root: TableReader
    let diagnostics: ScenarioDiagnostics
    /// Absolute form of a path written in the file (schedule CSVs).
    let resolve: (String) -> String
    var interfacePoints: [InterfacePointSpec] = []
    var interfacePointIndex: [String: Int] = [:]
    var resources: [ResourceSpec] = []
    var resourceKeyPaths: [String: String] = [:]
    var schedules: [ScheduleEntry] = []
    /// The grid once `read()` found nothing wrong.
    private(set) var grid: ServiceConfiguration.PlantGrid?

    init(root: TableReader, diagnostics: ScenarioDiagnostics, resolve: @escaping (String) -> String) {
        self.root = root
        self.diagnostics = diagnostics
        self.resolve = resolve
    }

    /// Reads every grid table into `grid`; it stays nil when the model cannot be built (the issues say why),
    /// while `resources` and `interfacePoints` keep what was read, for checking the point maps against.
    func read() {
        rejectSimulationKeys(root, section: "")
        readInterfacePoints()
        readBatteries()
        readPV()
        readLoads()
        readDemandResponse()
        let award = readRegulation()
        guard diagnostics.issues.isEmpty else { return }
        let model: SubstationModel
        do {
            model = try SubstationModel(interfacePoints: interfacePoints, resources: resources)
        } catch {
            diagnostics.report(error.key, error.message)
            return
        }
        let sorted = schedules.sorted { ($0.interfacePoint, $0.startSeconds) < ($1.interfacePoint, $1.startSeconds) }
        grid = ServiceConfiguration.PlantGrid(model: model, schedules: sorted, regulationAwardMW: award)
    }

    /// Reports each simulation-only key of `table` (marking it read, so it is not also an unknown key).
    func rejectSimulationKeys(_ table: TableReader, section: String) {
        for key in Self.simulationOnlyKeys[section] ?? [] where table.has(key) {
            _ = table.raw(key)
            diagnostics.report(table.path(key), "a simulation-only key; a grid on real devices does not take it "
                               + "(its devices report their state through [[drivers]])")
        }
    }

    /// `[regulation]`: only `award_mw` (the ISO link's initial award); the signal comes from the ISO.
    private func readRegulation() -> Double {
        guard let section = root.subtable("regulation") else { return 0 }
        rejectSimulationKeys(section, section: "regulation")
        let award = section.double("award_mw", default: 0, .nonNegative)
        section.finish()
        return award
    }
}
