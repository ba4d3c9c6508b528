import DSOAPI
import DSOHistorian
import DSOKernel
import DSOStatusSchema
import Foundation
import OpenDSOTestSupport
import Testing

/// Every read endpoint returns what the snapshot and the historian hold.
@Suite struct ReadEndpointTests {
    let token = APIFixture.viewerToken

    @Test func statusCarriesTheKernelFigures() async throws {
        try await APIFixture.with { api in
            let reply = try await api.http.get("/api/v1/status", token: token)
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"] == "application/json")
            let kernel = try reply.json(StatusDocument.self).kernel
            #expect(kernel.cycleIndex == 1234 && kernel.cycles == 1235 && kernel.overruns == 3)
            #expect(kernel.regulationTargetKW == 100 && kernel.aggregateSOC == 0.55 && kernel.setpointDigest == "abcdef")
        }
    }

    @Test func interfacePointsCarryNettingDeviationAndFlags() async throws {
        try await APIFixture.with { api in
            let points = try await api.http.get("/api/v1/interface-points", token: token).json([InterfacePointStatus].self)
            #expect(points.map(\.id) == ["North \"Sub\"", "South"])
            #expect(points[0].deviationKW == 50 && points[0].aceKW == 150 && points[0].flags == ["outOfBand"])
            #expect(points[1].deviationKW == -20 && points[1].flags.isEmpty)
        }
    }

    @Test func resourcesCarryLatestTelemetryAndSetpoints() async throws {
        try await APIFixture.with { api in
            let resources = try await api.http.get("/api/v1/resources", token: token).json([ResourceStatus].self)
            #expect(resources.map(\.id) == ["BESS-1", "PV-1", "Load-S"])
            let battery = resources[0]
            #expect(battery.telemetry.measuredKW == 210 && battery.telemetry.soc == 0.55)
            #expect(abs((battery.telemetry.ageSeconds ?? 0) - 0.5) < 1e-6)
            #expect(battery.setpoint.kw == 220 && battery.setpoint.regulationKW == 100 && !battery.setpoint.isFallback)
            #expect(abs((battery.setpoint.validForSeconds ?? 0) - 3) < 1e-6)
            #expect(resources[1].telemetry.soc == nil)
            #expect(resources[2].health == "stale" && resources[2].telemetry.ageSeconds == nil && resources[2].setpoint.isFallback)
            let one = try await api.http.get("/api/v1/resources/1", token: token)
            #expect(try one.json(ResourceStatus.self).kind == "pv")
            let missing = try await api.http.get("/api/v1/resources/9", token: token)
            #expect(missing.status == 404 && missing.errorMessage?.contains("0…2") == true)
        }
    }

    @Test func driversAndScoresComeFromTheSnapshot() async throws {
        try await APIFixture.with { api in
            var snapshot = api.status.snapshot()
            snapshot.regulationScores = RegulationScores(
                pjm: .init(accuracy: 0.9, delay: 0.95, precision: 0.85, composite: 0.9, sampleCount: 360),
                caisoMeanAccuracy: 0.97, caisoTotalMileageMW: 12.5)
            api.status.publish(snapshot)
            let scores = try await api.http.get("/api/v1/regulation/scores", token: token).json(RegulationScores.self)
            #expect(scores.pjm?.composite == 0.9 && scores.caisoMeanAccuracy == 0.97 && scores.caisoTotalMileageMW == 12.5)
            let reply = try await api.http.get("/api/v1/drivers", token: token)
            let drivers = try reply.json([DriverStatus].self)
            #expect(drivers.map(\.readsFailed) == [7, 0] && drivers.map(\.state) == ["failed", "stale"])
            #expect(drivers[0].lastError?.contains("no answer") == true && drivers[1].lastGoodReadAgeSeconds == nil)
            // The documented shape: camelCase keys; unknown values left out.
            let objects = try #require(try JSONSerialization.jsonObject(with: reply.body) as? [[String: Any]])
            #expect(Set(objects[0].keys) == ["name", "library", "driver", "state", "lastError", "readsOk", "readsFailed",
                                            "lastGoodReadAgeSeconds", "points"])
            #expect(objects[1]["lastError"] == nil && objects[1]["lastGoodReadAgeSeconds"] == nil)
        }
    }

    @Test func eventsComeFromTheHistorianNewestFirstWithALimit() async throws {
        try await APIFixture.with { api in
            for index in 0..<5 {
                api.historian.record(.event(EventRecord(
                    KernelEvent(code: .resourceUnavailable, timeSeconds: Double(index), subject: Int32(index)),
                    wallTimeSeconds: 1_000 + Double(index))))
            }
            try api.historian.flush()
            let events = try await api.http.get("/api/v1/events?limit=3", token: token).json([EventRecord].self)
            #expect(events.map(\.subject) == [4, 3, 2])
            #expect(events.allSatisfy { $0.code == "resourceUnavailable" && $0.value == nil })
            let bad = try await api.http.get("/api/v1/events?limit=zero", token: token)
            #expect(bad.status == 400 && bad.errorMessage?.hasPrefix("limit:") == true)
        }
    }

    @Test func healthIsOpen() async throws {
        try await APIFixture.with { api in
            let reply = try await api.http.get("/health")
            #expect(reply.status == 200 && reply.text == "ok\n")
        }
    }
}
