/// The countdown on stderr while a written set point is held (only for a person at a terminal).
struct SetpointHold {
    private var progress: Progress
    private let seconds: Double

    init(label: String, seconds: Double, enabled: Bool) {
        self.seconds = seconds
        progress = Progress("holding \(label):", total: max(Int(seconds.rounded(.up)), 1), enabled: enabled && StandardError.isTerminal)
    }

    mutating func update(leftSeconds: Double, reads: String) {
        let left = max(leftSeconds, 0)
        progress.update(Int((seconds - left).rounded()), detail: "\(ShortDuration.text(left.rounded())) left, device reads \(reads) (Ctrl-C releases)")
    }

    func finish() { progress.finish() }
}
