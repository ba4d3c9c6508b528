import OpenDSOTestSupport
import DSOService
import Testing

/// The `[api]` and `[historian]` keys of issue 14's findings 8, 10 and 11: read, resolved and bounded.
@Suite struct APISecurityConfigurationTests {
    static let scenario = "[simulation]\nscenario = \"\(Repository.path("examples/small-dso.toml"))\"\n"

    @Test func limitsTLSAndMetricsTokenAreRead() throws {
        let configuration = try ServiceConfiguration.parse(toml: Self.scenario + """
            [historian]
            database = "h.sqlite"
            audit_retention_days = 120
            [api]
            listen = "0.0.0.0:8443"
            tls_certificate = "tls/api.crt"
            tls_private_key = "/etc/opendso/api.key"
            metrics_require_token = true
            max_connections = 40
            max_connections_per_address = 5
            request_timeout_s = 4
            idle_timeout_s = 20
            """, path: "/etc/opendso/substation.toml")
        let api = try #require(configuration.api)
        #expect(api.tlsCertificatePath == "/etc/opendso/tls/api.crt" && api.tlsPrivateKeyPath == "/etc/opendso/api.key")
        #expect(api.metricsRequireToken)
        #expect(api.maximumConnections == 40 && api.maximumConnectionsPerAddress == 5)
        #expect(api.requestTimeoutSeconds == 4 && api.idleTimeoutSeconds == 20)
        #expect(configuration.historian?.auditRetentionDays == 120)
    }

    @Test func defaultsAreTheDocumentedOnes() throws {
        let configuration = try ServiceConfiguration.parse(toml: Self.scenario + """
            [historian]
            database = "h.sqlite"
            [api]
            listen = "127.0.0.1:8080"
            """, path: "/tmp/service.toml")
        let api = try #require(configuration.api)
        #expect(api.tlsCertificatePath == nil && !api.metricsRequireToken)
        #expect(api.maximumConnections == 64 && api.maximumConnectionsPerAddress == 16)
        #expect(api.requestTimeoutSeconds == 10 && api.idleTimeoutSeconds == 30)
        #expect(configuration.historian?.auditRetentionDays == 365)
    }

    @Test func badValuesAreNamed() {
        let text = Self.scenario + """
            [historian]
            database = "h.sqlite"
            audit_retention_days = 30
            [api]
            listen = "127.0.0.1:8080"
            tls_certificate = "api.crt"
            max_connections = 8
            max_connections_per_address = 9
            request_timeout_s = 0
            """
        #expect {
            _ = try ServiceConfiguration.parse(toml: text, path: "/tmp/service.toml")
        } throws: { error in
            guard let error = error as? ServiceConfigurationError else { return false }
            let keys = Set(error.issues.map(\.keyPath))
            #expect(keys == ["historian.audit_retention_days", "api.tls_private_key", "api.max_connections_per_address",
                             "api.request_timeout_s"], "\(error)")
            return true
        }
    }
}
