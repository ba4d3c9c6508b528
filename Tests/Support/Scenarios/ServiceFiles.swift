/// Service configurations over the two-point test scenario.
public enum ServiceFiles {
    /// Writes the scenario (`scenario.toml`, `flat.csv`) and a service file naming it; returns the service file.
    public static func writeSimulationService(in folder: TemporaryFolder, statusIntervalSeconds: Double = 0.5,
                                              extra: String = "") throws -> String {
        _ = try ScenarioFiles.writeTwoPointScenario(in: folder)
        return try folder.write("service.toml", """
            [service]
            name = "e2e-service"
            status_interval_s = \(statusIntervalSeconds)
            stop_timeout_s = 5

            [simulation]
            scenario = "scenario.toml"
            \(extra)
            """)
    }
}
