import ArgumentParser

/// `--units 1-247` or `1,3,10-12`: the unit ids a survey asks, in order, each once.
struct UnitList: ExpressibleByArgument {
    let units: [Int]

    init?(argument: String) {
        var units: [Int] = []
        for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters()) }
            guard let first = bounds.first ?? nil, let last = bounds.last ?? nil, bounds.count <= 2,
                  (0...255).contains(first), (0...255).contains(last), first <= last
            else { return nil }
            for unit in first...last where !units.contains(unit) { units.append(unit) }
        }
        guard !units.isEmpty else { return nil }
        self.units = units
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}
