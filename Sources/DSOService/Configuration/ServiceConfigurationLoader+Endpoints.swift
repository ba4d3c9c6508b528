import DSOScenario

/// `[iso_link]`, `[historian]` and `[api]`.
extension ServiceConfigurationLoader {
    func readISOLink() -> ServiceConfiguration.ISOLinkSettings? {
        guard let section = root.subtable("iso_link") else { return nil }
        let listen = listenAddress(section, "listen")
        var writers: [String] = []
        if let value = section.raw("writers") {
            let expected = "an array of IPv4 addresses, e.g. [\"10.20.0.5\"]"
            if let array = value.array {
                for element in array {
                    guard let text = element.string, Self.isIPv4(text) else {
                        section.report("writers", found: section.describe(value), expected: expected)
                        writers = []
                        break
                    }
                    writers.append(text)
                }
            } else {
                section.report("writers", found: section.describe(value), expected: expected)
            }
        }
        let maximumClients = section.optionalInt("max_clients", 1...256) ?? 16
        var writerSlots = section.optionalInt("writer_slots", 0...256) ?? min(4, maximumClients)
        if writerSlots > maximumClients {
            section.report("writer_slots", found: "\(writerSlots)", expected: "at most max_clients (\(maximumClients))")
            writerSlots = maximumClients
        }
        let idle = section.double("idle_timeout_s", default: 30, .within(1...86_400))
        let deadline = section.double("request_deadline_s", default: 2, .within(0.1...60))
        section.finish()
        return listen.map {
            ServiceConfiguration.ISOLinkSettings(listen: $0, writers: writers, maximumClients: maximumClients,
                                                 writerSlots: writerSlots, idleTimeoutSeconds: idle,
                                                 requestDeadlineSeconds: deadline)
        }
    }

    func readHistorian() -> ServiceConfiguration.HistorianSettings? {
        guard let section = root.subtable("historian") else { return nil }
        let database = section.requiredString("database")
        let retention = section.double("retention_days", default: 30, .within(0.01...36_500))
        let audit = section.double("audit_retention_days", default: 365, .within(90...36_500))
        var hourly = section.double("hourly_retention_days", default: max(400, retention), .within(0.01...36_500))
        if hourly < retention {
            section.report("hourly_retention_days", found: "\(hourly)", expected: "at least retention_days (\(retention)): the hourly means outlive the samples")
            hourly = retention
        }
        let sample = section.double("sample_period_s", default: 2, .within(0.01...3600))
        section.finish()
        guard !database.isEmpty else { return nil }
        return ServiceConfiguration.HistorianSettings(databasePath: database, retentionDays: retention,
                                                      auditRetentionDays: audit, hourlyRetentionDays: hourly,
                                                      samplePeriodSeconds: sample)
    }

    func readAPI() -> ServiceConfiguration.APISettings? {
        guard let section = root.subtable("api") else { return nil }
        let listen = listenAddress(section, "listen")
        let tokens = section.tables("tokens").compactMap(readAPIToken)
        var seen = Set<String>()
        for (index, token) in tokens.enumerated() where !seen.insert(token.token).inserted {
            diagnostics.report("api.tokens[\(index)].token", "repeats another token, expected each token to be unique")
        }
        let metricsRequireToken = section.bool("metrics_require_token", default: false)
        let certificate = section.optionalString("tls_certificate").map(resolve)
        let key = section.optionalString("tls_private_key").map(resolve)
        if (certificate == nil) != (key == nil) {
            section.report(certificate == nil ? "tls_certificate" : "tls_private_key", found: "missing",
                           expected: "both tls_certificate and tls_private_key (PEM files), or neither")
        }
        let maximum = section.optionalInt("max_connections", 1...4096) ?? 64
        let perAddress = section.optionalInt("max_connections_per_address", 1...4096) ?? 16
        if perAddress > maximum {
            section.report("max_connections_per_address", found: "\(perAddress)", expected: "at most max_connections (\(maximum))")
        }
        let requestTimeout = section.double("request_timeout_s", default: 10, .within(0.01...300))
        let idleTimeout = section.double("idle_timeout_s", default: 30, .within(0.01...3600))
        section.finish()
        return listen.map {
            ServiceConfiguration.APISettings(
                listen: $0, tokens: tokens, metricsRequireToken: metricsRequireToken, tlsCertificatePath: certificate,
                tlsPrivateKeyPath: key, maximumConnections: maximum, maximumConnectionsPerAddress: perAddress,
                requestTimeoutSeconds: requestTimeout, idleTimeoutSeconds: idleTimeout)
        }
    }

    /// One `[[api.tokens]]`: a name for the audit trail, a secret of at least 16 characters, a role.
    private func readAPIToken(_ table: TableReader) -> ServiceConfiguration.APITokenSettings? {
        let name = table.requiredString("name")
        let token = table.requiredString("token")
        let role = table.requiredString("role")
        if table.has("token"), token.count < 16 {
            table.report("token", found: "a secret of \(token.count) characters", expected: "at least 16 characters")
        }
        if table.has("role"), !["viewer", "operator"].contains(role) {
            table.report("role", found: "\"\(role)\"", expected: "\"viewer\" (reads) or \"operator\" (reads and writes)")
        }
        table.finish()
        guard !name.isEmpty, token.count >= 16, ["viewer", "operator"].contains(role) else { return nil }
        return ServiceConfiguration.APITokenSettings(name: name, token: token, role: role)
    }

    /// A required `host:port` (IPv4 address or name, port 1…65535).
    private func listenAddress(_ section: TableReader, _ key: String) -> String? {
        let written = section.requiredString(key)
        guard !written.isEmpty else { return nil }
        guard let colon = written.lastIndex(of: ":"), let port = Int(written[written.index(after: colon)...]),
              (1...65_535).contains(port), colon != written.startIndex else {
            section.report(key, found: "\"\(written)\"", expected: "host:port, e.g. \"127.0.0.1:1502\"")
            return nil
        }
        return written
    }

    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            guard part.count <= 3, let number = Int(part) else { return false }
            return (0...255).contains(number)
        }
    }
}
