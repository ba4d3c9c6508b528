import DSOSimulation

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
        section.finish()
        return listen.map { ServiceConfiguration.ISOLinkSettings(listen: $0, writers: writers) }
    }

    func readHistorian() -> ServiceConfiguration.HistorianSettings? {
        guard let section = root.subtable("historian") else { return nil }
        let database = section.requiredString("database")
        let retention = section.double("retention_days", default: 30, .within(0.01...36_500))
        let sample = section.double("sample_period_s", default: 2, .within(0.01...3600))
        section.finish()
        guard !database.isEmpty else { return nil }
        return ServiceConfiguration.HistorianSettings(databasePath: database, retentionDays: retention,
                                                      samplePeriodSeconds: sample)
    }

    func readAPI() -> ServiceConfiguration.APISettings? {
        guard let section = root.subtable("api") else { return nil }
        let listen = listenAddress(section, "listen")
        section.finish()
        return listen.map(ServiceConfiguration.APISettings.init(listen:))
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
