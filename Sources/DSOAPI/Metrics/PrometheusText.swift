/// Writes the Prometheus text exposition format (version 0.0.4): HELP and TYPE lines, then samples.
struct PrometheusText {
    private(set) var text = ""

    enum Kind: String { case counter, gauge, histogram }

    /// Starts a metric family.
    mutating func family(_ name: String, _ kind: Kind, _ help: String) {
        text += "# HELP \(name) \(escapeHelp(help))\n# TYPE \(name) \(kind.rawValue)\n"
    }

    /// One sample; nil values are left out (Prometheus has no "unknown", and NaN would read as a value).
    mutating func sample(_ name: String, _ labels: [(String, String)] = [], _ value: Double?) {
        guard let value else { return }
        text += name
        if !labels.isEmpty {
            text += "{" + labels.map { "\($0.0)=\"\(escapeLabel($0.1))\"" }.joined(separator: ",") + "}"
        }
        text += " \(format(value))\n"
    }

    /// A whole histogram family from cumulative counts.
    mutating func histogram(_ name: String, _ help: String, _ snapshot: HistogramSnapshot) {
        family(name, .histogram, help)
        for (bound, count) in zip(snapshot.upperBoundsSeconds, snapshot.cumulativeCounts) {
            sample(name + "_bucket", [("le", format(bound))], Double(count))
        }
        sample(name + "_bucket", [("le", "+Inf")], Double(snapshot.count))
        sample(name + "_sum", [], snapshot.sumSeconds)
        sample(name + "_count", [], Double(snapshot.count))
    }

    private func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    private func escapeLabel(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    private func escapeHelp(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }
}
