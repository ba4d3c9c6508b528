import DSODriverABI

/// What a driver instance's `dso_host.context` points at: its name, the log handler and the clock.
final class HostContext: Sendable {
    let instanceName: String
    let log: DriverLogHandler
    let clock: HostClock

    init(instanceName: String, log: @escaping DriverLogHandler, clock: HostClock) {
        self.instanceName = instanceName
        self.log = log
        self.clock = clock
    }

    /// Builds the `dso_host` block handed to `open`; it (and this context) must outlive the instance.
    func makeHostBlock() -> UnsafeMutablePointer<dso_host> {
        let block = UnsafeMutablePointer<dso_host>.allocate(capacity: 1)
        block.initialize(to: dso_host(
            struct_size: UInt32(MemoryLayout<dso_host>.size),
            context: Unmanaged.passUnretained(self).toOpaque(),
            log: hostLogCallback,
            now_ns: hostNowCallback))
        return block
    }
}

/// `dso_host.log`: the driver's own messages go to the host's handler, prefixed with the instance.
private let hostLogCallback: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?) -> Void = {
    context, level, message in
    guard let context else { return }
    let host = Unmanaged<HostContext>.fromOpaque(context).takeUnretainedValue()
    let text = message.map { String(cString: $0) } ?? ""
    host.log(DriverLogLevel(rawValue: min(max(level, 0), 3)) ?? .info, "driver '\(host.instanceName)': \(text)")
}

/// `dso_host.now_ns`: the host's clock (virtual in simulations).
private let hostNowCallback: @convention(c) (UnsafeMutableRawPointer?) -> Int64 = { context in
    guard let context else { return 0 }
    return Unmanaged<HostContext>.fromOpaque(context).takeUnretainedValue().clock.now()
}
