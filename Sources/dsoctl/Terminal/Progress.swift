/// A one-line progress indicator on stderr for long scans; silent when stderr is not a terminal or with `--json`.
struct Progress {
    let label: String
    let total: Int
    let enabled: Bool
    private var lastDrawn = -1

    init(_ label: String, total: Int, enabled: Bool = StandardError.isTerminal) {
        self.label = label
        self.total = max(total, 1)
        self.enabled = enabled
    }

    /// Redraws when the percentage changes (a scan of 65 536 registers must not print 65 536 lines).
    mutating func update(_ done: Int, detail: String = "") {
        guard enabled else { return }
        let percent = min(100, done * 100 / total)
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        StandardError.write("\r\(label) \(percent)% \(detail)\u{1B}[K")
    }

    /// Clears the line so the result starts on a clean terminal line.
    func finish() {
        guard enabled else { return }
        StandardError.write("\r\u{1B}[K")
    }
}
