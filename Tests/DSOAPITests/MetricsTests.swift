import DSOAPI
import Foundation
import Testing

/// /metrics is valid Prometheus text as the reference parser (prometheus_client) reads it, with the values
/// of the snapshot.
@Suite struct MetricsTests {
    /// `.venv/bin/python` from scripts/setup-peers.sh, found by walking up from the test bundle.
    static func python() -> String? {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<4 {
            folder = folder.deletingLastPathComponent()
            let candidate = folder.appendingPathComponent(".venv/bin/python").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Parses the text with prometheus_client and prints one line per sample: name, sorted labels, value.
    static let parser = """
        import sys
        from prometheus_client.parser import text_string_to_metric_families
        for family in text_string_to_metric_families(sys.stdin.read()):
            for s in family.samples:
                labels = ",".join(f"{k}={v}" for k, v in sorted(s.labels.items()))
                print(f"{family.type}|{s.name}|{labels}|{s.value!r}")
        """

    static func parse(_ text: String) throws -> [String: (type: String, value: Double)] {
        let python = try #require(Self.python(), "run scripts/setup-peers.sh for .venv with prometheus-client")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", parser]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "prometheus_client could not parse: \(errorText)")
        var samples: [String: (String, Double)] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 4, let value = Double(parts[3]) else { continue }
            samples["\(parts[1]){\(parts[2])}"] = (parts[0], value)
        }
        return samples
    }

    @Test func metricsParseAsPrometheusTextWithTheSnapshotsValues() async throws {
        try await APIFixture.with { api in
            let reply = try await api.http.get("/metrics")
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"]?.hasPrefix("text/plain; version=0.0.4") == true)
            #expect(reply.text.contains("# TYPE dso_cycle_duration_seconds histogram"))
            let samples = try Self.parse(reply.text)

            // Histogram: cumulative le buckets, +Inf = count. Observed 20 µs, 40 µs, 300 µs ×2, 200 ms.
            #expect(samples["dso_cycle_duration_seconds_bucket{le=2.5e-05}"]?.value == 1)
            #expect(samples["dso_cycle_duration_seconds_bucket{le=5e-05}"]?.value == 2)
            #expect(samples["dso_cycle_duration_seconds_bucket{le=0.0005}"]?.value == 4)
            #expect(samples["dso_cycle_duration_seconds_bucket{le=0.1}"]?.value == 4)
            #expect(samples["dso_cycle_duration_seconds_bucket{le=+Inf}"]?.value == 5)
            #expect(samples["dso_cycle_duration_seconds_count{}"]?.value == 5)
            #expect(abs((samples["dso_cycle_duration_seconds_sum{}"]?.value ?? 0) - 0.20066) < 1e-6)
            #expect(samples["dso_cycle_duration_seconds_bucket{le=+Inf}"]?.type == "histogram")

            #expect(samples["dso_cycle_overruns_total{}"]?.value == 3)
            #expect(samples["dso_cycle_overruns_total{}"]?.type == "counter")
            #expect(samples["dso_cycles_total{}"]?.value == 1235)
            #expect(samples["dso_driver_reads_total{driver=modbus-bess,outcome=failed}"]?.value == 7)
            #expect(samples["dso_driver_reads_total{driver=modbus-bess,outcome=ok}"]?.type == "counter")
            #expect(samples["dso_driver_state{driver=modbus-bess,state=failed}"]?.value == 1)
            #expect(samples["dso_driver_state{driver=modbus-bess,state=ok}"]?.value == 0)
            #expect(samples["dso_driver_state{driver=sunspec-pv,state=stale}"]?.value == 1)
            #expect(samples["dso_driver_last_good_read_age_seconds{driver=modbus-bess}"]?.value == 0.4)
            #expect(samples["dso_driver_last_good_read_age_seconds{driver=sunspec-pv}"] == nil, "never delivered: no sample")
            #expect(samples["dso_driver_points{driver=sunspec-pv}"]?.value == 2)
            // A label with a quote survives escaping.
            #expect(samples["dso_interface_deviation_kw{interface_point=North \"Sub\"}"]?.value == 50)
            #expect(samples["dso_interface_deviation_kw{interface_point=South}"]?.value == -20)
            #expect(samples["dso_interface_out_of_band{interface_point=North \"Sub\"}"]?.value == 1)
            #expect(samples["dso_regulation_target_kw{}"]?.value == 100)
            #expect(samples["dso_resource_setpoint_kw{resource=BESS-1}"]?.value == 220)
        }
    }

    @Test func regulationScoresAppearOncePublished() async throws {
        try await APIFixture.with { api in
            var snapshot = api.status.snapshot()
            snapshot.regulationScores = RegulationScores(
                pjm: .init(accuracy: 0.91, delay: 0.97, precision: 0.88, composite: 0.92, sampleCount: 360),
                caisoMeanAccuracy: 0.95)
            api.status.publish(snapshot)
            let samples = try Self.parse(try await api.http.get("/metrics").text)
            #expect(samples["dso_regulation_score{component=composite,standard=pjm}"]?.value == 0.92)
            #expect(samples["dso_regulation_score{component=accuracy,standard=caiso}"]?.value == 0.95)
        }
    }
}
