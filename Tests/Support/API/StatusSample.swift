import DSOAPI
import DSOHistorian
import DSOKernel
import DSOModel
import DSOStatusSchema

/// A status snapshot with known values: two interface points, three resources, two drivers, scores.
public enum StatusSample {
    public static func model() throws -> SubstationModel {
        try SubstationModel(
            interfacePoints: [
                InterfacePointSpec(id: "North \"Sub\"", importLimitKW: 5000, exportLimitKW: 3000, deviationBandKW: 100),
                InterfacePointSpec(id: "South", importLimitKW: 4000, exportLimitKW: 2000, deviationBandKW: 80),
            ],
            resources: [
                ResourceSpec(id: "BESS-1", kind: .battery, interfacePoint: 0, maximumKW: 500, minimumKW: -500,
                             energyCapacityKWh: 1000, providesRegulation: true),
                ResourceSpec(id: "PV-1", kind: .pv, interfacePoint: 0, maximumKW: 800, minimumKW: 0),
                ResourceSpec(id: "Load-S", kind: .load, interfacePoint: 1, maximumKW: 0, minimumKW: -900),
            ])
    }

    public static func cycleDuration() -> LatencyHistogram {
        let histogram = LatencyHistogram.cycleDuration()
        for seconds in [0.00002, 0.00004, 0.0003, 0.0003, 0.2] { histogram.observe(seconds: seconds) }
        return histogram
    }

    public static let snapshot: StatusSnapshot = {
        let model = try! StatusSample.model()
        let cycle = CycleSummary(
            wallTimeSeconds: 1_700_000_000, cycleIndex: 1234, timeSeconds: 123.4, signal: 0.25, awardKW: 400,
            regulationTargetKW: 100, regulationCommandKW: 104, regulationResponseKW: 96,
            regulationAvailableUpKW: 350, regulationAvailableDownKW: 420, aggregateSOC: 0.55,
            controllableResources: 2, setpointDigest: 0xABCDEF,
            interfacePoints: [
                InterfacePointSample(interfacePoint: 0, netImportKW: 1250, scheduledKW: 1200, aceKW: 150,
                                     regulationRequestKW: 100, flags: InterfacePointFlags.outOfBand.rawValue),
                InterfacePointSample(interfacePoint: 1, netImportKW: 880, scheduledKW: 900, aceKW: -20,
                                     regulationRequestKW: 0, flags: 0),
            ])
        let second: Int64 = 1_000_000_000
        let now = Int64(123.4 * 1e9)
        let resources = ResourceSnapshot(
            cycleIndex: 1234, timeSeconds: 123.4, measuredKW: [210, 640, -870], availableUpKW: [500, 700, 0],
            availableDownKW: [-500, 0, -870], soc: [0.55, .nan, .nan],
            telemetryTimestampNanoseconds: [now - second / 2, now - 2 * second, .min], faultCode: [0, 0, 0],
            health: [0, 0, 1], setpointKW: [220, 800, 0], basePointKW: [120, 800, 0], regulationKW: [100, 0, 0],
            validUntilNanoseconds: [now + 3 * second, now + 3 * second, now + 3 * second],
            isFallback: [false, false, true])
        var counters = KernelCounters()
        counters.cycles = 1235
        counters.overruns = 3
        counters.droppedRecords = 1
        counters.droppedEvents = 4
        return StatusSnapshot.assemble(
            model: model, cyclePeriodSeconds: 0.1, wallTimeSeconds: 1_700_000_000, cycle: cycle, resources: resources,
            counters: counters,
            drivers: [DriverStatus(name: "modbus-bess", library: "/usr/lib/opendso/libDSOModbusDriver.so", driver: "modbus 1.0.0",
                                   state: "failed", lastError: "device 'bess': no answer within the timeout", readsOk: 120,
                                   readsFailed: 7, lastGoodReadAgeSeconds: 0.4, points: 3),
                      DriverStatus(name: "sunspec-pv", library: "/usr/lib/opendso/libDSOModbusDriver.so", driver: "modbus 1.0.0",
                                   state: "stale", lastError: nil, readsOk: 0, readsFailed: 0, lastGoodReadAgeSeconds: nil,
                                   points: 2)],
            historian: nil)
    }()
}
