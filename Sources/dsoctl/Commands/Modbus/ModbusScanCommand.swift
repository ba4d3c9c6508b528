import ArgumentParser
import DSOModbus

/// `dsoctl modbus scan`: SunSpec discovery with the plugin's own code, then every model's points decoded.
struct ModbusScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Find a device's SunSpec models and decode their values.",
        discussion: """
            Looks for "SunS" at 40000, 0 and 50000 (0-based), follows the model chain to the end model, and prints \
            the models (id, name, address of the ID register, length L) and a value table per model: raw registers, \
            the scale factor applied (value = raw × 10^SF), and "n/i" for points the device marks not implemented. \
            Model 1's strings (manufacturer Mn, model Md, serial SN, version Vr) are shown as text.
            With --units, asks each unit id instead and reports which answer and where their SunSpec map starts \
            (each silent unit costs --timeout: use a short one on a bus).
            """
    )

    @OptionGroup var target: ModbusTargetOptions

    @Option(help: ArgumentHelp("Survey these unit ids (e.g. 1-247 or 1,3,10-12) instead of scanning one.", valueName: "ids"))
    var units: UnitList?

    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await reportingFailures {
            if let units { try survey(units.units) } else { try scan() }
        }
    }

    private var showsProgress: Bool { StandardError.isTerminal && !output.json }

    private func scan() throws {
        let link = try target.link()
        var probing = Progress("SunSpec: looking for \"SunS\" at 40000, 0, 50000", total: 1, enabled: showsProgress)
        probing.update(0)
        let found: (base: Int, models: [DiscoveredModel])
        do {
            found = try SunSpecDiscovery.discover(on: link)
        } catch {
            probing.finish()
            throw discoveryFailure(error, link: link)
        }
        probing.finish()
        var reading = Progress("SunSpec: reading models", total: found.models.count, enabled: showsProgress)
        var models: [ScannedModel] = []
        for (index, model) in found.models.enumerated() {
            reading.update(index, detail: "model \(model.id) at \(model.address)")
            do {
                models.append(try ScannedModel.read(model, on: link))
            } catch {
                reading.finish()
                throw target.failure(error)
            }
        }
        reading.finish()
        let report = ScanReport(base: found.base, endpoint: target.endpoint.label, unit: target.unit, models: models)
        if output.json { try output.emit(json: report) } else { report.print() }
    }

    /// Discovery throws one error type for "nothing answered" and "answered, but no SunSpec here": a second request
    /// tells them apart (after a link failure the link fails it at once, without a new timeout).
    private func discoveryFailure(_ error: ModbusError, link: ModbusLink) -> CtlFailure {
        guard error.exceptionCode == nil, Self.answers(link) else { return target.failure(error) }
        return CtlFailure(.deviceError, error.description,
                          hint: "the device answers but shows no SunSpec map: check the unit id, or read it with "
                              + "`dsoctl modbus read` and describe it with a register map (docs/modbus.md)")
    }

    /// Whether the device answers at all: a Modbus exception is an answer, except a gateway's 10 and 11, which
    /// say that nothing answered behind it.
    static func answers(_ link: ModbusLink) -> Bool {
        var word: UInt16 = 0
        do {
            try link.readRegisters(function: 3, address: SunSpecDiscovery.baseAddresses[0], count: 1, into: &word)
            return true
        } catch {
            return Self.isAnswer(error)
        }
    }

    static func isAnswer(_ error: ModbusError) -> Bool {
        guard let code = error.exceptionCode else { return false }
        return code != 10 && code != 11
    }

    private func survey(_ units: [Int]) throws {
        var progress = Progress("Survey", total: units.count, enabled: showsProgress)
        var answers: [UnitSurveyRow] = []
        for (index, unit) in units.enumerated() {
            progress.update(index, detail: "unit \(unit) of \(units.first!)…\(units.last!)")
            let link = try target.link(unit: unit)
            do {
                let found = try SunSpecDiscovery.discover(on: link)
                answers.append(UnitSurveyRow(unit: unit, answers: true, sunSpecBase: found.base, models: found.models.map(\.id), error: nil))
            } catch {
                let answered = error.isLinkFailure ? false : error.exceptionCode == nil ? Self.answers(link) : Self.isAnswer(error)
                answers.append(UnitSurveyRow(unit: unit, answers: answered, sunSpecBase: nil, models: [], error: error.description))
            }
        }
        progress.finish()
        let report = UnitSurveyReport(endpoint: target.endpoint.label, units: answers)
        if output.json { try output.emit(json: report) } else { report.print() }
        guard answers.contains(where: \.answers) else {
            throw CtlFailure(.unreachable, "none of the \(units.count) unit id(s) asked answered on \(target.endpoint.label)",
                             hint: target.unreachableHint(unit: units.first))
        }
    }
}
