extension TableReader {
    /// `windows = [[17, 21], [6, 9]]`: local start and end hour pairs (a pair may wrap midnight); absent means
    /// always. A scenario's DR programmes and the service's `[[forecast.programmes]]` read them alike.
    package func availabilityWindows(_ key: String) -> [AvailabilityWindow] {
        guard let value = raw(key) else { return [] }
        let expected = "an array of [start_hour, end_hour] pairs with hours in 0…24"
        guard let array = value.array else {
            report(key, found: describe(value), expected: expected)
            return []
        }
        var windows: [AvailabilityWindow] = []
        for element in array {
            let hours = element.array.map { $0.compactMap(TableReader.number) } ?? []
            guard hours.count == 2, hours.allSatisfy({ (0...24).contains($0) }), hours[0] != hours[1] else {
                report(key, found: describe(element), expected: expected)
                return []
            }
            windows.append(AvailabilityWindow(startHour: hours[0], endHour: hours[1]))
        }
        return windows
    }
}
