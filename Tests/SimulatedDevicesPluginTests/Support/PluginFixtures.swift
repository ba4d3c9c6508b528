import Foundation
import OpenDSOTestSupport

/// Scenario files for the plugin tests: the repository's example and a small one with predictable physics.
enum PluginFixtures {
    /// `examples/small-dso.toml` in this repository.
    static var smallDSOPath: String { Repository.root.appendingPathComponent("examples/small-dso.toml").path }

    /// Flat profile at 0.8 per unit all day: PV available 0.8 × rating, loads and DR baseline 0.8 × peak.
    static let flatProfileCSV = """
    # flat test profile
    hour,value
    0,0.8
    """

    /// Two interface points; one of each kind behind SUB-A, a second battery behind SUB-B.
    static let physicsScenario = """
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
    static func write(_ scenario: String = physicsScenario) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dso-plugin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("profiles"),
                                                withIntermediateDirectories: true)
        try flatProfileCSV.write(to: folder.appendingPathComponent("profiles/flat.csv"), atomically: true, encoding: .utf8)
        let path = folder.appendingPathComponent("scenario.toml")
        try scenario.write(to: path, atomically: true, encoding: .utf8)
        return path.path
    }

    /// Removes a folder written by `write`.
    static func remove(scenarioAt path: String) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
    }
}
