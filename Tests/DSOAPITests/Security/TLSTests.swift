import DSOAPI
import Foundation
import OpenDSOTestSupport
import Testing

/// Finding 11 of issue 14: the API over TLS with a certificate made here, a client that trusts only it,
/// plain HTTP refused, and a renewed certificate served after `reloadTLS()` (SIGHUP) without a restart.
@Suite struct TLSTests {
    /// A self-signed certificate for 127.0.0.1 and its key, written by the openssl command line.
    static func makeCertificate(in folder: String, name: String) throws -> (certificate: String, key: String) {
        let certificate = folder + "/\(name).crt", key = folder + "/\(name).key"
        let made = try Command.run("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
            "-subj", "/CN=\(name)", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", certificate])
        guard made.status == 0 else { throw PeerError("openssl: \(made.output)") }
        return (certificate, key)
    }

    /// curl trusting only `certificate`: the HTTP status, or nil when the handshake or connection failed.
    static func curl(_ url: String, trusting certificate: String, token: String? = nil) throws -> Int? {
        var arguments = ["-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "10", "--cacert", certificate]
        if let token { arguments += ["-H", "Authorization: Bearer \(token)"] }
        let result = try Command.run("/usr/bin/curl", arguments + [url])
        guard result.status == 0 else { return nil }
        return Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func theAPIAnswersOverTLSToAClientTrustingItsCertificate() async throws {
        try await TemporaryFolder.with { folder in
            let first = try Self.makeCertificate(in: folder.path, name: "first")
            let second = try Self.makeCertificate(in: folder.path, name: "second")
            try await APIFixture.with(configure: {
                $0.tls = APITLSFiles(certificatePath: first.certificate, privateKeyPath: first.key)
            }) { api in
                #expect(api.server.scheme == "https")
                let base = "https://127.0.0.1:\(api.http.port)"
                #expect(try Self.curl(base + "/health", trusting: first.certificate) == 200)
                #expect(try Self.curl(base + "/api/v1/status", trusting: first.certificate, token: APIFixture.viewerToken) == 200)
                #expect(try Self.curl(base + "/health", trusting: second.certificate) == nil, "an untrusted certificate")
                #expect(try Self.curl("http://127.0.0.1:\(api.http.port)/health", trusting: first.certificate) != 200)
                // Renew: the files now hold the second certificate; SIGHUP's reload serves it to new connections.
                try FileManager.default.removeItem(atPath: first.certificate)
                try FileManager.default.removeItem(atPath: first.key)
                try FileManager.default.copyItem(atPath: second.certificate, toPath: first.certificate)
                try FileManager.default.copyItem(atPath: second.key, toPath: first.key)
                try api.server.reloadTLS()
                #expect(try Self.curl(base + "/health", trusting: second.certificate) == 200)
                #expect(try Self.curl(base + "/health", trusting: first.certificate) == 200, "the file is the second one now")
            }
        }
    }

    @Test func anUnreadableCertificateIsAConfigurationError() {
        let files = APITLSFiles(certificatePath: "/nonexistent/api.crt", privateKeyPath: "/nonexistent/api.key")
        #expect(throws: APIConfigurationError.self) {
            _ = try APIServer(configuration: APIConfiguration(port: 0, tls: files), status: LatestStatus(initial: StatusSample.snapshot),
                              historian: nil, admission: .init(importLimitsKW: [], exportLimitsKW: []),
                              submitSchedules: { _ in SubmissionOutcome(queued: 0, verdicts: nil) })
        }
    }
}
