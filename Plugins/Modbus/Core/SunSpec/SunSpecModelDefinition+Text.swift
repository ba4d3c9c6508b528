/// A SunSpec string point (model 1's `Mn`, `Md`, `SN`, `Vr`…): not a number for the host, but what an engineer
/// reads first on a bench to know which device answered.
package struct SunSpecTextPoint: Equatable {
    package let name: String
    /// Offset from the model's ID register.
    package let offset: Int
    package let registerCount: Int
}

extension SunSpecModelDefinition {
    /// The model's string points, in register order.
    package var textPoints: [SunSpecTextPoint] {
        points.filter { $0.type == .string }.map { SunSpecTextPoint(name: $0.name, offset: $0.offset, registerCount: $0.size) }
    }
}

extension SunSpecTextPoint {
    /// The text in `registers` (two ASCII bytes per register, high byte first), up to the first NUL, trailing
    /// spaces removed; nil when the string is not implemented (all NUL). Non-printable bytes become '?'.
    package static func text(_ registers: some Collection<UInt16>) -> String? {
        var characters: [Character] = []
        outer: for word in registers {
            for byte in [UInt8(word >> 8), UInt8(word & 0xFF)] {
                if byte == 0 { break outer }
                characters.append((32...126).contains(byte) ? Character(UnicodeScalar(byte)) : "?")
            }
        }
        while characters.last == " " { characters.removeLast() }
        return characters.isEmpty ? nil : String(characters)
    }
}
