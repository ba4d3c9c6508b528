/// How many connections the API holds and for how long, so clients can never take the file descriptors
/// and the CPU the ISO link and the kernel need.
///
/// Beyond `maximumConnections` (or `maximumConnectionsPerAddress` from one address) a new connection is closed
/// as soon as it is accepted. A request whose head and body do not arrive within `requestTimeoutSeconds`
/// (a slow or half-sent request) and a keep-alive connection idle for `idleTimeoutSeconds` are closed.
public struct APIConnectionLimits: Sendable, Hashable {
    public var maximumConnections: Int
    /// Keeps one client (one address) from taking every slot; others still reach `/health`.
    public var maximumConnectionsPerAddress: Int
    /// From a connection's first byte of a request to its last, seconds.
    public var requestTimeoutSeconds: Double
    /// Between requests on a kept-alive connection (and before the first), seconds.
    public var idleTimeoutSeconds: Double

    public init(maximumConnections: Int = 64, maximumConnectionsPerAddress: Int = 16,
                requestTimeoutSeconds: Double = 10, idleTimeoutSeconds: Double = 30) {
        self.maximumConnections = maximumConnections
        self.maximumConnectionsPerAddress = maximumConnectionsPerAddress
        self.requestTimeoutSeconds = requestTimeoutSeconds
        self.idleTimeoutSeconds = idleTimeoutSeconds
    }

    func validate() throws(APIConfigurationError) {
        guard (1...4096).contains(maximumConnections) else {
            throw .invalid(key: "max_connections", value: "\(maximumConnections)", expected: "1…4096")
        }
        guard (1...maximumConnections).contains(maximumConnectionsPerAddress) else {
            throw .invalid(key: "max_connections_per_address", value: "\(maximumConnectionsPerAddress)",
                           expected: "1…max_connections (\(maximumConnections))")
        }
        guard requestTimeoutSeconds.isFinite, (0.01...300).contains(requestTimeoutSeconds) else {
            throw .invalid(key: "request_timeout_s", value: "\(requestTimeoutSeconds)", expected: "0.01…300 seconds")
        }
        guard idleTimeoutSeconds.isFinite, (0.01...3600).contains(idleTimeoutSeconds) else {
            throw .invalid(key: "idle_timeout_s", value: "\(idleTimeoutSeconds)", expected: "0.01…3600 seconds")
        }
    }
}

/// The API's TLS certificate chain and private key (PEM files); read at start and again on SIGHUP.
public struct APITLSFiles: Sendable, Hashable {
    public var certificatePath: String
    public var privateKeyPath: String

    public init(certificatePath: String, privateKeyPath: String) {
        self.certificatePath = certificatePath
        self.privateKeyPath = privateKeyPath
    }
}
