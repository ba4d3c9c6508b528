/// The allowed range of a numeric scenario key, with the wording used in error messages.
package enum ValueBound {
    case any
    case positive
    case nonNegative
    case fraction
    case efficiency
    case within(ClosedRange<Double>)

    package func admits(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        switch self {
        case .any: return true
        case .positive: return value > 0
        case .nonNegative: return value >= 0
        case .fraction: return value >= 0 && value <= 1
        case .efficiency: return value > 0 && value <= 1
        case .within(let range): return range.contains(value)
        }
    }

    package var expectation: String {
        switch self {
        case .any: return "a finite number"
        case .positive: return "a number > 0"
        case .nonNegative: return "a number ≥ 0"
        case .fraction: return "a fraction in 0…1"
        case .efficiency: return "an efficiency in (0, 1]"
        case .within(let range): return "a number in \(range.lowerBound)…\(range.upperBound)"
        }
    }
}
