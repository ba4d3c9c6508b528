import Foundation

/// How numbers read in a table: "n/i" for values a device marks not implemented, and no more decimals than the
/// value's resolution (12.3 for 123 × 10^-1, not 12.300000000000001).
enum NumberText {
    static func format(_ value: Double, decimals: Int? = nil) -> String {
        if value.isNaN { return "n/i" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if let decimals, decimals > 0 { return String(format: "%.\(min(decimals, 12))f", value) }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A float32 register's value with the digits a float32 has (49.98, not 49.97999954223633).
    static func format(float32 value: Double) -> String {
        value.isFinite && value == Double(Float(value)) ? "\(Float(value))" : format(value)
    }

    /// Decimals that show a quantity with resolution `step` (0.1 → 1, 0.01 → 2, 1 → 0).
    static func decimals(forStep step: Double) -> Int {
        guard step > 0, step < 1 else { return 0 }
        return Int((-log10(step)).rounded(.up))
    }

    /// `value` rounded to `decimals` places, for JSON that should not carry binary noise (49.86, not 49.860000000000007).
    static func rounded(_ value: Double, decimals: Int) -> Double {
        guard value.isFinite, decimals > 0 else { return value }
        let factor = pow(10, Double(decimals))
        return (value * factor).rounded() / factor
    }
}
