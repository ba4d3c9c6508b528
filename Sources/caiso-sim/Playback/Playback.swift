import DSOISOLink
import DSORuntime
import DSOScenario
import Foundation

/// The ISO's loop: every period a set point to each DSO, every poll a telemetry read, targets when due.
///
/// One thread, one libmodbus context per DSO. Time is seconds since the start on the monotonic clock;
/// a CSV signal is played from its first sample.
struct Playback {
    let signal: RegulationSignal
    let periodSeconds: Double
    let pollSeconds: Double
    let durationSeconds: Double
    let awardMW: Double?
    let targets: [DispatchTargetSchedule.Target]
    let sessions: [DSOSession]
    let statusEverySeconds: Double

    func run() {
        let log: (String) -> Void = { FileHandle.standardOutput.write(Data(("caiso-sim: " + $0 + "\n").utf8)) }
        if let awardMW { for session in sessions { session.sendAward(mw: awardMW, log: log) } }
        let start = MonotonicClock.seconds()
        var nextSignal = 0.0, nextPoll = 0.0, nextStatus = statusEverySeconds, targetIndex = 0
        while true {
            let now = MonotonicClock.seconds() - start
            if now >= durationSeconds { break }
            if now >= nextSignal {
                let value = signal.value(atSeconds: signal.startSeconds + nextSignal)
                for session in sessions { session.sendSignal(value, log: log) }
                nextSignal += periodSeconds
            }
            while targetIndex < targets.count, targets[targetIndex].timeSeconds <= now {
                for session in sessions { session.sendTarget(targets[targetIndex], log: log) }
                targetIndex += 1
            }
            if now >= nextPoll {
                for session in sessions {
                    session.sample(atSeconds: now, log: log)
                    for line in session.newlyClosedScores() { log(line) }
                }
                nextPoll += pollSeconds
            }
            if statusEverySeconds > 0, now >= nextStatus {
                for session in sessions { log(status(of: session, at: now)) }
                nextStatus += statusEverySeconds
            }
            let wake = min(nextSignal, nextPoll, statusEverySeconds > 0 ? nextStatus : .infinity, durationSeconds)
            let sleep = wake - (MonotonicClock.seconds() - start)
            if sleep > 0 { Thread.sleep(forTimeInterval: sleep) }
        }
    }

    private func status(of session: DSOSession, at time: Double) -> String {
        let last = session.samples.last
        let caiso = session.scoreboard.currentCAISO.map { String(format: "%.3f", $0.accuracy) } ?? "–"
        let pjm = session.scoreboard.currentPJM.map { String(format: "%.3f", $0.score.composite) } ?? "–"
        return String(format: "t=%.0f s ", time) + session.label
            + String(format: ": set point %.3f MW, response %.3f MW", last?.setpointMW ?? 0, last?.responseMW ?? 0)
            + "; this interval: CAISO accuracy \(caiso), PJM composite \(pjm)"
    }
}
