import DSODriverABI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Modbus plugin throughput: reads per second of one 125-register block over loopback TCP through the dlopen'd
/// plugin (`read` through the C ABI, decoding 125 points), against a plain loop of `modbus_read_registers` on
/// libmodbus in the same run. Both read from libmodbus servers on threads of this process (one per client, same
/// register image): a C server answers in microseconds, so the plugin's own cost shows (a pymodbus server would
/// be the bottleneck of both paths and hide it).
let modbusBenchmark = Benchmark(
    name: "modbus",
    summary: "Modbus plugin: 125-register reads/s over loopback TCP through the plugin vs a plain libmodbus loop"
) { arguments in
    guard let path = ModbusBench.pluginPath() else {
        print("skipped: libDSOModbusDriver.so not found; build it with `swift build -c release --product DSOModbusDriver` in the repository root, or set DSO_MODBUS_DRIVER_PLUGIN")
        return
    }
    try ModbusBench.run(pluginPath: path, quick: arguments.quick)
}

enum ModbusBench {
    /// The repository root (this file is Bench/Sources/DSOBench/ModbusBench.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func pluginPath() -> String? {
        if let explicit = ProcessInfo.processInfo.environment["DSO_MODBUS_DRIVER_PLUGIN"] { return explicit }
        for configuration in ["release", "debug"] {
            let candidate = root.appendingPathComponent(".build/\(configuration)/libDSOModbusDriver.so").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Starts Tests/peers/modbus/device_server.py serving `device` on a free loopback port.
    static func startServer(python: String, device: String) throws -> (Process, Int32) {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: python)
        server.arguments = [root.appendingPathComponent("Tests/peers/modbus/device_server.py").path, "--device", device]
        let output = Pipe()
        server.standardOutput = output
        server.standardInput = Pipe()
        server.standardError = FileHandle.nullDevice
        try server.run()
        var line = Data()
        while !line.contains(10) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw BenchFailure(message: "pymodbus server did not start") }
            line += chunk
        }
        let ready = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = ready.split(separator: " ").last.flatMap({ Int32($0) }) else { throw BenchFailure(message: "server said '\(ready)'") }
        return (server, port)
    }

    typealias NewTCP = @convention(c) (UnsafePointer<CChar>?, Int32) -> OpaquePointer?
    typealias Context = @convention(c) (OpaquePointer?) -> Int32
    typealias SetSlave = @convention(c) (OpaquePointer?, Int32) -> Int32
    typealias ReadRegisters = @convention(c) (OpaquePointer?, Int32, Int32, UnsafeMutablePointer<UInt16>?) -> Int32
    typealias Free = @convention(c) (OpaquePointer?) -> Void

    static func run(pluginPath: String, quick: Bool) throws {
        let referenceServer = try LibmodbusServer.start(registers: (0..<125).map { UInt16($0) })
        let pluginServer = try LibmodbusServer.start(registers: (0..<125).map { UInt16($0) })
        let port = referenceServer.port

        // The reference: libmodbus called directly, as a C program would.
        let libmodbus = try LibmodbusServer.library()
        func symbol<T>(_ name: String, _ type: T.Type) throws -> T {
            guard let pointer = dlsym(libmodbus, name) else { throw BenchFailure(message: "libmodbus lacks \(name)") }
            return unsafeBitCast(pointer, to: type)
        }
        let newTCP = try symbol("modbus_new_tcp", NewTCP.self)
        let connect = try symbol("modbus_connect", Context.self)
        let setSlave = try symbol("modbus_set_slave", SetSlave.self)
        let readRegisters = try symbol("modbus_read_registers", ReadRegisters.self)
        let close = try symbol("modbus_close", Free.self)
        let free = try symbol("modbus_free", Free.self)
        let context = newTCP("127.0.0.1", port)
        guard connect(context) == 0 else { throw BenchFailure(message: "modbus_connect failed") }
        _ = setSlave(context, 1)
        defer { close(context); free(context) }
        var registers = [UInt16](repeating: 0, count: 125)

        // The plugin, with a map of 125 uint16 points at 0…124 (one read of 125 registers).
        let points = (0..<125).map { #"{"name": "r\#($0)", "address": \#($0), "type": "uint16", "unit": ""}"# }
        let mapPath = FileManager.default.temporaryDirectory.appendingPathComponent("modbus-bench-\(getpid()).json").path
        try #"{"device": "bench block", "points": [\#(points.joined(separator: ","))]}"#.write(toFile: mapPath, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: mapPath) }
        guard let handle = dlopen(pluginPath, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE),
              let entrySymbol = dlsym(handle, DSO_DRIVER_ENTRY_SYMBOL),
              let driver = unsafeBitCast(entrySymbol, to: dso_driver_entry_fn.self)() else {
            throw BenchFailure(message: "cannot load \(pluginPath)")
        }
        var host = dso_host(struct_size: UInt32(MemoryLayout<dso_host>.size), context: nil,
                            log: { _, _, _ in }, now_ns: { _ in Int64(nowNanoseconds()) })
        var error = [CChar](repeating: 0, count: 512)
        let config = "name=bench; host=127.0.0.1; port=\(pluginServer.port); unit=1; map=\(mapPath)"
        guard let instance = config.withCString({ driver.pointee.open(&host, $0, &error, error.count) }) else {
            throw BenchFailure(message: "open failed: \(String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))")
        }
        defer { driver.pointee.close(instance) }
        var values = [Double](repeating: 0, count: 125)
        var stamps = [Int64](repeating: 0, count: 125)

        let roundSeconds = quick ? 0.5 : 2.0
        var cRates: [Double] = []
        var pluginRates: [Double] = []
        func measure(_ body: () -> Bool) throws -> Double {
            let start = nowNanoseconds()
            var count = 0
            while Double(nowNanoseconds() - start) < roundSeconds * 1e9 {
                guard body() else { throw BenchFailure(message: "a read failed") }
                count += 1
            }
            return Double(count) / (Double(nowNanoseconds() - start) / 1e9)
        }
        // Alternate rounds so both see the same machine load.
        for _ in 0..<(quick ? 2 : 3) {
            cRates.append(try measure { readRegisters(context, 0, 125, &registers) == 125 })
            pluginRates.append(try measure { driver.pointee.read(instance, &values, &stamps, 125, &error, error.count) == DSO_OK })
        }
        guard values[124] == 124 else { throw BenchFailure(message: "plugin decoded r124 = \(values[124]), expected 124") }
        let cBest = cRates.max()!
        let pluginBest = pluginRates.max()!
        print("| path | reads/s (best of \(cRates.count) rounds of \(roundSeconds) s) | all rounds |")
        print("|---|---|---|")
        print("| plain libmodbus loop | \(format(cBest, 0)) | \(cRates.map { format($0, 0) }.joined(separator: ", ")) |")
        print("| plugin (C ABI read, 125 points decoded) | \(format(pluginBest, 0)) | \(pluginRates.map { format($0, 0) }.joined(separator: ", ")) |")
        print("\nplugin / libmodbus = \(format(pluginBest / cBest, 3)) (target ≥ 0.9)")
    }
}
