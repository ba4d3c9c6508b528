import DSODriverABI

/// One point the instance offers the host: where its registers are, how to decode them, and its ABI description.
struct ModbusPoint {
    let name: String
    let unit: String
    let kind: Int32
    let writable: Bool
    let minimum: Double
    let maximum: Double
    let function: Int
    let address: Int
    let encoding: RegisterEncoding
    /// Engineering value = raw × scale (× 10^SF when `scaleFactorAddress` is set).
    let scale: Double
    /// SunSpec: the int16 scale-factor register of this point (value × 10^SF).
    let scaleFactorAddress: Int?
    /// Written when a set point's time to live ends, for devices without their own revert timer (register maps).
    let safeValue: Double?

    var span: RegisterSpan { RegisterSpan(function: function, address: address, count: encoding.type.registerCount) }
}
