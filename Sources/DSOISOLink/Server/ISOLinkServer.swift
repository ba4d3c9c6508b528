public import DSOModel
public import DSORuntime
import CModbus
import DSORuntime
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The ISO link: a Modbus TCP server on its own thread between the ISO and the kernel.
///
/// Reads are answered from a register image refreshed from `ISOTelemetryMailbox`. Writes are accepted only
/// from allow-listed addresses, checked by `ISOHoldingRegisters`, answered, and turned into regulation
/// messages and schedule entries pushed into the kernel's inbound port — while it runs, this thread is
/// the one producer of the port's `.isoLink` ring. A refused write gets a Modbus
/// exception and a log line. When no set point arrives within the signal TTL it logs the link as lost
/// (the kernel ramps regulation to zero by itself) and logs its return. The sockets are `ISOConnectionPool`'s:
/// no client can block this thread, and the writers always find a slot.
public final class ISOLinkServer: @unchecked Sendable {
    // Sendable: after `start()` every mutable property below is touched only by the link thread; the
    // caller's thread only sets `stopping` (atomic) and waits on `finished` before `deinit` frees memory.
    public let configuration: ISOLinkConfiguration
    public let telemetry: ISOTelemetryMailbox
    private let log: @Sendable (String) -> Void
    private var holding: ISOHoldingRegisters
    private var producer: ISOInboundProducer
    private var context: OpaquePointer?
    private var mapping: UnsafeMutablePointer<modbus_mapping_t>?
    private var pool: ISOConnectionPool?
    private let connectionLog: ISOLogRateLimiter
    /// The request being answered, padded to the largest frame so libmodbus never reads past it.
    private var query = [UInt8](repeating: 0, count: MBAPFrame.maximumBytes)
    private var refusedWrites = 0
    private var lastWriteRefused = false
    private var linkReportedLost = false
    private let stopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    private var thread: Thread?
    /// The port actually listened on (useful when the configuration asked for port 0).
    public private(set) var port = 0

    static let pollMilliseconds: Int32 = 50

    /// Prepares the link; it stamps messages on the kernel's clock through `epoch`.
    public init(configuration: ISOLinkConfiguration, port: InboundPort, epoch: KernelEpoch, telemetry: ISOTelemetryMailbox,
                log: @escaping @Sendable (String) -> Void) throws(ISOLinkError) {
        guard configuration.limits.interfacePointCount <= ISORegisterMap.maximumInterfacePoints else {
            throw .invalidSetting(key: "interface points", value: "\(configuration.limits.interfacePointCount)",
                                  expected: "at most \(ISORegisterMap.maximumInterfacePoints) for the register map")
        }
        try configuration.connections.validate()
        self.configuration = configuration
        self.telemetry = telemetry
        self.log = log
        connectionLog = ISOLogRateLimiter(linesPerSecond: configuration.connections.logLinesPerSecond, write: log)
        holding = ISOHoldingRegisters(limits: configuration.limits, initialAwardMW: configuration.initialAwardMW)
        producer = ISOInboundProducer(port: port, epoch: epoch, initialAwardKW: configuration.initialAwardMW * 1000)
    }

    deinit {
        if let mapping { modbus_mapping_free(mapping) }
        if let context { modbus_free(context) }
    }

