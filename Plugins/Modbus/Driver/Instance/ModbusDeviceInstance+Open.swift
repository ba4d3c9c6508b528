import DSODriverKit
import DSOModbus
import DSODriverABI

extension ModbusDeviceInstance {
    /// Parses the configuration, connects, discovers SunSpec models (or takes them from `models=`) or loads the register map.
    static func open(host: HostConnection, configuration configText: String) throws(DriverOpenError) -> ModbusDeviceInstance {
        let configuration = try ModbusConfiguration(parsing: configText)
        let link: ModbusLink
        do {
            link = try ModbusLink(deviceName: configuration.deviceName, endpoint: configuration.endpoint, settings: configuration.link)
        } catch {
            throw DriverOpenError(error.description)
        }
        switch configuration.profile {
        case .registerMap(let path):
            let map: RegisterMap
            do throws(RegisterMapError) { map = try RegisterMap.load(path: path) } catch { throw DriverOpenError(error.description) }
            host.log(Int32(DSO_LOG_INFO), "device '\(configuration.deviceName)': \(map.device) (\(path)), \(map.points.count) points")
            return ModbusDeviceInstance(configuration: configuration, host: host, link: link, points: map.points, controls: [],
                                        controlScaleFactors: [], extraSpans: [])
        case .sunSpec(nil):
            let binding: SunSpecBinding
            do {
                binding = try SunSpecBinding.discover(on: link, host: host)
            } catch {
                throw DriverOpenError(openFailure(error, configuration: configuration))
            }
            return ModbusDeviceInstance(configuration: configuration, host: host, link: link, points: binding.points,
                                        controls: binding.controls, controlScaleFactors: binding.controlScaleFactors, extraSpans: binding.spans)
        case .sunSpec(let hint?):
            return try openFromHint(hint, configuration: configuration, host: host, link: link)
        }
    }

    /// The host gets the hint's point list now; the device is discovered now if it answers, else on a later read.
    private static func openFromHint(_ hint: SunSpecModelHint, configuration: ModbusConfiguration, host: HostConnection, link: ModbusLink) throws(DriverOpenError) -> ModbusDeviceInstance {
        let expected = hint.models
        var skipped: [String] = []
        let instance = ModbusDeviceInstance(
            configuration: configuration, host: host, link: link, points: SunSpecPoints.points(for: expected, skipped: &skipped),
            controls: SunSpecControl.controls(for: expected), controlScaleFactors: [], extraSpans: []
        )
        instance.awaitedModels = hint
        do {
            try instance.bindAwaitedModels()
        } catch {
            // The device answered with something else than configured: refuse now rather than run stale for ever.
            if let mismatch = instance.hintMismatch { throw DriverOpenError(mismatch) }
            host.log(Int32(DSO_LOG_WARNING), """
                device '\(configuration.deviceName)': opened from models=\(hint) without an answer (\(error.message)); \
                its points are stale until it answers
                """)
        }
        return instance
    }

    /// The open error for a device without `models=`: what failed, and what the engineer can check or configure.
    private static func openFailure(_ error: ModbusError, configuration: ModbusConfiguration) -> String {
        let endpoint = configuration.endpoint.label
        if error.isLinkFailure {
            return """
                SunSpec discovery failed: \(error.description). Check that the device is powered and reachable at \(endpoint) \
                with unit id \(configuration.link.unitID) (timeout_ms=\(configuration.link.responseTimeoutNanoseconds / 1_000_000)), \
                or list its models (e.g. models=1,103,704) so it opens while off and reads stale until it answers
                """
        }
        return """
            SunSpec discovery failed: \(error.description). The device at \(endpoint) unit \(configuration.link.unitID) answers \
            but shows no usable SunSpec map: check the unit id, or describe it with a register map (map=/path/file.json)
            """
    }
}
