import DSODriverABI
import Foundation

/// A device type without SunSpec, described by a JSON file: one entry per point (see docs/modbus.md).
package struct RegisterMap {
    /// One entry of `points` in the file.
    package struct Entry: Decodable {
        let name: String
        let address: Int
        let function: Int?
        let type: String
        let word_order: String?
        let scale: Double?
        let unit: String?
        let writable: Bool?
        let kind: String?
        let minimum: Double?
        let maximum: Double?
        let safe_value: Double?

        /// Every key an entry may hold; others are refused (a misspelt `scale` must not silently become 1).
        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, address, function, type, word_order, scale, unit, writable, kind, minimum, maximum, safe_value
        }
    }

    /// The file's top level.
    package struct File: Decodable {
        let device: String
        let word_order: String?
        let points: [Entry]

        /// Every key the top level may hold.
        enum CodingKeys: String, CodingKey, CaseIterable {
            case device, word_order, points
        }
    }

    package let device: String
    package let points: [ModbusPoint]

    /// Loads and checks a map; every error names the file, the point and the key.
    package static func load(path: String) throws(RegisterMapError) -> RegisterMap {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RegisterMapError("register map \(path): no such file (or not readable)")
        }
        return try RegisterMap(file: File.decode(data, path: path), path: path)
    }

    package init(file: File, path: String) throws(RegisterMapError) {
        device = file.device
        if let order = file.word_order, WordOrder(rawValue: order) == nil {
            throw RegisterMapError("register map \(path): word_order: '\(order)' is not 'big' (high word first) or 'little'")
        }
        var points: [ModbusPoint] = []
        var names = Set<String>()
        for (index, entry) in file.points.enumerated() {
            let at = "register map \(path): points[\(index)] ('\(entry.name)')"
            guard names.insert(entry.name).inserted else { throw RegisterMapError("\(at).name: duplicate point name") }
            guard let type = RegisterType(rawValue: entry.type) else {
                throw RegisterMapError("\(at).type: '\(entry.type)' is not one of int16, uint16, int32, uint32, float32, int64, uint64, float64")
            }
            let orderText = entry.word_order ?? file.word_order ?? "big"
            guard let order = WordOrder(rawValue: orderText) else {
                throw RegisterMapError("\(at).word_order: '\(orderText)' is not 'big' (high word first) or 'little'")
            }
            let function = entry.function ?? 3
            guard function == 3 || function == 4 else {
                throw RegisterMapError("\(at).function: \(function) is not 3 (holding registers) or 4 (input registers)")
            }
            guard (0...0xFFFF).contains(entry.address), entry.address + type.registerCount - 1 <= 0xFFFF else {
                throw RegisterMapError("\(at).address: \(entry.address) is not a register address 0…65535 (0-based)")
            }
            let writable = entry.writable ?? false
            if writable, function != 3 {
                throw RegisterMapError("\(at).writable: input registers (function 4) cannot be written")
            }
            let scale = entry.scale ?? 1
            guard scale.isFinite, scale != 0 else { throw RegisterMapError("\(at).scale: \(scale) must be finite and non-zero") }
            let kind: Int32
            switch entry.kind ?? (writable ? "setpoint" : "measurement") {
            case "measurement": kind = Int32(DSO_POINT_MEASUREMENT)
            case "setpoint": kind = Int32(DSO_POINT_SETPOINT)
            case "status": kind = Int32(DSO_POINT_STATUS)
            case let other: throw RegisterMapError("\(at).kind: '\(other)' is not measurement, setpoint or status")
            }
            let minimum = entry.minimum ?? -.infinity
            let maximum = entry.maximum ?? .infinity
            guard minimum <= maximum else { throw RegisterMapError("\(at).minimum: \(minimum) is above maximum \(maximum)") }
            let encoding = RegisterEncoding(type: type, wordOrder: order)
            // A safe value is written when a lease ends: a bad one must be found now, not then.
            if let safe = entry.safe_value {
                guard writable else { throw RegisterMapError("\(at).safe_value: the point is not writable") }
                guard safe >= minimum, safe <= maximum else {
                    throw RegisterMapError("\(at).safe_value: \(safe) is outside minimum…maximum \(minimum)…\(maximum)")
                }
                guard encoding.encode(safe / scale) != nil else {
                    throw RegisterMapError("\(at).safe_value: \(safe) (÷ scale \(scale)) does not fit \(type.rawValue)")
                }
            }
            points.append(ModbusPoint(
                name: entry.name, unit: entry.unit ?? "", kind: kind, writable: writable, minimum: minimum, maximum: maximum,
                function: function, address: entry.address, encoding: encoding, scale: scale, scaleFactorAddress: nil,
                safeValue: entry.safe_value
            ))
        }
        guard !points.isEmpty else { throw RegisterMapError("register map \(path): points: empty; expected at least one point") }
        self.points = points
    }
}
