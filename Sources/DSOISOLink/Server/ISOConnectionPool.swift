import DSORuntime
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The ISO link's sockets: accepts clients by `ISOConnectionAdmission`, reads each without ever blocking into
/// a buffer of its own, cuts whole requests by `MBAPFrame`, and closes clients that are idle, slow to finish
/// a request, or not speaking Modbus TCP. No client can hold the link thread. Link thread only.
final class ISOConnectionPool {
    private let limits: ISOConnectionLimits
    private let writers: [IPv4Address]
    private let log: ISOLogRateLimiter
    private let listenSocket: Int32
    private(set) var connections: [ISOConnection] = []

    /// Bytes read from a client per pass: room for two whole requests, so pipelined requests keep flowing.
    static let bufferBytes = 2 * MBAPFrame.maximumBytes
    /// Connections accepted per pass at most, so a storm of them cannot starve the clients already served.
    static let acceptsPerPass = 32

    /// Takes over `listenSocket` (made non-blocking) and closes it in `closeAll()`.
    init(listenSocket: Int32, limits: ISOConnectionLimits, writers: [IPv4Address], log: ISOLogRateLimiter) {
        self.listenSocket = listenSocket
        self.limits = limits
        self.writers = writers
        self.log = log
        Self.makeNonBlocking(listenSocket)
    }

    /// Waits up to `milliseconds` for traffic, then reads, hands each whole request to `serve` (false: close the
    /// connection), enforces the deadlines and accepts newcomers.
    func pass(milliseconds: Int32, serve: (ISOConnection, UnsafeBufferPointer<UInt8>) -> Bool) {
        var descriptors = [pollfd(fd: listenSocket, events: Int16(POLLIN), revents: 0)]
        descriptors += connections.map { pollfd(fd: $0.socket, events: Int16(POLLIN), revents: 0) }
        let ready = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
        let now = MonotonicClock.seconds()
        log.tick(atSeconds: now)
        var closing: [(index: Int, reason: String)] = []
        if ready > 0 {
            for index in connections.indices where descriptors[index + 1].revents != 0 {
                if let reason = receive(index, now: now, serve: serve) { closing.append((index, reason)) }
            }
        }
        for index in connections.indices where !closing.contains(where: { $0.index == index }) {
            if let reason = expired(connections[index], now: now) { closing.append((index, reason)) }
        }
        for (index, reason) in closing.sorted(by: { $0.index > $1.index }) { close(index, reason, now: now) }
        if ready > 0, descriptors[0].revents != 0 { acceptPending(now: now) }
    }

    /// Closes every client and the listening socket.
    func closeAll() {
        for connection in connections { Glibc.close(connection.socket) }
        connections.removeAll()
        Glibc.close(listenSocket)
    }

    /// Reads what the client sent and serves its whole requests; the reason to close it, or nil.
    private func receive(_ index: Int, now: Double,
                         serve: (ISOConnection, UnsafeBufferPointer<UInt8>) -> Bool) -> String? {
        var connection = connections[index]
        defer { connections[index] = connection }
        let room = Self.bufferBytes - connection.pending.count
        var chunk = [UInt8](repeating: 0, count: room)
        let received = recv(connection.socket, &chunk, room, 0)
        if received == 0 { return "disconnected" }
        if received < 0 {
            return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? nil : "disconnected (\(String(cString: strerror(errno))))"
        }
        connection.pending += chunk.prefix(received)
        while true {
            switch MBAPFrame.next(connection.pending) {
            case .incomplete:
                if connection.pending.isEmpty { connection.partialSinceSeconds = nil }
                else if connection.partialSinceSeconds == nil { connection.partialSinceSeconds = now }
                return nil
            case .refuse(let reason):
                return "closed: \(reason)"
            case .frame(let bytes):
                let served = connection.pending.withUnsafeBufferPointer {
                    serve(connection, UnsafeBufferPointer(rebasing: $0[0..<bytes]))
                }
                connection.pending.removeFirst(bytes)
                connection.lastRequestSeconds = now
                connection.partialSinceSeconds = nil
                guard served else { return "closed: the reply could not be sent" }
            }
        }
    }

    /// Why `connection` has run out of time, or nil.
    private func expired(_ connection: ISOConnection, now: Double) -> String? {
        if let since = connection.partialSinceSeconds, now - since > limits.requestDeadlineSeconds {
            return "closed: request still incomplete after \(Self.seconds(now - since)) s (deadline \(Self.seconds(limits.requestDeadlineSeconds)) s)"
        }
        if now - connection.lastRequestSeconds > limits.idleTimeoutSeconds {
            return "closed: idle for \(Self.seconds(now - connection.lastRequestSeconds)) s (timeout \(Self.seconds(limits.idleTimeoutSeconds)) s)"
        }
        return nil
    }

    private func acceptPending(now: Double) {
        for _ in 0..<Self.acceptsPerPass {
            var address = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let socket = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { accept(listenSocket, $0, &length) }
            }
            guard socket >= 0 else { return }
            Self.makeNonBlocking(socket)
            let peer = IPv4Address(networkOrder: address.sin_addr.s_addr)
            let mayWrite = writers.contains(peer)
            let occupants = connections.map {
                ISOConnectionAdmission.Occupant(mayWrite: $0.mayWrite, lastRequestSeconds: $0.lastRequestSeconds)
            }
            switch ISOConnectionAdmission.decide(newcomerMayWrite: mayWrite, occupants: occupants, limits: limits) {
            case .refuse:
                log.line("iso-link: refused connection from \(peer): no slot for a reader (\(limits.readerSlots) reader slots)", atSeconds: now)
                Glibc.close(socket)
                continue
            case .acceptClosing(let index):
                close(index, "closed to make room for \(peer) (\(mayWrite ? "a writer" : "a reader"); longest idle)", now: now)
            case .accept:
                break
            }
            let connection = ISOConnection(socket: socket, peer: peer, mayWrite: mayWrite, connectedSeconds: now)
            connections.append(connection)
            log.line("iso-link: client \(peer) connected (\(connection.role))", atSeconds: now, always: mayWrite)
        }
    }

    private func close(_ index: Int, _ reason: String, now: Double) {
        let connection = connections.remove(at: index)
        // Logged before the socket closes, so whoever sees the close finds the reason already written.
        log.line("iso-link: client \(connection.peer) \(reason)", atSeconds: now, always: connection.mayWrite)
        Glibc.close(connection.socket)
    }

    private static func makeNonBlocking(_ socket: Int32) {
        _ = fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK)
    }

    private static func seconds(_ value: Double) -> String { String(format: "%.1f", value) }
}
