import DSOHistorian
import DSOKernel
import DSOModel
import OpenDSOTestSupport
import Testing

/// The recorder-side path from a running kernel: records, events and tapped telemetry, decimated.
@Suite struct HistorianFeedTests {
    static func kernel() throws -> ControlKernel {
        let model = try SubstationModel(
            interfacePoints: [InterfacePointSpec(id: "North", importLimitKW: 1000, exportLimitKW: 1000, deviationBandKW: 50)],
            resources: [
                ResourceSpec(id: "B1", kind: .battery, interfacePoint: 0, maximumKW: 100, minimumKW: -100,
                             energyCapacityKWh: 200, providesRegulation: true),
                ResourceSpec(id: "PV1", kind: .pv, interfacePoint: 0, maximumKW: 50, minimumKW: 0),
            ])
        return try ControlKernel(model: model)
    }

    static func writeTelemetry(_ kernel: ControlKernel, at nanoseconds: Int64) {
        for index in 0..<2 {
            kernel.board.measuredKW[index] = index == 0 ? 10 : 30
            kernel.board.availableUpKW[index] = index == 0 ? 100 : 40
            kernel.board.availableDownKW[index] = index == 0 ? -100 : 0
            kernel.board.soc[index] = index == 0 ? 0.5 : .nan
            kernel.board.timestampNanoseconds[index] = nanoseconds
        }
        kernel.board.meterNetImportKW[0] = 200
        kernel.board.meterTimestampNanoseconds[0] = nanoseconds
    }

    @Test func decimatedCyclesEventsAndTelemetryFromARealKernel() async throws {
        try await TemporaryFolder.with { folder in
            let historian = try Historian(
                path: folder.file("h.sqlite"),
                configuration: HistorianConfiguration(cycleSummaryEveryCycles: 5, telemetryIntervalSeconds: 1))
            var wall = 1_000.0
            let feed = HistorianFeed(historian: historian, wallClock: { wall })
            let kernel = try Self.kernel()
            let tap = ResourceSnapshotTap(resourceCount: 2)
            let period: Int64 = 100_000_000
            for cycle in 0..<30 { // 3 s at 0.1 s
                let now = Int64(cycle) * period
                Self.writeTelemetry(kernel, at: now)
                kernel.step(atNanoseconds: now)
                #expect(tap.capture(from: kernel))
                wall += 0.1
                kernel.records.consume { feed.take($0) }
                _ = kernel.records.events.drain { feed.take($0) }
                if let snapshot = tap.latest() { feed.take(snapshot) }
            }
            try historian.flush()
            let summaries = try historian.cycleSummaries(limit: 100)
            #expect(summaries.map(\.cycleIndex) == [25, 20, 15, 10, 5, 0])
            #expect(summaries.allSatisfy { $0.interfacePoints.count == 1 && $0.interfacePoints[0].netImportKW == 200 })
            let battery = try historian.telemetry(resource: 0)
            #expect(battery.map(\.timeSeconds) == [2, 1, 0]) // every 1 s of kernel time
            #expect(battery.allSatisfy { $0.measuredKW == 10 && $0.soc == 0.5 && $0.health == 0 })
            let pv = try historian.telemetry(resource: 1)
            #expect(pv.first?.soc == nil && pv.first?.measuredKW == 30)
            // The set point stored is the kernel's published one.
            #expect(pv.first?.setpointKW == kernel.setpoints.setpointKW[1])
            #expect(feed.refusedEntries == 0)
        }
    }

    @Test func kernelEventsAreStoredByName() async throws {
        try await TemporaryFolder.with { folder in
            let historian = try Historian(path: folder.file("h.sqlite"))
            let feed = HistorianFeed(historian: historian, wallClock: { 7 })
            let kernel = try Self.kernel()
            // Stale telemetry (never written) makes both resources unavailable: the kernel raises events.
            kernel.step(atNanoseconds: 0)
            kernel.step(atNanoseconds: 100_000_000)
            let drained = kernel.records.events.drain { feed.take($0) }
            try historian.flush()
            let events = try historian.events()
            #expect(drained > 0)
            #expect(events.count == drained)
            #expect(events.allSatisfy { KernelEvent.Code.allCases.map { String(describing: $0) }.contains($0.code) })
        }
    }
}
