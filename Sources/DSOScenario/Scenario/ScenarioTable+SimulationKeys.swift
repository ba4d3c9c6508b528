/// What the scenario loader reads beyond `GridReader`: the physics, fleets and settings only a simulation
/// has. The one list a real-device grid refuses as "simulation-only", so a key the loader starts reading
/// must be added here (TableReader traps in debug builds otherwise).
extension ScenarioTable {
    package var simulationKeys: [String] {
        switch self {
        case .root: ["battery_fleets", "pv_fleets", "run", "scenario"]
        // The simulated meter (`ScenarioLoader.readInterfacePoints`).
        case .interfacePoints: ["rating_kw", "loss_coefficient", "meter_noise_kw"]
        // Device physics (`ScenarioLoader+Resources`).
        case .batteries: ["charge_efficiency", "discharge_efficiency", "initial_soc"]
        case .pv: ["profile", "profile_scale"]
        case .loads: ["profile", "profile_scale", "noise_fraction", "noise_correlation_s", "seed"]
        case .demandResponse: ["profile", "profile_scale", "curtailable_share", "max_curtailment_kw", "windows"]
        // The generated or recorded signal (`ScenarioLoader.readRegulation`).
        case .regulation: ["signal", "signal_period_s", "seed"]
        // Whole tables a real grid refuses at their key; listed so their readers are held to them too.
        case .scenario: ["name", "description"]
        case .run: ["duration_s", "record_period_s", "start_time_of_day_s", "seed"]
        case .batteryFleets:
            ["count", "id_prefix", "power_kw_range", "power_kw_choices", "power_kw_step", "duration_h",
             "ramp_fraction_per_s", "charge_efficiency", "discharge_efficiency", "initial_soc_range", "seed"]
        case .pvFleets:
            ["count", "id_prefix", "rating_kw_range", "rating_kw_choices", "rating_kw_step", "profile",
             "profile_scale_range", "ramp_fraction_per_s", "seed"]
        }
    }
}
