import DSODriverHost
import Testing

/// The `[[drivers]]` section reads into plain values; mistakes name the file and the key.
@Suite struct DriverConfigurationTOMLTests {
    static let document = """
    [scenario]
    name = "ignored by the driver reader"

    [[drivers]]
    name = "battery-1"
    library = "plugins/libexample_driver.so"
    config = "capacity_kwh=200; max_discharge_kw=100"
    sign = "load_positive"
    poll_period_s = 0.2
    timeout_s = 0.08

    [[drivers.points]]
    point = "p_kw"
    resource = "B1"
    quantity = "measured_kw"

    [[drivers.points]]
    point = "soc"
    resource = "B1"
    quantity = "soc"
    scale = 0.01

    [[drivers.points]]
    point = "net_kw"
    interface_point = "IP-1"
    quantity = "net_import_kw"

    [[drivers.points]]
    point = "p_set_kw"
    resource = "B1"
    quantity = "setpoint_kw"
    """

    @Test func readsEveryKey() throws {
        let drivers = try DriverConfiguration.parseDrivers(toml: Self.document, path: "/etc/opendso/site.toml")
        #expect(drivers.count == 1)
        let driver = try #require(drivers.first)
        #expect(driver.name == "battery-1")
        #expect(driver.libraryPath == "/etc/opendso/plugins/libexample_driver.so")
        #expect(driver.driverConfiguration == "capacity_kwh=200; max_discharge_kw=100")
        #expect(driver.sign == .loadPositive)
        #expect(driver.pollPeriodSeconds == 0.2 && driver.timeoutSeconds == 0.08)
        #expect(driver.points.map(\.target) == [
            .resource(id: "B1", quantity: .measuredKW), .resource(id: "B1", quantity: .soc),
            .meterNetImportKW(interfacePoint: "IP-1"), .setpointKW(resource: "B1"),
        ])
        #expect(driver.points.map(\.scale) == [nil, 0.01, nil, nil])
        #expect(driver.points[1].key == "drivers[0].points[1]")
    }

    @Test func noDriversSectionMeansNoDrivers() throws {
        #expect(try DriverConfiguration.parseDrivers(toml: "[scenario]\nname = \"x\"\n", path: "/x.toml").isEmpty)
    }

    private func error(_ text: String) -> DriverConfigurationError? {
        do {
            _ = try DriverConfiguration.parseDrivers(toml: text, path: "/etc/opendso/site.toml")
            return nil
        } catch {
            return error
        }
    }

    @Test func badValuesNameTheKey() throws {
        let badSign = try #require(error(Self.document.replacingOccurrences(of: "\"load_positive\"", with: "\"load-positive\"")))
        #expect(badSign.key == "drivers[0].sign")
        #expect(badSign.description.hasPrefix("/etc/opendso/site.toml: drivers[0].sign: found \"load-positive\""))

        let badQuantity = try #require(error(Self.document.replacingOccurrences(of: "\"measured_kw\"", with: "\"power\"")))
        #expect(badQuantity.key == "drivers[0].points[0].quantity")
        #expect(badQuantity.message.contains("measured_kw"))

        let typo = try #require(error(Self.document.replacingOccurrences(of: "scale = 0.01", with: "scal = 0.01")))
        #expect(typo.key == "drivers[0].points[1].scal" && typo.message == "unknown key")

        let missing = try #require(error(Self.document.replacingOccurrences(of: "interface_point = \"IP-1\"\n", with: "")))
        #expect(missing.key == "drivers[0].points[2].interface_point")

        let timeout = try #require(error(Self.document.replacingOccurrences(of: "timeout_s = 0.08", with: "timeout_s = -1")))
        #expect(timeout.key == "drivers[0].timeout_s")

        let zeroScale = try #require(error(Self.document.replacingOccurrences(of: "scale = 0.01", with: "scale = 0")))
        #expect(zeroScale.key == "drivers[0].points[1].scale")

        let syntax = try #require(error("[[drivers]\nname = 1"))
        #expect(syntax.key == "(syntax)")
    }

    @Test func duplicateInstanceNamesAreRefused() throws {
        let twice = Self.document + "\n" + Self.document.replacingOccurrences(of: "[scenario]\nname = \"ignored by the driver reader\"\n", with: "")
        let failure = try #require(error(twice))
        #expect(failure.key == "drivers[1].name" && failure.message.contains("battery-1"))
    }
}
