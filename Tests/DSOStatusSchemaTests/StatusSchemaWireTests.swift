import DSOStatusSchema
import Foundation
import Testing

/// The status documents as they travel: each fixed document (what dsod has served since the API's first release,
/// docs/api.md) decodes to the expected values, and those values encode back to the very same bytes (field names,
/// nesting, left-out nils, number formats) and decode to themselves.
@Suite struct StatusSchemaWireTests {
    /// The API's settings that shape the bytes: sorted keys, no pretty printing.
    static func encoded<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func checkWire<T: Codable & Equatable>(_ expected: T, _ json: String,
                                                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        let decoded = try JSONDecoder().decode(T.self, from: Data(json.utf8))
        #expect(decoded == expected, sourceLocation: sourceLocation)
        let text = try encoded(expected)
        #expect(text == json, sourceLocation: sourceLocation)
        #expect(try JSONDecoder().decode(T.self, from: Data(text.utf8)) == expected, sourceLocation: sourceLocation)
    }

    @Test func statusDocument() throws {
        let status = StatusDocument(
            wallTimeSeconds: 1_700_000_000,
            kernel: KernelStatus(
                state: "running", cycleIndex: 1234, timeSeconds: 123.4, cyclePeriodSeconds: 0.1, cycles: 1235, overruns: 3,
                droppedRecords: 1, droppedEvents: 2, refusedSchedules: 4, refusedCommands: 5, infeasibleCycles: 6, regulationEnabled: true,
                signal: -0.25, awardKW: 400, regulationTargetKW: -100, regulationResponseKW: -96.5,
                regulationAvailableUpKW: 350, regulationAvailableDownKW: 420, aggregateSOC: 0.55, controllableResources: 2,
                setpointDigest: "abcdef"),
            historian: HistorianStatistics(pendingEntries: 12, refusedEntries: 7, committedEntries: 5120, failedCommits: 1,
                                           lastError: "disk full", lastCommitWallSeconds: 1_700_000_000.5,
                                           deletedByRetention: 9))
        try Self.checkWire(status, #"{"historian":{"committedEntries":5120,"deletedByRetention":9,"failedCommits":1,"#
            + #""lastCommitWallSeconds":1700000000.5,"lastError":"disk full","pendingEntries":12,"refusedEntries":7},"#
            + #""kernel":{"aggregateSOC":0.55,"awardKW":400,"controllableResources":2,"cycleIndex":1234,"#
            + #""cyclePeriodSeconds":0.1,"cycles":1235,"droppedEvents":2,"droppedRecords":1,"infeasibleCycles":6,"overruns":3,"#
            + #""refusedCommands":5,"refusedSchedules":4,"regulationAvailableDownKW":420,"regulationAvailableUpKW":350,"#
            + #""regulationEnabled":true,"regulationResponseKW":-96.5,"regulationTargetKW":-100,"#
            + #""setpointDigest":"abcdef","signal":-0.25,"state":"running","timeSeconds":123.4},"#
            + #""wallTimeSeconds":1700000000}"#)
    }

    @Test func statusBeforeTheFirstCycleWithoutAHistorianLeavesTheUnknownsOut() throws {
        let status = StatusDocument(wallTimeSeconds: 12.5, kernel: KernelStatus(state: "starting"), historian: nil)
        try Self.checkWire(status, #"{"kernel":{"awardKW":0,"controllableResources":0,"cycleIndex":-1,"#
            + #""cyclePeriodSeconds":0.1,"cycles":0,"droppedEvents":0,"droppedRecords":0,"infeasibleCycles":0,"overruns":0,"#
            + #""refusedCommands":0,"refusedSchedules":0,"regulationAvailableDownKW":0,"regulationAvailableUpKW":0,"#
            + #""regulationEnabled":true,"regulationResponseKW":0,"regulationTargetKW":0,"setpointDigest":"","#
            + #""signal":0,"state":"starting","timeSeconds":0},"wallTimeSeconds":12.5}"#)
    }

    @Test func interfacePoints() throws {
        let points = [
            InterfacePointStatus(index: 0, id: "North \"Sub\"", netImportKW: 1250, scheduledKW: 1200, deviationKW: 50,
                                 aceKW: 150, regulationRequestKW: 100, deviationBandKW: 100, importLimitKW: 5000,
                                 exportLimitKW: 3000, flags: ["outOfBand", "meterUnavailable"]),
            InterfacePointStatus(index: 1, id: "South", netImportKW: nil, scheduledKW: nil, deviationKW: nil, aceKW: nil,
                                 regulationRequestKW: nil, deviationBandKW: 80, importLimitKW: 4000, exportLimitKW: 2000,
                                 flags: []),
        ]
        try Self.checkWire(points, #"[{"aceKW":150,"deviationBandKW":100,"deviationKW":50,"exportLimitKW":3000,"#
            + #""flags":["outOfBand","meterUnavailable"],"id":"North \"Sub\"","importLimitKW":5000,"index":0,"#
            + #""netImportKW":1250,"regulationRequestKW":100,"scheduledKW":1200},"#
            + #"{"deviationBandKW":80,"exportLimitKW":2000,"flags":[],"id":"South","importLimitKW":4000,"index":1}]"#)
    }

    @Test func resources() throws {
        let resources = [
            ResourceStatus(
                index: 0, id: "BESS-1", kind: "battery", interfacePoint: 0, health: "ok",
                telemetry: .init(measuredKW: 210, availableUpKW: 500, availableDownKW: -500, soc: 0.55, faultCode: 0,
                                 ageSeconds: 0.5),
                setpoint: .init(kw: 220, basePointKW: 120, regulationKW: 100, validForSeconds: 3, isFallback: false)),
            ResourceStatus(
                index: 1, id: "Load-S", kind: "load", interfacePoint: 1, health: "unknown",
                telemetry: .init(measuredKW: nil, availableUpKW: nil, availableDownKW: nil, soc: nil, faultCode: 17,
                                 ageSeconds: nil),
                setpoint: .init(kw: nil, basePointKW: nil, regulationKW: nil, validForSeconds: nil, isFallback: true)),
        ]
        try Self.checkWire(resources, #"[{"health":"ok","id":"BESS-1","index":0,"interfacePoint":0,"kind":"battery","#
            + #""setpoint":{"basePointKW":120,"isFallback":false,"kw":220,"regulationKW":100,"validForSeconds":3},"#
            + #""telemetry":{"ageSeconds":0.5,"availableDownKW":-500,"availableUpKW":500,"faultCode":0,"measuredKW":210,"#
            + #""soc":0.55}},"#
            + #"{"health":"unknown","id":"Load-S","index":1,"interfacePoint":1,"kind":"load","#
            + #""setpoint":{"isFallback":true},"telemetry":{"faultCode":17}}]"#)
    }

    @Test func drivers() throws {
        let drivers = [
            DriverStatus(name: "modbus-bess", library: "/usr/lib/opendso/libDSOModbusDriver.so", driver: "modbus 1.0.0",
                         state: "failed", lastError: "device 'bess': no answer", readsOk: 120, readsFailed: 7,
                         lastGoodReadAgeSeconds: 0.4, points: 3),
            DriverStatus(name: "sunspec-pv", library: "/usr/lib/opendso/libDSOModbusDriver.so", driver: "modbus 1.0.0",
                         state: "stale", lastError: nil, readsOk: 0, readsFailed: 0, lastGoodReadAgeSeconds: nil, points: 2),
        ]
        try Self.checkWire(drivers, #"[{"driver":"modbus 1.0.0","lastError":"device 'bess': no answer","#
            + #""lastGoodReadAgeSeconds":0.4,"library":"\/usr\/lib\/opendso\/libDSOModbusDriver.so","name":"modbus-bess","#
            + #""points":3,"readsFailed":7,"readsOk":120,"state":"failed"},"#
            + #"{"driver":"modbus 1.0.0","library":"\/usr\/lib\/opendso\/libDSOModbusDriver.so","name":"sunspec-pv","#
            + #""points":2,"readsFailed":0,"readsOk":0,"state":"stale"}]"#)
    }

    @Test func regulationScores() throws {
        let scores = RegulationScores(
            pjm: .init(accuracy: 0.9, delay: 0.95, precision: 0.85, composite: 0.9, sampleCount: 360),
            pjmCurrentHour: .init(accuracy: 1, delay: 0.5, precision: 0.75, composite: 0.75, sampleCount: 12),
            pjmHourlyComposite: 0.875, caisoMeanAccuracy: 0.97, caisoCurrentIntervalAccuracy: nil,
            caisoTotalMileageMW: 12.5)
        try Self.checkWire(scores, #"{"caisoMeanAccuracy":0.97,"caisoTotalMileageMW":12.5,"#
            + #""pjm":{"accuracy":0.9,"composite":0.9,"delay":0.95,"precision":0.85,"sampleCount":360},"#
            + #""pjmCurrentHour":{"accuracy":1,"composite":0.75,"delay":0.5,"precision":0.75,"sampleCount":12},"#
            + #""pjmHourlyComposite":0.875}"#)
        try Self.checkWire(RegulationScores(), #"{"caisoTotalMileageMW":0}"#)
    }
}
