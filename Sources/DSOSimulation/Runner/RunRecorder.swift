import DSOCycleLoop
import DSOScenario
import DSOKernel
import DSOModel
import DSOScoring
import Foundation

/// The recorder side of a simulated run: takes each cycle record off the kernel's ring, scores
/// regulation live and writes the CSV record at the sample period.
///
/// The CSV holds, per sample: time, the normalised signal, the award, the regulation target and the
/// fleet's measured response (MW), the aggregate SOC, and per interface point the net import, the
/// schedule and the ACE (kW). That is everything needed to recompute the scores from the file alone.
final class RunRecorder {
    let model: SubstationModel
    let samplePeriodCycles: Int64
    private(set) var scoreboard = RegulationScoreboard()
    private var writer: BufferedFileWriter?
    private(set) var lastRecord: (cycle: Int64, digest: UInt64)?
    private(set) var samples = 0
    /// Where live scores go as each CAISO interval and PJM hour closes (nil: silent).
    var liveScores: ((String) -> Void)?
    private var reportedIntervals = 0
    private var reportedHours = 0
    private var nextLiveCheckSeconds = CAISOIntervalScore.intervalSeconds

    init(model: SubstationModel, samplePeriodCycles: Int64, csvPath: String?) throws {
        self.model = model
        self.samplePeriodCycles = max(1, samplePeriodCycles)
        if let csvPath {
            let writer = try BufferedFileWriter(path: csvPath)
            var header = "time_s,signal,award_mw,regulation_target_mw,regulation_response_mw,aggregate_soc"
            for point in model.interfacePoints {
                header += ",net_import_kw_\(point.id),scheduled_kw_\(point.id),ace_kw_\(point.id)"
            }
            writer.write(header + "\n")
            self.writer = writer
        }
    }

    /// Handles one record (in cycle order).
    func consume(_ record: CycleRecord) {
        lastRecord = (record.cycleIndex, record.setpointDigest)
        guard record.cycleIndex % samplePeriodCycles == 0 else { return }
        samples += 1
        let targetMW = record.regulationTargetKW / 1000
        let responseMW = record.regulationResponseKW / 1000
        scoreboard.record(timeSeconds: record.timeSeconds, signalMW: targetMW, responseMW: responseMW)
        if liveScores != nil && record.timeSeconds >= nextLiveCheckSeconds {
            nextLiveCheckSeconds += CAISOIntervalScore.intervalSeconds
            reportLiveScores()
        }
        guard let writer else { return }
        var line = "\(CSVNumber.format(record.timeSeconds)),\(CSVNumber.format(record.signal)),"
        line += "\(CSVNumber.format(record.awardKW / 1000)),\(CSVNumber.format(targetMW)),"
        line += "\(CSVNumber.format(responseMW)),\(CSVNumber.format(record.aggregateSOC))"
        for point in 0..<model.interfacePoints.count {
            line += ",\(CSVNumber.format(record.netImportKW[point])),\(CSVNumber.format(record.scheduledKW[point]))"
            line += ",\(CSVNumber.format(record.aceKW[point]))"
        }
        writer.write(line + "\n")
    }

    /// Prints every CAISO interval and PJM hour that closed since the last report.
    private func reportLiveScores() {
        guard let liveScores else { return }
        let intervals = scoreboard.completedCAISOIntervals
        for interval in intervals.dropFirst(reportedIntervals) {
            liveScores(String(format: "live: CAISO 15-min from %.0f s: accuracy %.3f, mileage %.1f MW",
                              interval.intervalStartSeconds, interval.accuracy, interval.mileageMW))
        }
        reportedIntervals = intervals.count
        let hours = scoreboard.completedPJMHours
        for hour in hours.dropFirst(reportedHours) {
            liveScores(String(format: "live: PJM hour from %.0f s: composite %.3f (accuracy %.3f, delay %.3f, precision %.3f)",
                              hour.hourStartSeconds, hour.score.composite, hour.score.accuracy, hour.score.delay,
                              hour.score.precision))
        }
        reportedHours = hours.count
    }

    func finish() throws {
        try writer?.close()
        writer = nil
    }
}

/// Shortest text that reads back to the same Double, so recomputing scores from the CSV is exact.
enum CSVNumber {
    static func format(_ value: Double) -> String {
        value.isFinite ? "\(value)" : ""
    }
}
