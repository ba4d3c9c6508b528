import DSOCycleLoop
import DSODriverHost
import DSOKernel
import DSOModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Fifty Modbus devices (SunSpec storage images on one pymodbus server, one TCP connection each) polled every
/// second by the threaded DriverHost while the kernel runs 100 ms cycles on this thread: counts cycles whose
/// start or work missed the period, and reads that failed.
let modbusFleetBenchmark = Benchmark(
    name: "modbus-fleet",
    summary: "50 Modbus devices polled at 1 s through the plugin and DriverHost while the kernel cycles at 100 ms: missed cycles"
) { arguments in
    guard let path = ModbusBench.pluginPath() else {
        print("skipped: libDSOModbusDriver.so not found (see the modbus benchmark)")
        return
    }
    let python = ModbusBench.root.appendingPathComponent(".venv/bin/python").path
    guard FileManager.default.isExecutableFile(atPath: python) else {
        print("skipped: \(python) missing; run scripts/setup-peers.sh")
        return
    }
    try ModbusFleetBench.run(pluginPath: path, python: python, seconds: arguments.quick ? 3 : 10)
}

enum ModbusFleetBench {
    static let deviceCount = 50

    static func run(pluginPath: String, python: String, seconds: Int) throws {
        let (server, port) = try ModbusBench.startServer(python: python, device: "storage")
        defer { kill(server.processIdentifier, SIGKILL) }
        let point = InterfacePointSpec(id: "IP-1", importLimitKW: 10_000, exportLimitKW: 10_000, deviationBandKW: 10, hasMeter: false)
        let ids = (0..<deviceCount).map { "B\($0)" }
        let resources = ids.map { ResourceSpec(id: $0, kind: .battery, interfacePoint: 0, maximumKW: 5, minimumKW: -5,
                                               energyCapacityKWh: 20, providesRegulation: true) }
        let model = try SubstationModel(interfacePoints: [point], resources: resources)
        let kernel = try ControlKernel(model: model, configuration: KernelConfiguration(periodNanoseconds: 100_000_000, staleAfterSeconds: 3))
        _ = kernel.inbound.ring(.scheduleFiles).push(.schedule(ScheduleEntry(interfacePoint: 0, startSeconds: 0, endSeconds: 1e9, netImportKW: -50)))
        let configurations = ids.map { id in
            DriverConfiguration(
                name: id, libraryPath: pluginPath, driverConfiguration: "name=\(id); host=127.0.0.1; port=\(port); unit=1; timeout_ms=500",
                sign: .generationPositive, pollPeriodSeconds: 1, timeoutSeconds: 0.5,
                points: [
                    PointMapping(point: "m802.W", target: .resource(id: id, quantity: .measuredKW), scale: 0.001),
                    PointMapping(point: "m802.SoC", target: .resource(id: id, quantity: .soc), scale: 0.01),
                    PointMapping(point: "p_set_w", target: .setpointKW(resource: id), scale: 0.001),
                ])
        }
        let host = try DriverHost(configurations: configurations, model: model, mode: .threaded) { _, _ in }
        host.start()
        let period: UInt64 = 100_000_000
        let cycles = seconds * 10
        let origin = nowNanoseconds()
        var missed = 0
        var longestWork: UInt64 = 0
        for cycle in 0..<cycles {
            let due = origin + UInt64(cycle) * period
            while nowNanoseconds() < due { usleep(200) }
            let started = nowNanoseconds()
            if started - due > period { missed += 1 }
            for index in ids.indices {
                kernel.board.availableUpKW[index] = 5
                kernel.board.availableDownKW[index] = -5
            }
            var monotonic = timespec()
            clock_gettime(CLOCK_MONOTONIC, &monotonic)
            let now = Int64(monotonic.tv_sec) * 1_000_000_000 + Int64(monotonic.tv_nsec)
            host.beforeCycle(kernel, atNanoseconds: now)
            kernel.step(atNanoseconds: now)
            host.afterCycle(kernel)
            kernel.records.consume { _ in }
            _ = kernel.records.events.drain { _ in }
            let work = nowNanoseconds() - started
            longestWork = max(longestWork, work)
            if work > period { missed += 1 }
        }
        let status = host.status()
        host.stop()
        let reads = status.reduce(0) { $0 + $1.reads }
        let failed = status.reduce(0) { $0 + $1.failedReads + $1.lateReads }
        let stale = status.filter(\.isStale).count
        print("| devices | cycles | missed cycles | longest cycle work | reads | failed or late reads | stale at end |")
        print("|---|---|---|---|---|---|---|")
        print("| \(deviceCount) | \(cycles) | \(missed) | \(format(Double(longestWork) / 1e6, 3)) ms | \(reads) | \(failed) | \(stale) |")
        if missed > 0 || stale > 0 { throw BenchFailure(message: "\(missed) missed cycles, \(stale) stale devices") }
    }
}
