import Foundation

/// How numbers read in a table: no more decimals than the value's resolution (12.3 for 123 × 10^-1, not
/// 12.300000000000001), "n/i" for what a SunSpec device marks not implemented, "n/a" for what a driver did not give.
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

    /// Trimmed for reading (`4500`, `12.3`, `49.86`, `-0.125`): at most `decimals` places, no trailing zeros, no
    /// exponent for plant-sized values; `n/a` for a value the driver did not give, `∞`/`-∞` for unbounded limits.
    static func trimmed(_ value: Double, decimals: Int = 6) -> String {
        if value.isNaN { return "n/a" }
        if value.isInfinite { return value > 0 ? "∞" : "-∞" }
        if abs(value) >= 1e15 || (value != 0 && abs(value) < 1e-6) { return String(value) }
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// A value with its unit (`40 %`, `4500 W`, `3` for a unitless point).
    static func quantity(_ value: Double, unit: String) -> String {
        unit.isEmpty || value.isNaN ? trimmed(value) : "\(trimmed(value)) \(unit)"
    }

    /// A duration in nanoseconds as milliseconds with three decimals (`2.375 ms`).
    static func milliseconds(_ nanoseconds: Int64) -> String { String(format: "%.3f ms", Double(nanoseconds) / 1e6) }
}
