import DSOModel
import DSOScenario

/// Reads the grid of a real-driver service from the service file's own tables (`[[interface_points]]`,
/// `[[batteries]]`, `[[pv]]`, `[[loads]]`, `[[dr]]`, `[regulation]`) through the scenario format's
/// `GridReader`, so both accept the same keys in the same wording; what it adds is the rule that a key only
/// a simulated device needs is refused as such. Every issue is collected (with its key) in the service
/// loader's diagnostics.
final class PlantGridReader {
    /// Top-level keys that make a service file hold a grid of its own: the `[[…]]` tables of the scenario
    /// format (a fleet too, so it is refused as simulation-only rather than taken for a missing grid).
    static let gridKeys = ScenarioTable.allCases.filter(\.isArray).map(\.key)

    let root: TableReader
    let diagnostics: TableDiagnostics
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
        rejectSimulationKeys(root, of: .root)
        readInterfacePoints()
        readResources()
        let award = readRegulation()
        guard let built = gridReader.buildModel() else { return }
        grid = ServiceConfiguration.PlantGrid(model: built.model, schedules: built.schedules, regulationAwardMW: award)
    }

    private func readInterfacePoints() {
        for section in gridReader.interfacePointTables() {
            rejectSimulationKeys(section, of: .interfacePoints)
            gridReader.readInterfacePoint(section, constantScheduleSeconds: ServiceConfiguration.PlantGrid.constantScheduleSeconds)
            section.finish()
        }
    }

    private func readResources() {
        let readers: [(kind: ScenarioTable, read: (TableReader) -> ResourceSpec)] = [
            (.batteries, gridReader.battery), (.pv, gridReader.pv), (.loads, gridReader.load),
            (.demandResponse, gridReader.demandResponse),
        ]
        for (kind, read) in readers {
            for section in root.tables(kind) {
                rejectSimulationKeys(section, of: kind)
                let resource = read(section)
                section.finish()
                gridReader.add(resource, idKeyPath: section.path("id"))
            }
        }
    }

    /// `[regulation]`: only `award_mw` (the ISO link's initial award); the signal comes from the ISO.
    private func readRegulation() -> Double {
        guard let section = root.subtable(.regulation) else { return 0 }
        rejectSimulationKeys(section, of: .regulation)
        let award = gridReader.regulationAwardMW(section)
        section.finish()
        return award
    }
}
