/// The service file the forecast and planning suites run: the scenario in `scenario.toml` simulated, a historian,
/// the API on `port` with one viewer token, and the layer's own section.
enum LayerServiceFixture {
    static func service(name: String, port: Int, viewerToken: String, database: String, samplePeriodSeconds: Double,
                        section: String) -> String {
        """
        [service]
        name = "\(name)"
        status_interval_s = 5
        stop_timeout_s = 5

        [simulation]
        scenario = "scenario.toml"

        [historian]
        database = "\(database)"
        sample_period_s = \(samplePeriodSeconds)

        [api]
        listen = "127.0.0.1:\(port)"

        [[api.tokens]]
        name = "vera"
        token = "\(viewerToken)"
        role = "viewer"

        \(section)
        """
    }
}
