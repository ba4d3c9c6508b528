/// A model found on a device: its id, the address of its ID register, its length L and its group counts.
package struct DiscoveredModel: Equatable {
    package let id: Int
    package let address: Int
    package let length: Int
    /// The values of the count registers its groups depend on (705 `NCrv`, `NPt`), read at discovery.
    package var counts: [String: Int]
    /// First data register (after ID and L).
    package var dataAddress: Int { address + 2 }

    package init(id: Int, address: Int, length: Int, counts: [String: Int] = [:]) {
        self.id = id
        self.address = address
        self.length = length
        self.counts = counts
    }
}

/// Finds the SunSpec model chain: "SunS" at 40000, 0 or 50000, then models until the end model 0xFFFF.
package enum SunSpecDiscovery {
    /// Base addresses tried in order (0-based; "40001" in vendor manuals is 40000 here).
    package static let baseAddresses = [40000, 0, 50000]
    package static let marker: (UInt16, UInt16) = (0x5375, 0x6E53)

    /// The models in chain order; throws when no base holds the marker or the chain is broken.
    package static func discover(on link: some RegisterReading) throws(ModbusError) -> (base: Int, models: [DiscoveredModel]) {
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
        throw ModbusError(device: link.deviceName, invalidContent: "no SunSpec marker 'SunS' at \(attempts.joined(separator: ", "))")
    }

    private static func chain(on link: some RegisterReading, startingAt start: Int) throws(ModbusError) -> [DiscoveredModel] {
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
            var model = DiscoveredModel(id: Int(header[0]), address: address, length: Int(header[1]))
            model.counts = try counts(of: model, on: link)
            models.append(model)
            address += 2 + model.length
        }
        throw ModbusError(device: link.deviceName, invalidContent: "SunSpec model chain has no end model (0xFFFF) by register \(address)")
    }

    /// Reads the count registers the model's groups depend on (one read covering them all); none for most models.
    private static func counts(of model: DiscoveredModel, on link: some RegisterReading) throws(ModbusError) -> [String: Int] {
        guard let definition = SunSpecModelDefinition.all[model.id] else { return [:] }
        let offsets = definition.countRegisterNames.compactMap { name in
            definition.point(named: name).map { (name, $0.offset) }
        }.filter { $0.1 < model.length + 2 }
        guard let first = offsets.map(\.1).min(), let last = offsets.map(\.1).max() else { return [:] }
        var words = [UInt16](repeating: 0, count: last - first + 1)
        try words.withUnsafeMutableBufferPointer { (buffer) throws(ModbusError) in
            try link.readRegisters(function: 3, address: model.address + first, count: buffer.count, into: buffer.baseAddress!)
        }
        var counts: [String: Int] = [:]
        // 0xFFFF is "not implemented": no instances.
        for (name, offset) in offsets { counts[name] = words[offset - first] == 0xFFFF ? 0 : Int(words[offset - first]) }
        return counts
    }
}
