import DSOStatusSchema
import Foundation

/// `status`'s document: dsod's answers as they came (for `--json`), and their readable tables.
struct StatusReport: Encodable {
    let url: String
    let status: JSONValue
    let interfacePoints: JSONValue
    let resources: JSONValue
    let scores: JSONValue
    /// Null when this dsod has no /api/v1/drivers.
    let drivers: JSONValue
    /// From /metrics; null when it could not be read.
    let cycleDuration: CycleTimes?
    let cycleLateness: CycleTimes?

    private let views: Views
    private struct Views {
        var kernel: KernelStatus
        var points: [InterfacePointStatus]
        var resources: [ResourceStatus]
        var scores: RegulationScores
        var drivers: [DriverStatus]?
    }
    private enum CodingKeys: String, CodingKey {
        case url, status, interfacePoints, resources, scores, drivers, cycleDuration, cycleLateness
    }

    init(url: String, status: Data, interfacePoints: Data, resources: Data, scores: Data, drivers: Data?, metrics: String?) throws {
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ type: T.Type, _ data: Data, _ path: String) throws -> T {
            do { return try decoder.decode(type, from: data) } catch {
                throw CtlFailure(.deviceError, "dsod's \(path) answer is not what this dsoctl expects: \(error)",
                                 hint: "that dsod and dsoctl come from the same release")
            }
        }
        self.url = url
        self.status = try decode(JSONValue.self, status, "/api/v1/status")
        self.interfacePoints = try decode(JSONValue.self, interfacePoints, "/api/v1/interface-points")
        self.resources = try decode(JSONValue.self, resources, "/api/v1/resources")
        self.scores = try decode(JSONValue.self, scores, "/api/v1/regulation/scores")
        self.drivers = try drivers.map { try decode(JSONValue.self, $0, "/api/v1/drivers") } ?? .null
        cycleDuration = metrics.flatMap { CycleTimes(metrics: $0, name: "dso_cycle_duration_seconds") }
        cycleLateness = metrics.flatMap { CycleTimes(metrics: $0, name: "dso_cycle_lateness_seconds") }
        views = Views(kernel: try decode(StatusDocument.self, status, "/api/v1/status").kernel,
                      points: try decode([InterfacePointStatus].self, interfacePoints, "/api/v1/interface-points"),
                      resources: try decode([ResourceStatus].self, resources, "/api/v1/resources"),
                      scores: try decode(RegulationScores.self, scores, "/api/v1/regulation/scores"),
                      drivers: try drivers.map { try decode([DriverStatus].self, $0, "/api/v1/drivers") })
    }

    private static func kw(_ value: Double?) -> String { value.map { NumberText.trimmed($0, decimals: 1) } ?? "-" }

    func print() {
        let kernel = views.kernel
        var cycle = KeyValueList()
        cycle.append("dsod", url)
        cycle.append("kernel", "\(kernel.state), cycle \(kernel.cycleIndex) at \(NumberText.trimmed(kernel.timeSeconds, decimals: 1)) s, "
                     + "period \(ShortDuration.text(kernel.cyclePeriodSeconds))")
        cycle.append("cycles", "\(kernel.cycles), overruns \(kernel.overruns), dropped records \(kernel.droppedRecords), dropped events \(kernel.droppedEvents), "
                     + "infeasible \(kernel.infeasibleCycles)")
        cycle.append("cycle time", cycleDuration?.text ?? "n/a (/metrics not readable)")
        cycle.append("lateness", cycleLateness?.text ?? "n/a")
        if kernel.regulationEnabled {
            cycle.append("regulation", "signal \(NumberText.trimmed(kernel.signal, decimals: 3)), award \(Self.kw(kernel.awardKW)) kW, "
                         + "target \(Self.kw(kernel.regulationTargetKW)) kW, response \(Self.kw(kernel.regulationResponseKW)) kW")
        }
        cycle.append("fleet", "\(kernel.controllableResources) controllable, aggregate SOC "
                     + (kernel.aggregateSOC.map { "\(NumberText.trimmed($0 * 100, decimals: 1)) %" } ?? "-"))
        cycle.print()

        Swift.print("\ninterface points")
        var points = Table(["id", "net kW", "schedule kW", "deviation kW", "ACE kW", "band kW", "flags"],
                           alignments: [.left, .right, .right, .right, .right, .right, .left])
        for point in views.points {
            points.append([point.id, Self.kw(point.netImportKW), Self.kw(point.scheduledKW), Self.kw(point.deviationKW),
                           Self.kw(point.aceKW), Self.kw(point.deviationBandKW), point.flags.isEmpty ? "-" : point.flags.joined(separator: ",")])
        }
        points.print()

        Swift.print("\nresources")
        var resources = Table(["id", "kind", "health", "measured kW", "set point kW", "valid s", "SOC %", "age s", "stale"],
                              alignments: [.left, .left, .left, .right, .right, .right, .right, .right, .left])
        for resource in views.resources {
            let age = resource.telemetry.ageSeconds
            resources.append([resource.id, resource.kind, resource.health, Self.kw(resource.telemetry.measuredKW),
                              Self.kw(resource.setpoint.kw) + (resource.setpoint.isFallback ? " (fallback)" : ""),
                              resource.setpoint.validForSeconds.map { NumberText.trimmed($0, decimals: 1) } ?? "-",
                              resource.telemetry.soc.map { NumberText.trimmed($0 * 100, decimals: 1) } ?? "-",
                              age.map { NumberText.trimmed($0, decimals: 2) } ?? "-",
                              resource.health == "stale" || age == nil ? "yes" : "no"])
        }
        resources.print()

        if let drivers = views.drivers {
            Swift.print("\ndrivers")
            var table = Table(["name", "driver", "state", "reads ok", "failed", "last good s", "last error"],
                              alignments: [.left, .left, .left, .right, .right, .right, .left])
            for driver in drivers {
                table.append([driver.name, driver.driver, driver.state, String(driver.readsOk), String(driver.readsFailed),
                              driver.lastGoodReadAgeSeconds.map { NumberText.trimmed($0, decimals: 2) } ?? "never",
                              driver.lastError ?? "-"])
            }
            table.print()
        }

        let scores = views.scores
        Swift.print("\nscores")
        var list = KeyValueList()
        if let pjm = scores.pjm {
            list.append("PJM", "composite \(NumberText.trimmed(pjm.composite, decimals: 3)) (accuracy \(NumberText.trimmed(pjm.accuracy, decimals: 3)), "
                        + "delay \(NumberText.trimmed(pjm.delay, decimals: 3)), precision \(NumberText.trimmed(pjm.precision, decimals: 3)); "
                        + "\(pjm.sampleCount) samples)")
        } else {
            list.append("PJM", "no score yet")
        }
        list.append("PJM hourly", scores.pjmHourlyComposite.map { NumberText.trimmed($0, decimals: 3) } ?? "-")
        list.append("CAISO accuracy", (scores.caisoMeanAccuracy.map { NumberText.trimmed($0, decimals: 3) } ?? "-")
                    + ", this interval " + (scores.caisoCurrentIntervalAccuracy.map { NumberText.trimmed($0, decimals: 3) } ?? "-"))
        list.append("CAISO mileage", "\(NumberText.trimmed(scores.caisoTotalMileageMW, decimals: 2)) MW")
        list.print()
    }
}
