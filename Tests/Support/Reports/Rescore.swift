import DSOScoring
import Foundation
import Testing

/// Recomputes the regulation scores from a `--record` CSV alone, with the batch APIs of DSOScoring.
public struct Rescore {
    public var pjm: PJMPerformanceScore
    public var caisoIntervals: [CAISOIntervalScore]
    public var caisoMeanAccuracy: Double { caisoIntervals.map(\.accuracy).reduce(0, +) / Double(caisoIntervals.count) }
    public var caisoMileageMW: Double { caisoIntervals.map(\.mileageMW).reduce(0, +) }

    public init(_ csv: RecordCSV, recordPeriodSeconds: Double, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let times = try #require(csv.column("time_s"), sourceLocation: sourceLocation)
        let target = try #require(csv.column("regulation_target_mw"), sourceLocation: sourceLocation)
        let response = try #require(csv.column("regulation_response_mw"), sourceLocation: sourceLocation)
        let start = try #require(times.first, sourceLocation: sourceLocation)
        pjm = try #require(
            PJMPerformanceScore.scoring(signalMW: target, responseMW: response, samplePeriodSeconds: recordPeriodSeconds,
                                        startSeconds: start),
            sourceLocation: sourceLocation)
        // CAISO: the set point and response of the first sample in each 4-s slot, as an AGC set point is held.
        let width = CAISOIntervalScore.setPointPeriodSeconds
        var slots: [Int] = []
        var setPoints: [Double] = []
        var responses: [Double] = []
        for index in times.indices where target[index].isFinite && response[index].isFinite {
            let slot = Int(((times[index] + 1e-6) / width).rounded(.down))
            if slot == slots.last { continue }
            slots.append(slot)
            setPoints.append(target[index])
            responses.append(response[index])
        }
        let first = try #require(slots.first, sourceLocation: sourceLocation)
        #expect(slots == Array(first..<first + slots.count), "every 4-s slot holds a sample", sourceLocation: sourceLocation)
        caisoIntervals = CAISOIntervalScore.intervalScores(
            setPointMW: setPoints, responseMW: responses, samplePeriodSeconds: width, startSeconds: Double(first) * width)
    }

    /// Checks the report's printed scores against these, to the printed precision.
    public func expectMatches(_ report: SummaryReport, sourceLocation: SourceLocation = #_sourceLocation) throws {
        func close(_ printed: Double?, _ recomputed: Double, digits: Int, _ what: String) throws {
            let printed = try #require(printed, "\(what) missing from the report", sourceLocation: sourceLocation)
            let tolerance = 0.5 * pow(10, -Double(digits)) + 1e-9
            #expect(abs(printed - recomputed) <= tolerance,
                    "\(what): report says \(printed), the CSV gives \(recomputed)", sourceLocation: sourceLocation)
        }
        try close(report.pjmComposite, pjm.composite, digits: 3, "PJM composite")
        try close(report.pjmAccuracy, pjm.accuracy, digits: 3, "PJM accuracy")
        try close(report.pjmDelay, pjm.delay, digits: 3, "PJM delay")
        try close(report.pjmPrecision, pjm.precision, digits: 3, "PJM precision")
        try close(report.caisoMeanAccuracy, caisoMeanAccuracy, digits: 3, "CAISO mean accuracy")
        try close(report.caisoMileageMW, caisoMileageMW, digits: 1, "CAISO mileage")
        #expect(report.caisoIntervals == caisoIntervals.count, "CAISO interval count", sourceLocation: sourceLocation)
    }
}
