/// What CAISO checks in a bid before it enters the market (Market Instruments BPM; bid floor and caps after
/// FERC Order 831), as parameters: a bid that breaks one never leaves the DSO.
public struct BidRules: Sendable, Hashable {
    public var maximumSegments = 10
    public var floorPerMWh = -150.0
    /// The soft cap; offers above it need verified costs, which a DER aggregation does not file.
    public var capPerMWh = 1_000.0
    /// Ancillary-service bid cap, $/MW per hour.
    public var ancillaryCapPerMW = 250.0
    /// Smallest MW a segment or an offer may have (CAISO's 0.01 MW resolution).
    public var resolutionMW = 0.01

    public init() {}

    /// Every rule `bid` breaks, each naming the interface point, the interval, the segment and the rule; empty
    /// when the bid may be submitted. `rangeMW` is what the aggregation can physically do.
    public func violations(of bid: EnergyBid, rangeMW: ClosedRange<Double>) -> [String] {
        let place = "\(bid.interfacePoint) interval \(bid.startUnixSeconds)"
        var problems: [String] = []
        if bid.segments.count > maximumSegments {
            problems.append("\(place): \(bid.segments.count) segments; a bid curve has at most \(maximumSegments)")
        }
        if !bid.selfScheduleMW.isFinite {
            problems.append("\(place): self-schedule \(bid.selfScheduleMW) MW is not a number")
        }
        for (index, segment) in bid.segments.enumerated() {
            let name = "\(place) segment \(index + 1)"
            if !(segment.pricePerMWh >= floorPerMWh && segment.pricePerMWh <= capPerMWh) {
                problems.append("\(name): \(segment.pricePerMWh) $/MWh is outside the bid floor \(floorPerMWh) and cap \(capPerMWh)")
            }
            if !(segment.toMW - segment.fromMW >= resolutionMW) {
                problems.append("\(name): \(segment.fromMW)…\(segment.toMW) MW; a segment must cover at least \(resolutionMW) MW")
            }
            if index > 0 {
                let previous = bid.segments[index - 1]
                if abs(segment.fromMW - previous.toMW) > 1e-9 {
                    problems.append("\(name): starts at \(segment.fromMW) MW where segment \(index) ended at \(previous.toMW) MW; the curve must be contiguous")
                }
                if segment.pricePerMWh < previous.pricePerMWh {
                    problems.append("\(name): \(segment.pricePerMWh) $/MWh after \(previous.pricePerMWh); the bid curve must be monotonically non-decreasing")
                }
            }
        }
        if let first = bid.segments.first, let last = bid.segments.last,
           first.fromMW < rangeMW.lowerBound - 1e-6 || last.toMW > rangeMW.upperBound + 1e-6 {
            problems.append("\(place): curve \(first.fromMW)…\(last.toMW) MW exceeds what the resources can do (\(rangeMW.lowerBound)…\(rangeMW.upperBound) MW)")
        }
        return problems
    }

    /// Every rule an ancillary offer breaks; `maximumMW` is the capacity behind it.
    public func violations(of offer: AncillaryOffer, maximumMW: Double) -> [String] {
        let place = "\(offer.interfacePoint) interval \(offer.startUnixSeconds) \(offer.product)"
        var problems: [String] = []
        if !["RU", "RD", "SR", "NR"].contains(offer.product) { problems.append("\(place): unknown product; expected RU, RD, SR or NR") }
        if !(offer.mw >= 0 && offer.mw <= maximumMW + 1e-6) {
            problems.append("\(place): \(offer.mw) MW; expected 0…\(maximumMW) MW, the capacity behind it")
        }
        if !(offer.pricePerMW >= 0 && offer.pricePerMW <= ancillaryCapPerMW) {
            problems.append("\(place): \(offer.pricePerMW) $/MW; expected 0…\(ancillaryCapPerMW)")
        }
        return problems
    }
}
