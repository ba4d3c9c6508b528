import OpenDSOTestSupport

/// A plain TCP client of the link for what libmodbus will not send (trickled bytes, unknown functions,
/// foreign protocol ids, garbage), from 127.0.0.1 or another loopback address playing a reader.
typealias RawModbusSocket = RawTCPSocket

/// Modbus TCP requests written byte by byte, as on the wire.
enum MBAPBytes {
    /// An MBAP header (transaction, protocol id, length = unit + PDU, unit 1) before `pdu`.
    static func request(transaction: UInt16, protocolID: UInt16 = 0, pdu: [UInt8]) -> [UInt8] {
        let length = UInt16(pdu.count + 1)
        return [UInt8(transaction >> 8), UInt8(transaction & 0xFF), UInt8(protocolID >> 8), UInt8(protocolID & 0xFF),
                UInt8(length >> 8), UInt8(length & 0xFF), 1] + pdu
    }

    /// Function 4: read `count` input registers from `address`.
    static func readInput(transaction: UInt16, address: UInt16, count: UInt16) -> [UInt8] {
        request(transaction: transaction, pdu: [4, UInt8(address >> 8), UInt8(address & 0xFF), UInt8(count >> 8), UInt8(count & 0xFF)])
    }
}
