import Foundation

extension BacktestReport {
    /// Forecast (P50) and its P10–P90 band against the actual for the best forecaster over the first 14 days
    /// of the test (one point per target hour of the first forecast that covers it).
    static func svg(_ result: Backtest.Result, zone: MarketTimeZone) -> String {
        let width = 1100.0, height = 420.0, left = 70.0, right = 20.0, top = 40.0, bottom = 50.0
        guard let best = result.forecasters.firstIndex(of: result.best), let first = result.hours.first else {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\"><text x=\"20\" y=\"40\">no hours scored</text></svg>\n"
        }
        var seen = Set<Int64>()
        let end = first.hourStart + 14 * 86_400
        let hours = result.hours.filter { $0.hourStart < end && seen.insert($0.hourStart).inserted }
        let lower = result.levels.firstIndex(of: 0.1), upper = result.levels.firstIndex(of: 0.9)
        var values = hours.flatMap { [$0.actual, $0.medians[best]] }
        if let lower, let upper { values += hours.flatMap { [$0.bands[best][lower], $0.bands[best][upper]] } }
        let finite = values.filter(\.isFinite)
        let low = finite.min() ?? 0, maximum = max(1, finite.max() ?? 1) * 1.05
        // Load never nears zero: start the axis near its lowest value; PV (zero at night) starts at zero.
        let minimum = low > 0.3 * maximum ? low * 0.9 : min(0, low)
        let span = Double(max(1, end - first.hourStart))
        func x(_ hour: Int64) -> Double { left + (width - left - right) * Double(hour - first.hourStart) / span }
        func y(_ value: Double) -> Double { top + (height - top - bottom) * (1 - (value - minimum) / (maximum - minimum)) }
        func path(_ points: [(Int64, Double)]) -> String {
            var text = "", pen = "M"
            for (hour, value) in points {
                guard value.isFinite else { pen = "M"; continue }
                text += String(format: "%@%.1f,%.1f ", pen, x(hour), y(value))
                pen = "L"
            }
            return text
        }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(left)" y="22" font-size="15">\(result.best): forecast (P50) and P10–P90 band against the actual, first 14 days</text>

            """
        if let lower, let upper {
            let band = hours.filter { $0.bands[best][lower].isFinite && $0.bands[best][upper].isFinite }
            let outline = band.map { (x($0.hourStart), y($0.bands[best][upper])) }
                + band.reversed().map { (x($0.hourStart), y($0.bands[best][lower])) }
            if !outline.isEmpty {
                svg += "<polygon fill=\"#9ecae1\" fill-opacity=\"0.5\" stroke=\"none\" points=\""
                    + outline.map { String(format: "%.1f,%.1f", $0.0, $0.1) }.joined(separator: " ") + "\"/>\n"
            }
        }
        svg += "<path d=\"\(path(hours.map { ($0.hourStart, $0.medians[best]) }))\" fill=\"none\" stroke=\"#08519c\" stroke-width=\"1.5\"/>\n"
        svg += "<path d=\"\(path(hours.map { ($0.hourStart, $0.actual) }))\" fill=\"none\" stroke=\"#d62728\" stroke-width=\"1.2\"/>\n"
        // Axes: value ticks and one tick per local day.
        svg += "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - right)\" y2=\"\(height - bottom)\" stroke=\"black\"/>\n"
        svg += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(height - bottom)\" stroke=\"black\"/>\n"
        for step in 0...4 {
            let value = minimum + (maximum - minimum) * Double(step) / 4
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>\n", left - 6, y(value) + 4, value)
        }
        var day = zone.local(first.hourStart).day
        while zone.unixSeconds(of: day, hour: 0) < end {
            let start = zone.unixSeconds(of: day, hour: 0)
            if start >= first.hourStart {
                svg += String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ccc\"/>\n", x(start), top, x(start), height - bottom)
                svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%@</text>\n", x(start), height - bottom + 16, String("\(day)".suffix(5)))
            }
            day = day.adding(days: 1)
        }
        svg += "<text x=\"\(width - 260)\" y=\"\(top + 4)\" fill=\"#d62728\">— actual</text>\n"
        svg += "<text x=\"\(width - 180)\" y=\"\(top + 4)\" fill=\"#08519c\">— P50</text>\n"
        svg += "<text x=\"\(width - 120)\" y=\"\(top + 4)\" fill=\"#3182bd\">■ P10–P90</text>\n"
        return svg + "</svg>\n"
    }
}
