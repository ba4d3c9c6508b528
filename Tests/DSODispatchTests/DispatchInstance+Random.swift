import OpenDSOTestSupport

/// The families of random instance the cross-checks draw from.
enum InstanceMix: CaseIterable {
    case quadratic, linear, mixed, mixedWithTies, mostlyLinear

    /// Builds a feasible instance of `count` resources; ties come from prices drawn from a few values.
    static func random(
        _ mix: InstanceMix, count: Int, using generator: inout SeededGenerator
    ) -> DispatchInstance {
        var instance = DispatchInstance()
        for _ in 0..<count {
            let kind = Double.random(in: 0..<1, using: &generator)
            var lo = Double.random(in: -200...100, using: &generator)
            var hi = lo + Double.random(in: 0...300, using: &generator)
            if kind < 0.05 { hi = lo }  // fixed resource
            if kind > 0.95 { lo = -Double.random(in: 0...50, using: &generator); hi = -lo }  // battery
            let a: Double
            let b: Double
            switch mix {
            case .quadratic:
                a = Double.random(in: -20...120, using: &generator)
                b = Double.random(in: 0.001...2, using: &generator)
            case .linear:
                a = Double.random(in: -20...120, using: &generator)
                b = 0
            case .mixed:
                a = Double.random(in: -20...120, using: &generator)
                b = Bool.random(using: &generator) ? Double.random(in: 0.001...2, using: &generator) : 0
            case .mostlyLinear:
                a = Double.random(in: -20...120, using: &generator)
                b = Double.random(in: 0..<1, using: &generator) < 0.03 ? Double.random(in: 0.001...2, using: &generator) : 0
            case .mixedWithTies:
                a = Double(Int.random(in: 0...6, using: &generator) * 10)
                b = Double.random(in: 0..<1, using: &generator) < 0.3 ? 0.25 * Double(Int.random(in: 1...4, using: &generator)) : 0
            }
            instance.append(lower: lo, upper: hi, linear: a, quadratic: b)
        }
        let lowerSum = instance.lower.reduce(0, +)
        let upperSum = instance.upper.reduce(0, +)
        switch Int.random(in: 0..<20, using: &generator) {
        case 0: instance.targetKW = lowerSum
        case 1: instance.targetKW = upperSum
        default: instance.targetKW = lowerSum + Double.random(in: 0...1, using: &generator) * (upperSum - lowerSum)
        }
        return instance
    }
}
