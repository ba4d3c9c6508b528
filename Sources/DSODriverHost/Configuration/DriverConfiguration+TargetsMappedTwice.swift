/// One point per kernel quantity: a quantity fed by two points would flip between them every poll, and a set
/// point written to two devices would be delivered twice.
extension DriverConfiguration {
    /// Each mapping of a quantity that an earlier mapping of another instance already maps. The reader checks
    /// each instance on its own (dsoctl picks one entry of a file); a loader that runs the instances together
    /// (the service) checks across them with this, in the reader's wording.
    package static func targetsMappedTwice(across drivers: [DriverConfiguration]) -> [DriverConfigurationError] {
        var first: [String: (key: String, instance: Int)] = [:]
        var issues: [DriverConfigurationError] = []
        for (instance, driver) in drivers.enumerated() {
            for mapping in driver.points {
                let target = mapping.target.description
                guard let earlier = first[target] else {
                    first[target] = (mapping.key, instance)
                    continue
                }
                // Twice within one instance is the reader's issue already.
                if earlier.instance != instance { issues.append(mappedTwice(mapping, first: earlier.key)) }
            }
        }
        return issues
    }

    /// Each mapping of a quantity that an earlier mapping of the same instance already maps.
    static func targetsMappedTwice(within points: [PointMapping]) -> [DriverConfigurationError] {
        var first: [String: String] = [:]
        var issues: [DriverConfigurationError] = []
        for mapping in points {
            let target = mapping.target.description
            if let earlier = first[target] {
                issues.append(mappedTwice(mapping, first: earlier))
            } else {
                first[target] = mapping.key
            }
        }
        return issues
    }

    private static func mappedTwice(_ mapping: PointMapping, first: String) -> DriverConfigurationError {
        DriverConfigurationError(key: mapping.key, message: "found \(mapping.target) again, expected one point per kernel quantity (\(first) already maps it)")
    }
}
