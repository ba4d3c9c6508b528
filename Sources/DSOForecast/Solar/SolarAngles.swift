import Foundation

/// Trigonometry in degrees, the unit every solar formula here is published in.
enum SolarAngles {
    static func radians(_ degrees: Double) -> Double { degrees * (.pi / 180) }
    static func degrees(_ radians: Double) -> Double { radians * (180 / .pi) }
    static func sin(_ degrees: Double) -> Double { Foundation.sin(radians(degrees)) }
    static func cos(_ degrees: Double) -> Double { Foundation.cos(radians(degrees)) }
    static func tan(_ degrees: Double) -> Double { Foundation.tan(radians(degrees)) }
    /// `value` reduced to 0 ≤ x < 360.
    static func normalized(_ value: Double) -> Double {
        let reduced = value.truncatingRemainder(dividingBy: 360)
        return reduced < 0 ? reduced + 360 : reduced
    }
}
