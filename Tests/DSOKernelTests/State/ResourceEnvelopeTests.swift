@testable import DSOKernel
import DSOModel
import OpenDSOTestSupport
import Testing

/// The envelope the snapshot phase decides once per cycle, against the rules written out again from the
/// model's specs: rating ∩ availability, ramp from the last set point or base point, hard SOC limits.
@Suite struct ResourceEnvelopeTests {
    /// Batteries with and without a ramp limit, PV, DR and loads over two interface points.
    func mixedArea() throws -> ControlKernel {
        var resources: [ResourceSpec] = []
        for point in 0..<2 {
            resources += [
                KernelFixture.battery("B\(point)a", point: point, kw: 100),
                KernelFixture.battery("B\(point)b", point: point, kw: 250, ramp: 40),
                KernelFixture.battery("B\(point)c", point: point, kw: 60, ramp: 5),
                KernelFixture.pv("PV\(point)", point: point, kw: 80),
                KernelFixture.demandResponse("DR\(point)", point: point, peakKW: 60),
                KernelFixture.load("L\(point)", point: point),
            ]
        }
        return try KernelFixture.kernel(points: [KernelFixture.point("A"), KernelFixture.point("B")], resources: resources)
    }

    /// Random telemetry for one resource: sometimes stale, faulted or implausible, SOC sometimes exactly
    /// at a hard limit; otherwise anywhere inside the rating.
    func writeRandomTelemetry(_ kernel: ControlKernel, _ index: Int, spec: ResourceSpec, at now: Int64,
                              using random: inout SeededGenerator) {
        let span = spec.minimumKW...spec.maximumKW
        let a = Double.random(in: span, using: &random), b = Double.random(in: span, using: &random)
        let soc = spec.kind == .battery
            ? [spec.socLimits.lowerBound, spec.socLimits.upperBound, 0.03, 0.97,
               Double.random(in: 0...1, using: &random)].randomElement(using: &random)!
            : .nan
        let stamp = Int.random(in: 0..<10, using: &random) == 0 ? now - 10 * KernelFixture.second : now
        let fault: UInt16 = Int.random(in: 0..<12, using: &random) == 0 ? 7 : 0
        kernel.write(index, measured: Double.random(in: span, using: &random), up: max(a, b), down: min(a, b),
                     soc: soc, at: stamp, fault: fault)
    }

    @Test(arguments: [UInt64(1), 2, 3, 0xDEAD_BEEF])
    func equalsAnIndependentComputationOnRandomInputs(seed: UInt64) throws {
        let kernel = try mixedArea()
        let specs = kernel.model.resources
        var random = SeededGenerator(seed: seed)
        var controllableSeen = 0, outOfControlSeen = 0, socLimitsSeen = 0, rampBindingSeen = 0
        for round in 0..<200 {
            let now = Int64(round + 1) * KernelFixture.second
            let dt = [0.1, 0.05, 0.3, 1.7].randomElement(using: &random)!
            for (index, spec) in specs.enumerated() {
                writeRandomTelemetry(kernel, index, spec: spec, at: now, using: &random)
                kernel.state.setpointKW[index] = Double.random(in: spec.minimumKW...spec.maximumKW, using: &random)
                kernel.state.basePointKW[index] = Double.random(in: spec.minimumKW...spec.maximumKW, using: &random)
            }
            kernel.cycle(at: now, elapsed: dt, .snapshotTelemetry)

            let envelope = kernel.envelope
            for (index, spec) in specs.enumerated() {
                let controllable = spec.kind != .load && kernel.health(index) == .ok
                #expect(envelope.controllable[index] == controllable, "resource \(spec.id), round \(round)")
                guard controllable else { outOfControlSeen += 1; continue }
                controllableSeen += 1

                let ratedLower = [spec.minimumKW, kernel.board.availableDownKW[index]].max()!
                let ratedUpper = [spec.maximumKW, kernel.board.availableUpKW[index]].min()!
                let ramp = spec.rampKWPerSecond.isFinite ? spec.rampKWPerSecond * dt : .infinity
                let setpoint = kernel.state.setpointKW[index], basePoint = kernel.state.basePointKW[index]
                let reachableLower = [ratedLower, setpoint - ramp].max()!
                let reachableUpper = [ratedUpper, setpoint + ramp].min()!
                let soc = kernel.board.soc[index]
                let empty = spec.kind == .battery && soc <= spec.socLimits.lowerBound
                let full = spec.kind == .battery && soc >= spec.socLimits.upperBound
                if empty || full { socLimitsSeen += 1 }
                if reachableUpper < ratedUpper || reachableLower > ratedLower { rampBindingSeen += 1 }

                let context: Comment = "resource \(spec.id), round \(round), seed \(seed)"
                #expect(envelope.atLowSOCLimit[index] == empty, context)
                #expect(envelope.atHighSOCLimit[index] == full, context)
                #expect(envelope.availableLowerKW[index] == (full ? [ratedLower, 0].max()! : ratedLower), context)
                #expect(envelope.availableUpperKW[index] == (empty ? [ratedUpper, 0].min()! : ratedUpper), context)
                #expect(envelope.reachableLowerKW[index] == reachableLower, context)
                #expect(envelope.reachableUpperKW[index] == reachableUpper, context)
                #expect(envelope.basePointLowerKW[index] == basePoint - ramp, context)
                #expect(envelope.basePointUpperKW[index] == basePoint + ramp, context)
            }
        }
        // The random inputs must have reached every rule, or the comparison proves little.
        #expect(controllableSeen > 500 && outOfControlSeen > 100)
        #expect(socLimitsSeen > 50 && rampBindingSeen > 50)
    }

    /// Regulation, dispatch and limits read the one controllability column: a resource the snapshot
    /// took out of control gets no regulation, the fallback base point and the fallback set point.
    @Test func everyPhaseFollowsTheSnapshotsVerdict() throws {
        let kernel = try KernelFixture.basic()
        let b = kernel.index(of: "B")
        kernel.pushAward(50)
        kernel.pushSignal(1, sequence: 1, at: 0)
        kernel.writeNominalBoard(at: 0)
        kernel.writeMeter(netImportKW: 40, at: 0)
        kernel.step(atNanoseconds: 0)
        #expect(kernel.envelope.controllable[b] && kernel.state.regulationKW[b] > 0)

        kernel.writeNominalBoard(at: KernelFixture.period)
        kernel.writeMeter(netImportKW: 40, at: KernelFixture.period)
        kernel.board.faultCode[b] = 1
        kernel.step(atNanoseconds: KernelFixture.period)
        #expect(!kernel.envelope.controllable[b])
        #expect(kernel.state.regulationKW[b] == 0)
        #expect(kernel.state.basePointKW[b] == ControlKernel.fallbackSetpointKW(kernel.resources, b))
        #expect(kernel.state.setpointKW[b] == ControlKernel.fallbackSetpointKW(kernel.resources, b))
        #expect(kernel.setpoints.isFallback[b])
    }
}
