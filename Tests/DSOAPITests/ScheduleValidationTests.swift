import DSOAPI
import OpenDSOTestSupport
import Testing

/// Bad schedule submissions get 400 with a message naming the field; nothing reaches the kernel.
@Suite struct ScheduleValidationTests {
    static let cases: [(body: String, field: String)] = [
        ("{not json", "body"),
        (#"{"entries":[]}"#, "entries"),
        (#"{"entries":[{"interfacePoint":0,"startSeconds":0,"endSeconds":900}]}"#, "entries[0].netImportKW"),
        (#"{"entries":[{"interfacePoint":0,"startSeconds":0,"endSeconds":900,"netImportKW":"lots"}]}"#,
         "entries[0].netImportKW"),
        (#"{"entries":[{"interfacePoint":0,"startSeconds":0,"endSeconds":900,"netImportKW":1},"#
            + #"{"interfacePoint":7,"startSeconds":0,"endSeconds":900,"netImportKW":1}]}"#, "entries[1].interfacePoint"),
        (#"{"entries":[{"interfacePoint":0,"startSeconds":900,"endSeconds":900,"netImportKW":1}]}"#,
         "entries[0].endSeconds"),
        (#"{"entries":[{"interfacePoint":-1,"startSeconds":0,"endSeconds":900,"netImportKW":1}]}"#,
         "entries[0].interfacePoint"),
    ]

    @Test(arguments: cases.indices)
    func badSubmissionIs400NamingTheField(_ index: Int) async throws {
        let (body, field) = Self.cases[index]
        try await APIFixture.with { api in
            let reply = try await api.http.send("POST", "/api/v1/schedules", token: APIFixture.operatorToken, body: body)
            #expect(reply.status == 400, "\(body) → \(reply.status) \(reply.text)")
            let message = try #require(reply.errorMessage, "no error message for \(body)")
            #expect(message.hasPrefix(field + ":"), "message \"\(message)\" should name \(field)")
            #expect(api.submittedEntries.isEmpty)
            try api.historian.flush()
            #expect(try api.historian.operatorActions().first?.outcome.hasPrefix("refused 400") == true)
        }
    }
}
