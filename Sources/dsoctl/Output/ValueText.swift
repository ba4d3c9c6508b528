import Foundation

/// Numbers as an engineer reads them on a bench terminal: no exponent for plant-sized values, no trailing zeros.
enum ValueText {
    /// `4500`, `12.3`, `49.86`, `-0.125`, `n/a` for NaN, `∞`/`-∞` for unbounded limits.
    static func number(_ value: Double, decimals: Int = 6) -> String {
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

    /// A duration in nanoseconds as milliseconds with three decimals (`2.375 ms`).
    static func milliseconds(_ nanoseconds: Int64) -> String { String(format: "%.3f ms", Double(nanoseconds) / 1e6) }

    /// A value with its unit (`40 %`, `4500 W`, `3` for a unitless point).
    static func quantity(_ value: Double, unit: String) -> String {
        unit.isEmpty || value.isNaN ? number(value) : "\(number(value)) \(unit)"
    }
}
