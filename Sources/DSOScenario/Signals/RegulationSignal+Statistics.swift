extension RegulationSignal {
    /// Σ|change between consecutive samples| in per-unit: what ISOs pay mileage on (×capacity = MW).
    public var mileage: Double {
        zip(values.dropFirst(), values).reduce(0) { $0 + abs($1.0 - $1.1) }
    }

    /// Mileage divided by the duration in hours, the figure PJM publishes per signal (RegA ≈ 5).
    public var mileagePerHour: Double {
        durationSeconds > 0 ? mileage / (durationSeconds / 3600) : 0
    }

    /// Plain mean of the samples: far from zero means the signal moves energy in one direction.
    public var meanValue: Double {
        values.reduce(0, +) / Double(values.count)
    }

    /// The samples with times in `startSeconds..<endSeconds`, for per-hour or per-interval statistics.
    public func values(fromSeconds startSeconds: Double, toSeconds endSeconds: Double) -> ArraySlice<Double> {
        let first = timesSeconds.firstIndex { $0 >= startSeconds } ?? values.endIndex
        let last = timesSeconds.firstIndex { $0 >= endSeconds } ?? values.endIndex
        return values[first..<max(first, last)]
    }
}
