import DSOCommandLine
import ArgumentParser
import DSOISOLink
import DSOScenario
import Foundation

/// `caiso-sim`: an ISO for test runs. Plays a regulation signal to DSOs over the ISO link, sends dispatch
/// operating targets, reads their telemetry and scores them live and at the end (docs/iso-link.md).
@main
struct CAISOSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caiso-sim",
        abstract: "Play a regulation signal to DSOs over the ISO link (Modbus TCP) and score their response.",
        discussion: """
            Example: caiso-sim --signal FILE.csv --target 127.0.0.1:1502 --duration 40m --report DIR. \
            The register map and every option are documented in docs/iso-link.md.
            """
    )

    @Option(name: .long, help: "A DSO's ISO link, HOST:PORT (repeat for several DSOs).")
    var target: [String]

    @Option(name: .long, help: "Regulation signal CSV (time_s,signal, normalised −1…1).")
    var signal: String?

    @Option(name: .long, help: "Generate the signal instead: rega (RegA-like) or regd (RegD-like).")
    var generate: String?

    @Option(name: .long, help: "Seed of the generated signal.")
    var seed: UInt64 = 1

    @Option(name: .customLong("period-s"), help: "Seconds between set points sent.")
    var periodSeconds: Double = 4

    @Option(name: .customLong("poll-s"), help: "Seconds between telemetry reads (each read is one scored sample).")
    var pollSeconds: Double = 1

    @Option(name: .long, help: "How long to play (e.g. 40m, 90s).")
    var duration: RunDuration

    @Option(name: .customLong("award-mw"), help: "Send this regulation capacity award first (default: use the award each DSO reports).")
    var awardMW: Double?

    @Option(name: .long, help: "Dispatch operating targets CSV: time_s,interface_point,net_import_mw[,duration_s].")
    var schedule: String?

    @Option(name: .long, help: "Write the report folder here: per DSO a CSV of signal against response and an SVG plot, and scores.txt.")
    var report: String?

    @Option(name: .customLong("min-accuracy"), help: "Exit with status 2 if a DSO's mean CAISO accuracy is below this.")
    var minimumAccuracy: Double?

    @Option(name: .customLong("min-composite"), help: "Exit with status 2 if a DSO's PJM composite (whole run) is below this.")
    var minimumComposite: Double?

    @Option(name: .customLong("status-every-s"), help: "Seconds between live status lines (0: none).")
    var statusEverySeconds: Double = 60

    func validate() throws {
        guard !target.isEmpty else { throw ValidationError("give at least one --target HOST:PORT") }
        guard (signal == nil) != (generate == nil) else { throw ValidationError("give exactly one of --signal FILE or --generate rega|regd") }
        guard periodSeconds >= 0.5, periodSeconds.isFinite else { throw ValidationError("--period-s \(periodSeconds) must be ≥ 0.5") }
        guard pollSeconds >= 0.1, pollSeconds.isFinite else { throw ValidationError("--poll-s \(pollSeconds) must be ≥ 0.1") }
        if let awardMW { guard awardMW.isFinite, awardMW >= 0 else { throw ValidationError("--award-mw \(awardMW) must be ≥ 0") } }
    }

    func run() throws {
        let playback: Playback
        do {
            let endpoints = try target.map { text throws(ISOLinkError) in try ISOEndpoint(parsing: text) }
            playback = Playback(
                signal: try loadSignal(), periodSeconds: periodSeconds, pollSeconds: pollSeconds,
                durationSeconds: duration.seconds, awardMW: awardMW,
                targets: try schedule.map(DispatchTargetSchedule.load(path:))?.targets ?? [],
                sessions: endpoints.enumerated().map { DSOSession(label: "dso\($0.offset + 1)", endpoint: $0.element) },
                statusEverySeconds: statusEverySeconds)
        } catch {
            throw PlaybackError("\(error)")
        }
        playback.run()
        let summaries = playback.sessions.map(SessionSummary.init)
        for summary in summaries { print(summary.text, terminator: "") }
        if let report {
            try ReportWriter(folder: report).write(playback.sessions, summaries)
            print("Report written to \(report)")
        }
        var failed: [String] = []
        for summary in summaries {
            if let minimumAccuracy, !(summary.caisoAccuracy ?? 0 >= minimumAccuracy) {
                failed.append("\(summary.label): CAISO accuracy \(summary.caisoAccuracy ?? 0) < \(minimumAccuracy)")
            }
            if let minimumComposite, !(summary.pjmComposite ?? 0 >= minimumComposite) {
                failed.append("\(summary.label): PJM composite \(summary.pjmComposite ?? 0) < \(minimumComposite)")
            }
        }
        if !failed.isEmpty {
            FileHandle.standardError.write(Data(("caiso-sim: below threshold: " + failed.joined(separator: "; ") + "\n").utf8))
            throw ExitCode(2)
        }
    }

    private func loadSignal() throws -> RegulationSignal {
        if let signal { return try RegulationSignal.load(csvAtPath: signal) }
        guard let kind = RegulationSignalKind(rawValue: generate?.lowercased() ?? "") else {
            throw PlaybackError("--generate '\(generate ?? "")': expected rega or regd")
        }
        return kind.generate(durationSeconds: max(duration.seconds, periodSeconds) + periodSeconds,
                             samplePeriodSeconds: periodSeconds, seed: seed)
    }
}
