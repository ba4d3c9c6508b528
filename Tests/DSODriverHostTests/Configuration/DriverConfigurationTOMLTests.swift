import DSODriverHost
import Testing

/// The `[[drivers]]` section reads into plain values; every mistake is reported at once, naming the file and the key.
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

    /// The same values written out, to compare a read against field by field.
    static let expected = DriverConfiguration(
        name: "battery-1", libraryPath: "/etc/opendso/plugins/libexample_driver.so",
        driverConfiguration: "capacity_kwh=200; max_discharge_kw=100", sign: .loadPositive,
        pollPeriodSeconds: 0.2, timeoutSeconds: 0.08,
        points: [
            PointMapping(point: "p_kw", target: .resource(id: "B1", quantity: .measuredKW), key: "drivers[0].points[0]"),
            PointMapping(point: "soc", target: .resource(id: "B1", quantity: .soc), scale: 0.01, key: "drivers[0].points[1]"),
            PointMapping(point: "net_kw", target: .meterNetImportKW(interfacePoint: "IP-1"), key: "drivers[0].points[2]"),
            PointMapping(point: "p_set_kw", target: .setpointKW(resource: "B1"), key: "drivers[0].points[3]"),
        ],
        key: "drivers[0]")

    @Test func aValidFileLoadsExactlyAsWritten() throws {
        #expect(try DriverConfiguration.parseDrivers(toml: Self.document, path: "/etc/opendso/site.toml") == [Self.expected])

        let defaults = try DriverConfiguration.parseDrivers(toml: Self.document
            .replacingOccurrences(of: "poll_period_s = 0.2\n", with: "")
            .replacingOccurrences(of: "timeout_s = 0.08\n", with: "")
            .replacingOccurrences(of: "config = \"capacity_kwh=200; max_discharge_kw=100\"\n", with: ""), path: "/etc/opendso/site.toml")
        #expect(defaults.first?.pollPeriodSeconds == 0.1 && defaults.first?.timeoutSeconds == 0.05)
        #expect(defaults.first?.driverConfiguration == "")
    }

    @Test func noDriversSectionMeansNoDrivers() throws {
        #expect(try DriverConfiguration.parseDrivers(toml: "[scenario]\nname = \"x\"\n", path: "/x.toml").isEmpty)
    }

    private func error(_ text: String) -> DriverSectionError? {
        do {
            _ = try DriverConfiguration.parseDrivers(toml: text, path: "/etc/opendso/site.toml")
            return nil
        } catch {
            return error
        }
    }

    /// The only issue of a file with one mistake.
    private func onlyIssue(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> DriverConfigurationError {
        let failure = try #require(error(text), sourceLocation: sourceLocation)
        #expect(failure.issues.count == 1, "\(failure)", sourceLocation: sourceLocation)
        return try #require(failure.issues.first, sourceLocation: sourceLocation)
    }

    @Test func badValuesNameTheKey() throws {
        let badSign = try onlyIssue(Self.document.replacingOccurrences(of: "\"load_positive\"", with: "\"load-positive\""))
        #expect(badSign.key == "drivers[0].sign")
        #expect(badSign.description.hasPrefix("/etc/opendso/site.toml: drivers[0].sign: found \"load-positive\""))

        let badQuantity = try onlyIssue(Self.document.replacingOccurrences(of: "\"measured_kw\"", with: "\"power\""))
        #expect(badQuantity.key == "drivers[0].points[0].quantity")
        #expect(badQuantity.message.contains("measured_kw"))

        let typo = try onlyIssue(Self.document.replacingOccurrences(of: "scale = 0.01", with: "scal = 0.01"))
        #expect(typo.key == "drivers[0].points[1].scal" && typo.message.hasPrefix("unknown key"))
        #expect(typo.message.contains("point, quantity") && typo.message.contains("scale"), "the known keys are listed: \(typo)")

        let missing = try onlyIssue(Self.document.replacingOccurrences(of: "interface_point = \"IP-1\"\n", with: ""))
        #expect(missing.key == "drivers[0].points[2].interface_point" && missing.message.hasPrefix("missing required key"))

        let timeout = try onlyIssue(Self.document.replacingOccurrences(of: "timeout_s = 0.08", with: "timeout_s = -1"))
        #expect(timeout.key == "drivers[0].timeout_s" && timeout.message.contains("-1"))

        let zeroScale = try onlyIssue(Self.document.replacingOccurrences(of: "scale = 0.01", with: "scale = 0"))
        #expect(zeroScale.key == "drivers[0].points[1].scale")

        let syntax = try onlyIssue("[[drivers]\nname = 1")
        #expect(syntax.key == "(syntax)")

        // Fuzz/FuzzDriverTOML: an invalid UTF-8 byte after '[' (decoded as U+FFFD) made toml++ abort the process.
        let header = try onlyIssue("[\u{FFFD}drivers]]\nname = \"meter\"\n")
        #expect(header.key == "(syntax)" && header.message.hasPrefix("line 1: a table header starts with a key"))
    }

    @Test func duplicateInstanceNamesAreRefused() throws {
        let second = Self.document.replacingOccurrences(of: "[scenario]\nname = \"ignored by the driver reader\"\n", with: "")
            .replacingOccurrences(of: "resource = \"B1\"", with: "resource = \"B2\"")
            .replacingOccurrences(of: "\"IP-1\"", with: "\"IP-2\"")
        let failure = try onlyIssue(Self.document + "\n" + second)
        #expect(failure.key == "drivers[1].name" && failure.message.contains("battery-1") && failure.message.contains("drivers[0].name"))
    }

    /// Three entries full of mistakes: every one is reported, in reading order, each with its key path and
    /// what was expected, and the file on every line.
    @Test func everyMistakeOfEveryEntryIsReportedAtOnce() throws {
        let text = """
            [[drivers]]
            name = "bess-1"
            library = 42
            sign = "load-positive"
            poll_period_s = 0
            colour = "red"

            [[drivers.points]]
            point = "p_kw"
            resource = "B1"
            quantity = "power"

            [[drivers.points]]
            point = "soc"
            quantity = "soc"
            interface_point = "IP-1"
            scale = 0

            [[drivers.points]]
            point = "net_kw"
            resource = "B1"
            quantity = "net_import_kw"

            [[drivers.points]]
            point = "p_kw"
            resource = "B1"
            quantity = "measured_kw"

            [[drivers]]
            name = "bess-1"
            library = "libother.so"
            sign = "generation_positive"
            timeout_s = "fast"

            [[drivers.points]]
            point = "w"
            resource = "B1"
            quantity = "measured_kw"

            [[drivers.points]]
            point = "setpoint"
            resource = "B1"
            quantity = "setpoint_kw"
            scal = 0.001

            [[drivers.points]]
            point = "w_again"
            resource = "B1"
            quantity = "measured_kw"

            [[drivers]]
            library = ""
            sign = "generation_positive"
            """
        let failure = try #require(error(text))
        let issues = Dictionary(failure.issues.map { ($0.key, $0.message) }, uniquingKeysWith: { first, second in "\(first) | \(second)" })
        #expect(failure.issues.map(\.key) == [
            "drivers[0].library", "drivers[0].sign", "drivers[0].poll_period_s",
            "drivers[0].points[0].quantity", "drivers[0].points[1].resource", "drivers[0].points[1].interface_point",
            "drivers[0].points[1].scale",
            "drivers[0].points[2].resource", "drivers[0].points[2].interface_point", "drivers[0].colour",
            "drivers[1].name", "drivers[1].timeout_s", "drivers[1].points[1].scal", "drivers[1].points[2]",
            "drivers[2].name", "drivers[2].library", "drivers[2].points",
        ], "\(failure)")
        #expect(issues["drivers[0].library"] == "found integer 42, expected the path of the driver's shared library, e.g. \"libDSOModbusDriver.so\"")
        #expect(issues["drivers[0].sign"] == "found \"load-positive\", expected \"generation_positive\" or \"load_positive\"")
        #expect(issues["drivers[0].poll_period_s"] == "found 0.0, expected a number of seconds in (0, 3600]")
        #expect(issues["drivers[0].points[0].quantity"]?.hasPrefix("found \"power\", expected one of measured_kw, available_up_kw") == true)
        #expect(issues["drivers[0].points[1].resource"]?.hasPrefix("missing required key, expected a resource id") == true)
        #expect(issues["drivers[0].points[1].interface_point"] == "applies only to quantity \"net_import_kw\", expected resource for \"soc\"")
        #expect(issues["drivers[0].points[1].scale"]?.hasPrefix("found 0.0, expected a finite non-zero factor") == true)
        #expect(issues["drivers[0].points[2].resource"]?.contains("expected interface_point") == true)
        #expect(issues["drivers[0].colour"] == "unknown key, expected one of name, library, config, sign, poll_period_s, timeout_s, points")
        #expect(issues["drivers[1].timeout_s"] == "found the string \"fast\", expected a number of seconds in (0, 3600]")
        #expect(issues["drivers[1].name"] == "found \"bess-1\" again, expected a unique instance name (drivers[0].name already has it)")
        #expect(issues["drivers[1].points[2]"] == "found resource 'B1' measured_kw again, expected one point per kernel quantity (drivers[1].points[0] already maps it)")
        #expect(issues["drivers[2].name"]?.hasPrefix("missing required key") == true)
        #expect(issues["drivers[2].library"]?.hasPrefix("found an empty string") == true)
        #expect(issues["drivers[2].points"]?.hasPrefix("missing required key, expected at least one [[drivers.points]] table") == true)

        let lines = failure.description.split(separator: "\n")
        #expect(lines.count == failure.issues.count && lines.allSatisfy { $0.hasPrefix("/etc/opendso/site.toml: drivers[") })
        #expect(failure.mentions("drivers[1]") && !failure.mentions("drivers[3]"))
    }

    /// Each entry is read on its own (dsoctl picks one entry of a file); a quantity that two entries map is
    /// for whoever runs them together, in the same wording.
    @Test func aQuantityMappedByTwoEntriesIsNamedWhenTheyRunTogether() throws {
        let second = Self.document.replacingOccurrences(of: "[scenario]\nname = \"ignored by the driver reader\"\n", with: "")
            .replacingOccurrences(of: "battery-1", with: "battery-2")
            .replacingOccurrences(of: "quantity = \"soc\"", with: "quantity = \"fault\"")
        let drivers = try DriverConfiguration.parseDrivers(toml: Self.document + "\n" + second, path: "/etc/opendso/site.toml")
        let issues = DriverConfiguration.targetsMappedTwice(across: drivers)
        #expect(issues.map(\.key) == ["drivers[1].points[0]", "drivers[1].points[2]", "drivers[1].points[3]"], "\(issues)")
        #expect(issues.first?.message == "found resource 'B1' measured_kw again, expected one point per kernel quantity (drivers[0].points[0] already maps it)")
        #expect(DriverConfiguration.targetsMappedTwice(across: [Self.expected]).isEmpty)
    }

    @Test(arguments: [
        ("drivers = \"bess\"", "drivers", "found the string \"bess\", expected an array of tables [[drivers]]"),
        ("[drivers]\nname = \"bess\"", "drivers", "found a table, expected an array of tables [[drivers]]"),
        ("drivers = [1]", "drivers[0]", "found integer 1, expected a table [[drivers]]"),
    ])
    func aSectionOfTheWrongShapeIsNamed(_ text: String, _ key: String, _ message: String) throws {
        let issue = try onlyIssue(text)
        #expect(issue.key == key && issue.message == message, "\(issue)")
    }
}
