import ArgumentParser
import DSOModbus

/// `dsoctl modbus write`: one typed value to holding registers (function 6 or 16), confirmed, then read back.
struct ModbusWriteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write",
        abstract: "Write one value to holding registers, then read back what the device holds.",
        discussion: """
            The register value is --value ÷ --scale, rounded for integer types. One register is written with \
            function 6, more with function 16. Asks for confirmation on stderr and reads the answer from stdin \
            unless --yes; any answer but yes exits 4 with nothing written. A value the type cannot carry exits 3.
            """
    )

    @OptionGroup var target: ModbusTargetOptions
    @OptionGroup var register: RegisterOptions

    // Unconditional: `--value -2000` is a value, not an option cluster.
    @Option(parsing: .unconditional, help: ArgumentHelp("The engineering value to write (negative values as --value -2000).", valueName: "V"))
    var value: Double

    @Flag(help: "Write without asking.")
    var yes = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard let type = register.type else { throw ValidationError("--type is needed to encode the value (\(RegisterOptions.typeNames)).") }
        let (address, function) = try register.resolved()
        if function == 4 { throw ValidationError("register \(register.address) is an input register (read-only); only holding registers are written.") }
        guard address + type.registerCount <= 65536 else { throw ValidationError("a \(type.rawValue) at \(address) runs past register 65535.") }
        guard value.isFinite else { throw ValidationError("--value \(value) is not a finite number.") }
    }

    func run() async throws {
        try await reportingFailures {
            let type = register.type!
            let address = try register.resolved().address
            let encoding = register.encoding(type)
            let raw = value / register.scale
            guard let words = encoding.encode(raw) else {
                throw CtlFailure(.invalidInput, "\(NumberText.format(value)) (raw \(NumberText.format(raw))) does not fit a register of type \(type.rawValue)",
                                 hint: "the type (--type) and the scale (--scale)")
            }
            if !yes {
                let registers = words.count == 1 ? "holding register \(address)" : "holding registers \(address)…\(address + words.count - 1)"
                try Confirmation.ask("Write \(NumberText.format(value)) as \(type.rawValue) \(hexWords(words)) to \(registers) on \(target.deviceLabel())?")
            }
            let link = try target.link()
            var readBack = [UInt16](repeating: 0, count: words.count)
            do {
                try link.writeRegisters(address: address, values: words)
                try readBack.withUnsafeMutableBufferPointer { (buffer) throws(ModbusError) in
                    try link.readRegisters(function: 3, address: address, count: buffer.count, into: buffer.baseAddress!)
                }
            } catch let error as ModbusError {
                throw target.failure(error)
            }
            let deviceRaw = readBack.withUnsafeBufferPointer { encoding.decode($0.baseAddress!) }
            // What the registers written stand for, after rounding to the type (12.34 at scale 0.1 writes 12.3).
            let writtenRaw = words.withUnsafeBufferPointer { encoding.decode($0.baseAddress!) }
            let report = WriteReport(address: address, type: type.rawValue, wordOrder: encoding.wordOrder.rawValue, scale: register.scale,
                                     written: JSONNumber(writtenRaw * register.scale), writtenRegisters: words,
                                     readBack: JSONNumber(deviceRaw * register.scale), readBackRegisters: readBack)
            if output.json { try output.emit(json: report) } else { report.print() }
            if readBack != words {
                StandardError.write("Note: the device holds \(hexWords(readBack)), not the \(hexWords(words)) written (it may clamp or round).\n")
            }
        }
    }
}

/// What `modbus write` did: the registers written and what the device held right after.
struct WriteReport: Encodable {
    let address: Int
    let type: String
    let wordOrder: String
    let scale: Double
    let written: JSONNumber
    let writtenRegisters: [UInt16]
    let readBack: JSONNumber
    let readBackRegisters: [UInt16]

    enum CodingKeys: String, CodingKey {
        case address, type, scale, written
        case wordOrder = "word_order"
        case writtenRegisters = "written_registers"
        case readBack = "read_back"
        case readBackRegisters = "read_back_registers"
    }

    func print() {
        var table = Table(["address", "source", "registers", "value"], alignments: [.right, .left, .left, .right])
        let text: (Double) -> String = type == "float32" && scale == 1 ? { NumberText.format(float32: $0) } : { NumberText.format($0) }
        table.append(["\(address)", "written", hexWords(writtenRegisters), text(written.value)])
        table.append(["\(address)", "device", hexWords(readBackRegisters), text(readBack.value)])
        table.print()
    }
}
