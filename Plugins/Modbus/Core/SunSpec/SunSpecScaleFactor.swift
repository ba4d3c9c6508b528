/// SunSpec scale factors (`sunssf`): a value is raw × 10^SF, SF an int16 register shared by several points.
package enum SunSpecScaleFactor {
    /// SF in the scale-factor register `register`, nil when not implemented (0x8000) or outside −10…10 (the
    /// standard's range; anything else is a device fault, and the values it scales cannot be interpreted).
    package static func exponent(register: UInt16) -> Int? {
        let factor = Int16(bitPattern: register)
        guard factor != Int16.min, (-10...10).contains(factor) else { return nil }
        return Int(factor)
    }

    /// raw × 10^exponent, dividing for negative exponents so 123 × 10^-1 prints as 12.3 (×0.1 would not be exact).
    package static func scaled(_ raw: Double, exponent: Int) -> Double {
        exponent < 0 ? raw / pow10(-exponent) : raw * pow10(exponent)
    }
}
