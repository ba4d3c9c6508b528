/// The one admission check for schedule intervals, shared by every producer (the API, the ISO link, schedule
/// files): an interval the kernel could not honour is refused before the producer answers, with the field and
/// the reason, instead of being accepted and then driving the plant at an impossible target.
///
/// Bounds (documented in docs/api.md): the interface point exists; every number is finite; the net import
/// lies within the point's limits (−export…import, as the ISO link checks a dispatch target); the interval is
/// at most 7 days long, has not ended yet and starts at most 7 days ahead of the kernel's clock.
public struct ScheduleAdmission: Sendable, Hashable {
    /// Longest interval, seconds: a week covers any day-ahead market; longer holds a schedule slot for ever.
    public static let maximumIntervalSeconds: Double = 7 * 86_400
    /// Furthest start ahead of now, seconds: the day-ahead market plus a holiday weekend.
    public static let maximumLeadSeconds: Double = 7 * 86_400

    /// Per interface point: largest net import (kW, positive) and largest net export (kW, positive magnitude).
    public var importLimitsKW: [Double]
    public var exportLimitsKW: [Double]

    public init(importLimitsKW: [Double], exportLimitsKW: [Double]) {
        self.importLimitsKW = importLimitsKW
        self.exportLimitsKW = exportLimitsKW
    }

    /// The limits of the model's interface points.
    public init(model: SubstationModel) {
        self.init(importLimitsKW: model.interfacePoints.map(\.importLimitKW),
                  exportLimitsKW: model.interfacePoints.map(\.exportLimitKW))
    }

    public var interfacePointCount: Int { importLimitsKW.count }

    /// Why `entry` cannot be admitted at kernel time `nowSeconds`, or nil when it can.
    public func refusal(_ entry: ScheduleEntry, nowSeconds: Double) -> ScheduleRefusal? {
        let point = entry.interfacePoint
        guard importLimitsKW.indices.contains(point) else {
            return ScheduleRefusal(field: "interfacePoint", reason: "\(point) is not an interface point index; expected "
                                   + (interfacePointCount == 0 ? "none (the model has none)" : "0…\(interfacePointCount - 1)"))
        }
        guard entry.startSeconds.isFinite else {
            return ScheduleRefusal(field: "startSeconds", reason: "expected a finite number of seconds")
        }
        guard entry.endSeconds.isFinite, entry.endSeconds > entry.startSeconds else {
            return ScheduleRefusal(field: "endSeconds", reason: "\(entry.endSeconds) must be after startSeconds \(entry.startSeconds)")
        }
        guard entry.endSeconds - entry.startSeconds <= Self.maximumIntervalSeconds else {
            return ScheduleRefusal(field: "endSeconds", reason: "the interval lasts \(entry.endSeconds - entry.startSeconds) s; "
                                   + "expected at most \(Self.maximumIntervalSeconds) s (7 days)")
        }
        guard entry.endSeconds > nowSeconds else {
            return ScheduleRefusal(field: "endSeconds", reason: "\(entry.endSeconds) has already passed (kernel time is \(nowSeconds) s)")
        }
        guard entry.startSeconds <= nowSeconds + Self.maximumLeadSeconds else {
            return ScheduleRefusal(field: "startSeconds", reason: "\(entry.startSeconds) is more than \(Self.maximumLeadSeconds) s "
                                   + "(7 days) ahead of kernel time \(nowSeconds) s")
        }
        let lower = -exportLimitsKW[point], upper = importLimitsKW[point]
        guard entry.netImportKW.isFinite, entry.netImportKW >= lower, entry.netImportKW <= upper else {
            return ScheduleRefusal(field: "netImportKW", reason: "\(entry.netImportKW) kW is outside interface point \(point)'s "
                                   + "limits \(lower)…\(upper) kW")
        }
        return nil
    }
}

/// Why a schedule interval was refused: the field at fault and what was expected.
public struct ScheduleRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// `interfacePoint`, `startSeconds`, `endSeconds` or `netImportKW`.
    public var field: String
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field): \(reason)" }
}
