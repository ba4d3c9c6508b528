import OpenDSOTestSupport
import DSOAPI
import DSOHistorian
import Testing

/// Finding 10 of issue 14: every refused authentication and every write reaches the journal and the
/// historian, with who, from where, what and how it ended.
@Suite struct AuditTrailTests {
    @Test func aRefusedTokenIsAuditedWithWhereItCameFrom() async throws {
        try await APIFixture.with { api in
            #expect(try await api.http.get("/api/v1/status", token: "not-a-configured-token-at-all").status == 401)
            #expect(try await api.http.get("/api/v1/resources").status == 401)
            try api.historian.flush()
            let actions = try api.historian.operatorActions()
            #expect(actions.count == 2)
            for action in actions {
                #expect(action.actor == "-" && action.outcome.hasPrefix("refused 401"))
                #expect(action.remoteAddress.hasPrefix("127.0.0.1:"), "\(action.remoteAddress)")
            }
            #expect(Set(actions.map(\.action)) == ["GET /api/v1/status", "GET /api/v1/resources"])
            let lines = api.journal.lines.withLock { $0 }
            #expect(lines.count == 2 && lines.allSatisfy(\.isRefusal))
            #expect(lines.allSatisfy { $0.line.contains("from 127.0.0.1:") && $0.line.contains("refused 401") })
            #expect(!api.journalLines.joined().contains("not-a-configured-token-at-all"), "the presented secret is never logged")
        }
    }

    @Test func anAcceptedWriteIsJournaledWithActorAddressAndOutcome() async throws {
        try await APIFixture.with { api in
            let reply = try await api.http.send("POST", "/api/v1/schedules", token: APIFixture.operatorToken,
                                                body: AuthorizationTests.oneEntry)
            #expect(reply.status == 202)
            let line = try #require(api.journal.lines.withLock { $0 }.first)
            #expect(!line.isRefusal)
            #expect(line.line.hasPrefix("audit: api submit_schedules by otto (operator) from 127.0.0.1:"), "\(line.line)")
            #expect(line.line.contains("accepted 1 of 1"))
            try api.historian.flush()
            let action = try #require(try api.historian.operatorActions().first)
            #expect(action.remoteAddress.hasPrefix("127.0.0.1:") && action.outcome == "accepted 1 of 1")
        }
    }
}