    /// Opens the listening socket (errors surface here, on the caller's thread) and starts the link thread.
    public func start() throws(ISOLinkError) {
        let endpoint = configuration.endpoint
        guard let context = modbus_new_tcp(endpoint.host, Int32(endpoint.port)) else {
            throw .listenFailed(endpoint: endpoint.description, reason: "modbus_new_tcp failed")
        }
        self.context = context
        let socket = modbus_tcp_listen(context, 32)
        guard socket >= 0 else {
            throw .listenFailed(endpoint: endpoint.description, reason: String(cString: strerror(errno)))
        }
        pool = ISOConnectionPool(listenSocket: socket, limits: configuration.connections, writers: configuration.writers,
                                 log: connectionLog)
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(socket, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        mapping = modbus_mapping_new(0, 0, Int32(ISORegisterMap.holdingCount), Int32(ISORegisterMap.inputCount))
        guard mapping != nil else { throw .listenFailed(endpoint: endpoint.description, reason: "out of memory") }
        copyHoldingIntoMapping()
        refreshInputRegisters(now: MonotonicClock.seconds())
        let writers = configuration.writers.map(\.description).joined(separator: ", ")
        let connections = configuration.connections
        log("iso-link: listening on \(endpoint.host):\(port); writers: \(writers.isEmpty ? "none (read-only)" : writers); "
            + "\(connections.maximumClients) clients (\(connections.writerSlots) kept for writers), "
            + "idle timeout \(connections.idleTimeoutSeconds) s, request deadline \(connections.requestDeadlineSeconds) s")
        let thread = Thread { [self] in runLoop() }
        thread.name = "org.opendso.iso-link"
        self.thread = thread
        thread.start()
    }

    /// Stops the link thread and closes every socket; returns once the thread has finished.
    public func stop() {
        guard thread != nil else { return }
        stopping.store(true, ordering: .releasing)
        finished.wait()
        thread = nil
    }

    private func runLoop() {
        while !stopping.load(ordering: .acquiring) {
            let now = MonotonicClock.seconds()
            producer.flush()
            watchLink(now: now)
            pool?.pass(milliseconds: Self.pollMilliseconds) { client, frame in serve(frame, from: client) }
        }
        pool?.closeAll()
        pool = nil
        log("iso-link: stopped (\(producer.pushedRegulation) regulation messages, \(producer.pushedSchedules) schedule entries pushed, \(refusedWrites) writes refused)")
        finished.signal()
    }

    private func watchLink(now: Double) {
        let lost = holding.linkLost(atSeconds: now)
        if lost && !linkReportedLost, let last = holding.lastAcceptedSeconds {
            log(String(format: "iso-link: link lost: no set point for %.1f s (TTL %.1f s); regulation ramps to zero",
                       now - last, configuration.limits.signalTTLSeconds))
        }
        linkReportedLost = lost
    }

    /// Answers one whole request (`MBAPFrame`); false when the reply could not be sent (the client is closed).
    private func serve(_ frame: UnsafeBufferPointer<UInt8>, from client: ISOConnection) -> Bool {
        guard let context else { return false }
        modbus_set_socket(context, client.socket)
        query.withUnsafeMutableBufferPointer { query in
            _ = query.initialize(fromContentsOf: frame)
            query[frame.count...].update(repeating: 0)
        }
        guard let request = ModbusRequest(frame: frame) else { return reply(exception: ISOWriteRefusal.illegalDataValue) }
        let now = MonotonicClock.seconds()
        switch request.function {
        case ModbusRequest.readHolding, ModbusRequest.readInput:
            refreshInputRegisters(now: now)
            return reply(length: frame.count)
        case _ where request.isWrite:
            guard client.mayWrite else {
                refusedWrites += 1
                lastWriteRefused = true
                connectionLog.line("iso-link: refused write to registers \(request.address)… from \(client.peer): not in the writers list",
                                   atSeconds: now)
                return reply(exception: ISOWriteRefusal.illegalFunction)
            }
            let wasLost = holding.linkLost(atSeconds: now) || holding.lastAcceptedSeconds == nil
            switch holding.write(address: request.address, values: request.values, atSeconds: now) {
            case .failure(let refusal):
                refusedWrites += 1
                lastWriteRefused = true
                log("iso-link: refused write from \(client.peer): \(refusal.reason)")
                return reply(exception: refusal.exceptionCode)
            case .success(let commands):
                lastWriteRefused = false
                let sent = reply(length: frame.count)
                copyHoldingIntoMapping()
                producer.submit(commands)
                if wasLost, commands.contains(where: { if case .signal = $0 { true } else { false } }) {
                    log("iso-link: set points from \(client.peer) (counter \(holding.lastCounter ?? 0)); regulation follows the ISO")
                    linkReportedLost = false
                }
                return sent
            }
        default:
            return reply(exception: ISOWriteRefusal.illegalFunction)
        }
    }

    /// libmodbus answers the request in `query` from the register image; false when it could not be sent.
    private func reply(length: Int) -> Bool {
        modbus_reply(context, &query, Int32(length), mapping) >= 0
    }

    private func reply(exception code: UInt8) -> Bool {
        modbus_reply_exception(context, &query, UInt32(code)) >= 0
    }

    private func copyHoldingIntoMapping() {
        guard let mapping else { return }
        for (index, value) in holding.registers.enumerated() { mapping.pointee.tab_registers[index] = value }
    }

    private func refreshInputRegisters(now: Double) {
        guard let mapping else { return }
        let registers = UnsafeMutableBufferPointer(start: mapping.pointee.tab_input_registers,
                                                   count: ISORegisterMap.inputCount)
        ISOInputRegisters.fill(registers, telemetry: telemetry.latest(), link: holding, refusedWrites: refusedWrites,
                               lastWriteRefused: lastWriteRefused, nowSeconds: now)
    }
}
