import DSOISOLink
import DSOScoring
import Foundation

/// One DSO as caiso-sim sees it: its link, what was sent and read, and its running scores.
final class DSOSession {
    let label: String
    let endpoint: ISOEndpoint
    private var client: ISOLinkClient?
    private(set) var scoreboard = RegulationScoreboard()
    /// One row per telemetry read: time, the normalised signal and set point sent, the DSO's target and response.
    private(set) var samples: [Sample] = []
    /// The award used to turn the normalised signal into MW (sent, or read from the DSO).
    var awardMW: Double?
    private(set) var lastSignal = 0.0
    private(set) var failedExchanges = 0
    private var nextCounter: UInt32 = 1
    private var reportedIntervals = 0
    private var reportedHours = 0

    struct Sample {
        var timeSeconds: Double
        var signal: Double
        var setpointMW: Double
        var targetMW: Double
        var responseMW: Double
    }

    init(label: String, endpoint: ISOEndpoint) {
        self.label = label
        self.endpoint = endpoint
    }

    /// Connects if needed; a failure is logged once per exchange and retried on the next one.
    private func connected(_ log: (String) -> Void) -> ISOLinkClient? {
        if let client { return client }
        do {
            let client = try ISOLinkClient(endpoint: endpoint, firstCounter: nextCounter)
            self.client = client
            log("\(label) (\(endpoint)): connected")
            return client
        } catch {
            failedExchanges += 1
            log("\(label): \(error)")
            return nil
        }
    }

    private func exchange(_ log: (String) -> Void, _ body: (ISOLinkClient) throws(ISOClientError) -> Void) {
        guard let client = connected(log) else { return }
        do {
            try body(client)
        } catch {
            failedExchanges += 1
            log("\(label): \(error)")
            self.client = nil
        }
    }

    func sendAward(mw: Double, log: (String) -> Void) {
        exchange(log) { client throws(ISOClientError) in try client.sendAward(mw: mw) }
        awardMW = mw
    }

    func sendSignal(_ normalized: Double, log: (String) -> Void) {
        lastSignal = normalized
        exchange(log) { client throws(ISOClientError) in
            try client.sendSetpoint(value: normalized, unit: 0, counter: nextCounter)
        }
        nextCounter &+= 1
    }

    func sendTarget(_ target: DispatchTargetSchedule.Target, log: (String) -> Void) {
        exchange(log) { client throws(ISOClientError) in
            try client.sendDispatchTarget(point: target.interfacePoint, netImportMW: target.netImportMW,
                                          durationSeconds: target.durationSeconds)
        }
    }

    /// Reads the telemetry and scores the sample; an unreadable DSO counts as delivering nothing.
    func sample(atSeconds time: Double, log: (String) -> Void) {
        var reading: ISOTelemetryReading?
        exchange(log) { client throws(ISOClientError) in reading = try client.readTelemetry() }
        if awardMW == nil, let reading { awardMW = reading.awardMW }
        let setpointMW = lastSignal * (awardMW ?? 0)
        let responseMW = reading.map(\.regulationResponseMW) ?? 0
        samples.append(Sample(timeSeconds: time, signal: lastSignal, setpointMW: setpointMW,
                              targetMW: reading.map(\.regulationTargetMW) ?? .nan, responseMW: responseMW))
        scoreboard.record(timeSeconds: time, signalMW: setpointMW, responseMW: responseMW)
    }

    /// Lines for the CAISO intervals and PJM hours that closed since the last call.
    func newlyClosedScores() -> [String] {
        var lines: [String] = []
        let intervals = scoreboard.completedCAISOIntervals
        for interval in intervals.dropFirst(reportedIntervals) {
            lines.append("\(label): " + String(format: "CAISO 15-min from %.0f s: accuracy %.3f, mileage %.2f MW",
                                interval.intervalStartSeconds, interval.accuracy, interval.mileageMW))
        }
        reportedIntervals = intervals.count
        let hours = scoreboard.completedPJMHours
        for hour in hours.dropFirst(reportedHours) {
            lines.append("\(label): " + String(format: "PJM hour from %.0f s: composite %.3f (accuracy %.3f, delay %.3f, precision %.3f)",
                                hour.hourStartSeconds, hour.score.composite, hour.score.accuracy,
                                hour.score.delay, hour.score.precision))
        }
        reportedHours = hours.count
        return lines
    }
}
