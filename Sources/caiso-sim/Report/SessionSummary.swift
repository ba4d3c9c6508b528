import DSOScoring
import Foundation

/// One DSO's scores at the end of a run, as printed and as written to scores.txt.
struct SessionSummary {
    let label: String
    let caisoAccuracy: Double?
    let pjmComposite: Double?
    let text: String

    init(_ session: DSOSession) {
        label = session.label
        let scores = session.scoreboard.summary()
        caisoAccuracy = scores.caisoMeanAccuracy
        pjmComposite = scores.pjm?.composite
        var text = "\(session.label) (\(session.endpoint)): \(session.samples.count) samples, "
        text += "\(session.failedExchanges) failed exchanges, award \(session.awardMW.map { "\($0) MW" } ?? "unknown")\n"
        if let pjm = scores.pjm {
            text += String(format: "  PJM whole run: composite %.3f (accuracy %.3f, delay %.3f, precision %.3f, delay %.0f s)\n",
                           pjm.composite, pjm.accuracy, pjm.delay, pjm.precision, pjm.bestDelaySeconds)
        } else {
            text += "  PJM whole run: no score (too few samples)\n"
        }
        for hour in scores.pjmHours {
            text += String(format: "  PJM hour from %.0f s: composite %.3f (accuracy %.3f, delay %.3f, precision %.3f)",
                           hour.hourStartSeconds, hour.score.composite, hour.score.accuracy, hour.score.delay,
                           hour.score.precision)
            text += hour.isPartial ? " (partial)\n" : "\n"
        }
        for interval in scores.caisoIntervals {
            text += String(format: "  CAISO 15-min from %.0f s: accuracy %.3f, mileage %.2f MW",
                           interval.intervalStartSeconds, interval.accuracy, interval.mileageMW)
            text += interval.isPartial ? " (partial)\n" : "\n"
        }
        if let mean = scores.caisoMeanAccuracy {
            text += String(format: "  CAISO mean accuracy %.3f, mileage %.2f MW\n", mean, scores.caisoTotalMileageMW)
        }
        self.text = text
    }
}
