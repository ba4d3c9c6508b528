import Foundation
import OpenDSOTestSupport
import Testing

/// `dsoctl modbus read` and `write` against the pymodbus "block" device (holding registers 0…124): raw registers,
/// typed values in both word orders, scaling, confirmation, exceptions and argument errors with their exit codes.
@Suite(.enabled(if: modbusPeersAvailable, "pymodbus 3.16.1 in .venv and socat needed (run scripts/setup-peers.sh)"), .serialized)
struct ModbusRegisterTests {
    static func target(_ peer: ModbusPeer) -> [String] { ["--host", "127.0.0.1", "--port", "\(peer.port)"] }

    @Test func rawRegistersAreThePeers() async throws {
        let peer = try ModbusPeer(device: "block")
        let address = Int.random(in: 0...100)
        let count = Int.random(in: 2...(125 - address))
        try await TemporaryFolder.with { folder in
            let result = try await BuiltExecutable.dsoctl.run(["modbus", "read"] + Self.target(peer) + ["--address", "\(address)", "--count", "\(count)", "--json"], in: folder)
            try #require(result.status == 0, "\(result)")
            let report = try JSONText.object(result.stdout)
            let registers = (report["registers"] as? [NSNumber])?.map(\.uint16Value)
            #expect(registers == (try peer.registers(address, count)), "\(result)")

            // A manual's 40001-style number reaches the same registers with --vendor-numbering.
            let vendor = try await BuiltExecutable.dsoctl.run(["modbus", "read"] + Self.target(peer) + ["--address", "\(40001 + address)", "--vendor-numbering",
                                                                                        "--count", "2", "--json"], in: folder)
            try #require(vendor.status == 0, "\(vendor)")
            #expect((try JSONText.object(vendor.stdout)["registers"] as? [NSNumber])?.map(\.uint16Value) == (try peer.registers(address, 2)))

            let table = try await BuiltExecutable.dsoctl.run(["modbus", "read"] + Self.target(peer) + ["--address", "\(address)", "--count", "2"], in: folder)
            let word = try peer.registers(address, 1)[0]
            #expect(table.stdout.split(separator: "\n").contains { $0.split(separator: " ") == ["\(address)", Substring(String(format: "0x%04X", word)), "\(word)", "\(Int16(bitPattern: word))"] },
                    "\(table)")
        }
    }

    @Test func typedValuesInBothWordOrders() async throws {
        let peer = try ModbusPeer(device: "block")
        let value = UInt32.random(in: 0x0001_0001...0xFFFE_FFFE)
        let (high, low) = (UInt16(value >> 16), UInt16(value & 0xFFFF))
        try peer.set(10, [low, high])
        let float = Float.random(in: -1000...1000)
        try peer.set(20, [UInt16(float.bitPattern & 0xFFFF), UInt16(float.bitPattern >> 16)])
        try await TemporaryFolder.with { folder in
            func read(_ arguments: [String]) async throws -> Double? {
                let result = try await BuiltExecutable.dsoctl.run(["modbus", "read"] + Self.target(peer) + arguments + ["--json"], in: folder)
                try #require(result.status == 0, "\(result)")
                let values = try #require(try JSONText.object(result.stdout)["values"] as? [[String: Any]])
                return JSONText.double(values.first?["value"])
            }
            let little = try await read(["--address", "10", "--type", "uint32", "--word-order", "little"])
            let big = try await read(["--address", "10", "--type", "uint32"])
            let floatLittle = try await read(["--address", "20", "--type", "float32", "--word-order", "little"])
            let scaled = try await read(["--address", "10", "--type", "uint32", "--word-order", "little", "--scale", "0.5"])
            #expect(little == Double(value))
            #expect(big == Double(UInt32(low) << 16 | UInt32(high)))
            // A float32 register: compared in float32 (the JSON text → Double parse may differ in the last
            // binary digit of the Double; converting back to Float is exact whenever dsoctl decoded the float).
            #expect(floatLittle.map { Float($0) } == float)
            #expect(scaled == Double(value) * 0.5)
        }
    }

    @Test func writeEncodesWithWordOrderAndScaleAndReadsBack() async throws {
        let peer = try ModbusPeer(device: "block")
        let value = Int32.random(in: -2_000_000_000 ... -70000)
        try await TemporaryFolder.with { folder in
            let result = try await BuiltExecutable.dsoctl.run(["modbus", "write"] + Self.target(peer) + ["--address", "30", "--type", "int32", "--word-order", "little",
                                                                                          "--value", "\(value)", "--yes", "--json"], in: folder)
            try #require(result.status == 0, "\(result)")
            let bits = UInt32(bitPattern: value)
            #expect(try peer.registers(30, 2) == [UInt16(bits & 0xFFFF), UInt16(bits >> 16)])
            #expect(JSONText.double(try JSONText.object(result.stdout)["read_back"]) == Double(value), "\(result)")

            let tenths = Double(Int.random(in: 100...3000)) / 10 + 0.04
            let scaled = try await BuiltExecutable.dsoctl.run(["modbus", "write"] + Self.target(peer) + ["--address", "40", "--type", "int16", "--scale", "0.1",
                                                                                          "--value", "\(tenths)", "--yes"], in: folder)
            try #require(scaled.status == 0, "\(scaled)")
            #expect(try peer.registers(40, 1) == [UInt16((tenths / 0.1).rounded())], "\(scaled)")
        }
    }

    @Test func writeAsksAndOnlyYesWrites() async throws {
        let peer = try ModbusPeer(device: "block")
        let before = try peer.registers(50, 1)
        try await TemporaryFolder.with { folder in
            let arguments = ["modbus", "write"] + Self.target(peer) + ["--address", "50", "--type", "uint16", "--value", "4242"]
            for answer: String? in ["no\n", "\n", nil] {
                let result = try await BuiltExecutable.dsoctl.run(arguments, in: folder, input: answer)
                #expect(result.status == 4, "\(result)")
                #expect(result.stderr.contains("[y/N]") && result.stderr.contains("nothing was written"), "\(result)")
                #expect(try peer.registers(50, 1) == before)
            }
            let yes = try await BuiltExecutable.dsoctl.run(arguments, in: folder, input: "yes\n")
            #expect(yes.status == 0, "\(yes)")
            #expect(try peer.registers(50, 1) == [4242])
        }
    }

    @Test func aValueTheTypeCannotCarryIsRefusedBeforeAnythingIsSent() async throws {
        let peer = try ModbusPeer(device: "block")
        let before = try peer.registers(60, 1)
        try await TemporaryFolder.with { folder in
            let result = try await BuiltExecutable.dsoctl.run(["modbus", "write"] + Self.target(peer) + ["--address", "60", "--type", "int16", "--value", "40000", "--yes"],
                                              in: folder)
            #expect(result.status == 3, "\(result)")
            #expect(result.stderr.contains("int16"), "\(result)")
            #expect(try peer.registers(60, 1) == before)
        }
    }

    @Test func aModbusExceptionNamesTheRegisterAndTheException() async throws {
        let peer = try ModbusPeer(device: "block")
        try await TemporaryFolder.with { folder in
            let result = try await BuiltExecutable.dsoctl.run(["modbus", "read"] + Self.target(peer) + ["--address", "300", "--count", "2"], in: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("at 300") && result.stderr.contains("illegal data address"), "\(result)")
            #expect(result.stderr.contains("check:"), "\(result)")
        }
    }

    @Test func aMutedDeviceIsUnreachable() async throws {
        let peer = try ModbusPeer(device: "block")
        try peer.mute(true)
        try await TemporaryFolder.with { folder in
            let result = try await BuiltExecutable.dsoctl.run(["modbus", "read"] + Self.target(peer) + ["--address", "0", "--timeout", "0.4"], in: folder)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("no answer within the timeout") && result.stderr.contains("check:"), "\(result)")
        }
        try peer.mute(false)
    }

    @Test(arguments: [
        (["--address", "70000"], "outside 0…65535"),
        (["--address", "0", "--count", "126"], "1…125"),
        (["--address", "0", "--type", "int12"], "int12"),
        (["--address", "0", "--type", "int32", "--word-order", "middle"], "middle"),
        (["--address", "0", "--function", "5"], "--function 5"),
        (["--address", "12", "--vendor-numbering"], "not a vendor register number"),
    ])
    func badArgumentsAreUsageErrors(arguments: [String], message: String) async throws {
        try await TemporaryFolder.with { folder in
            let result = try await BuiltExecutable.dsoctl.run(["modbus", "read", "--host", "127.0.0.1", "--port", "1"] + arguments, in: folder)
            #expect(result.status == 64, "\(result)")
            #expect(result.stderr.contains(message), "\(result)")
        }
    }
}
