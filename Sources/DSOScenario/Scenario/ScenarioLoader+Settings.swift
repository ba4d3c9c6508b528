import Foundation

/// `[kernel]`, `[run]` and `[regulation]`.
extension ScenarioLoader {
    func readKernel() {
        guard let section = root.subtable("kernel") else { return }
        kernel = .read(section)
    }

    func readRun() {
        guard let section = root.subtable(.run) else { return }
        run.durationSeconds = section.double("duration_s", default: 3_600, .positive)
        run.recordPeriodSeconds = section.double("record_period_s", default: 2, .positive)
        run.startTimeOfDaySeconds = section.double("start_time_of_day_s", default: 0, .within(0...86_399.999))
        run.seed = UInt64(section.optionalInt("seed", 0...Int.max) ?? 0)
        section.finish()
    }

    func readRegulation() {
        guard let section = root.subtable(.regulation) else {
            regulation.signal = .generated(kind: .regD, seed: derivedSeed("regulation", 0))
            return
        }
        regulation.awardMW = grid.regulationAwardMW(section)
        let seed = section.optionalInt("seed", 0...Int.max).map(UInt64.init) ?? derivedSeed("regulation", 0)
        let written = section.optionalString("signal") ?? "regd"
        if let kind = RegulationSignalKind(rawValue: written.lowercased()) {
            regulation.signal = .generated(kind: kind, seed: seed)
        } else {
            let path = grid.resolve(written)
            if !FileManager.default.isReadableFile(atPath: path) {
                section.report("signal", found: "\"\(written)\" (no readable file at \(path))",
                               expected: "\"rega\", \"regd\" or the path of a signal CSV")
            }
            regulation.signal = .csv(path: path)
        }
        let period = section.double("signal_period_s", default: 2, .positive)
        if period != 2 && period != 4 {
            section.report("signal_period_s", found: "\(period)", expected: "2 or 4")
        }
        regulation.signalPeriodSeconds = period
        section.finish()
    }
}
