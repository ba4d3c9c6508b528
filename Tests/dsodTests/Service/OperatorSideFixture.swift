import OpenDSOTestSupport

/// A `dsod run` configuration over the two-point test scenario with the historian and the API.
enum OperatorSideFixture {
    static let viewerToken = "viewer-token-for-tests-0001"
    static let operatorToken = "operator-token-for-tests-0001"

    /// Writes the scenario and the service file (historian every cycle, API on `port`); returns the service file.
    /// `api` adds keys to `[api]`, `extra` adds sections after it.
    static func write(in folder: TemporaryFolder, port: Int, api: String = "", extra: String = "") throws -> String {
        try ServiceFiles.writeSimulationService(in: folder, statusIntervalSeconds: 5, extra: """

            [historian]
            database = "historian.sqlite"
            sample_period_s = 0.1

            [api]
            listen = "127.0.0.1:\(port)"
            \(api)

            [[api.tokens]]
            name = "vera"
            token = "\(viewerToken)"
            role = "viewer"

            [[api.tokens]]
            name = "otto"
            token = "\(operatorToken)"
            role = "operator"
            \(extra)
            """)
    }
}
