import OpenDSOTestSupport
import DSODriverABI
import Testing

/// `open` with good and bad configuration strings: each bad one fails with a message naming the key or value.
@Suite struct OpenConfigurationTests {
    @Test func opensTheExampleScenarioAndLogsWhatItBuilt() throws {
        let driver = try PluginLibrary.simulatedDevices.load()
        let host = VirtualHost()
        let instance = try PluginInstance.opened(driver, host: host, config: "scenario=\(PluginFixtures.smallDSOPath)")
        #expect(host.logged("simulated: 232 devices (21 batteries, 203 PV, 5 loads, 3 DR) and 2 meters from small-dso.toml"),
                "\(host.messages)")
        #expect(host.messages.first?.level == Int32(DSO_LOG_INFO))
        #expect(instance.points.count > 232 * 3)
    }

    @Test func acceptsBlanksNewlinesAndAllKeys() throws {
        let path = try PluginFixtures.write()
        defer { PluginFixtures.remove(scenarioAt: path) }
        let driver = try PluginLibrary.simulatedDevices.load()
        let config = "  scenario = \(path) ;\nresources=BESS-2 , PV-1\ninterface_points=SUB-B; time_origin_ns=-5"
        let instance = try PluginInstance.opened(driver, host: VirtualHost(), config: config)
        #expect(instance.index("BESS-2.soc") != nil)
        #expect(instance.index("PV-1.p_kw") != nil)
        #expect(instance.index("BESS-1.p_kw") == nil)
    }

    struct BadConfig: CustomTestStringConvertible, Sendable {
        let config: String
        /// Every one of these must appear in the error.
        let expected: [String]
        var testDescription: String { config }
    }

    static let badConfigs: [BadConfig] = [
        BadConfig(config: "", expected: ["'scenario' is missing"]),
        BadConfig(config: "resources=BESS-1", expected: ["'scenario' is missing"]),
        BadConfig(config: "scenario", expected: ["entry 'scenario' has no '='"]),
        BadConfig(config: "scenario=/nonexistent/plant.toml", expected: ["'scenario'", "/nonexistent/plant.toml", "cannot read"]),
        BadConfig(config: "scenario=$GOOD; colour=blue", expected: ["config key 'colour' is unknown", "time_origin_ns"]),
        BadConfig(config: "scenario=$GOOD; scenario=$GOOD", expected: ["'scenario' is given twice"]),
        BadConfig(config: "scenario=$GOOD; resources=BESS-1,BESS-9", expected: ["'resources'", "'BESS-9'", "not a resource"]),
        BadConfig(config: "scenario=$GOOD; resources=BESS-1,,PV-1", expected: ["'resources'", "empty id at position 2"]),
        BadConfig(config: "scenario=$GOOD; resources=", expected: ["'resources' has an empty value"]),
        BadConfig(config: "scenario=$GOOD; interface_points=SUB-Z", expected: ["'interface_points'", "'SUB-Z'"]),
        BadConfig(config: "scenario=$GOOD; time_origin_ns=soon", expected: ["'time_origin_ns'", "'soon'"]),
        BadConfig(config: "scenario=$BROKEN", expected: ["'scenario'", "batteries[0].capacity_kwh"]),
    ]

    @Test(arguments: badConfigs)
    func badConfigFailsNamingTheKey(_ bad: BadConfig) throws {
        let good = try PluginFixtures.write()
        let broken = try PluginFixtures.write(PluginFixtures.physicsScenario.replacingOccurrences(
            of: "capacity_kwh = 1000", with: "capacity_kwh = -3"))
        defer {
            PluginFixtures.remove(scenarioAt: good)
            PluginFixtures.remove(scenarioAt: broken)
        }
        let config = bad.config.replacingOccurrences(of: "$GOOD", with: good).replacingOccurrences(of: "$BROKEN", with: broken)
        let driver = try PluginLibrary.simulatedDevices.load()
        switch PluginInstance.open(driver, host: VirtualHost(), config: config) {
        case .success:
            Issue.record("'\(config)' opened")
        case .failure(let failure):
            #expect(failure.message.hasPrefix("simulated: "), "\(failure.message)")
            for text in bad.expected {
                #expect(failure.message.contains(text), "'\(failure.message)' lacks '\(text)'")
            }
        }
    }

    @Test func nullConfigAndBadHostAreRefused() throws {
        let driver = try PluginLibrary.simulatedDevices.load()
        var buffer = [CChar](repeating: 0, count: 256)
        let host = VirtualHost()
        let nullConfig = buffer.withUnsafeMutableBufferPointer { driver.pointee.open!(host.pointer, nil, $0.baseAddress, $0.count) }
        #expect(nullConfig == nil)
        #expect(String(nulTerminated: buffer).contains("config is NULL"))

        let nullHost = "scenario=/x.toml".withCString { config in
            buffer.withUnsafeMutableBufferPointer { driver.pointee.open!(nil, config, $0.baseAddress, $0.count) }
        }
        #expect(nullHost == nil)
        #expect(String(nulTerminated: buffer).contains("host is NULL"))

        let oldHost = VirtualHost(structSize: 8)
        let small = "scenario=/x.toml".withCString { config in
            buffer.withUnsafeMutableBufferPointer { driver.pointee.open!(oldHost.pointer, config, $0.baseAddress, $0.count) }
        }
        #expect(small == nil)
        #expect(String(nulTerminated: buffer).contains("struct_size 8"))
    }

    /// A short buffer gets a NUL-terminated prefix that is still valid UTF-8; no byte past the capacity is touched.
    @Test func errorIsTruncatedToTheBufferWithoutSplittingACharacter() throws {
        let driver = try PluginLibrary.simulatedDevices.load()
        // "simulated: config key 'é…" — the é (2 bytes) straddles byte 24 of the message.
        let config = "éééé=1"
        for capacity in [1, 2, 24, 25, 26] {
            var buffer = [UInt8](repeating: 0xAA, count: 64)
            let handle = config.withCString { text in
                buffer.withUnsafeMutableBytes {
                    driver.pointee.open!(VirtualHost().pointer, text, $0.baseAddress!.assumingMemoryBound(to: CChar.self), capacity)
                }
            }
            #expect(handle == nil)
            let end = try #require(buffer.firstIndex(of: 0), "no NUL within capacity \(capacity)")
            #expect(end < capacity)
            #expect(buffer[capacity...].allSatisfy { $0 == 0xAA }, "wrote past capacity \(capacity)")
            #expect(String(validating: buffer[..<end], as: UTF8.self) != nil, "invalid UTF-8 at capacity \(capacity)")
        }
    }
}
