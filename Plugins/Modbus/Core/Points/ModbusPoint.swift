import DSODriverABI

/// One point the instance offers the host: where its registers are, how to decode them, and its ABI description.
package struct ModbusPoint {
    package let name: String
    package let unit: String
    package let kind: Int32
    package let writable: Bool
    package let minimum: Double
    package let maximum: Double
    package let function: Int
    package let address: Int
    package let encoding: RegisterEncoding
    /// Engineering value = raw × scale (× 10^SF when `scaleFactorAddress` is set).
    package let scale: Double
    /// SunSpec: the int16 scale-factor register of this point (value × 10^SF).
    package let scaleFactorAddress: Int?
    /// Written when a set point's time to live ends, for devices without their own revert timer (register maps).
    package let safeValue: Double?

    package var span: RegisterSpan { RegisterSpan(function: function, address: address, count: encoding.type.registerCount) }
}
