/// A model found on a device: its id, the address of its ID register and its length L.
package struct DiscoveredModel: Equatable {
    package let id: Int
    package let address: Int
    package let length: Int
    /// First data register (after ID and L).
    package var dataAddress: Int { address + 2 }
}

/// Finds the SunSpec model chain: "SunS" at 40000, 0 or 50000, then models until the end model 0xFFFF.
package enum SunSpecDiscovery {
    /// Base addresses tried in order (0-based; "40001" in vendor manuals is 40000 here).
    package static let baseAddresses = [40000, 0, 50000]
    package static let marker: (UInt16, UInt16) = (0x5375, 0x6E53)

    /// The models in chain order; throws when no base holds the marker or the chain is broken.
    package static func discover(on link: ModbusLink) throws(ModbusError) -> (base: Int, models: [DiscoveredModel]) {
        var attempts: [String] = []
        for base in baseAddresses {
            var header: [UInt16] = [0, 0]
            do {
                try header.withUnsafeMutableBufferPointer { (buffer) throws(ModbusError) in
                    try link.readRegisters(function: 3, address: base, count: 2, into: buffer.baseAddress!)
                }
            } catch {
                // A device that does not answer at all will not answer at the next base either.
                if error.isLinkFailure { throw error }
                attempts.append("\(base): \(ModbusError.exceptionName(error.exceptionCode ?? 0))")
                continue
            }
            guard header[0] == marker.0, header[1] == marker.1 else {
                attempts.append("\(base): no 'SunS' marker")
                continue
            }
            return (base, try chain(on: link, startingAt: base + 2))
        }
        throw ModbusError(device: link.deviceName, message: "no SunSpec marker 'SunS' at \(attempts.joined(separator: ", "))")
    }

    private static func chain(on link: ModbusLink, startingAt start: Int) throws(ModbusError) -> [DiscoveredModel] {
        var models: [DiscoveredModel] = []
        var address = start
        var header: [UInt16] = [0, 0]
        while models.count < 256 {
            guard address + 1 <= 0xFFFF else { break }
            do {
                try header.withUnsafeMutableBufferPointer { (buffer) throws(ModbusError) in
                    try link.readRegisters(function: 3, address: address, count: 2, into: buffer.baseAddress!)
                }
            } catch {
                // Some devices end the map with ID 0xFFFF and no L: reading past it is refused.
                if !error.isLinkFailure, let last = models.last, address > last.address {
                    var single: [UInt16] = [0]
                    try single.withUnsafeMutableBufferPointer { (buffer) throws(ModbusError) in
                        try link.readRegisters(function: 3, address: address, count: 1, into: buffer.baseAddress!)
                    }
                    if single[0] == 0xFFFF { return models }
                }
                throw error
            }
            if header[0] == 0xFFFF { return models }
            let model = DiscoveredModel(id: Int(header[0]), address: address, length: Int(header[1]))
            models.append(model)
            address += 2 + model.length
        }
        throw ModbusError(device: link.deviceName, message: "SunSpec model chain has no end model (0xFFFF) by register \(address)")
    }
}
