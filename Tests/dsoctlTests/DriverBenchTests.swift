import Foundation
import OpenDSOTestSupport
import Testing

/// `dsoctl bench` against the pymodbus inverter: a histogram of round trips, and timeouts counted once the peer
/// stops answering part way through.
@Suite(.enabled(if: ModbusPeer.isAvailable, "pymodbus 3.16.1 not in .venv (run scripts/setup-peers.sh)"), .serialized)
struct DriverBenchTests {
    @Test func printsTheRoundTripHistogramAndAVerdict() async throws {
        try await TemporaryFolder.with { folder in
            let peer = try ModbusPeer(device: "inverter")
            let config = try DriverConfigFiles.modbusConfig(peer, in: folder)
            let result = try await BuiltExecutable.dsoctl.run(["bench", "--plugin", try PluginLibrary.modbus.path(), "--config", config, "--seconds", "1500ms",
                                               "--rate", "20ms"], in: folder)
            // 0 keeps up, 1 does not: the verdict depends on this machine's load, the report's shape does not.
            #expect(result.status == 0 || result.status == 1, "\(result)")
            for text in ["round trip", "p50", "p99", "max", "mean", "histogram", "timeouts    0", "verdict:"] {
                #expect(result.stdout.contains(text), "missing \(text)\n\(result)")
            }
        }
    }

    @Test func aMutedPeerIsCountedAsTimeouts() async throws {
        try await TemporaryFolder.with { folder in
            let peer = try ModbusPeer(device: "inverter")
            let config = try DriverConfigFiles.modbusConfig(peer, in: folder, extra: "; reconnect_max_ms=200")
            async let run = BuiltExecutable.dsoctl.run(["bench", "--plugin", try PluginLibrary.modbus.path(), "--config", config, "--seconds", "4s",
                                        "--rate", "50ms", "--json"], in: folder)
            try await Task.sleep(nanoseconds: 1_500_000_000)
            try peer.mute(true)
            let result = try await run
            #expect(result.status == 1, "answers, then none: the device does not keep up\n\(result)")
            let json = try jsonObject(result.stdout)
            let ok = json["ok"] as? Int ?? 0, timeouts = json["timeouts"] as? Int ?? 0, errors = json["errors"] as? Int ?? -1
            #expect(ok > 0 && timeouts > 0 && errors == 0, "\(json)")
            #expect(json["reads"] as? Int == ok + timeouts + errors)
            #expect(json["keepsUp"] as? Bool == false && (json["verdict"] as? String ?? "").contains("got no answer"), "\(json)")
            let latency = try #require(json["latency"] as? [String: Any])
            #expect(latency["count"] as? Int == ok)
            let buckets = try #require(latency["histogram"] as? [[String: Any]])
            #expect(buckets.compactMap { $0["count"] as? Int }.reduce(0, +) == ok, "every answered read is in one bucket: \(buckets)")
            let messages = (json["messages"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            #expect(messages.contains { $0.hasPrefix("DSO_ERROR_IO") }, "\(messages)")
        }
    }
}
