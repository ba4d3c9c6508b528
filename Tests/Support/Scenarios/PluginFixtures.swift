import Foundation

/// Scenario files for the plugin tests: the repository's example and a small one with predictable physics.
public enum PluginFixtures {
    /// `examples/small-dso.toml` in this repository.
    public static var smallDSOPath: String { Repository.root.appendingPathComponent("examples/small-dso.toml").path }

    /// Flat profile at 0.8 per unit all day: PV available 0.8 × rating, loads and DR baseline 0.8 × peak.
    public static let flatProfileCSV = """
    # flat test profile
    hour,value
    0,0.8
    """

    /// Two interface points; one of each kind behind SUB-A, a second battery behind SUB-B.
    public static let physicsScenario = """
    [scenario]
    name = "plugin-physics"

    [kernel]
    period_s = 0.1

    [run]
    duration_s = 600
    seed = 11

    [[interface_points]]
    id = "SUB-A"
    import_limit_kw = 5000
    export_limit_kw = 2000
    deviation_band_kw = 50
    rating_kw = 5000
    loss_coefficient = 0.01
    meter_noise_kw = 2
    schedule_kw = 0

    [[interface_points]]
    id = "SUB-B"
    import_limit_kw = 3000
    export_limit_kw = 1000
    deviation_band_kw = 50
    schedule_kw = 0

    [[batteries]]
    id = "BESS-1"
    interface_point = "SUB-A"
    power_kw = 500
    capacity_kwh = 1000
    charge_efficiency = 0.95
    discharge_efficiency = 0.95
    initial_soc = 0.5
    command_delay_s = 2
    time_constant_s = 1

    [[batteries]]
    id = "BESS-2"
    interface_point = "SUB-B"
    power_kw = 250
    charge_kw = 200
    capacity_kwh = 500

    [[pv]]
    id = "PV-1"
    interface_point = "SUB-A"
    rating_kw = 300
    profile = "profiles/flat.csv"
    command_delay_s = 1
    time_constant_s = 0.5

    [[loads]]
    id = "FDR-1"
    interface_point = "SUB-A"
    peak_kw = 2000
    profile = "profiles/flat.csv"

    [[dr]]
    id = "DR-1"
    interface_point = "SUB-A"
    peak_kw = 400
    profile = "profiles/flat.csv"
    curtailable_share = 0.5
    command_delay_s = 10
    time_constant_s = 5
    """

    /// Writes `scenario` next to `profiles/flat.csv` in a fresh temporary folder; returns the TOML path.
    public static func write(_ scenario: String = physicsScenario) throws -> String {
        try ScenarioFixtures.write(scenario, profiles: ["flat.csv": flatProfileCSV])
    }

    /// Removes a folder written by `write`.
    public static func remove(scenarioAt path: String) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
    }
}
