import DSOAPI
import DSOStatusSchema
import OpenDSOTestSupport
import Testing

/// /metrics is valid Prometheus text as the reference parser (prometheus_client) reads it, with the values
/// of the snapshot.
@Suite struct MetricsTests {
    @Test func metricsParseAsPrometheusTextWithTheSnapshotsValues() async throws {
        try await APIFixture.with { api in
            let reply = try await api.http.get("/metrics")
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"]?.hasPrefix("text/plain; version=0.0.4") == true)
            #expect(reply.text.contains("# TYPE dso_cycle_duration_seconds histogram"))
            let samples = try PrometheusParser.parse(reply.text)

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
            #expect(samples["dso_events_dropped_total{}"]?.value == 4)
            #expect(samples["dso_events_dropped_total{}"]?.type == "counter")
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
            let samples = try PrometheusParser.parse(try await api.http.get("/metrics").text)
            #expect(samples["dso_regulation_score{component=composite,standard=pjm}"]?.value == 0.92)
            #expect(samples["dso_regulation_score{component=accuracy,standard=caiso}"]?.value == 0.95)
        }
    }
}
