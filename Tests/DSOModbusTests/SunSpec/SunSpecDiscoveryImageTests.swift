import DSOModbus
import Testing

/// SunSpec discovery without a device: the chain read from a `RegisterImage` (as Fuzz/FuzzModbusRegisters reads
/// it), the models' count registers, the devices that end the map without L, and reads outside the image.
struct SunSpecDiscoveryImageTests {
    /// "SunS", model 1 (L 66), model 705 with NPt 2 and NCrv 1 at offsets 5 and 6, then `end`.
    static func image(base: Int, end: [UInt16] = [0xFFFF, 0]) -> RegisterImage {
        var voltVar = [UInt16](repeating: 0, count: 13 + 10 + 2 * 2)
        voltVar[3] = 2  // NPt (offset 5 from the model's ID register)
        voltVar[4] = 1  // NCrv (offset 6)
        let registers: [UInt16] = [0x5375, 0x6E53] + [1, 66] + [UInt16](repeating: 0x4142, count: 66)
            + [705, UInt16(voltVar.count)] + voltVar + end
        return RegisterImage(base: base, registers: registers)
    }

    @Test(arguments: [40000, 0, 50000])
    func theChainIsFoundAtEachBase(base: Int) throws {
        let found = try SunSpecDiscovery.discover(on: Self.image(base: base))
        #expect(found.base == base)
        #expect(found.models.map(\.id) == [1, 705])
        #expect(found.models.map(\.address) == [base + 2, base + 70])
        #expect(found.models[1].counts == ["NPt": 2, "NCrv": 1])
    }

    @Test func anEndModelWithoutLengthEndsTheChain() throws {
        let found = try SunSpecDiscovery.discover(on: Self.image(base: 40000, end: [0xFFFF]))
        #expect(found.models.map(\.id) == [1, 705])
    }

    @Test func aReadOutsideTheImageIsIllegalDataAddress() {
        let image = RegisterImage(base: 100, registers: [1, 2, 3])
        var words: [UInt16] = [0, 0]
        let error = #expect(throws: ModbusError.self) {
            try words.withUnsafeMutableBufferPointer { (buffer) throws(ModbusError) in
                try image.readRegisters(function: 3, address: 102, count: 2, into: buffer.baseAddress!)
            }
        }
        #expect(error?.exceptionCode == 2 && error?.isLinkFailure == false)
        #expect(throws: Never.self) {
            try words.withUnsafeMutableBufferPointer { (buffer) throws(ModbusError) in
                try image.readRegisters(function: 3, address: 101, count: 2, into: buffer.baseAddress!)
            }
        }
        #expect(words == [2, 3])
    }
}
