/// How the ISO link is set up: where it listens, who may write, and the bounds of what they write.
public struct ISOLinkConfiguration: Sendable {
    /// Where the Modbus TCP server listens.
    public var endpoint: ISOEndpoint
    /// Clients allowed to write; everyone else may only read.
    public var writers: [IPv4Address]
    /// Bounds of written values and the link-loss time.
    public var limits: ISOWriteLimits
    /// The award in effect before the ISO writes one, MW.
    public var initialAwardMW: Double
    /// Connection slots (some kept for writers), idle timeout and request deadline.
    public var connections: ISOConnectionLimits

    public init(endpoint: ISOEndpoint, writers: [IPv4Address], limits: ISOWriteLimits, initialAwardMW: Double,
                connections: ISOConnectionLimits = ISOConnectionLimits()) {
        self.endpoint = endpoint
        self.writers = writers
        self.limits = limits
        self.initialAwardMW = initialAwardMW
        self.connections = connections
    }

    /// Parses a comma-separated allow-list of IPv4 addresses (`127.0.0.1,10.0.0.5`).
    public static func parseWriters(_ text: String) throws(ISOLinkError) -> [IPv4Address] {
        var writers: [IPv4Address] = []
        for part in text.split(separator: ",") {
            let item = part.trimmingCharacters(in: " ")
            guard let address = IPv4Address(item) else {
                throw .invalidSetting(key: "writers", value: item, expected: "a dotted IPv4 address (comma-separated list)")
            }
            writers.append(address)
        }
        return writers
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
