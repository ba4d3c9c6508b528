import DSODriverABI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// CAN BMS plugin throughput: Pylontech frames as SLCAN lines written into a pseudo-terminal and decoded by the
/// dlopen'd plugin (`read` through the C ABI), against the same bytes merely read from the same kind of pty
/// (the transport's floor), in the same run. Reports frames/s and CPU time per 1,000 frames/s.
let canBenchmark = Benchmark(
    name: "can",
    summary: "CAN BMS plugin: SLCAN frames decoded per second through the plugin vs bare pty reads; CPU per 1,000 frames/s"
) { arguments in
    guard let path = CANBench.pluginPath() else {
        print("skipped: libDSOCANBMSDriver.so not found; build it with `swift build -c release --product DSOCANBMSDriver` in the repository root, or set DSO_CAN_BMS_PLUGIN")
        return
    }
    try CANBench.run(pluginPath: path, quick: arguments.quick)
}

enum CANBench {
    /// The published v1.2 capture as SLCAN lines: six frames.
    static let captureLines = "t35181402C012C012C201\rt355458005E00\rt35667A13F2FE6B01\rt35970000000006504E\rt35C2C000\rt35E850594C4F4E202020\r"
    static let framesPerLine = 6
    /// 0x35E (the maker's name) is parsed but carries no quantity, so `frames_decoded` counts 5 of the 6.
    static let decodedPerLine = 5
    static let repeatsPerBatch = 16

    /// The repository root (this file is Bench/Sources/DSOBench/CANBench.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func pluginPath() -> String? {
        if let explicit = ProcessInfo.processInfo.environment["DSO_CAN_BMS_PLUGIN"] { return explicit }
        for configuration in ["release", "debug"] {
            let candidate = root.appendingPathComponent(".build/\(configuration)/libDSOCANBMSDriver.so").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// A pty pair: the master (the bench's "adapter") and the slave's path (the plugin's serial device).
    static func openPTY() throws -> (master: Int32, slavePath: String) {
        // posix_openpt/grantpt/ptsname are hidden from Swift's Glibc (XOPEN-gated): use /dev/ptmx and its ioctls.
        // TIOCSPTLCK = _IOW('T', 0x31, int), TIOCGPTN = _IOR('T', 0x30, unsigned): the generic Linux encoding.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_NONBLOCK)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, UInt(0x4004_5431), &unlock) == 0, ioctl(master, UInt(0x8004_5430), &number) == 0 else {
            throw BenchFailure(message: "can: cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        return (master, "/dev/pts/\(number)")
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Writes all of `bytes` to a non-blocking fd, waiting while the pty is full; false after 2 s stuck.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], whileWaiting: () -> Void = {}) -> Bool {
        var offset = 0
        let deadline = nowNanoseconds() + 2_000_000_000
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if count > 0 { offset += count } else {
                whileWaiting()
                if nowNanoseconds() > deadline { return false }
            }
        }
        return true
    }

    static func drain(_ fd: Int32) {
        var sink = [UInt8](repeating: 0, count: 4096)
        while read(fd, &sink, sink.count) > 0 {}
    }

