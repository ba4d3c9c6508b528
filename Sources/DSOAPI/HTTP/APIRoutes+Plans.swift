import DSOHistorian
import Foundation
import Hummingbird

/// `GET /api/v1/plans` and `/api/v1/bids`: the planner's latest plans as it stored them.
extension APIRoutes {
    /// `?kind=day-ahead|intraday`, default day-ahead.
    static func planKind(_ request: Request) throws(RequestError) -> String {
        let kind = request.uri.queryParameters.get("kind") ?? "day-ahead"
        guard ["day-ahead", "intraday"].contains(kind) else {
            throw RequestError(.badRequest, "kind: \(kind) is not valid; expected day-ahead or intraday")
        }
        return kind
    }

    /// The bids of a stored day-ahead plan: its day, energy bids, ancillary offers and any rule they break.
    static func bids(of plan: StoredPlan) throws(RequestError) -> Response {
        guard let object = try? JSONSerialization.jsonObject(with: Data(plan.json.utf8)) as? [String: Any] else {
            throw RequestError(.internalServerError, "the stored plan \(plan.id ?? 0) is not a JSON object")
        }
        let bids: [String: Any] = ["day": plan.day, "issueUnixSeconds": plan.issueUnixSeconds,
                                   "energyBids": object["energyBids"] ?? [], "ancillaryOffers": object["ancillaryOffers"] ?? [],
                                   "bidViolations": object["bidViolations"] ?? []]
        guard let data = try? JSONSerialization.data(withJSONObject: bids, options: [.sortedKeys]) else {
            throw RequestError(.internalServerError, "cannot encode the bids of plan \(plan.id ?? 0)")
        }
        return text(String(decoding: data, as: UTF8.self), contentType: "application/json")
    }
}
