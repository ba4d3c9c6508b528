import DSOHistorian

/// Where the API's audit records go: every refused authentication (401/403) and every write, with who, from
/// where, what and how it ended, as one journal line (the service log: stderr, which journald keeps) and one
/// `operator_action` row in the historian (kept for the audit retention, ≥ 90 days).
struct APIAuditTrail: Sendable {
    let historian: Historian?
    /// One line per record; `isRefusal` lets the service log refusals as warnings.
    let journal: @Sendable (_ line: String, _ isRefusal: Bool) -> Void
    let wallClock: @Sendable () -> Double

    /// The longest request detail written to the journal; the historian keeps it whole.
    static let journalDetailCharacters = 200

    func record(actor: String, role: String, remoteAddress: String, action: String, detail: String, outcome: String) {
        let shown = detail.count > Self.journalDetailCharacters
            ? String(detail.prefix(Self.journalDetailCharacters)) + "… (\(detail.utf8.count) bytes)" : detail
        journal("audit: api \(action) by \(actor)\(role.isEmpty ? "" : " (\(role))") from \(remoteAddress): \(outcome)"
                + (shown.isEmpty ? "" : "; \(shown)"), outcome.hasPrefix("refused"))
        historian?.record(.operatorAction(OperatorAction(
            wallTimeSeconds: wallClock(), actor: actor, role: role, action: action, detail: detail, outcome: outcome,
            remoteAddress: remoteAddress)))
    }
}
