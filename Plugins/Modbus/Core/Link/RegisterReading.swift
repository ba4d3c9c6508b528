/// Where register reads come from: a device's `ModbusLink`, or a register image when the decoders are fuzzed
/// (Fuzz/) or tested without a device. SunSpec discovery reads through it.
package protocol RegisterReading: AnyObject {
    /// The device's name, for errors.
    var deviceName: String { get }
    /// Reads `count` holding (function 3) or input (function 4) registers starting at `address` (0-based).
    func readRegisters(function: Int, address: Int, count: Int, into destination: UnsafeMutablePointer<UInt16>) throws(ModbusError)
}
