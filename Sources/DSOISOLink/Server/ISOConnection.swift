/// One client of the ISO link, with the bytes of the request it has not finished sending.
struct ISOConnection {
    let socket: Int32
    let peer: IPv4Address
    let mayWrite: Bool
    /// Received bytes not yet part of a whole request (at most two requests' worth).
    var pending: [UInt8] = []
    /// When it connected or last completed a request, monotonic seconds: the idle timeout runs from here.
    var lastRequestSeconds: Double
    /// When the first byte of the unfinished request arrived: the request deadline runs from here.
    var partialSinceSeconds: Double?

    init(socket: Int32, peer: IPv4Address, mayWrite: Bool, connectedSeconds: Double) {
        self.socket = socket
        self.peer = peer
        self.mayWrite = mayWrite
        lastRequestSeconds = connectedSeconds
    }

    var role: String { mayWrite ? "may write" : "read-only" }
}
