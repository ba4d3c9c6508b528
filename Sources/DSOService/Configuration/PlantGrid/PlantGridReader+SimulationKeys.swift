import DSOScenario

/// The real grid's own rule on top of the shared vocabulary: a key that only describes a simulated device or
/// run is named as such, rather than as an unknown key, so a scenario copied into a service file is
/// trimmed knowingly. The keys are the scenario loader's own declaration (`ScenarioTable.simulationKeys`),
/// so a physics key added to scenarios is refused here without a second list to keep in step.
extension PlantGridReader {
    /// Reports each simulation-only key of `table`, a table of `kind` (marking it read, so it is not also an
    /// unknown key).
    func rejectSimulationKeys(_ table: TableReader, of kind: ScenarioTable) {
        for key in kind.simulationKeys where table.has(key) {
            _ = table.raw(key)
            diagnostics.report(table.path(key), "a simulation-only key; a grid on real devices does not take it "
                               + "(its devices report their state through [[drivers]])")
        }
    }
}
