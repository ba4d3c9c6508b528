import CModbus

/// A device's holding registers held in memory: SunSpec discovery and the decoders run on it without a device
/// (the fuzzers in Fuzz/, the tests). A read outside the image is refused as a device refuses it, with
/// exception 2 (illegal data address).
package final class RegisterImage: RegisterReading {
    package let deviceName: String
    /// The first register the image holds (0-based).
    package let base: Int
    package let registers: [UInt16]

    package init(deviceName: String = "register image", base: Int, registers: [UInt16]) {
        self.deviceName = deviceName
        self.base = base
        self.registers = registers
    }

    package func readRegisters(function: Int, address: Int, count: Int, into destination: UnsafeMutablePointer<UInt16>) throws(ModbusError) {
        let first = address - base
        guard count >= 1, count <= ModbusLink.maximumReadCount, first >= 0, first + count <= registers.count else {
            throw ModbusError(device: deviceName, operation: "read \(count) register(s) at \(address) (function \(function))",
                              errnoValue: Int32(MODBUS_ENOBASE) + 2)
        }
        for index in 0..<count { destination[index] = registers[first + index] }
    }
}
