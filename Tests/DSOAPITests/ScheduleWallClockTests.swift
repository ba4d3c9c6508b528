import DSOAPI
import DSOModel
import Foundation
import OpenDSOTestSupport
import Testing

/// Issue 14, finding 7: an operator can write an interval on the wall clock (RFC 3339), which means the same
/// after a restart, instead of in kernel seconds, which restart at 0.
@Suite struct ScheduleWallClockTests {
    /// The sample status says kernel time is 123.4 s; put its epoch 123.4 s before a fixed UTC instant.
    static let kernelNowUnix = 1_796_675_000.0
    static func withEpoch(_ api: APIFixture) {
        var snapshot = StatusSample.snapshot
        snapshot.kernel.epochUnixSeconds = kernelNowUnix - snapshot.kernel.timeSeconds
        api.status.publish(snapshot)
    }

    @Test func rfc3339TimesArePlacedOnTheKernelClockWithTheRunsEpoch() async throws {
        try await APIFixture.with { api in
            Self.withEpoch(api)
            // 10 s and 15 min after "now", written in UTC and with the Pacific offset.
            let start = UTCTimestamp.text(unixSeconds: Self.kernelNowUnix + 10)
            let body = #"{"entries":[{"interfacePoint":1,"start":"\#(start)","end":"2026-12-07T12:38:20-08:00","netImportKW":-120}]}"#
            let reply = try await api.http.send("POST", "/api/v1/schedules", token: APIFixture.operatorToken, body: body)
            #expect(reply.status == 202, "\(reply.text)")
            let entry = try #require(api.submittedEntries.first)
            #expect(abs(entry.startSeconds - (123.4 + 10)) < 1e-6, "\(entry)")
            let endUnix = try #require(UTCTimestamp.unixSeconds("2026-12-07T20:38:20Z"))
            #expect(abs(entry.endSeconds - (endUnix - (Self.kernelNowUnix - 123.4))) < 1e-6, "\(entry)")
            #expect(endUnix == Self.kernelNowUnix + 900, "the fixture: 15 min after now")
            #expect(entry.layer == .operatorOverride)
        }
    }

    @Test(arguments: [
        (#"{"interfacePoint":0,"start":"2026-12-07T20:00:00Z","startSeconds":200,"endSeconds":900,"netImportKW":1}"#,
         "entries[0]: both startSeconds and start"),
        (#"{"interfacePoint":0,"endSeconds":900,"netImportKW":1}"#, "entries[0].startSeconds: missing"),
        (#"{"interfacePoint":0,"start":"2026-12-07 20:00","endSeconds":900,"netImportKW":1}"#,
         "entries[0].start: \"2026-12-07 20:00\" is not an RFC 3339 time"),
        (#"{"interfacePoint":0,"startSeconds":200,"end":"2026-12-07T20:00:00","netImportKW":1}"#,
         "entries[0].end: \"2026-12-07T20:00:00\" is not an RFC 3339 time"),
    ])
    func badWallClockTimesAre400NamingTheField(_ entry: String, _ message: String) async throws {
        try await APIFixture.with { api in
            Self.withEpoch(api)
            let reply = try await api.http.send("POST", "/api/v1/schedules", token: APIFixture.operatorToken,
                                                body: #"{"entries":["# + entry + "]}")
            #expect(reply.status == 400, "\(reply.text)")
            #expect(reply.errorMessage?.hasPrefix(message) == true, "\(reply.errorMessage ?? reply.text)")
            #expect(api.submittedEntries.isEmpty)
        }
    }

    @Test func beforeTheClockStartsAWallClockTimeIs503() async throws {
        try await APIFixture.with { api in
            let body = #"{"entries":[{"interfacePoint":0,"start":"2026-12-07T20:00:00Z","end":"2026-12-07T21:00:00Z","netImportKW":1}]}"#
            let reply = try await api.http.send("POST", "/api/v1/schedules", token: APIFixture.operatorToken, body: body)
            #expect(reply.status == 503, "\(reply.text)")
            #expect(api.submittedEntries.isEmpty)
        }
    }
}
