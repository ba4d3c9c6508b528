import DSOStatusSchema
import Synchronization

/// The latest forecast of each target and horizon, in memory: what the scheduler (issue 16) reads when it
/// plans, without a database read on its path. The historian keeps every issue; the API serves from there.
final class ForecastBoard: Sendable {
    private let latest = Mutex<[String: ForecastDocument]>([:])

    /// Replaces each target's forecast of the same horizon.
    func publish(_ forecasts: [ForecastDocument]) {
        latest.withLock { board in
            for forecast in forecasts { board["\(forecast.target)|\(forecast.horizon)"] = forecast }
        }
    }

    /// The latest forecasts, optionally of one target or horizon, by target then horizon.
    func forecasts(target: String? = nil, horizon: String? = nil) -> [ForecastDocument] {
        latest.withLock { board in
            board.values.filter { (target == nil || $0.target == target) && (horizon == nil || $0.horizon == horizon) }
                .sorted { ($0.target, $0.horizon) < ($1.target, $1.horizon) }
        }
    }
}
