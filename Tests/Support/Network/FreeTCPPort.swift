/// A TCP port on 127.0.0.1 nobody listens on right now (bound to 0, read back and released; the kernel does not
/// hand it out again at once), for a server a test starts.
public func freeTCPPort() throws -> Int { try PortHolder(listening: false).port }
