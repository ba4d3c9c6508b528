/// The mean of several forecasters' P50s: ridge and trees err differently (the linear model extrapolates
/// the level, the trees the shape), and their equal-weight mean beats both on CAISO's load (docs/forecast.md).
/// Equal weights are fixed in advance, not fitted on the test.
public struct EnsembleForecaster: Forecaster {
    public let name: String
    public private(set) var members: [any Forecaster]
    public var isTrained: Bool { members.contains { $0.isTrained } }

    public init(name: String = "ensemble", members: [any Forecaster]) {
        self.name = name
        self.members = members
    }

    public var memberNames: [String] { members.map(\.name) }

    public mutating func train(series: HourlySeries, context: ForecastContext, requests: [ForecastRequest]) throws(ForecastError) {
        for index in members.indices { try members[index].train(series: series, context: context, requests: requests) }
    }

    public func forecast(_ requests: [ForecastRequest], series: HourlySeries, context: ForecastContext) throws(ForecastError) -> [[Double]] {
        var forecasts: [[[Double]]] = []
        for member in members { forecasts.append(try member.forecast(requests, series: series, context: context)) }
        return Self.combine(forecasts)
    }

    /// The hour-by-hour mean of the members' forecasts (NaN if any member has none for the hour).
    public static func combine(_ forecasts: [[[Double]]]) -> [[Double]] {
        guard let first = forecasts.first else { return [] }
        return first.indices.map { request in
            first[request].indices.map { hour in
                forecasts.reduce(0.0) { $0 + $1[request][hour] } / Double(forecasts.count)
            }
        }
    }
}
