import DSOModel
import DSOSimulation

/// Reads the grid of a real-driver service from the service file's own tables (`[[interface_points]]`,
/// `[[batteries]]`, `[[pv]]`, `[[loads]]`, `[[dr]]`, `[regulation]`) through the scenario format's
/// `GridReader`, so both accept the same keys in the same wording; what it adds is the rule that a key only
/// a simulated device needs is refused as such. Every issue is collected (with its key) in the service
/// loader's diagnostics.
final class PlantGridReader {
    /// Top-level keys that make a service file hold a grid of its own.
    static let gridKeys = ["interface_points", "batteries", "pv", "loads", "dr", "battery_fleets", "pv_fleets"]

    let root: TableReader
    let diagnostics: ScenarioDiagnostics
    /// The grid vocabulary shared with scenarios; its `resources` and `interfacePoints` keep what was read
    /// even when `grid` is nil, for checking the point maps against.
    let gridReader: GridReader
    /// The grid once `read()` found nothing wrong.
    private(set) var grid: ServiceConfiguration.PlantGrid?

    /// `folder`: the service file's; a relative `schedule_csv` resolves against it.
    init(root: TableReader, folder: String) {
        self.root = root
        self.diagnostics = root.diagnostics
        self.gridReader = GridReader(root: root, folder: folder)
    }

    /// Reads every grid table into `grid`; it stays nil when the model cannot be built (the issues say why).
    func read() {
        rejectSimulationKeys(root, in: "")
        readInterfacePoints()
        readResources()
        let award = readRegulation()
        guard let built = gridReader.buildModel() else { return }
        grid = ServiceConfiguration.PlantGrid(model: built.model, schedules: built.schedules, regulationAwardMW: award)
    }

    private func readInterfacePoints() {
        for section in gridReader.interfacePointTables() {
            rejectSimulationKeys(section, in: "interface_points")
            gridReader.readInterfacePoint(section, constantScheduleSeconds: ServiceConfiguration.PlantGrid.constantScheduleSeconds)
            section.finish()
        }
    }

    private func readResources() {
        let readers: [(table: String, read: (TableReader) -> ResourceSpec)] = [
            ("batteries", gridReader.battery), ("pv", gridReader.pv), ("loads", gridReader.load),
            ("dr", gridReader.demandResponse),
        ]
        for (table, read) in readers {
            for section in root.tables(table) {
                rejectSimulationKeys(section, in: table)
                let resource = read(section)
                section.finish()
                gridReader.add(resource, idKeyPath: section.path("id"))
            }
        }
    }

    /// `[regulation]`: only `award_mw` (the ISO link's initial award); the signal comes from the ISO.
    private func readRegulation() -> Double {
        guard let section = root.subtable("regulation") else { return 0 }
        rejectSimulationKeys(section, in: "regulation")
        let award = section.double("award_mw", default: 0, .nonNegative)
        section.finish()
        return award
    }
}
