import DSOAPI
import Foundation
import OpenDSOTestSupport
import Testing

/// Finding 11 of issue 14: the example tokens never leave loopback, and /metrics can need a token.
@Suite struct ExposureTests {
    @Test func theExampleTokensAreRefusedOnAnAddressOtherMachinesReach() {
        let example = APIToken(name: "viewer", token: "example-viewer-token-change-me", role: .viewer)
        for host in ["0.0.0.0", "10.20.0.7", "dso.example.net"] {
            #expect(throws: APIConfigurationError.self, "\(host)") {
                try APIConfiguration(host: host, tokens: [example]).validate()
            }
        }
        for host in ["127.0.0.1", "127.0.0.53", "localhost", "::1"] {
            #expect(throws: Never.self, "\(host)") { try APIConfiguration(host: host, tokens: [example]).validate() }
        }
        let own = APIToken(name: "viewer", token: "a-secret-of-our-own-0123", role: .viewer)
        #expect(throws: Never.self) { try APIConfiguration(host: "0.0.0.0", tokens: [own]).validate() }
    }

    @Test func everyTokenShippedInExamplesIsAKnownExampleToken() throws {
        let folder = Repository.root.appendingPathComponent("examples")
        var shipped = Set<String>()
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".toml") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.trimmingCharacters(in: .whitespaces).hasPrefix("token") {
                if let open = line.firstIndex(of: "\""), let close = line.lastIndex(of: "\""), open < close {
                    shipped.insert(String(line[line.index(after: open)..<close]))
                }
            }
        }
        #expect(!shipped.isEmpty)
        #expect(shipped.isSubset(of: APIConfiguration.exampleTokens), "\(shipped.subtracting(APIConfiguration.exampleTokens))")
    }

    @Test func metricsNeedAViewerTokenWhenConfigured() async throws {
        try await APIFixture.with(configure: { $0.metricsRequireToken = true }) { (api: APIFixture) async throws in
            #expect(try await api.http.get("/metrics").status == 401)
            #expect(try await api.http.get("/metrics", token: APIFixture.viewerToken).status == 200)
            #expect(try await api.http.get("/health").status == 200)
        }
        try await APIFixture.with { (api: APIFixture) async throws in
            #expect(try await api.http.get("/metrics").status == 200)
        }
    }
}
