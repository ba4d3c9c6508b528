import DSOAPI
import Foundation
import OpenDSOTestSupport
import Testing

/// Finding 8 of issue 14: half-sent requests cannot hold connections for ever, and no client (one address or
/// many) gets more connections than the limits, so /health keeps answering.
@Suite(.serialized) struct ConnectionLimitTests {
    static let halfRequest = "POST /api/v1/schedules HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"entr"

    @Test func aHalfSentRequestIsClosedAfterTheRequestTimeout() async throws {
        try await APIFixture.with(configure: { $0.connections.requestTimeoutSeconds = 0.5 }) { api in
            let slow = try RawTCPSocket(port: api.http.port)
            slow.send(Self.halfRequest)
            #expect(!slow.isClosed(within: 0.2))
            #expect(slow.isClosed(within: 2))
            let silent = try RawTCPSocket(port: api.http.port)
            silent.send("GET /hea")
            #expect(silent.isClosed(within: 2))
        }
    }

    @Test func theServersOwnTimeToAnswerIsNotCutShortByTheRequestTimeout() async throws {
        try await APIFixture.with(submitDelaySeconds: 1, configure: { $0.connections.requestTimeoutSeconds = 0.3 }) { api in
            let reply = try await api.http.send("POST", "/api/v1/schedules", token: APIFixture.operatorToken,
                                                body: AuthorizationTests.oneEntry)
            #expect(reply.status == 202, "\(reply.text)")
        }
    }

    @Test func aConnectionIdleAfterItsAnswerIsClosed() async throws {
        try await APIFixture.with(configure: { $0.connections.idleTimeoutSeconds = 0.5 }) { api in
            let idle = try RawTCPSocket(port: api.http.port)
            #expect(!idle.isClosed(within: 0.2))
            #expect(idle.isClosed(within: 2))
        }
    }

    @Test func oneAddressFloodingBeyondItsLimitLeavesOthersServed() async throws {
        try await APIFixture.with(configure: { $0.connections.maximumConnectionsPerAddress = 4 }) { api in
            var flood: [RawTCPSocket] = []
            for _ in 0..<40 {
                let socket = try RawTCPSocket(port: api.http.port, from: "127.0.0.2")
                socket.send(Self.halfRequest)
                flood.append(socket)
            }
            try await Task.sleep(for: .milliseconds(300))
            #expect(api.server.openConnections <= 4, "\(api.server.openConnections) open")
            #expect(api.server.refusedConnections >= 36)
            #expect(flood.filter { $0.isClosed(within: 0.05) }.count >= 36)
            #expect(try await api.http.get("/health").status == 200)
            let metrics = try await api.http.get("/metrics").text
            let refused = metrics.split(separator: "\n").first { $0.hasPrefix("dso_api_connections_refused_total ") }
            #expect(refused.flatMap { Double($0.split(separator: " ")[1]) }.map { $0 >= 36 } == true, "\(String(describing: refused))")
        }
    }

    @Test func theTotalLimitHoldsAgainstManyAddresses() async throws {
        try await APIFixture.with(configure: {
            $0.connections.maximumConnections = 6
            $0.connections.maximumConnectionsPerAddress = 2
        }) { api in
            var flood: [RawTCPSocket] = []
            for host in 2...9 {
                for _ in 0..<2 {
                    let socket = try RawTCPSocket(port: api.http.port, from: "127.0.0.\(host)")
                    socket.send(Self.halfRequest)
                    flood.append(socket)
                }
            }
            try await Task.sleep(for: .milliseconds(300))
            #expect(api.server.openConnections == 6, "\(api.server.openConnections) open")
            #expect(api.server.refusedConnections == 10)
        }
    }
}
