import DSOCANBMS

/// One received frame as `can monitor` prints it: when, which id, the protocol's name for it and its signals.
struct DecodedFrame: Encodable {
    /// One field of the frame, in the protocol table's unit, rounded to the field's resolution.
    struct Signal: Encodable {
        let name: String
        let value: Double
        let unit: String
        /// Decimals of the field's resolution (not encoded: for the text line).
        let decimals: Int

        enum CodingKeys: String, CodingKey { case name, value, unit }
    }

    /// Seconds since the monitor started.
    let timeSeconds: Double
    let id: UInt32
    let extended: Bool
    /// The DBC message name, nil when the protocol does not know the id.
    let name: String?
    let data: [UInt8]
    let signals: [Signal]
    /// Text a frame carries (0x35E: the manufacturer's name).
    let text: String?

    enum CodingKeys: String, CodingKey {
        case timeSeconds = "time_s"
        case idHex = "id"
        case extended, name, data, signals, text
    }

    init(_ frame: CANFrame, protocol bmsProtocol: BMSProtocol, timeSeconds: Double) {
        self.timeSeconds = timeSeconds
        id = frame.id
        extended = frame.isExtended
        data = frame.bytes
        let known = !frame.isExtended && !frame.isRemote
        name = known ? bmsProtocol.frameName(frame.id) : nil
        signals = !known ? [] : bmsProtocol.signals(inFrame: frame.id).compactMap { signal in
            guard let value = signal.decode(frame) else { return nil }
            let decimals = NumberText.decimals(forStep: signal.scale)
            return Signal(name: signal.quantity.signalName, value: NumberText.rounded(value, decimals: decimals), unit: signal.unit,
                          decimals: decimals)
        }
        text = known && frame.id == BMSProtocol.manufacturerFrameID ? BMSProtocol.manufacturerName(in: frame) : nil
    }

    var idText: String {
        let digits = String(id, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, (extended ? 8 : 3) - digits.count)) + digits
    }

    var dataText: String {
        data.map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }.joined(separator: " ")
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(NumberText.rounded(timeSeconds, decimals: 6), forKey: .timeSeconds)
        try container.encode(idText, forKey: .idHex)
        try container.encode(extended, forKey: .extended)
        try container.encode(name, forKey: .name)
        try container.encode(dataText.replacingSpaces(), forKey: .data)
        try container.encode(signals, forKey: .signals)
        try container.encodeIfPresent(text, forKey: .text)
    }

    /// One line for a person: time, id, name, then `Signal=value unit` pairs (or the raw bytes).
    var line: String {
        let time = NumberText.format(timeSeconds, decimals: 3)
        let label = (name ?? "unknown").padding(to: 18)
        var fields = signals.map { signal in
            let value = NumberText.format(signal.value, decimals: signal.decimals)
            return signal.unit.isEmpty ? "\(signal.name)=\(value)" : "\(signal.name)=\(value) \(signal.unit)"
        }
        if let text { fields.append("Manufacturer=\"\(text)\"") }
        if fields.isEmpty { fields.append("data=\(dataText)") }
        return "\(String(repeating: " ", count: max(0, 9 - time.count)))\(time)  \(idText.padding(to: 5))  \(label)  \(fields.joined(separator: "  "))"
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    fileprivate func replacingSpaces() -> String { String(filter { $0 != " " }) }
}
