import Synchronization

/// The API's open connections, counted in total and per remote address, so a flood from one client is
/// refused without touching anyone else's slots and the total never outgrows the descriptors set aside for it.
final class ConnectionRegistry: Sendable {
    let limits: APIConnectionLimits
    private let open = Mutex<(total: Int, perAddress: [String: Int])>((0, [:]))
    private let refusedCount = Atomic<Int>(0)

    init(limits: APIConnectionLimits) { self.limits = limits }

    /// Takes a slot for a connection from `address`; false (and counted) when none is left.
    func admit(_ address: String) -> Bool {
        let admitted = open.withLock { open in
            let fromAddress = open.perAddress[address, default: 0]
            guard open.total < limits.maximumConnections, fromAddress < limits.maximumConnectionsPerAddress else { return false }
            open.total += 1
            open.perAddress[address] = fromAddress + 1
            return true
        }
        if !admitted { refusedCount.add(1, ordering: .relaxed) }
        return admitted
    }

    /// Gives back the slot of a closed connection from `address`.
    func release(_ address: String) {
        open.withLock { open in
            open.total -= 1
            let left = open.perAddress[address, default: 1] - 1
            open.perAddress[address] = left > 0 ? left : nil
        }
    }

    /// Connections open now.
    var openConnections: Int { open.withLock { $0.total } }
    /// Connections closed on arrival because a limit was reached, since start.
    var refusedConnections: Int { refusedCount.load(ordering: .relaxed) }
}
