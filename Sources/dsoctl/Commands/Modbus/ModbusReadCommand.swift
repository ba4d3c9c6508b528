import ArgumentParser
import DSOModbus

/// `dsoctl modbus read`: raw holding or input registers, optionally decoded as a typed value with word order and scale.
struct ModbusReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read raw registers, or values of a type (with word order and scale).",
        discussion: """
            Without --type prints each register (hex, uint16, int16); with --type prints --count values of that type \
            (each 1, 2 or 4 registers). At most 125 registers per read.
            """
    )

    @OptionGroup var target: ModbusTargetOptions
    @OptionGroup var register: RegisterOptions

    @Option(help: "Registers (without --type) or values (with --type) to read.")
    var count = 1

    @Option(help: "3: holding registers, 4: input registers (implied by --vendor-numbering).")
    var function: Int?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let function, function != 3, function != 4 { throw ValidationError("--function \(function): expected 3 (holding) or 4 (input registers).") }
        let implied = try register.resolved().function
        if let implied, let function, implied != function {
            throw ValidationError("--function \(function) contradicts register \(register.address), which is a\(implied == 3 ? " holding" : "n input") register.")
        }
        let registers = count * (register.type?.registerCount ?? 1)
        guard count >= 1, registers <= ModbusLink.maximumReadCount else {
            throw ValidationError("--count \(count) asks for \(registers) registers; one read takes 1…\(ModbusLink.maximumReadCount).")
        }
        guard try register.resolved().address + registers <= 65536 else {
            throw ValidationError("--count \(count) from \(register.address) runs past register 65535.")
        }
    }

    func run() async throws {
        try await reportingFailures {
            let (address, implied) = try register.resolved()
            let function = function ?? implied ?? 3
            let width = register.type?.registerCount ?? 1
            var words = [UInt16](repeating: 0, count: count * width)
            let link = try target.link()
            do {
                try words.withUnsafeMutableBufferPointer { (buffer) throws(ModbusError) in
                    try link.readRegisters(function: function, address: address, count: buffer.count, into: buffer.baseAddress!)
                }
            } catch let error as ModbusError {
                throw target.failure(error)
            }
            let report = ReadReport(function: function, address: address, type: register.type?.rawValue,
                                    wordOrder: register.type.map { _ in register.wordOrder.rawValue }, scale: register.scale,
                                    registers: words, values: values(words, from: address))
            if output.json { try output.emit(json: report) } else { report.print() }
        }
    }

    private func values(_ words: [UInt16], from address: Int) -> [ReadReport.Value] {
        guard let type = register.type else { return [] }
        let encoding = register.encoding(type)
        return stride(from: 0, to: words.count, by: type.registerCount).map { start in
            let slice = Array(words[start..<(start + type.registerCount)])
            let raw = slice.withUnsafeBufferPointer { encoding.decode($0.baseAddress!) }
            return ReadReport.Value(address: address + start, registers: slice, raw: JSONNumber(raw), value: JSONNumber(raw * register.scale))
        }
    }
}

/// What `modbus read` returns: the registers as read and, with a type, the decoded values.
struct ReadReport: Encodable {
    /// One typed value: its first register, its words, the decoded number and raw × scale.
    struct Value: Encodable {
        let address: Int
        let registers: [UInt16]
        let raw: JSONNumber
        let value: JSONNumber
    }

    let function: Int
    let address: Int
    let type: String?
    let wordOrder: String?
    let scale: Double
    let registers: [UInt16]
    let values: [Value]

    enum CodingKeys: String, CodingKey {
        case function, address, type, scale, registers, values
        case wordOrder = "word_order"
    }

    func print() {
        if type == nil {
            var table = Table(["address", "hex", "uint16", "int16"], alignments: [.right, .left, .right, .right])
            for (offset, word) in registers.enumerated() {
                table.append(["\(address + offset)", hexWords([word]), "\(word)", "\(Int16(bitPattern: word))"])
            }
            table.print()
            return
        }
        let text: (Double) -> String = type == RegisterType.float32.rawValue ? { NumberText.format(float32: $0) } : { NumberText.format($0) }
        var table = Table(["address", "registers", "raw", "value"], alignments: [.right, .left, .right, .right])
        for value in values {
            let scaled = scale == 1 ? text(value.value.value) : NumberText.format(value.value.value)
            table.append(["\(value.address)", hexWords(value.registers), text(value.raw.value), scaled])
        }
        table.print()
    }
}
