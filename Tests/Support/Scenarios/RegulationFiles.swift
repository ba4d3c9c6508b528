/// Scenario and signal files only the `dsod` end-to-end tests use (the shared two-point scenario is `ScenarioFiles`).
public enum RegulationFiles {
    /// One interface point and three 750 kW / 1500 kWh batteries with a 2-s command delay and a 1-s lag,
    /// carrying a 1.5 MW RegD award for 15 minutes. `rampKWPerSecond` throttles every battery.
    public static func trackingScenario(rampKWPerSecond: Double, awardMW: Double = 1.5, seed: Int = 11) -> String {
        var text = """
            [scenario]
            name = "tracking"

            [run]
            duration_s = 900
            record_period_s = 2
            seed = \(seed)

            [regulation]
            award_mw = \(awardMW)
            signal = "regd"

            [[interface_points]]
            id = "SUB-T"
            import_limit_kw = 10000
            export_limit_kw = 5000
            schedule_kw = 0


            """
        for index in 1...3 {
            text += """
                [[batteries]]
                id = "BESS-\(index)"
                interface_point = "SUB-T"
                power_kw = 750
                capacity_kwh = 1500
                command_delay_s = 2
                time_constant_s = 1
                ramp_kw_per_s = \(rampKWPerSecond)


                """
        }
        return text
    }

    /// A `time_s,signal` file holding `value` every `period` seconds over `0…seconds`.
    public static func constantSignalCSV(value: Double, seconds: Int, period: Int = 2) -> String {
        var text = "time_s,signal\n"
        for time in stride(from: 0, through: seconds, by: period) { text += "\(time),\(value)\n" }
        return text
    }
}
