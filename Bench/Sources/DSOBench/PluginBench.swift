import DSOCycleLoop
import DSODriverABI
import DSODriverHost
import DSOKernel
import DSOModel
import DSOScenario
import Foundation
import OpenDSOTestSupport
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Driver plugin host overhead: one read+write round trip through the C ABI (raw, and through the host's
/// synchronous bridge) against a direct Swift call doing the same battery arithmetic; and kernel cycle
/// time with 1,000 resources fed through the host bridge from I/O threads against the board written
/// in-process, in the same run. Fails if the bridge allocates.
let pluginBenchmark = Benchmark(
    name: "plugins",
    summary: "driver host: ABI round trip vs direct Swift call; 1,000-resource cycle via the host bridge vs in-process"
) { arguments in
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dso-bench-plugins-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let example = try PluginBuild.compile(file: PluginBuild.root.appendingPathComponent("Plugins/ExampleC/example_driver.c"),
                                          name: "example_driver", in: folder)
    let bulk = try PluginBuild.compile(source: PluginBuild.bulkDriver, name: "bulk_driver", in: folder)
    try roundTrips(examplePath: example, quick: arguments.quick)
    try bridgedCycles(bulkPath: bulk, quick: arguments.quick)
}

// MARK: - round trip

/// The C example battery's arithmetic in Swift, called directly: the reference for the ABI's cost.
private final class SwiftBattery {
    var energyKWh = 100.0, setpointKW = 0.0, validUntil = Int64.min, updated: Int64 = 0, powerKW = 0.0
    let capacityKWh = 200.0, maximumKW = 100.0

    @inline(__always) func power(_ now: Int64) -> Double {
        var power = now < validUntil ? setpointKW : 0
        power = min(max(power, -maximumKW), maximumKW)
        if power > 0 && energyKWh <= 0 { power = 0 }
        if power < 0 && energyKWh >= capacityKWh { power = 0 }
        return power
    }

    @inline(never) func read(_ values: UnsafeMutablePointer<Double>, _ stamps: UnsafeMutablePointer<Int64>, now: Int64) {
        if now > updated {
            energyKWh = min(max(energyKWh - power(updated) * Double(now - updated) / 3.6e12, 0), capacityKWh)
            updated = now
            powerKW = power(now)
        }
        values[0] = powerKW
        values[1] = 100 * energyKWh / capacityKWh
        values[2] = energyKWh > 0 ? maximumKW : 0
        values[3] = energyKWh < capacityKWh ? -maximumKW : 0
        values[4] = 0
        values[5] = now < validUntil ? setpointKW : 0
        for index in 0..<6 { stamps[index] = now }
    }

    @inline(never) func write(_ value: Double, validUntil: Int64, now: Int64) {
        updated = now
        setpointKW = value
        self.validUntil = validUntil
        powerKW = power(now)
    }
}

/// Virtual time handed to the raw driver through `dso_host.now_ns`.
private let rawClock = Atomic<Int64>(0)

private func roundTrips(examplePath: String, quick: Bool) throws {
    let iterations = quick ? 20_000 : 200_000
    let values = UnsafeMutablePointer<Double>.allocate(capacity: 8)
    let stamps = UnsafeMutablePointer<Int64>.allocate(capacity: 8)
    let error = UnsafeMutablePointer<CChar>.allocate(capacity: 256)
    defer { values.deallocate(); stamps.deallocate(); error.deallocate() }

    // Direct Swift call.
    let swift = SwiftBattery()
    var start = nowNanoseconds()
    for step in 0..<iterations {
        let now = Int64(step) * 100_000_000
        swift.read(values, stamps, now: now)
        swift.write(Double(step % 200) - 100, validUntil: now + 5_000_000_000, now: now)
    }
    let swiftNanoseconds = Double(nowNanoseconds() - start) / Double(iterations)

    // Raw ABI: the host's own calls through the vtable's function pointers, nothing else.
    guard let handle = dlopen(examplePath, RTLD_NOW | RTLD_LOCAL), let symbol = dlsym(handle, DSO_DRIVER_ENTRY_SYMBOL),
          let vtable = unsafeBitCast(symbol, to: dso_driver_entry_fn.self)()?.pointee,
          let open = vtable.open, let read = vtable.read, let write = vtable.write, let close = vtable.close
    else { throw BenchFailure(message: "cannot load \(examplePath)") }
    var host = dso_host(struct_size: UInt32(MemoryLayout<dso_host>.size), context: nil, log: nil,
                        now_ns: { _ in rawClock.load(ordering: .relaxed) })
    let instance = withUnsafePointer(to: &host) { host in
        "capacity_kwh=200 max_discharge_kw=100 soc_percent=50".withCString { open(host, $0, error, 256) }
    }
    guard let instance else { throw BenchFailure(message: "example driver refused its configuration: \(String(cString: error))") }
    start = nowNanoseconds()
    for step in 0..<iterations {
        let now = Int64(step) * 100_000_000
        rawClock.store(now, ordering: .relaxed)
        _ = read(instance, values, stamps, 6, error, 256)
        _ = write(instance, 5, Double(step % 200) - 100, now + 5_000_000_000, error, 256)
    }
    let rawNanoseconds = Double(nowNanoseconds() - start) / Double(iterations)
    withExtendedLifetime(host) { close(instance) }

    // Through the host: synchronous mode, beforeCycle (read + checks + board) and afterCycle (mailbox + write).
    let point = InterfacePointSpec(id: "IP", importLimitKW: 1e6, exportLimitKW: 1e6, deviationBandKW: 50, hasMeter: false)
    let model = try SubstationModel(interfacePoints: [point], resources: [
        ResourceSpec(id: "B1", kind: .battery, interfacePoint: 0, maximumKW: 100, minimumKW: -100, energyCapacityKWh: 200),
    ])
    let kernel = try ControlKernel(model: model)
    let driverHost = try DriverHost(configurations: [DriverConfiguration(
        name: "battery", libraryPath: examplePath, driverConfiguration: "capacity_kwh=200 max_discharge_kw=100 soc_percent=50",
        sign: .generationPositive, pollPeriodSeconds: 0.1, timeoutSeconds: 0.05,
        points: [
            PointMapping(point: "p_kw", target: .resource(id: "B1", quantity: .measuredKW)),
            PointMapping(point: "soc", target: .resource(id: "B1", quantity: .soc), scale: 0.01),
            PointMapping(point: "available_up_kw", target: .resource(id: "B1", quantity: .availableUpKW)),
            PointMapping(point: "available_down_kw", target: .resource(id: "B1", quantity: .availableDownKW)),
            PointMapping(point: "fault", target: .resource(id: "B1", quantity: .fault)),
            PointMapping(point: "p_set_kw", target: .setpointKW(resource: "B1")),
        ])], model: model, mode: .synchronous)
    driverHost.start()
    defer { driverHost.stop() }
    kernel.step(atNanoseconds: 0)  // publishes set points with a valid-until, so every afterCycle writes
    var now: Int64 = 0
    let (_, allocated) = allocations {
        start = nowNanoseconds()
        for step in 0..<iterations {
            now = Int64(step + 1) * 100_000_000
            driverHost.beforeCycle(kernel, atNanoseconds: now)
            // The kernel's own fallback publish refreshes the set point's validity (the bridge writes
            // every valid set point, whatever its value); set points are not writable from outside the kernel.
            kernel.publishFallbackSetpoints(atNanoseconds: now)
            driverHost.afterCycle(kernel)
        }
    }
    let hostNanoseconds = Double(nowNanoseconds() - start) / Double(iterations)
    let status = driverHost.status()[0]
    guard status.reads == UInt64(iterations), status.writes == UInt64(iterations), status.failedWrites == 0 else {
        throw BenchFailure(message: "host round trips incomplete: \(status)")
    }
    print("| one read (6 points) + one write | ns per round trip | vs direct Swift |")
    print("|---|---:|---:|")
    print("| direct Swift call (reference) | \(format(swiftNanoseconds, 1)) | 1.0× |")
    print("| C ABI through the vtable (dlopen'd example driver) | \(format(rawNanoseconds, 1)) | \(format(rawNanoseconds / swiftNanoseconds, 1))× |")
    print("| DriverHost synchronous bridge (read, checks, board, mailbox, write) | \(format(hostNanoseconds, 1)) | \(format(hostNanoseconds / swiftNanoseconds, 1))× |")
    print("\n\(iterations) round trips each; host bridge allocations: \(allocated).\n")
    if allocated > 0 { throw BenchFailure(message: "the synchronous bridge allocated \(allocated) times in \(iterations) round trips") }
}

// MARK: - 1,000 resources through the bridge

private func bridgedCycles(bulkPath: String, quick: Bool) throws {
    let synthetic = try SyntheticSubstation(resourceCount: 1_000, interfacePointCount: 16)
    // Staleness by age is not what is measured here: cycles run back to back on virtual time.
    let configuration = KernelConfiguration(staleAfterSeconds: 1e6)
    let reference = try ControlKernel(model: synthetic.model, configuration: configuration)
    let bridged = try ControlKernel(model: synthetic.model, configuration: configuration)
    for kernel in [reference, bridged] {
        for entry in synthetic.initialSchedules() { _ = kernel.inbound.ring(.scheduleFiles).push(.schedule(entry)) }
        _ = kernel.inbound.ring(.isoLink).push(.regulation(.award(kw: synthetic.awardKW, at: 0)))
    }
    // Ten instances of the bulk driver, 100 resources each: measured, available up/down, SOC and set point.
    let virtualNow = Atomic<Int64>(0)
    let resources = synthetic.model.resources
    var drivers: [DriverConfiguration] = []
    for instance in 0..<10 {
        var points: [PointMapping] = []
        for slot in 0..<100 {
            let resource = resources[instance * 100 + slot]
            let id = resource.id
            points.append(PointMapping(point: "p\(slot)", target: .resource(id: id, quantity: .measuredKW)))
            points.append(PointMapping(point: "up\(slot)", target: .resource(id: id, quantity: .availableUpKW)))
            points.append(PointMapping(point: "down\(slot)", target: .resource(id: id, quantity: .availableDownKW)))
            if resource.kind == .battery {
                points.append(PointMapping(point: "soc\(slot)", target: .resource(id: id, quantity: .soc)))
            }
            if resource.kind.isDispatchable {
                points.append(PointMapping(point: "set\(slot)", target: .setpointKW(resource: id)))
            }
        }
        drivers.append(DriverConfiguration(name: "bulk-\(instance)", libraryPath: bulkPath, driverConfiguration: "",
                                           sign: .generationPositive, pollPeriodSeconds: 0.002, timeoutSeconds: 3600,
                                           points: points))
    }
    let host = try DriverHost(configurations: drivers, model: synthetic.model,
                              mode: .threaded(clock: { virtualNow.load(ordering: .relaxed) }))
    host.start()
    defer { host.stop() }
    let period = configuration.periodNanoseconds
    var cycle: Int64 = 0
    func signal(_ kernel: ControlKernel) {
        if cycle % 20 == 0 {
            _ = kernel.inbound.ring(.isoLink).push(.regulation(.signal(sin(Double(cycle) / 300), sequence: UInt64(cycle + 1), at: Double(cycle) * 0.1)))
        }
    }
    // Warm-up until every instance has delivered a read.
    let warmUp = 300
    var inProcess: [Double] = [], throughHost: [Double] = [], bridgeOnly: [Double] = []
    let measured = quick ? 300 : 3_000
    inProcess.reserveCapacity(measured); throughHost.reserveCapacity(measured); bridgeOnly.reserveCapacity(measured)
    var bridgeAllocations: UInt64 = 0
    for index in 0..<(warmUp + measured) {
        let now = cycle &* period
        virtualNow.store(now, ordering: .relaxed)
        signal(reference)
        var start = nowNanoseconds()
        synthetic.fillBoard(reference, cycle: cycle)
        reference.step(atNanoseconds: now)
        let referenceNanoseconds = nowNanoseconds() - start
        signal(bridged)
        start = nowNanoseconds()
        let (_, allocatedBefore) = allocations { host.beforeCycle(bridged, atNanoseconds: now) }
        let afterBefore = nowNanoseconds()
        bridged.step(atNanoseconds: now)
        let afterStep = nowNanoseconds()
        let (_, allocatedAfter) = allocations { host.afterCycle(bridged) }
        let end = nowNanoseconds()
        for kernel in [reference, bridged] {
            kernel.records.consume { _ in }
            _ = kernel.records.events.drain { _ in }
        }
        if index >= warmUp {
            inProcess.append(Double(referenceNanoseconds) / 1000)
            throughHost.append(Double(end - start) / 1000)
            bridgeOnly.append(Double((afterBefore - start) + (end - afterStep)) / 1000)
            bridgeAllocations += allocatedBefore + allocatedAfter
        }
        cycle += 1
        if index % 50 == 0 { usleep(1000) }  // let the I/O threads run on a busy machine
    }
    let okCount = (0..<bridged.resources.count).filter { bridged.state.health[$0] == ResourceHealth.ok.rawValue }.count
    let reference50 = Percentiles(inProcess), host50 = Percentiles(throughHost), bridge50 = Percentiles(bridgeOnly)
    print("| 1,000 resources, 16 interface points | median µs | p99 µs | max µs |")
    print("|---|---:|---:|---:|")
    print("| board written in-process (fillBoard) + step | \(format(reference50.median, 1)) | \(format(reference50.at(0.99), 1)) | \(format(reference50.max, 1)) |")
    print("| host bridge (beforeCycle + afterCycle) + step | \(format(host50.median, 1)) | \(format(host50.at(0.99), 1)) | \(format(host50.max, 1)) |")
    print("| of which the bridge alone | \(format(bridge50.median, 1)) | \(format(bridge50.at(0.99), 1)) | \(format(bridge50.max, 1)) |")
    let reads = host.status().map(\.reads).reduce(0, +)
    print("\n\(measured) cycles; 10 bulk-driver instances on their own I/O threads (\(reads) reads); "
          + "\(okCount) of 1,000 resources controllable at the end; bridge allocations: \(bridgeAllocations).")
    if bridgeAllocations > 0 { throw BenchFailure(message: "the host bridge allocated \(bridgeAllocations) times in \(measured) cycles") }
    if okCount < 900 { throw BenchFailure(message: "only \(okCount) of 1,000 bridged resources were healthy") }
}

// MARK: - building the plugins

private enum PluginBuild {
    /// The repository root (this file is Bench/Sources/DSOBench/PluginBench.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func compile(source: String, name: String, in folder: URL) throws -> String {
        let file = folder.appendingPathComponent("\(name).c")
        try source.write(to: file, atomically: true, encoding: .utf8)
        return try compile(file: file, name: name, in: folder)
    }

    static func compile(file: URL, name: String, in folder: URL) throws -> String {
        let output = folder.appendingPathComponent("lib\(name).so").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["cc", "-O2", "-shared", "-fPIC", "-fvisibility=hidden", "-D_DEFAULT_SOURCE",
                             "-I", root.appendingPathComponent("Sources/DSODriverABI/include").path, "-o", output, file.path, "-lm"]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchFailure(message: "cc failed for \(file.path)") }
        return output
    }

    /// 100 resources per instance: p<i>, up<i>, down<i>, soc<i> measured; set<i> writable. Power follows
    /// the written set point; availability is a wide band the kernel narrows to each rating.
    static let bulkDriver = #"""
    #include <dso_driver.h>
    #include <stdio.h>
    #include <stdlib.h>
    #define N 100
    typedef struct { const dso_host *host; double set[N]; char names[5 * N][12]; } bulk;
    static void *b_open(const dso_host *host, const char *config, char *error, size_t capacity) {
        (void)config; (void)error; (void)capacity;
        bulk *b = calloc(1, sizeof *b);
        b->host = host;
        const char *prefixes[5] = {"p", "up", "down", "soc", "set"};
        for (int k = 0; k < 5; k++) for (int i = 0; i < N; i++) snprintf(b->names[k * N + i], 12, "%s%d", prefixes[k], i);
        return b;
    }
    static int32_t b_count(void *instance) { (void)instance; return 5 * N; }
    static int32_t b_info(void *instance, int32_t index, dso_point_info *out) {
        bulk *b = instance;
        int kind = index / N;
        *out = (dso_point_info){ b->names[index], kind == 3 ? "" : "kW", kind == 4 ? DSO_POINT_SETPOINT : DSO_POINT_MEASUREMENT,
                                 kind == 4, kind == 3 ? 0 : -1e6, kind == 3 ? 1 : 1e6 };
        return DSO_OK;
    }
    static int32_t b_read(void *instance, double *values, int64_t *stamps, int32_t count, char *error, size_t capacity) {
        (void)error; (void)capacity;
        bulk *b = instance;
        int64_t now = b->host->now_ns(b->host->context);
        for (int i = 0; i < N; i++) {
            values[i] = b->set[i]; values[N + i] = 1e4; values[2 * N + i] = -1e4;
            values[3 * N + i] = 0.5; values[4 * N + i] = b->set[i];
        }
        for (int i = 0; i < count; i++) stamps[i] = now;
        return DSO_OK;
    }
    static int32_t b_write(void *instance, int32_t index, double value, int64_t valid_until, char *error, size_t capacity) {
        (void)valid_until; (void)error; (void)capacity;
        bulk *b = instance;
        if (index < 4 * N || index >= 5 * N) return DSO_ERROR_READ_ONLY;
        b->set[index - 4 * N] = value;
        return DSO_OK;
    }
    static void b_close(void *instance) { free(instance); }
    static const dso_driver vtable = { DSO_DRIVER_ABI_VERSION, sizeof(dso_driver), "bulk", "1", b_open, b_count, b_info, b_read, b_write, b_close };
    __attribute__((visibility("default"))) const dso_driver *dso_driver_entry(void) { return &vtable; }
    """#
}
