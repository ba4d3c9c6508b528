import ArgumentParser
import DSOModbus

/// Which register and how its value is encoded: shared by `modbus read` and `modbus write`.
struct RegisterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("First register: a 0-based protocol address 0…65535 (a manual's 40001 is 0).", valueName: "A"))
    var address: Int

    @Flag(name: .customLong("vendor-numbering"),
          help: "Read --address as a manual's register number: 40001…49999 or 400001…465536 are holding registers (function 3) from 0, 30001…39999 or 300001…365536 input registers (function 4) from 0.")
    var vendorNumbering = false

    @Option(help: ArgumentHelp("Value type: int16, uint16, int32, uint32, float32, int64, uint64, float64.", valueName: "type"),
            transform: RegisterOptions.parseType)
    var type: RegisterType?

    @Option(name: .customLong("word-order"), help: ArgumentHelp(
        "For 32- and 64-bit types: big (high word first, Modbus and SunSpec) or little (low word first, many meters).",
        valueName: "order"), transform: RegisterOptions.parseWordOrder)
    var wordOrder: WordOrder = .highFirst

    @Option(help: "Engineering value = raw × scale (e.g. 0.1 for a register in tenths of a volt).")
    var scale = 1.0

    /// The 0-based address and, with --vendor-numbering, the function the number implies.
    func resolved() throws -> (address: Int, function: Int?) {
        guard vendorNumbering else {
            guard (0...65535).contains(address) else {
                throw ValidationError("--address \(address) is outside 0…65535 (0-based protocol addresses; for a manual's 40001-style number add --vendor-numbering).")
            }
            return (address, nil)
        }
        switch address {
        case 40001...49999: return (address - 40001, 3)
        case 400001...465536: return (address - 400001, 3)
        case 30001...39999: return (address - 30001, 4)
        case 300001...365536: return (address - 300001, 4)
        default:
            throw ValidationError("--address \(address) is not a vendor register number: expected 40001…49999 or 400001…465536 (holding), 30001…39999 or 300001…365536 (input).")
        }
    }

    func validate() throws {
        _ = try resolved()
        guard scale.isFinite, scale != 0 else { throw ValidationError("--scale \(scale) must be a finite number other than 0.") }
        if wordOrder == .lowFirst, let type, type.registerCount == 1 {
            throw ValidationError("--word-order applies to 32- and 64-bit types; \(type.rawValue) is one register.")
        }
    }

    func encoding(_ type: RegisterType) -> RegisterEncoding { RegisterEncoding(type: type, wordOrder: wordOrder) }

    static let typeNames = "int16, uint16, int32, uint32, float32, int64, uint64, float64"

    static func parseType(_ text: String) throws -> RegisterType {
        guard let type = RegisterType(rawValue: text.lowercased()) else {
            throw ValidationError("'\(text)' is not a register type; expected one of \(typeNames).")
        }
        return type
    }

    static func parseWordOrder(_ text: String) throws -> WordOrder {
        guard let order = WordOrder(rawValue: text.lowercased()) else {
            throw ValidationError("'\(text)' is not a word order; expected big (high word first) or little (low word first).")
        }
        return order
    }
}

/// Register words as a bench engineer reads them: `0x1194 0x0000`.
func hexWords(_ words: some Sequence<UInt16>) -> String {
    words.map { word in
        let digits = String(word, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: 4 - digits.count) + digits
    }.joined(separator: " ")
}
