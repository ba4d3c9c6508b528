import DSOCycleLoop
import DSODriverHost
import DSOKernel
import DSOModel
import OpenDSOTestSupport
import Testing

/// A driver that fails, returns garbage or refuses set points drops out alone and rejoins when it
/// recovers (synchronous mode: deterministic, on virtual time).
@Suite struct SynchronousStalenessTests {
    final class Rig {
        let builder: CDriverBuilder
        let controller: ScriptedDriver.Controller
        let host: DriverHost
        let kernel: ControlKernel
        let log = LogLines()
        var now: Int64 = 0

        init() throws {
            builder = try CDriverBuilder()
            let library = try builder.build("scripted", source: ScriptedDriver.source)
            controller = ScriptedDriver.Controller(libraryPath: library)
            controller.set(slot: 0, .good, powerKW: 0)
            controller.set(slot: 1, .good, powerKW: 0)
            let model = try TwoBatteryFixture.model()
            kernel = try TwoBatteryFixture.kernel(model)
            host = try DriverHost(configurations: [
                TwoBatteryFixture.instance("dev-a", library: library, slot: 0, resource: "B1"),
                TwoBatteryFixture.instance("dev-b", library: library, slot: 1, resource: "B2"),
            ], model: model, mode: .synchronous, log: log.driverLogHandler)
            host.start()
        }

        deinit {
            host.stop()
            builder.remove()
        }

        func cycle(_ count: Int = 1) {
            for _ in 0..<count {
                host.beforeCycle(kernel, atNanoseconds: now)
                kernel.step(atNanoseconds: now)
                host.afterCycle(kernel)
                kernel.records.consume { _ in }
                _ = kernel.records.events.drain { _ in }
                now += 100_000_000
            }
        }

        func health(_ index: Int) -> ResourceHealth? { ResourceHealth(rawValue: kernel.state.health[index]) }
    }

    @Test func nanMarksOnlyThatInstanceStaleAndRecoveryRejoins() throws {
        let rig = try Rig()
        rig.cycle(5)
        #expect(rig.health(0) == .ok && rig.health(1) == .ok)
        rig.controller.set(slot: 0, .nan)
        rig.cycle()
        #expect(rig.health(0) == .stale)
        #expect(rig.health(1) == .ok)
        #expect(rig.kernel.setpoints.isFallback[0] && !rig.kernel.setpoints.isFallback[1])
        #expect(rig.kernel.board.timestampNanoseconds[0] == .min)
        let writesToB = rig.controller.writes(slot: 1)
        rig.cycle(10)
        #expect(rig.health(0) == .stale && rig.health(1) == .ok)
        #expect(rig.controller.writes(slot: 1) == writesToB + 10, "B2 kept being dispatched")
        let status = rig.host.status()
        #expect(status[0].isStale && !status[1].isStale)
        #expect(status[0].garbageReads == 11)
        #expect(rig.log.contains("driver 'dev-a' (scripted): returned garbage: point 'p_kw' = nan kW"), "\(rig.log.text)")
        #expect(rig.log.all.filter { $0.contains("garbage") }.count == 1, "logged once per episode")

        rig.controller.set(slot: 0, .good, powerKW: 0)
        rig.cycle()
        #expect(rig.health(0) == .ok && rig.health(1) == .ok)
        #expect(!rig.host.status()[0].isStale)
        #expect(rig.log.contains("driver 'dev-a' (scripted): recovered"))
    }

    @Test func anErrorReturnAndAValueOutsideTheDeclaredLimitsAreStaleToo() throws {
        let rig = try Rig()
        rig.cycle(3)
        rig.controller.set(slot: 1, .error)
        rig.cycle()
        #expect(rig.health(1) == .stale && rig.health(0) == .ok)
        #expect(rig.log.contains("driver 'dev-b' (scripted): read failed (code -1): scripted slot 1: device did not answer"))
        rig.controller.set(slot: 1, .outOfLimits)
        rig.cycle()
        #expect(rig.health(1) == .stale)
        #expect(rig.log.contains("point 'p_kw' = 1000000.0 kW, declared limits -100.0…100.0"), "\(rig.log.text)")
        rig.controller.set(slot: 1, .good, powerKW: 0)
        rig.cycle()
        #expect(rig.health(1) == .ok)
    }

    @Test func refusedSetPointWritesMakeTheInstanceStaleUntilTheyWorkAgain() throws {
        let rig = try Rig()
        rig.cycle(3)
        rig.controller.set(slot: 0, .refuseWrites, powerKW: 0)
        rig.cycle(2)
        #expect(rig.health(0) == .stale && rig.health(1) == .ok)
        #expect(rig.log.contains("write of 'p_set_kw'"))
        #expect(rig.host.status()[0].failedWrites >= 1)
        rig.controller.set(slot: 0, .good, powerKW: 0)
        rig.cycle(2)
        #expect(rig.health(0) == .ok)
        #expect(rig.log.contains("set point writes succeed again"))
    }

    @Test func setPointsReachTheDriverWithTheKernelsValidUntilAndSign() throws {
        let rig = try Rig()
        rig.cycle(20)
        let kernelKW = rig.kernel.setpoints.setpointKW[0]
        #expect(rig.controller.lastSetpoint(slot: 0) == kernelKW)
        #expect(rig.controller.writes(slot: 0) >= 19)
    }
}
