import OpenDSOTestSupport
@testable import DSOKernel
import DSOModel
import DSORuntime
import Testing

/// Schedules in layers: the highest layer covering now is in force, and when its interval ends the layer
/// below shows through (issue 14, finding 5: two short overrides erased the rest of the day-ahead hour).
@Suite struct ScheduleLayerTests {
    func push(_ kernel: ControlKernel, _ layer: ScheduleLayer, _ start: Double, _ end: Double, _ kw: Double,
              from producer: InboundProducer = .api) {
        let entry = ScheduleEntry(interfacePoint: 0, startSeconds: start, endSeconds: end, netImportKW: kw, layer: layer)
        #expect(kernel.inbound.ring(producer).push(.schedule(entry)))
    }

    /// Runs drain, snapshot and netting at `seconds` with a metered net import of 1000 kW; returns the schedule
    /// in force and whether it was flagged missing.
    func scheduled(_ kernel: ControlKernel, at seconds: Double) -> (kw: Double, missing: Bool) {
        let nanoseconds = KernelFixture.nanoseconds(seconds)
        kernel.writeNominalBoard(at: nanoseconds)
        kernel.writeMeter(netImportKW: 1000, at: nanoseconds)
        kernel.cycle(at: nanoseconds, .drainInbound, .snapshotTelemetry, .netting)
        kernel.scheduleOutcomes.drain { _ in }
        return (kernel.interfacePoints.scheduledKW[0], kernel.flags().contains(.scheduleMissing))
    }

    @Test func shortOverridesLetTheDayAheadHourShowThroughWhenTheyEnd() throws {
        let kernel = try KernelFixture.basic()
        push(kernel, .dayAhead, 0, 3600, 8200, from: .scheduleFiles)
        push(kernel, .operatorOverride, 5, 10, 3000)
        push(kernel, .operatorOverride, 12, 16, 3000)
        let expected: [(Double, Double)] = [(1, 8200), (5, 3000), (9.9, 3000), (10, 8200), (11, 8200), (12, 3000),
                                             (15.9, 3000), (16, 8200), (17, 8200), (3599, 8200)]
        for (time, kw) in expected {
            let now = scheduled(kernel, at: time)
            #expect(now.kw == kw && !now.missing, "at \(time) s: \(now)")
        }
        // After the day-ahead hour, its last value holds and the gap is flagged.
        let after = scheduled(kernel, at: 3601)
        #expect(after.kw == 8200 && after.missing)
    }

    @Test func everyLayerStandsOverTheOnesBelowWhileItCovers() throws {
        let kernel = try KernelFixture.basic()
        // Nested intervals, one per layer, each shorter than the one below.
        for (offset, layer) in ScheduleLayer.allCases.enumerated() {
            let start = Double(offset) * 10
            push(kernel, layer, start, 1000 - start, Double(layer.rawValue + 1) * 100, from: .market)
        }
        for (offset, layer) in ScheduleLayer.allCases.enumerated() {
            let inForce = scheduled(kernel, at: Double(offset) * 10 + 5)
            #expect(inForce.kw == Double(layer.rawValue + 1) * 100, "inside \(layer) only: \(inForce)")
        }
        // On the way out each layer gives way to the one below.
        for (offset, layer) in ScheduleLayer.allCases.enumerated().reversed() {
            let inForce = scheduled(kernel, at: 1000 - Double(offset) * 10 - 5)
            #expect(inForce.kw == Double(layer.rawValue + 1) * 100, "leaving: \(layer) \(inForce)")
        }
    }

    @Test func aReplacementStaysInItsOwnLayer() throws {
        let kernel = try KernelFixture.basic()
        push(kernel, .dayAhead, 0, 100, 500, from: .scheduleFiles)
        push(kernel, .dispatchTarget, 0, 50, 700, from: .isoLink)
        #expect(scheduled(kernel, at: 1).kw == 700)
        push(kernel, .dispatchTarget, 0, 50, 650, from: .isoLink)   // same start, same layer: replaces
        #expect(scheduled(kernel, at: 2).kw == 650)
        #expect(scheduled(kernel, at: 60).kw == 500, "the day-ahead interval was never touched")
    }
}
