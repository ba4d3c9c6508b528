import DSOScenario
import DSOKernel
import DSOModel
import DSOScoring
import Foundation

extension SimulationSummary {
    /// The human-readable report `dsod simulate` prints. `verbose` lists every resource's energy.
    public func report(verbose: Bool = false) -> String {
        var out = "OpenDSO simulation: \(scenarioName)\n"
        out += "  cycles            \(cycles) × \(fmt(periodSeconds * 1000, 0)) ms = \(duration(simulatedSeconds)) simulated"
        out += " in \(fmt(wallSeconds, 2)) s wall (\(fmt(simulatedSeconds / max(wallSeconds, 1e-9), 0))× real time)\n"
        out += "  overruns          \(counters.overruns)"
        if let timer {
            out += " (timer: \(timer.cycles) cycles, lateness p50 \(micro(timer.p50LatenessNanoseconds)) µs,"
            out += " p99 \(micro(timer.p99LatenessNanoseconds)) µs, max \(micro(timer.maxLatenessNanoseconds)) µs,"
            out += " deadline misses \(timer.deadlineMisses))"
        }
        out += "\n  infeasible cycles \(counters.infeasibleCycles)   refused schedules \(counters.refusedSchedules)"
        out += "   dropped records \(counters.droppedRecords)   dropped events \(counters.droppedEvents)\n"
        out += "  set-point digest  \(String(setpointDigest, radix: 16))\n\n"

        out += "Interface points (ACE = net − schedule + regulation request)\n"
        out += row(["interface point", "band kW", "mean ACE kW", "RMS ACE kW", "max |ACE| kW", "out of band", "outside limits", "infeasible"]) + "\n"
        for point in interfacePoints {
            out += row([point.id, fmt(point.deviationBandKW, 0), fmt(point.meanACEKW, 1), fmt(point.rmsACEKW, 1),
                        fmt(point.maxAbsACEKW, 1), duration(point.secondsOutOfBand), duration(point.secondsOutsideLimits),
                        "\(point.infeasibleCycles)"]) + "\n"
        }

        out += "\nRegulation (award \(fmt(awardMW, 2)) MW, \(samples) samples, final aggregate SOC \(percent(finalAggregateSOC)))\n"
        if let range = batterySOCRange {
            out += "  battery SOC       \(percent(range.lowerBound)) … \(percent(range.upperBound)),"
            out += " \(duration(batterySecondsOutsideSOCBand)) battery-time outside the SOC band\n"
        }
        if let pjm = scores.pjm {
            out += "  PJM   composite \(fmt(pjm.composite, 3))  accuracy \(fmt(pjm.accuracy, 3))  delay \(fmt(pjm.delay, 3))"
            out += " (\(fmt(pjm.bestDelaySeconds, 0)) s)  precision \(fmt(pjm.precision, 3))\n"
            for hour in scores.pjmHours {
                out += "        hour from \(duration(hour.hourStartSeconds)): composite \(fmt(hour.score.composite, 3))"
                out += " (A \(fmt(hour.score.accuracy, 3)) D \(fmt(hour.score.delay, 3)) P \(fmt(hour.score.precision, 3)))"
                out += hour.isPartial ? " partial\n" : "\n"
            }
        } else {
            out += "  PJM   not scored (no regulation samples)\n"
        }
        if let accuracy = scores.caisoMeanAccuracy {
            out += "  CAISO mean accuracy \(fmt(accuracy, 3)) over \(scores.caisoIntervals.count) 15-min intervals,"
            out += " mileage \(fmt(scores.caisoTotalMileageMW, 1)) MW\n"
        }

        out += "\nEnergy per resource (delivered / absorbed, kWh)\n"
        let byKind = Dictionary(grouping: resources, by: \.kind)
        for kind in ResourceKind.allCases {
            guard let group = byKind[kind] else { continue }
            let delivered = group.reduce(0) { $0 + $1.energyOutKWh }
            let absorbed = group.reduce(0) { $0 + $1.energyInKWh }
            out += "  \(kind.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(group.count) resources:"
            out += " \(fmt(delivered, 1)) / \(fmt(absorbed, 1))\n"
        }
        let listed = verbose ? resources : resources.filter { $0.kind == .battery || $0.kind == .demandResponse }
        if !listed.isEmpty {
            out += row(["resource", "kind", "interface", "out kWh", "in kWh", "unavailable"]) + "\n"
            for resource in listed {
                out += row([resource.id, resource.kind.rawValue, resource.interfacePoint, fmt(resource.energyOutKWh, 2),
                            fmt(resource.energyInKWh, 2), duration(resource.unavailableSeconds)]) + "\n"
            }
            if !verbose { out += "  (PV and loads per resource: --verbose)\n" }
        }
        if events.total > 0 {
            out += "\nEvents: " + events.counts.sorted { $0.key.rawValue < $1.key.rawValue }
                .map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
        }
        return out
    }

    private func row(_ cells: [String]) -> String {
        let widths = [18, 10, 12, 12, 13, 12, 15, 10]
        return "  " + cells.enumerated().map { index, cell in
            let width = index < widths.count ? widths[index] : 12
            return cell.count >= width ? cell + " " : cell.padding(toLength: width, withPad: " ", startingAt: 0)
        }.joined()
    }

    private func fmt(_ value: Double, _ digits: Int) -> String {
        value.isFinite ? String(format: "%.\(digits)f", value) : "–"
    }

    private func micro(_ nanoseconds: Int64) -> String { fmt(Double(nanoseconds) / 1000, 0) }

    private func percent(_ fraction: Double) -> String { fraction.isFinite ? fmt(fraction * 100, 1) + " %" : "–" }

    private func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total >= 3600 ? String(format: "%dh%02dm%02ds", total / 3600, total % 3600 / 60, total % 60)
            : total >= 60 ? String(format: "%dm%02ds", total / 60, total % 60) : fmt(seconds, 1) + "s"
    }
}
