import DSOCycleLoop
import DSODriverHost
import DSOKernel
import DSOModel
import OpenDSOTestSupport
import Testing

/// Point maps are checked against the driver's points and the model when the host is built.
@Suite struct MappingResolverTests {
    let builder: CDriverBuilder
    let scripted: String
    let example: String

    init() throws {
        builder = try CDriverBuilder()
        scripted = try builder.build("scripted", source: ScriptedDriver.source)
        example = try builder.build("example", file: CDriverBuilder.exampleSource)
    }

    private func configurationError(_ configurations: [DriverConfiguration]) throws -> DriverConfigurationError {
        let model = try TwoBatteryFixture.model()
        do {
            _ = try DriverHost(configurations: configurations, model: model, mode: .synchronous)
        } catch let .configuration(error) {
            return error
        } catch {
            Issue.record("expected a configuration error, got \(error)")
        }
        throw CDriverBuilder.CompileFailure(message: "the host accepted the configuration")
    }

    private func instance(_ points: [PointMapping], library: String? = nil, config: String = "slot=0",
                          sign: SignConvention = .generationPositive) -> DriverConfiguration {
        DriverConfiguration(name: "dev", libraryPath: library ?? scripted, driverConfiguration: config, sign: sign,
                            points: points)
    }

    @Test func unknownResourceIdNamesTheKey() throws {
        let error = try configurationError([instance([PointMapping(point: "p_kw", target: .resource(id: "B9", quantity: .measuredKW))])])
        #expect(error.key == "drivers.dev.points[0].resource")
        #expect(error.message == "no resource 'B9' in the model")
        builder.remove()
    }

    @Test func unknownPointNameListsTheDriversPoints() throws {
        let error = try configurationError([instance([PointMapping(point: "p_kww", target: .resource(id: "B1", quantity: .measuredKW))])])
        #expect(error.key == "drivers.dev.points[0].point")
        #expect(error.message.contains("no point 'p_kww'") && error.message.contains("p_kw, soc, p_w, p_set_kw"), "\(error)")
        builder.remove()
    }

    @Test func setpointOnANonWritablePointIsRefused() throws {
        let error = try configurationError([instance([PointMapping(point: "p_kw", target: .setpointKW(resource: "B1"))])])
        #expect(error.key == "drivers.dev.points[0].point")
        #expect(error.message.contains("not writable"))
        builder.remove()
    }

    @Test func wattsWithoutScaleAreRefusedAndWithScaleAccepted() throws {
        let unscaled = try configurationError([instance([PointMapping(point: "p_w", target: .resource(id: "B1", quantity: .measuredKW))])])
        #expect(unscaled.key == "drivers.dev.points[0].scale")
        #expect(unscaled.message.contains("in W") && unscaled.message.contains("scale = 0.001"))
        let percent = try configurationError([instance([PointMapping(point: "soc", target: .resource(id: "B1", quantity: .soc))],
                                                       library: example, config: "capacity_kwh=10 max_discharge_kw=5")])
        #expect(percent.key == "drivers.dev.points[0].scale" && percent.message.contains("0.01"))
        let notPower = try configurationError([instance([PointMapping(point: "soc", target: .resource(id: "B1", quantity: .measuredKW))])])
        #expect(notPower.key == "drivers.dev.points[0].point" && notPower.message.contains("unit ''"))

        // Scaled watts and a load-positive sign land on the board as generation-positive kW.
        let model = try TwoBatteryFixture.model()
        let controller = ScriptedDriver.Controller(libraryPath: scripted)
        controller.set(slot: 3, .good, powerKW: 30)
        let host = try DriverHost(configurations: [
            DriverConfiguration(name: "watts", libraryPath: scripted, driverConfiguration: "slot=3", sign: .loadPositive,
                                points: [PointMapping(point: "p_w", target: .resource(id: "B1", quantity: .measuredKW), scale: 0.001),
                                         PointMapping(point: "p_kw", target: .resource(id: "B2", quantity: .measuredKW))]),
        ], model: model, mode: .synchronous)
        let kernel = try TwoBatteryFixture.kernel(model)
        host.start()
        host.beforeCycle(kernel, atNanoseconds: 0)
        #expect(kernel.board.measuredKW[0] == -30)
        #expect(kernel.board.measuredKW[1] == -30)
        #expect(kernel.board.timestampNanoseconds[0] == 0)
        host.stop()
        builder.remove()
    }

    @Test func meterOnAnUnmeteredInterfacePointAndDuplicatesAreRefused() throws {
        let meter = try configurationError([instance([PointMapping(point: "p_kw", target: .meterNetImportKW(interfacePoint: "IP-1"))])])
        #expect(meter.key == "drivers.dev.points[0].interface_point" && meter.message.contains("no meter"))
        let unknownPoint = try configurationError([instance([PointMapping(point: "p_kw", target: .meterNetImportKW(interfacePoint: "IP-9"))])])
        #expect(unknownPoint.message == "no interface point 'IP-9' in the model")
        var second = instance([PointMapping(point: "p_kw", target: .resource(id: "B1", quantity: .measuredKW))], config: "slot=1")
        second.name = "dev2"
        second.key = "drivers[1]"
        let duplicate = try configurationError([
            instance([PointMapping(point: "p_kw", target: .resource(id: "B1", quantity: .measuredKW))]), second,
        ])
        #expect(duplicate.key == "drivers[1].points[0]")
        #expect(duplicate.message.contains("already mapped at drivers.dev.points[0]"))
        builder.remove()
    }

    @Test func aConfigurationTheDriverRefusesCarriesItsMessage() throws {
        let error = try configurationError([instance([PointMapping(point: "p_kw", target: .resource(id: "B1", quantity: .measuredKW))],
                                                     library: example, config: "capacity_kwh=abc max_discharge_kw=5")])
        #expect(error.key == "drivers.dev.config")
        #expect(error.message.contains(example))
        #expect(error.message.contains("config key 'capacity_kwh': expected a number, found 'abc'"), "\(error)")
        let missing = try configurationError([instance([PointMapping(point: "p_kw", target: .resource(id: "B1", quantity: .measuredKW))],
                                                       library: example, config: "max_discharge_kw=5")])
        #expect(missing.message.contains("'capacity_kwh' is required"))
        builder.remove()
    }
}
