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
    /// The audit trail's journal lines (what dsod writes to its log), with whether each was a refusal.
    public let journal: JournalLines
    public let server: APIServer
    public let http: HTTPClient

    private init(folder: URL, historian: Historian, status: LatestStatus, server: APIServer, port: Int,
                 journal: JournalLines) {
        self.folder = folder
        self.journal = journal
        self.historian = historian
        self.status = status
        self.server = server
        self.http = HTTPClient(port: port)
    }

    /// Starts a server; `capacity` bounds how many schedule entries the fake kernel ring takes in total;
    /// `configure` changes the configuration (connection limits, TLS, metrics token) before the server starts.
    /// `submitDelaySeconds` makes the fake kernel slow to take a submission.
    public static func with<T>(capacity: Int = 1000, submitDelaySeconds: Double = 0,
                        configure: (inout APIConfiguration) -> Void = { _ in },
                        _ body: (APIFixture) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("api-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let historian = try Historian(path: folder.appendingPathComponent("historian.sqlite").path)
        let status = LatestStatus(initial: StatusSample.snapshot, cycleDuration: StatusSample.cycleDuration())
        let box = SubmittedBox()
        var configuration = APIConfiguration(host: "127.0.0.1", port: 0, tokens: [
            APIToken(name: "vera", token: viewerToken, role: .viewer),
            APIToken(name: "otto", token: operatorToken, role: .operator),
        ])
        configure(&configuration)
        let journal = JournalLines()
        let server = try APIServer(
            configuration: configuration, status: status, historian: historian,
            admission: ScheduleAdmission(model: try StatusSample.model()),
            submitSchedules: { entries in
                if submitDelaySeconds > 0 { try? await Task.sleep(for: .seconds(submitDelaySeconds)) }
                return SubmissionOutcome(queued: box.take(entries, capacity: capacity), verdicts: nil)
            },
            auditLog: { line, isRefusal in journal.lines.withLock { $0.append((line, isRefusal)) } })
        let port = try await server.start()
        let fixture = APIFixture(folder: folder, historian: historian, status: status, server: server, port: port,
                                 journal: journal)
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

    /// The journal lines written so far.
    public var journalLines: [String] { journal.lines.withLock { $0.map(\.line) } }

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

/// The audit trail's journal lines as the server wrote them, with whether each was a refusal.
public final class JournalLines: Sendable {
    public let lines = Mutex<[(line: String, isRefusal: Bool)]>([])
}
