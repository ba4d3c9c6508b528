import Foundation

/// Small scenario and profile files written to a fresh temporary folder, so tests never depend on shared data.
public enum ScenarioFixtures {
    /// A flat-ish daily profile: 0 at midnight, 1 at noon, in `hour,value` form.
    public static let triangleProfileCSV = """
    # test profile: linear 0 → 1 → 0 over the day
    hour,value
    0,0
    12,1
    """

    /// A minimal valid scenario using every resource kind once, `profiles/triangle.csv` and an inline schedule.
    public static let minimalScenario = """
    [scenario]
    name = "minimal"

    [kernel]
    period_s = 0.5

    [run]
    duration_s = 600
    start_time_of_day_s = 43200
    seed = 7

    [regulation]
    award_mw = 1.5
    signal = "rega"
    signal_period_s = 4

    [[interface_points]]
    id = "NORTH"
    import_limit_kw = 5000
    export_limit_kw = 1000
    deviation_band_kw = 50
    loss_coefficient = 0.02

    [[interface_points.schedule]]
    start_s = 0
    end_s = 300
    net_import_kw = 1200

    [[interface_points.schedule]]
    start_s = 300
    end_s = 600
    net_import_kw = 1100

    [[interface_points]]
    id = "SOUTH"
    import_limit_kw = 4000
    export_limit_kw = 500
    schedule_kw = 800

    [[batteries]]
    id = "B1"
    interface_point = "SOUTH"
    power_kw = 500
    capacity_kwh = 1000
    command_delay_s = 2

    [[pv]]
    id = "PV1"
    interface_point = "NORTH"
    rating_kw = 300
    profile = "profiles/triangle.csv"

    [[loads]]
    id = "L1"
    interface_point = "NORTH"
    peak_kw = 2000
    profile = "profiles/triangle.csv"

    [[dr]]
    id = "DR1"
    interface_point = "SOUTH"
    peak_kw = 400
    profile = "profiles/triangle.csv"
    curtailable_share = 0.5
    windows = [[10, 14]]

    [[pv_fleets]]
    id_prefix = "ROOF-"
    count = 12
    interface_point = "NORTH"
    rating_kw_range = [5, 10]
    rating_kw_step = 0.5
    profile = "profiles/triangle.csv"

    [[battery_fleets]]
    id_prefix = "CB-"
    count = 3
    interface_point = "NORTH"
    power_kw_choices = [250, 500]
    duration_h = 2
    """

    /// Writes `scenario` as `scenario.toml` next to `profiles/<name>` for each of `profiles` (the triangle
    /// profile unless told) and `extraFiles` in a new folder; returns the TOML path.
    public static func write(_ scenario: String, profiles: [String: String] = ["triangle.csv": triangleProfileCSV],
                             extraFiles: [String: String] = [:]) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("dso-scenario-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("profiles"), withIntermediateDirectories: true)
        for (name, text) in profiles {
            try text.write(to: folder.appendingPathComponent("profiles/\(name)"), atomically: true, encoding: .utf8)
        }
        for (name, text) in extraFiles {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let path = folder.appendingPathComponent("scenario.toml")
        try scenario.write(to: path, atomically: true, encoding: .utf8)
        return path.path
    }

    /// The repository's examples folder.
    public static var examplesFolder: URL { Repository.root.appendingPathComponent("examples") }
}
