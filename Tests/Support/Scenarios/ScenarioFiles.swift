/// The scenario the end-to-end runs of `dsod` and `caiso-sim` share, and the load profile it reads.
public enum ScenarioFiles {
    /// Daily load shape: 0.5 at midnight rising to 0.6 at noon, so a run from t = 0 sees ~0.5.
    public static let flatProfileCSV = """
        # test profile: 0.5 at midnight, 0.6 at noon
        hour,value
        0,0.5
        12,0.6
        """

    /// Two interface points with a battery and a load each: `SUB-A` (load 600 kW peak → ~300 kW) and `SUB-B`
    /// (load 400 kW peak → ~200 kW), schedules equal to those loads. Needs `flat.csv` next to it.
    public static func twoPointScenario(
        name: String = "e2e-small", periodSeconds: Double = 0.1, durationSeconds: Double = 300,
        recordPeriodSeconds: Double = 2, seed: Int = 7, awardMW: Double? = 1.0, extraBatteries: Int = 0
    ) -> String {
        var text = """
            [scenario]
            name = "\(name)"

            [kernel]
            period_s = \(periodSeconds)

            [run]
            duration_s = \(durationSeconds)
            record_period_s = \(recordPeriodSeconds)
            seed = \(seed)


            """
        if let awardMW {
            text += """
                [regulation]
                award_mw = \(awardMW)
                signal = "regd"
                signal_period_s = 2


                """
        }
        text += """
            [[interface_points]]
            id = "SUB-A"
            import_limit_kw = 5000
            export_limit_kw = 2000
            deviation_band_kw = 100
            schedule_kw = 300

            [[interface_points]]
            id = "SUB-B"
            import_limit_kw = 4000
            export_limit_kw = 1000
            deviation_band_kw = 100
            schedule_kw = 200

            [[batteries]]
            id = "BESS-A1"
            interface_point = "SUB-A"
            power_kw = 600
            capacity_kwh = 1200
            command_delay_s = 2
            time_constant_s = 0.5
            ramp_kw_per_s = 600

            [[batteries]]
            id = "BESS-B1"
            interface_point = "SUB-B"
            power_kw = 600
            capacity_kwh = 1200
            command_delay_s = 2
            time_constant_s = 0.5
            ramp_kw_per_s = 600


            """
        for index in 0..<extraBatteries {
            text += """
                [[batteries]]
                id = "BESS-X\(index + 1)"
                interface_point = "SUB-B"
                power_kw = 200
                capacity_kwh = 400


                """
        }
        text += """
            [[loads]]
            id = "LOAD-A"
            interface_point = "SUB-A"
            peak_kw = 600
            profile = "flat.csv"

            [[loads]]
            id = "LOAD-B"
            interface_point = "SUB-B"
            peak_kw = 400
            profile = "flat.csv"

            """
        return text
    }

    /// Writes `flat.csv` and the two-point scenario into `folder`; returns the scenario's path.
    public static func writeTwoPointScenario(in folder: TemporaryFolder, file: String = "scenario.toml",
                                             _ scenario: String = twoPointScenario()) throws -> String {
        try folder.write("flat.csv", flatProfileCSV)
        return try folder.write(file, scenario)
    }
}
