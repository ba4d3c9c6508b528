/// Where the operator API listens, which bearer tokens it accepts (with their roles), how it guards its
/// connections and whether it speaks TLS.
public struct APIConfiguration: Sendable, Hashable {
    /// Address to bind, e.g. `127.0.0.1` (loopback only) or `0.0.0.0`.
    public var host: String
    /// TCP port; 0 lets the system choose (tests), `start()` returns the bound one.
    public var port: Int
    public var tokens: [APIToken]
    /// Largest request body accepted, bytes.
    public var maximumBodyBytes: Int
    /// Most schedule intervals in one submission.
    public var maximumScheduleEntries: Int
    /// Whether `/metrics` needs a viewer token (it names every resource's set point); `/health` never does.
    public var metricsRequireToken: Bool
    public var connections: APIConnectionLimits
    /// Certificate and key files; nil serves plain HTTP.
    public var tls: APITLSFiles?

    public init(host: String = "127.0.0.1", port: Int = 8080, tokens: [APIToken] = [],
                maximumBodyBytes: Int = 1 << 20, maximumScheduleEntries: Int = 1000, metricsRequireToken: Bool = false,
                connections: APIConnectionLimits = APIConnectionLimits(), tls: APITLSFiles? = nil) {
        self.host = host
        self.port = port
        self.tokens = tokens
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumScheduleEntries = maximumScheduleEntries
        self.metricsRequireToken = metricsRequireToken
        self.connections = connections
        self.tls = tls
    }

    /// The tokens written in the files under examples/: public, so never accepted beyond this machine.
    public static let exampleTokens: Set<String> = ["example-viewer-token-change-me", "example-operator-token-change-me"]

    /// Whether `host` reaches only this machine (127.0.0.0/8, ::1, localhost).
    public var listensOnLoopbackOnly: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Checks the values; the error names the key, the value and what was expected.
    public func validate() throws(APIConfigurationError) {
        guard !host.isEmpty else { throw .invalid(key: "host", value: host, expected: "an address such as 127.0.0.1") }
        guard (0...65_535).contains(port) else { throw .invalid(key: "port", value: "\(port)", expected: "0…65535") }
        try connections.validate()
        if !listensOnLoopbackOnly, let index = tokens.firstIndex(where: { Self.exampleTokens.contains($0.token) }) {
            throw .invalid(key: "tokens[\(index)].token", value: "(the example token \"\(tokens[index].name)\" from examples/)",
                           expected: "a secret of your own before listening on \(host), which other machines can reach")
        }
        for (index, token) in tokens.enumerated() {
            guard token.token.count >= 16 else {
                throw .invalid(key: "tokens[\(index)].token", value: "(\(token.token.count) characters)",
                               expected: "a secret of at least 16 characters")
            }
            guard !token.name.isEmpty else { throw .invalid(key: "tokens[\(index)].name", value: "\"\"", expected: "a name") }
        }
        var seen = Set<String>()
        for (index, token) in tokens.enumerated() where !seen.insert(token.token).inserted {
            throw .invalid(key: "tokens[\(index)].token", value: "(repeated)", expected: "each token to be unique")
        }
    }
}

/// A bearer token the API accepts: a name for the audit trail, the secret, and what it may do.
public struct APIToken: Sendable, Hashable {
    public var name: String
    public var token: String
    public var role: APIRole

    public init(name: String, token: String, role: APIRole) {
        self.name = name
        self.token = token
        self.role = role
    }
}

/// What a token may do: viewers read, operators also write.
public enum APIRole: String, Sendable, Hashable, Codable, CaseIterable {
    case viewer, `operator`

    /// Whether this role includes everything `required` may do.
    public func includes(_ required: APIRole) -> Bool { self == .operator || required == .viewer }
}

/// A bad API setting, naming the key, the value and what was expected.
public enum APIConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalid(key: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .invalid(let key, let value, let expected): "api: \(key) = \(value) is not valid; expected \(expected)"
        }
    }
}
