/// What a grid on real devices takes too: the keys `GridReader` reads in each table, and `[kernel]`, which
/// both formats read with `Scenario.KernelSettings.read`. Next to `GridReader`, so a key it starts reading is
/// declared in the same change (TableReader traps in debug builds otherwise).
extension ScenarioTable {
    package var sharedKeys: [String] {
        switch self {
        case .root: ["interface_points", "batteries", "pv", "loads", "dr", "regulation", "kernel"]
        case .interfacePoints:
            ["id", "import_limit_kw", "export_limit_kw", "deviation_band_kw", "has_meter",
             "schedule_kw", "schedule", "schedule_csv"]
        case .batteries:
            ["id", "power_kw", "charge_kw", "capacity_kwh"] + Self.commonResourceKeys + Self.socKeys
        case .pv: ["id", "rating_kw"] + Self.commonResourceKeys
        case .loads: ["id", "interface_point", "peak_kw"]
        case .demandResponse: ["id", "peak_kw"] + Self.commonResourceKeys
        case .regulation: ["award_mw"]
        case .scenario, .run: []
        // A fleet draws each unit's ramp, so it takes the common keys but `ramp_kw_per_s`.
        case .batteryFleets: Self.commonResourceKeys.filter { $0 != "ramp_kw_per_s" } + Self.socKeys
        case .pvFleets: Self.commonResourceKeys.filter { $0 != "ramp_kw_per_s" }
        }
    }

    /// `GridReader.commonKeys`.
    private static let commonResourceKeys = [
        "interface_point", "ramp_kw_per_s", "command_delay_s", "time_constant_s", "cost_linear_per_kwh",
        "cost_quadratic_per_kwh_per_kw", "provides_regulation",
    ]

    /// `GridReader.socRanges`.
    private static let socKeys = ["soc_min", "soc_max", "soc_band_min", "soc_band_max"]
}
