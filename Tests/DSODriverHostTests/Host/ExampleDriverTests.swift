import DSOCycleLoop
import DSODriverHost
import DSOKernel
import DSOModel
import OpenDSOTestSupport
import Testing

/// The C example driver (Plugins/ExampleC) built as a plugin author would, loaded and run in a
/// simulation through the host's synchronous mode.
@Suite struct ExampleDriverTests {
    static func batteryConfiguration(library: String) -> DriverConfiguration {
        DriverConfiguration(
            name: "battery-1", libraryPath: library,
            driverConfiguration: "capacity_kwh=200; max_charge_kw=100; max_discharge_kw=100; soc_percent=50",
            sign: .generationPositive, pollPeriodSeconds: 0.1, timeoutSeconds: 0.05,
            points: [
                PointMapping(point: "p_kw", target: .resource(id: "B1", quantity: .measuredKW)),
                PointMapping(point: "soc", target: .resource(id: "B1", quantity: .soc), scale: 0.01),
                PointMapping(point: "available_up_kw", target: .resource(id: "B1", quantity: .availableUpKW)),
                PointMapping(point: "available_down_kw", target: .resource(id: "B1", quantity: .availableDownKW)),
                PointMapping(point: "fault", target: .resource(id: "B1", quantity: .fault)),
                PointMapping(point: "p_set_kw", target: .setpointKW(resource: "B1")),
            ])
    }

    /// Runs `cycles` cycles of 100 ms on virtual time with B1 on the example driver; B2 is written in-process.
    static func run(library: String, cycles: Int, log: LogLines)
        throws -> (kernel: ControlKernel, socs: [Double], measured: [Double], setpoints: [Double]) {
        let model = try TwoBatteryFixture.model()
        let kernel = try TwoBatteryFixture.kernel(model)
        let host = try DriverHost(configurations: [batteryConfiguration(library: library)], model: model,
                                  mode: .synchronous, log: log.driverLogHandler)
        host.start()
        var socs: [Double] = [], measured: [Double] = [], setpoints: [Double] = []
        for cycle in 0..<cycles {
            let now = Int64(cycle) * 100_000_000
            let board = kernel.board
            board.measuredKW[1] = kernel.setpoints.setpointKW[1]
            board.availableUpKW[1] = 100
            board.availableDownKW[1] = -100
            board.soc[1] = 0.5
            board.timestampNanoseconds[1] = now
            host.beforeCycle(kernel, atNanoseconds: now)
            kernel.step(atNanoseconds: now)
            host.afterCycle(kernel)
            kernel.records.consume { _ in }
            _ = kernel.records.events.drain { _ in }
            socs.append(kernel.image.soc[0])
            measured.append(kernel.image.measuredKW[0])
            setpoints.append(kernel.setpoints.setpointKW[0])
        }
        host.stop()
        return (kernel, socs, measured, setpoints)
    }

    @Test func theExampleBatteryFollowsSetPointsAndIntegratesSOCOnTheHostClock() throws {
        let builder = try CDriverBuilder()
        defer { builder.remove() }
        let library = try builder.build("example_driver", file: CDriverBuilder.exampleSource)
        let log = LogLines()
        let (kernel, socs, measured, setpoints) = try Self.run(library: library, cycles: 600, log: log)
        #expect(socs.first == 0.5)
        #expect(kernel.state.health[0] == ResourceHealth.ok.rawValue)
        // Each cycle's set point reached the driver, and the next read shows the battery doing it.
        let moving = setpoints.filter { abs($0) > 1 }
        #expect(moving.count > 100, "the kernel never asked for power: \(setpoints.suffix(5))")
        let followed = (1..<measured.count).filter { abs(measured[$0] - setpoints[$0 - 1]) < 1e-9 }.count
        #expect(followed == measured.count - 1, "measured followed the set point in \(followed) of \(measured.count - 1) cycles")
        // SOC integrates that power on the host clock: read k reports the power of the interval ending at it.
        let energyKWh = -measured.reduce(0, +) * 0.1 / 3600
        let socChange = (socs.last ?? 0) - 0.5
        #expect(abs(socChange * 200 - energyKWh) < 1e-6, "SOC moved \(socChange * 200) kWh, power says \(energyKWh) kWh")
        // The driver's own log callback reached the host's log, with the instance name.
        #expect(log.contains("driver 'battery-1': example battery opened: 200 kWh"), "\(log.text)")
        #expect(log.contains("example battery closed"))
    }

    @Test func aSimulationThroughThePluginIsDeterministic() throws {
        let builder = try CDriverBuilder()
        defer { builder.remove() }
        let library = try builder.build("example_driver", file: CDriverBuilder.exampleSource)
        let first = try Self.run(library: library, cycles: 300, log: LogLines())
        let second = try Self.run(library: library, cycles: 300, log: LogLines())
        #expect(first.kernel.setpointDigest == second.kernel.setpointDigest)
        #expect(first.socs == second.socs)
    }

    @Test func setPointsExpireAtTheDriverWhenTheKernelStops() throws {
        let builder = try CDriverBuilder()
        defer { builder.remove() }
        let library = try builder.build("example_driver", file: CDriverBuilder.exampleSource)
        let model = try TwoBatteryFixture.model()
        let kernel = try TwoBatteryFixture.kernel(model)
        let host = try DriverHost(configurations: [Self.batteryConfiguration(library: library)], model: model, mode: .synchronous)
        host.start()
        defer { host.stop() }
        var now: Int64 = 0
        for _ in 0..<50 {
            host.beforeCycle(kernel, atNanoseconds: now)
            kernel.step(atNanoseconds: now)
            host.afterCycle(kernel)
            now += 100_000_000
        }
        let lastSetpoint = kernel.setpoints.setpointKW[0]
        try #require(abs(lastSetpoint) > 1, "the kernel asked for nothing")
        host.beforeCycle(kernel, atNanoseconds: now)
        #expect(abs(kernel.board.measuredKW[0] - lastSetpoint) < 1e-9)
        // No cycles for longer than the 5 s time-to-live: the driver reverts to idle by itself.
        host.beforeCycle(kernel, atNanoseconds: now + 6_000_000_000)
        #expect(kernel.board.measuredKW[0] == 0)
    }
}
