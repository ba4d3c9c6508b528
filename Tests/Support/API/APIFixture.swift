import DSOAPI
import DSOHistorian
import DSOModel
import Foundation
import Synchronization

/// A running API server on 127.0.0.1 (port chosen by the system) over a real historian in a temporary
/// folder, a fixed status snapshot and a schedule submitter that records what reached it.
public final class APIFixture: Sendable {
    public static let viewerToken = "viewer-token-0123456789"
    public static let operatorToken = "operator-token-0123456789"

    public let folder: URL
    public let historian: Historian
    public let status: LatestStatus
    public let submitted = Mutex<[ScheduleEntry]>([])
    public let server: APIServer
    public let http: HTTPClient

    private init(folder: URL, historian: Historian, status: LatestStatus, server: APIServer, port: Int) {
        self.folder = folder
        self.historian = historian
        self.status = status
        self.server = server
        self.http = HTTPClient(port: port)
    }

    /// Starts a server; `capacity` bounds how many schedule entries the fake kernel ring takes in total.
    public static func with<T>(capacity: Int = 1000, _ body: (APIFixture) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("api-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let historian = try Historian(path: folder.appendingPathComponent("historian.sqlite").path)
        let status = LatestStatus(initial: StatusSample.snapshot, cycleDuration: StatusSample.cycleDuration())
        let box = SubmittedBox()
        let server = try APIServer(
            configuration: APIConfiguration(host: "127.0.0.1", port: 0, tokens: [
                APIToken(name: "vera", token: viewerToken, role: .viewer),
                APIToken(name: "otto", token: operatorToken, role: .operator),
            ]),
            status: status, historian: historian,
            submitSchedules: { entries in box.take(entries, capacity: capacity) })
        let port = try await server.start()
        let fixture = APIFixture(folder: folder, historian: historian, status: status, server: server, port: port)
        box.fixture.withLock { $0 = fixture }
        do {
            let result = try await body(fixture)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// What reached the (fake) kernel ring.
    public var submittedEntries: [ScheduleEntry] { submitted.withLock { $0 } }
}

/// Stands in for the kernel's schedule ring: takes entries up to a capacity, like `SPSCRing.push`.
public final class SubmittedBox: Sendable {
    public let fixture = Mutex<APIFixture?>(nil)

    public func take(_ entries: [ScheduleEntry], capacity: Int) -> Int {
        guard let fixture = fixture.withLock({ $0 }) else { return 0 }
        return fixture.submitted.withLock { submitted in
            let room = max(0, capacity - submitted.count)
            submitted.append(contentsOf: entries.prefix(room))
            return min(room, entries.count)
        }
    }
}
