import DSOSimulation

/// The real grid's own rule on top of the shared vocabulary: a key that only describes a simulated device or
/// run is named as such, rather than as an unknown key, so a scenario copied into a service file is
/// trimmed knowingly.
extension PlantGridReader {
    /// Keys that only describe a simulated device or run, per table (`""`: the file's top level); the
    /// scenario loader reads them on top of `GridReader`.
    static let simulationOnlyKeys: [String: [String]] = [
        "": ["battery_fleets", "pv_fleets", "run", "scenario"],
        "interface_points": ["rating_kw", "loss_coefficient", "meter_noise_kw"],
        "batteries": ["charge_efficiency", "discharge_efficiency", "initial_soc"],
        "pv": ["profile", "profile_scale"],
        "loads": ["profile", "profile_scale", "noise_fraction", "noise_correlation_s", "seed"],
        "dr": ["profile", "profile_scale", "curtailable_share", "max_curtailment_kw", "windows"],
        "regulation": ["signal", "signal_period_s", "seed"],
    ]

    /// Reports each simulation-only key of `table` (marking it read, so it is not also an unknown key).
    func rejectSimulationKeys(_ table: TableReader, in section: String) {
        for key in Self.simulationOnlyKeys[section] ?? [] where table.has(key) {
            _ = table.raw(key)
            diagnostics.report(table.path(key), "a simulation-only key; a grid on real devices does not take it "
                               + "(its devices report their state through [[drivers]])")
        }
    }
}
