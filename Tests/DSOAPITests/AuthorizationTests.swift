import DSOAPI
import DSOHistorian
import OpenDSOTestSupport
import Testing

/// No token → 401, a viewer writing → 403, an operator writing → 202 and an audit row in the historian.
@Suite struct AuthorizationTests {
    static let oneEntry = #"{"entries":[{"interfacePoint":1,"startSeconds":900,"endSeconds":1800,"netImportKW":750.5}]}"#

    @Test func readsWithoutATokenAreRefusedWith401() async throws {
        try await APIFixture.with { api in
            for path in ["/api/v1/status", "/api/v1/resources", "/api/v1/events", "/api/v1/schedules"] {
                let reply = try await api.http.get(path)
                #expect(reply.status == 401, "\(path)")
                #expect(reply.headers["www-authenticate"] == "Bearer")
            }
            #expect(try await api.http.get("/api/v1/status", token: "not-a-configured-token").status == 401)
            #expect(try await api.http.get("/api/v1/status", token: APIFixture.viewerToken).status == 200)
        }
    }

    @Test func aScheduleWithoutATokenIsRefusedWith401AndNothingIsSubmitted() async throws {
        try await APIFixture.with { api in
            let reply = try await api.http.send("POST", "/api/v1/schedules", body: Self.oneEntry)
            #expect(reply.status == 401)
            #expect(reply.errorMessage?.contains("Authorization") == true)
            #expect(api.submittedEntries.isEmpty)
        }
    }

    @Test func aViewerSubmittingASheduleGets403AndTheAttemptIsRecorded() async throws {
        try await APIFixture.with { api in
            let reply = try await api.http.send("POST", "/api/v1/schedules", token: APIFixture.viewerToken, body: Self.oneEntry)
            #expect(reply.status == 403)
            #expect(reply.errorMessage?.contains("viewer") == true)
            #expect(api.submittedEntries.isEmpty)
            try api.historian.flush()
            let action = try #require(try api.historian.operatorActions().first)
            #expect(action.actor == "vera" && action.role == "viewer" && action.outcome.hasPrefix("refused 403"))
        }
    }

    @Test func anOperatorScheduleIsAcceptedSubmittedAndRecorded() async throws {
        try await APIFixture.with { api in
            let reply = try await api.http.send("POST", "/api/v1/schedules", token: APIFixture.operatorToken,
                                                body: Self.oneEntry)
            #expect(reply.status == 202, "\(reply.text)")
            #expect(api.submittedEntries.map(\.netImportKW) == [750.5])
            #expect(api.submittedEntries.first?.interfacePoint == 1)
            try api.historian.flush()
            let action = try #require(try api.historian.operatorActions().first)
            #expect(action.actor == "otto" && action.role == "operator" && action.action == "submit_schedules")
            #expect(action.outcome == "accepted 1 of 1")
            #expect(action.detail.contains("750.5"))
            #expect(api.submittedEntries.first?.layer == .operatorOverride, "an operator's interval overrides")
            // The schedule table keeps the kernel's verdicts (dsod records them), never the request itself.
            #expect(try api.historian.schedules().isEmpty)
        }
    }

    @Test func aFullKernelQueueAnswers503NamingHowManyWentIn() async throws {
        try await APIFixture.with(capacity: 1) { api in
            let body = #"{"entries":[{"interfacePoint":0,"startSeconds":0,"endSeconds":900,"netImportKW":1},"#
                + #"{"interfacePoint":0,"startSeconds":900,"endSeconds":1800,"netImportKW":2}]}"#
            let reply = try await api.http.send("POST", "/api/v1/schedules", token: APIFixture.operatorToken, body: body)
            #expect(reply.status == 503)
            #expect(reply.errorMessage?.contains("accepted 1 of 2") == true)
            try api.historian.flush()
            #expect(try api.historian.operatorActions().first?.outcome == "accepted 1 of 2", "the audit trail tells the truth")
        }
    }

    @Test func configurationRefusesShortAndRepeatedTokens() {
        #expect(throws: APIConfigurationError.self) {
            try APIConfiguration(tokens: [APIToken(name: "a", token: "short", role: .viewer)]).validate()
        }
        let token = APIToken(name: "a", token: "0123456789abcdef", role: .viewer)
        #expect(throws: APIConfigurationError.self) { try APIConfiguration(tokens: [token, token]).validate() }
        #expect(throws: APIConfigurationError.self) { try APIConfiguration(port: 70_000).validate() }
    }
}
