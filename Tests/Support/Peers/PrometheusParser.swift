import Foundation

/// Prometheus text read by the reference parser, `prometheus_client` in `.venv` (scripts/setup-peers.sh), so
/// `/metrics` is checked by a reader that is not ours.
public enum PrometheusParser {
    /// Prints one line per sample: family type, sample name, sorted labels, value.
    static let script = """
        import sys
        from prometheus_client.parser import text_string_to_metric_families
        for family in text_string_to_metric_families(sys.stdin.read()):
            for s in family.samples:
                labels = ",".join(f"{k}={v}" for k, v in sorted(s.labels.items()))
                print(f"{family.type}|{s.name}|{labels}|{s.value!r}")
        """

    /// Samples keyed `name{label=value,…}` with their family's type; throws when there is no interpreter or
    /// prometheus_client refuses the text.
    public static func parse(_ text: String) throws -> [String: (type: String, value: Double)] {
        let interpreter = Repository.python
        guard FileManager.default.isExecutableFile(atPath: interpreter) else {
            throw PeerError("no \(interpreter): run scripts/setup-peers.sh for .venv with prometheus-client")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = ["-c", script]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PeerError("prometheus_client could not parse the text: \(errorText)") }
        var samples: [String: (String, Double)] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 4, let value = Double(parts[3]) else { continue }
            samples["\(parts[1]){\(parts[2])}"] = (parts[0], value)
        }
        return samples
    }
}
