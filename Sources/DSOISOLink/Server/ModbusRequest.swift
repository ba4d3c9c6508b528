/// The parts of a Modbus request the link decides on before libmodbus answers it.
struct ModbusRequest {
    /// Function codes the link serves.
    static let readHolding: UInt8 = 3, readInput: UInt8 = 4, writeSingle: UInt8 = 6, writeMultiple: UInt8 = 16

    var function: UInt8
    /// For writes: the first register and the values, decoded from the request.
    var address = 0
    var values: [UInt16] = []

    /// Decodes one whole MBAP frame (`MBAPFrame`); nil when a function the link serves has a PDU of the wrong
    /// size. Other functions decode to their code alone (the link answers them with exception 01).
    init?(frame bytes: UnsafeBufferPointer<UInt8>) {
        let pdu = MBAPFrame.headerBytes
        guard bytes.count > pdu else { return nil }
        let pduBytes = bytes.count - pdu
        function = bytes[pdu]
        func word(_ offset: Int) -> UInt16 { UInt16(bytes[pdu + offset]) << 8 | UInt16(bytes[pdu + offset + 1]) }
        switch function {
        case Self.readHolding, Self.readInput:
            guard pduBytes == 5 else { return nil }
        case Self.writeSingle:
            guard pduBytes == 5 else { return nil }
            address = Int(word(1))
            values = [word(3)]
        case Self.writeMultiple:
            guard pduBytes >= 6 else { return nil }
            address = Int(word(1))
            let count = Int(word(3))
            guard count >= 1, count <= 123, Int(bytes[pdu + 5]) == count * 2, pduBytes == 6 + count * 2 else {
                return nil
            }
            values = (0..<count).map { word(6 + 2 * $0) }
        default:
            break
        }
    }

    var isWrite: Bool { function == Self.writeSingle || function == Self.writeMultiple }
}
