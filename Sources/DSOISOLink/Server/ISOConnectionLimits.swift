/// How many clients the ISO link serves and how long it waits on them, so that no reader can lock the ISO out.
public struct ISOConnectionLimits: Sendable, Hashable {
    /// Most connections at once, writers and readers together.
    public var maximumClients: Int
    /// Slots only addresses in the writers list may take: readers never fill the link.
    public var writerSlots: Int
    /// A connection with no complete request for this long is closed, seconds.
    public var idleTimeoutSeconds: Double
    /// A request must arrive whole within this long of its first byte, or the connection is closed, seconds.
    public var requestDeadlineSeconds: Double
    /// Connection log lines (connect, close, refusal by a reader) per second; the rest are counted and summarised.
    public var logLinesPerSecond: Int

    /// Defaults: the ISO writes every 4 s and polls every 1 s, so 30 s of silence means a dead or idle peer;
    /// a request is at most 260 bytes, which never takes 2 s on a working network.
    public init(maximumClients: Int = 16, writerSlots: Int = 4, idleTimeoutSeconds: Double = 30,
                requestDeadlineSeconds: Double = 2, logLinesPerSecond: Int = 5) {
        self.maximumClients = maximumClients
        self.writerSlots = writerSlots
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.requestDeadlineSeconds = requestDeadlineSeconds
        self.logLinesPerSecond = logLinesPerSecond
    }

    /// Slots readers may hold.
    public var readerSlots: Int { maximumClients - writerSlots }

    /// Throws when a limit cannot work (no slot, more writer slots than slots, a timeout that is not positive).
    public func validate() throws(ISOLinkError) {
        guard maximumClients >= 1 else {
            throw .invalidSetting(key: "maximum clients", value: "\(maximumClients)", expected: "at least 1")
        }
        guard (0...maximumClients).contains(writerSlots) else {
            throw .invalidSetting(key: "writer slots", value: "\(writerSlots)", expected: "0…\(maximumClients) (the maximum clients)")
        }
        for (key, seconds) in [("idle timeout", idleTimeoutSeconds), ("request deadline", requestDeadlineSeconds)]
        where !(seconds.isFinite && seconds > 0) {
            throw .invalidSetting(key: key, value: "\(seconds)", expected: "a positive number of seconds")
        }
        guard logLinesPerSecond >= 1 else {
            throw .invalidSetting(key: "log lines per second", value: "\(logLinesPerSecond)", expected: "at least 1")
        }
    }
}