    static func run(pluginPath: String, quick: Bool) throws {
        let batch = Array(String(repeating: captureLines, count: repeatsPerBatch).utf8)
        let framesPerBatch = framesPerLine * repeatsPerBatch
        let batches = quick ? 300 : 3_000

        // Reference: the same bytes through a pty, read with plain read() (no parsing, no ABI).
        let reference = try openPTY()
        let slave = open(reference.slavePath, O_RDWR | O_NOCTTY | O_NONBLOCK)
        var settings = termios()
        tcgetattr(slave, &settings)
        cfmakeraw(&settings)
        tcsetattr(slave, TCSANOW, &settings)
        var buffer = [UInt8](repeating: 0, count: 4096)
        var referenceCPU = cpuSeconds()
        var start = nowNanoseconds()
        for _ in 0..<batches {
            var received = 0
            guard writeAll(reference.master, batch, whileWaiting: {
                let count = read(slave, &buffer, buffer.count)
                if count > 0 { received += count }
            }) else { throw BenchFailure(message: "can: the reference pty stopped taking bytes") }
            let deadline = nowNanoseconds() + 2_000_000_000
            while received < batch.count {
                let count = read(slave, &buffer, buffer.count)
                if count > 0 { received += count } else { sched_yield() }
                if nowNanoseconds() > deadline { throw BenchFailure(message: "can: reference read \(received) of \(batch.count) bytes") }
            }
        }
        let referenceSeconds = Double(nowNanoseconds() - start) / 1e9
        referenceCPU = cpuSeconds() - referenceCPU
        close(slave)
        close(reference.master)

        // The plugin: open through the ABI on a fresh pty, decode every batch through `read`.
        guard let handle = dlopen(pluginPath, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE),
              let symbol = dlsym(handle, DSO_DRIVER_ENTRY_SYMBOL),
              let driver = unsafeBitCast(symbol, to: dso_driver_entry_fn.self)()
        else { throw BenchFailure(message: "can: cannot load \(pluginPath)") }
        let pty = try openPTY()
        var host = dso_host(struct_size: UInt32(MemoryLayout<dso_host>.size), context: nil,
                            log: { _, _, _ in },
                            now_ns: { _ in Int64(bitPattern: DispatchTime.now().uptimeNanoseconds) })
        var error = [CChar](repeating: 0, count: 512)
        guard let instance = "transport=slcan:\(pty.slavePath); protocol=pylontech-v1.2".withCString({ config in
            driver.pointee.open(&host, config, &error, error.count)
        }) else { throw BenchFailure(message: "can: open failed: \(error.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })") }
        defer { driver.pointee.close(instance) }
        let count = Int(driver.pointee.point_count(instance))
        var decodedIndex = -1
        for index in 0..<count {
            var info = dso_point_info()
            _ = driver.pointee.point_info(instance, Int32(index), &info)
            if String(cString: info.name) == "frames_decoded" { decodedIndex = index }
        }
        var values = [Double](repeating: 0, count: count)
        var stamps = [Int64](repeating: 0, count: count)
        drain(pty.master)
        var target = 0.0
        var reads = 0
        var pluginCPU = cpuSeconds()
        start = nowNanoseconds()
        for _ in 0..<batches {
            guard writeAll(pty.master, batch, whileWaiting: {
                _ = driver.pointee.read(instance, &values, &stamps, Int32(count), &error, error.count)
            }) else { throw BenchFailure(message: "can: the plugin's pty stopped taking bytes") }
            target += Double(decodedPerLine * repeatsPerBatch)
            let deadline = nowNanoseconds() + 2_000_000_000
            repeat {
                if nowNanoseconds() > deadline { throw BenchFailure(message: "can: the plugin decoded \(values[decodedIndex]) of \(target) frames") }
                _ = driver.pointee.read(instance, &values, &stamps, Int32(count), &error, error.count)
                reads += 1
                if values[decodedIndex] < target { sched_yield() }
            } while values[decodedIndex] < target
        }
        let pluginSeconds = Double(nowNanoseconds() - start) / 1e9
        pluginCPU = cpuSeconds() - pluginCPU
        drain(pty.master)
        close(pty.master)
        guard values[0...3].allSatisfy(\.isFinite), values[decodedIndex] == target else {
            throw BenchFailure(message: "can: decoded \(values[decodedIndex]) frames, expected \(target)")
        }

        let frames = Double(batches * framesPerBatch)
        func row(_ name: String, seconds: Double, cpu: Double) {
            let rate = frames / seconds
            let cpuPerFrameMicroseconds = cpu / frames * 1e6
            // CPU share of one core at 1,000 frames/s = CPU time per frame × 1,000 per second.
            print("| \(name) | \(format(rate / 1e6, 3)) M | \(format(seconds * 1e9 / frames, 0)) | \(format(cpuPerFrameMicroseconds, 3)) | \(format(cpuPerFrameMicroseconds * 1000 / 1e3, 2)) ms/s (\(format(cpuPerFrameMicroseconds * 1000 / 1e4, 3)) %) |")
        }
        print("\(Int(frames)) Pylontech frames (the published capture, \(framesPerBatch) per write) over a pseudo-terminal; \(reads) plugin reads.\n")
        print("| path | frames/s | wall ns/frame | CPU µs/frame | CPU at 1,000 frames/s |")
        print("|---|---:|---:|---:|---:|")
        row("pty read() only (reference, no decoding)", seconds: referenceSeconds, cpu: referenceCPU)
        row("plugin: SLCAN parse + decode + points via the C ABI", seconds: pluginSeconds, cpu: pluginCPU)
        print("\nA real Pylontech BMS sends 6–7 frames/s (SMA/REC up to ~70): the load is the last column × that rate / 1,000.")
    }
}
