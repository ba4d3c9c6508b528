import DSODriverKit
/// What one instance simulates, parsed from the `open` configuration string.
///
/// Format: `key=value` entries separated by `;` or newlines, blanks around keys and values ignored:
/// `scenario=/abs/path/small-dso.toml; resources=MISSION-BESS-1,MISSION-PV-SCHOOL; time_origin_ns=0`.
struct SimulatedDevicesConfiguration: Equatable {
    /// Every key the driver understands, in the order the documentation lists them.
    static let knownKeys = ["scenario", "resources", "interface_points", "time_origin_ns"]

    /// The scenario TOML file (docs/scenario.md); relative paths resolve against the host's working folder.
    var scenarioPath: String
    /// Resources to simulate, by id; nil with `interfacePointIDs` nil means every resource of the scenario.
    var resourceIDs: [String]?
    /// Interface points whose resources (and meter) to simulate, by id.
    var interfacePointIDs: [String]?
    /// Host clock reading that is simulated time 0 (the scenario's `start_time_of_day_s`), nanoseconds.
    var timeOriginNanoseconds: Int64 = 0

    /// Whether the instance simulates only part of the scenario.
    var selectsSubset: Bool { resourceIDs != nil || interfacePointIDs != nil }

    init(scenarioPath: String, resourceIDs: [String]? = nil, interfacePointIDs: [String]? = nil,
         timeOriginNanoseconds: Int64 = 0) {
        self.scenarioPath = scenarioPath
        self.resourceIDs = resourceIDs
        self.interfacePointIDs = interfacePointIDs
        self.timeOriginNanoseconds = timeOriginNanoseconds
    }

    /// Parses the configuration string; the error names the entry or key and what was expected.
    init(parsing text: String) throws(DriverOpenError) {
        var values: [String: String] = [:]
        let entries = text.split(whereSeparator: { $0 == ";" || $0 == "\n" || $0 == "\r" })
        for rawEntry in entries {
            let entry = Self.trimmed(rawEntry)
            if entry.isEmpty { continue }
            guard let equals = entry.firstIndex(of: "=") else {
                throw DriverOpenError("config entry '\(entry)' has no '='; expected key=value entries separated by ';'")
            }
            let key = Self.trimmed(entry[..<equals])
            let value = Self.trimmed(entry[entry.index(after: equals)...])
            guard Self.knownKeys.contains(key) else {
                throw DriverOpenError("config key '\(key)' is unknown; expected one of \(Self.knownKeys.joined(separator: ", "))")
            }
            guard values[key] == nil else { throw DriverOpenError("config key '\(key)' is given twice") }
            guard !value.isEmpty else { throw DriverOpenError("config key '\(key)' has an empty value") }
            values[key] = value
        }
        guard let scenario = values["scenario"] else {
            throw DriverOpenError("config key 'scenario' is missing; expected scenario=/path/to/scenario.toml")
        }
        self.init(scenarioPath: scenario,
                  resourceIDs: try values["resources"].map { value throws(DriverOpenError) in
                      try Self.idList(value, key: "resources") },
                  interfacePointIDs: try values["interface_points"].map { value throws(DriverOpenError) in
                      try Self.idList(value, key: "interface_points") })
        if let origin = values["time_origin_ns"] {
            guard let nanoseconds = Int64(origin) else {
                throw DriverOpenError("config key 'time_origin_ns' = '\(origin)' is not a whole number of nanoseconds")
            }
            timeOriginNanoseconds = nanoseconds
        }
    }

    private static func idList(_ value: String, key: String) throws(DriverOpenError) -> [String] {
        let ids = value.split(separator: ",", omittingEmptySubsequences: false).map { trimmed($0) }
        if let blank = ids.firstIndex(of: "") {
            throw DriverOpenError("config key '\(key)' = '\(value)' has an empty id at position \(blank + 1); expected comma-separated ids")
        }
        return ids
    }

    private static func trimmed(_ text: Substring) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
