import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A libmodbus TCP server on its own thread, serving one client a fixed holding-register image: a reference
/// device that answers in microseconds, so a client benchmark measures the client, not the server.
///
/// libmodbus is reached with dlsym (the bench package has no system-library target); the server runs until
/// the process ends.
final class LibmodbusServer: @unchecked Sendable {
    // Sendable: everything is set before `start` returns and then used only by the server thread (`port` is read-only).
    let port: Int32
    private let context: OpaquePointer
    private let listener: Int32
    private let mapping: UnsafeMutableRawPointer
    private let accept: Accept
    private let receive: Receive
    private let reply: Reply

    typealias NewTCP = @convention(c) (UnsafePointer<CChar>?, Int32) -> OpaquePointer?
    typealias Listen = @convention(c) (OpaquePointer?, Int32) -> Int32
    typealias Accept = @convention(c) (OpaquePointer?, UnsafeMutablePointer<Int32>?) -> Int32
    typealias MappingNew = @convention(c) (Int32, Int32, Int32, Int32) -> UnsafeMutableRawPointer?
    typealias Receive = @convention(c) (OpaquePointer?, UnsafeMutablePointer<UInt8>?) -> Int32
    typealias Reply = @convention(c) (OpaquePointer?, UnsafePointer<UInt8>?, Int32, UnsafeMutableRawPointer?) -> Int32

    /// libmodbus's shared library (Debian libmodbus5).
    static func library() throws -> UnsafeMutableRawPointer {
        guard let handle = dlopen("libmodbus.so.5", RTLD_NOW) else { throw BenchFailure(message: "libmodbus.so.5 not found (apt install libmodbus5)") }
        return handle
    }

    private init(port: Int32, context: OpaquePointer, listener: Int32, mapping: UnsafeMutableRawPointer,
                 accept: Accept, receive: Receive, reply: Reply) {
        self.port = port
        self.context = context
        self.listener = listener
        self.mapping = mapping
        self.accept = accept
        self.receive = receive
        self.reply = reply
    }

    /// Accepts one client and answers it until it goes away.
    private func serve() {
        var socket = listener
        guard accept(context, &socket) >= 0 else { return }
        let query = UnsafeMutablePointer<UInt8>.allocate(capacity: 260)   // MODBUS_TCP_MAX_ADU_LENGTH
        defer { query.deallocate() }
        while true {
            let length = receive(context, query)
            if length > 0 { _ = reply(context, query, length, mapping) } else if length < 0 { return }
        }
    }

    /// Listens on a free loopback port and serves `registers` at holding registers 0… to the first client.
    static func start(registers: [UInt16]) throws -> LibmodbusServer {
        let handle = try library()
        func symbol<T>(_ name: String, _ type: T.Type) throws -> T {
            guard let pointer = dlsym(handle, name) else { throw BenchFailure(message: "libmodbus lacks \(name)") }
            return unsafeBitCast(pointer, to: type)
        }
        let newTCP = try symbol("modbus_new_tcp", NewTCP.self)
        let listen = try symbol("modbus_tcp_listen", Listen.self)
        let accept = try symbol("modbus_tcp_accept", Accept.self)
        let mappingNew = try symbol("modbus_mapping_new", MappingNew.self)
        let receive = try symbol("modbus_receive", Receive.self)
        let reply = try symbol("modbus_reply", Reply.self)

        guard let mapping = mappingNew(0, 0, Int32(registers.count), 0) else { throw BenchFailure(message: "modbus_mapping_new failed") }
        // modbus_mapping_t: eight ints (counts and starts), then tab_bits, tab_input_bits, tab_input_registers, tab_registers.
        let table = mapping.load(fromByteOffset: 8 * MemoryLayout<Int32>.size + 3 * MemoryLayout<UnsafeRawPointer>.size,
                                 as: UnsafeMutablePointer<UInt16>.self)
        for (index, value) in registers.enumerated() { table[index] = value }

        var listening: (OpaquePointer, Int32, Int32)?
        for _ in 0..<50 where listening == nil {
            let port = Int32.random(in: 20_000...60_000)
            guard let context = newTCP("127.0.0.1", port) else { continue }
            let socket = listen(context, 1)
            if socket >= 0 { listening = (context, port, socket) }
        }
        guard let (context, port, socket) = listening else { throw BenchFailure(message: "no free loopback port for the libmodbus server") }
        let server = LibmodbusServer(port: port, context: context, listener: socket, mapping: mapping,
                                     accept: accept, receive: receive, reply: reply)
        let thread = Thread { server.serve() }
        thread.stackSize = 1 << 20
        thread.start()
        return server
    }
}
