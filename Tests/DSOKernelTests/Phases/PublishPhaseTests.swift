import OpenDSOTestSupport
@testable import DSOKernel
import DSOModel
import Testing

@Suite struct PublishPhaseTests {
    let now = 10 * KernelFixture.second

    /// Snapshots a nominal board at `time` (so health is known), sets the given set points and publishes.
    func publish(_ kernel: ControlKernel, at time: Int64, setpoints: [Double]) {
        kernel.writeNominalBoard(at: time)
        kernel.cycle(at: time, .snapshotTelemetry)
        for (index, value) in setpoints.enumerated() { kernel.state.setpointKW[index] = value }
        kernel.run(.publish)
    }

    @Test func setpointsAreValidForTheirTimeToLive() throws {
        let kernel = try KernelFixture.basic()   // TTL 5 s
        publish(kernel, at: now, setpoints: [10, 40, 0])
        #expect((0..<3).allSatisfy { kernel.setpoints.validUntilNanoseconds[$0] == 15 * KernelFixture.second })

        var configuration = KernelConfiguration()
        configuration.setpointTTLSeconds = 2.5
        let short = try KernelFixture.basic(configuration: configuration)
        publish(short, at: now, setpoints: [10, 40, 0])
        #expect(short.setpoints.validUntilNanoseconds[0] == 12_500_000_000)
    }

    @Test func publishedFrameCarriesSetpointBaseAndRegulation() throws {
        let kernel = try KernelFixture.basic()
        let b = kernel.index(of: "B")
        kernel.writeNominalBoard(at: now)
        kernel.cycle(at: now, .snapshotTelemetry)
        kernel.state.basePointKW[b] = 30
        kernel.state.regulationKW[b] = -5
        kernel.state.setpointKW[b] = 25
        kernel.run(.publish)
        #expect(kernel.setpoints.setpointKW[b] == 25)
        #expect(kernel.setpoints.basePointKW[b] == 30)
        #expect(kernel.setpoints.regulationKW[b] == -5)
        // Remembered for the regulation delay model in this cycle's slot.
        let slot = Int(kernel.cycleIndex % Int64(kernel.state.historyLength))
        #expect(kernel.state.setpointHistoryKW[b * kernel.state.historyLength + slot] == 25)
    }

    @Test func fallbackIsMarkedForEveryResourceOutOfControl() throws {
        let kernel = try KernelFixture.basic()
        let b = kernel.index(of: "B"), pv = kernel.index(of: "PV"), load = kernel.index(of: "L")
        kernel.writeNominalBoard(at: now)
        kernel.board.timestampNanoseconds[pv] = now - 10 * KernelFixture.second
        kernel.cycle(at: now, .snapshotTelemetry, .limitsAndSafety, .publish)
        #expect(!kernel.setpoints.isFallback[b])
        #expect(kernel.setpoints.isFallback[pv])
        #expect(kernel.setpoints.isFallback[load], "a load is never controlled")
        #expect(kernel.setpoints.setpointKW[pv] == 50)
    }

    @Test func sequenceIncrementsEveryPublish() throws {
        let kernel = try KernelFixture.basic()
        #expect(kernel.setpoints.sequence == 0)
        for cycle in 1...3 {
            publish(kernel, at: now + Int64(cycle) * KernelFixture.period, setpoints: [0, 50, 0])
            #expect(kernel.setpoints.sequence == UInt64(cycle))
        }
    }

    @Test func digestFollowsTheSetpoints() throws {
        let a = try KernelFixture.basic(), b = try KernelFixture.basic(), c = try KernelFixture.basic()
        let initial = a.setpointDigest
        publish(a, at: now, setpoints: [10, 40, 0])
        publish(b, at: now, setpoints: [10, 40, 0])
        publish(c, at: now, setpoints: [40, 10, 0])   // same values on other resources
        #expect(a.setpointDigest != initial)
        #expect(a.setpointDigest == b.setpointDigest)
        #expect(a.setpointDigest != c.setpointDigest)

        // One set point one ulp apart changes the digest, and the difference is carried forward.
        publish(a, at: now + KernelFixture.period, setpoints: [10, 40, 0])
        publish(b, at: now + KernelFixture.period, setpoints: [(10.0).nextUp, 40, 0])
        #expect(a.setpointDigest != b.setpointDigest)
        publish(a, at: now + 2 * KernelFixture.period, setpoints: [10, 40, 0])
        publish(b, at: now + 2 * KernelFixture.period, setpoints: [10, 40, 0])
        #expect(a.setpointDigest != b.setpointDigest)

        // Repeating the same set points still folds them in (a running digest of every publish).
        let before = a.setpointDigest
        publish(a, at: now + 3 * KernelFixture.period, setpoints: [10, 40, 0])
        #expect(a.setpointDigest != before)
    }
}
