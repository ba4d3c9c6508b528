import DSOModbus
import DSODriverABI

extension ModbusDeviceInstance {
    /// Parses the configuration, connects, discovers SunSpec models or loads the register map.
    static func open(configText: String, host: HostConnection) throws(DriverOpenError) -> ModbusDeviceInstance {
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
            return ModbusDeviceInstance(configuration: configuration, host: host, link: link, points: map.points, controls: [], extraSpans: [])
        case .sunSpec:
            return try openSunSpec(configuration: configuration, host: host, link: link)
        }
    }

    private static func openSunSpec(configuration: ModbusConfiguration, host: HostConnection, link: ModbusLink) throws(DriverOpenError) -> ModbusDeviceInstance {
        let discovered: (base: Int, models: [DiscoveredModel])
        do {
            discovered = try SunSpecDiscovery.discover(on: link)
        } catch {
            throw DriverOpenError("SunSpec discovery failed: \(error.description)")
        }
        var skipped: [String] = []
        let points = SunSpecPoints.points(for: discovered.models, skipped: &skipped)
        let ids = discovered.models.map { String($0.id) }.joined(separator: ", ")
        host.log(Int32(DSO_LOG_INFO), "device '\(configuration.deviceName)': SunSpec at \(discovered.base), models \(ids)")
        for line in skipped { host.log(Int32(DSO_LOG_WARNING), "device '\(configuration.deviceName)': skipped \(line)") }
        var controls = SunSpecControl.controls(for: discovered.models)
        var scaleFactors: [[String: Int]] = []
        do {
            for index in controls.indices {
                var factors: [String: Int] = [:]
                for name in controls[index].scaleFactorNames {
                    guard let address = controls[index].address(name) else { continue }
                    var word: UInt16 = 0
                    try link.readRegisters(function: 3, address: address, count: 1, into: &word)
                    if word != 0x8000 { factors[name] = Int(Int16(bitPattern: word)) }
                }
                if controls[index].quantity == .powerWatts, controls[index].model.id == 124, let address = controls[index].address("WChaMax") {
                    var word: UInt16 = 0
                    try link.readRegisters(function: 3, address: address, count: 1, into: &word)
                    if word != 0xFFFF { controls[index].fullScaleWatts = Double(word) * pow10(factors["WChaMax_SF"] ?? 0) }
                }
                scaleFactors.append(factors)
            }
        } catch {
            throw DriverOpenError("reading control scale factors: \(error.description)")
        }
        let instance = ModbusDeviceInstance(
            configuration: configuration, host: host, link: link, points: points, controls: controls,
            extraSpans: SunSpecPoints.spans(for: discovered.models)
        )
        instance.controlScaleFactors = scaleFactors
        return instance
    }
}
