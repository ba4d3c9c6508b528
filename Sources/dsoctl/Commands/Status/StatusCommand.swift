import ArgumentParser
import Foundation

/// `dsoctl status`: a running dsod's cycle health, interface points, resources, drivers and scores, from its API.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "dsod's cycle health, interface points, resources, drivers and scores.",
        discussion: """
            Reads dsod's HTTP API (docs/api.md): /api/v1/status, /interface-points, /resources, /drivers (when this dsod \
            has it), /regulation/scores, and the cycle-time histograms of /metrics. Exit 2 when dsod does not answer, \
            3 when it refuses the token.
            """)

    @Option(name: .long, help: ArgumentHelp("dsod's API address ([api] listen).", valueName: "url"))
    var url = "http://127.0.0.1:8080"
    @Option(name: .long, help: ArgumentHelp("A viewer or operator token (default: $DSOCTL_TOKEN).", valueName: "token"))
    var token: String?
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await reportingFailures {
            let client = try DSODClient(url: url, token: token ?? ProcessInfo.processInfo.environment["DSOCTL_TOKEN"])
            func required(_ path: String) async throws -> Data {
                guard let data = try await client.get(path) else {
                    throw CtlFailure(.deviceError, "dsod at \(url) has no \(path)", hint: "--url points at dsod's API, not another server")
                }
                return data
            }
            let status = try await required("/api/v1/status")
            let points = try await required("/api/v1/interface-points")
            let resources = try await required("/api/v1/resources")
            let scores = try await required("/api/v1/regulation/scores")
            let drivers = try await client.get("/api/v1/drivers")
            let metrics = (try? await client.get("/metrics")).flatMap { $0 }.map { String(decoding: $0, as: UTF8.self) }
            let report = try StatusReport(url: url, status: status, interfacePoints: points, resources: resources, scores: scores,
                                          drivers: drivers, metrics: metrics)
            if output.json { try output.emit(json: report) } else { report.print() }
        }
    }
}
