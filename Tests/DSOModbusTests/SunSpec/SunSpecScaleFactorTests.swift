import DSOModbus
import OpenDSOTestSupport
import Testing

/// SunSpec scale factors: the int16 register's range −10…10, 0x8000 for "not implemented", and values scaled so
/// that they equal the decimal they stand for (checked against Swift's decimal parser, not against arithmetic).
struct SunSpecScaleFactorTests {
    @Test func everyRegisterValueIsAnExponentOnlyWithinTheStandardsRange() {
        for register in UInt16.min...UInt16.max {
            let signed = Int(Int16(bitPattern: register))
            let expected: Int? = (-10...10).contains(signed) ? signed : nil
            if SunSpecScaleFactor.exponent(register: register) != expected {
                Issue.record("register 0x\(String(register, radix: 16)) gave \(String(describing: SunSpecScaleFactor.exponent(register: register))), expected \(String(describing: expected))")
            }
        }
        #expect(SunSpecScaleFactor.exponent(register: 0x8000) == nil)  // not implemented
        #expect(SunSpecScaleFactor.exponent(register: 0xFFFE) == -2)
        #expect(SunSpecScaleFactor.exponent(register: 0xFFF6) == -10)
        #expect(SunSpecScaleFactor.exponent(register: 0xFFF5) == nil)
        #expect(SunSpecScaleFactor.exponent(register: 0x000A) == 10)
        #expect(SunSpecScaleFactor.exponent(register: 0x000B) == nil)
    }

    @Test func pow10IsTheDecimalPowerExactly() {
        for exponent in -10...10 {
            #expect(pow10(exponent) == Double("1e\(exponent)"), "10^\(exponent) = \(pow10(exponent))")
        }
    }

    @Test func scaledValuesEqualTheirDecimal() {
        // 123 × 10^-1 must be 12.3 exactly as a bench engineer types it, not 12.300000000000001.
        #expect(SunSpecScaleFactor.scaled(123, exponent: -1) == 12.3)
        #expect(SunSpecScaleFactor.scaled(5000, exponent: -2) == 50)
        #expect(SunSpecScaleFactor.scaled(-1500, exponent: 3) == -1_500_000)
        var random = SeededGenerator(seed: 10)
        let edges: [Int] = [0, 1, -1, 7, 99, 32767, -32768, 65535, 4_294_967_295]
        let raws = edges + (0..<600).map { _ in Int.random(in: -32768...65535, using: &random) }
        for raw in raws {
            for exponent in -10...10 {
                let scaled = SunSpecScaleFactor.scaled(Double(raw), exponent: exponent)
                #expect(scaled == Double("\(raw)e\(exponent)"), "\(raw) × 10^\(exponent) = \(scaled)")
            }
        }
    }
}
