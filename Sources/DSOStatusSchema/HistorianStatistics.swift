/// The historian's health: what waits, what was committed, refused or failed (`historian` in `/api/v1/status`).
public struct HistorianStatistics: Sendable, Hashable, Codable {
    public var pendingEntries: Int
    /// Entries refused because the queue was full or the historian stopped.
    public var refusedEntries: Int
    public var committedEntries: Int
    public var failedCommits: Int
    public var lastError: String?
    public var lastCommitWallSeconds: Double?
    public var deletedByRetention: Int

    public init(pendingEntries: Int, refusedEntries: Int, committedEntries: Int, failedCommits: Int, lastError: String?,
                lastCommitWallSeconds: Double?, deletedByRetention: Int) {
        self.pendingEntries = pendingEntries
        self.refusedEntries = refusedEntries
        self.committedEntries = committedEntries
        self.failedCommits = failedCommits
        self.lastError = lastError
        self.lastCommitWallSeconds = lastCommitWallSeconds
        self.deletedByRetention = deletedByRetention
    }
}
