import Dispatch
public import DSOStatusSchema
import Foundation
import GRDB
import Synchronization

/// The plant's memory: an SQLite database (WAL) of cycle summaries, telemetry, events, schedules and
/// operator actions, written in batches by its own thread.
///
/// Producers (the recorder thread, the API) call `record`, which only appends to a bounded in-memory batch
/// and never waits on the disk. The writer thread commits the batch as one transaction at least every
/// `commitIntervalSeconds` (≤ 1 s), so a crash or `kill -9` loses at most that much. Committed
/// transactions survive a process crash in WAL mode with `synchronous = NORMAL`; a power loss may also
/// roll back the last few, which SQLite keeps consistent.
public final class Historian: Sendable {
    public let path: String
    public let configuration: HistorianConfiguration
    let database: DatabasePool

    private struct Pending {
        var entries: [HistorianEntry] = []
        var refused = 0
        var stopped = false
    }

    private struct WriterState {
        var committedEntries = 0
        var failedCommits = 0
        var lastError: String?
        var lastCommitWallSeconds: Double?
        var lastRetentionWallSeconds: Double = 0
        var deletedByRetention = 0
    }

    private let pending = Mutex(Pending())
    /// Held across take-and-commit so batches commit in the order they were taken.
    private let writer = Mutex(WriterState())
    private let wake = DispatchSemaphore(value: 0)
    private let writerFinished = DispatchSemaphore(value: 0)
    private let threadStarted = Atomic(false)
    /// The run every row committed from now on belongs to (0 until `beginRun`).
    let currentRun = Atomic<Int64>(0)

    /// Opens (creating if needed) the database at `path`, in WAL mode, and brings its schema up to date.
    /// Call `start()` to run the writer thread.
    public init(path: String, configuration: HistorianConfiguration = HistorianConfiguration()) throws(HistorianError) {
        try configuration.validate()
        self.path = path
        self.configuration = configuration
        var options = Configuration()
        options.label = "historian"
        options.prepareDatabase { db in
            // WAL + NORMAL: a commit survives a process crash; only the OS crashing can roll back the latest.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            try Self.createPrivately(path)
            database = try DatabasePool(path: path, configuration: options)
            try HistorianSchema.migrator.migrate(database)
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// Creates the database file readable by its owner only (0600) before SQLite opens it: the audit trail and
    /// the plant's telemetry are not for other local users, and SQLite gives its -wal and -shm files the
    /// database file's permissions. An existing file keeps the permissions its operator gave it.
    private static func createPrivately(_ path: String) throws {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            throw HistorianError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Starts the writer thread (once; later calls do nothing).
    public func start() {
        guard threadStarted.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        let thread = Thread { [self] in runWriter() }
        thread.name = "historian"
        thread.start()
    }

    /// Queues one entry for the next commit. Returns false (and counts it) if the queue is full or the
    /// historian is stopped; never blocks on the disk.
    @discardableResult
    public func record(_ entry: HistorianEntry) -> Bool {
        pending.withLock { pending in
            guard !pending.stopped, pending.entries.count < configuration.maximumPendingEntries else {
                pending.refused += 1
                return false
            }
            pending.entries.append(entry)
            return true
        }
    }

    /// Queues several entries; returns how many were taken.
    @discardableResult
    public func record(contentsOf entries: [HistorianEntry]) -> Int {
        entries.reduce(0) { $0 + (record($1) ? 1 : 0) }
    }

    /// Commits everything queued so far, now, on the caller's thread (tests, shutdown, before a read that
    /// must see the latest writes).
    public func flush() throws(HistorianError) {
        try writer.withLock { state throws(HistorianError) in try commitPending(&state) }
    }

    /// Stops taking entries, commits what is queued and ends the writer thread.
    public func stop() throws(HistorianError) {
        let wasRunning = pending.withLock { pending in
            let running = !pending.stopped
            pending.stopped = true
            return running
        }
        if wasRunning && threadStarted.load(ordering: .acquiring) {
            wake.signal()
            writerFinished.wait()
        }
        try flush()
    }

    /// Deletes rows whose wall time is older than their retention (telemetry or audit); returns how many went.
    @discardableResult
    public func applyRetention(nowUnixSeconds: Double = WallClock.nowUnixSeconds()) throws(HistorianError) -> Int {
        let retention = [(HistorianSchema.telemetryTables, configuration.retentionDays),
                         (HistorianSchema.auditTables, configuration.auditRetentionDays),
                         (HistorianSchema.hourlyTables, configuration.hourlyRetentionDays)]
        do {
            let deleted = try database.write { db in
                var deleted = 0
                for (tables, days) in retention {
                    for table in tables {
                        try db.execute(sql: "DELETE FROM \(table) WHERE wall_time_s < ?", arguments: [nowUnixSeconds - days * 86_400])
                        deleted += db.changesCount
                    }
                }
                return deleted
            }
            writer.withLock { $0.deletedByRetention += deleted }
            return deleted
        } catch {
            throw .writeFailed(path: path, reason: "\(error)")
        }
    }

    /// Counters for metrics and the status page.
    public var statistics: HistorianStatistics {
        let (queued, refused) = pending.withLock { ($0.entries.count, $0.refused) }
        return writer.withLock { state in
            HistorianStatistics(pendingEntries: queued, refusedEntries: refused, committedEntries: state.committedEntries,
                                failedCommits: state.failedCommits, lastError: state.lastError,
                                lastCommitWallSeconds: state.lastCommitWallSeconds,
                                deletedByRetention: state.deletedByRetention)
        }
    }

    private func commitPending(_ state: inout WriterState) throws(HistorianError) {
        let batch = pending.withLock { pending in
            let taken = pending.entries
            pending.entries.removeAll(keepingCapacity: true)
            return taken
        }
        guard !batch.isEmpty else { return }
        do {
            let runID = currentRun.load(ordering: .relaxed)
            try database.write { db in try BatchWriter.insert(batch, into: db, runID: runID) }
            state.committedEntries += batch.count
            state.lastCommitWallSeconds = Date().timeIntervalSince1970
        } catch {
            // Keep the batch for the next attempt (disk full, locked…), in front of newer entries, within the bound.
            state.failedCommits += 1
            state.lastError = "\(error)"
            pending.withLock { pending in
                let room = max(0, configuration.maximumPendingEntries - pending.entries.count)
                pending.refused += max(0, batch.count - room)
                pending.entries.insert(contentsOf: batch.prefix(room), at: 0)
            }
            throw .writeFailed(path: path, reason: "\(error)")
        }
    }

    private func runWriter() {
        let interval = configuration.commitIntervalSeconds
        while true {
            _ = wake.wait(timeout: .now() + interval)
            let stopping = pending.withLock { $0.stopped }
            let now = Date().timeIntervalSince1970
            // A failed commit is counted in `statistics` and retried on the next pass.
            let dueForRetention = writer.withLock { state in
                try? commitPending(&state)
                guard now - state.lastRetentionWallSeconds >= configuration.retentionCheckIntervalSeconds else {
                    return false
                }
                state.lastRetentionWallSeconds = now
                return true
            }
            if dueForRetention && !stopping { _ = try? applyRetention(nowUnixSeconds: now) }
            if stopping { break }
        }
        writerFinished.signal()
    }
}
