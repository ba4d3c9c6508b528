import Foundation

/// A plain SVG line chart of one or more series over time, with axes, ticks and a legend; no dependencies.
struct SVGPlot {
    let title: String
    let times: [Double]
    let series: [(name: String, color: String, values: [Double])]
    var width = 1000.0, height = 420.0
    private let left = 70.0, right = 20.0, top = 40.0, bottom = 50.0

    init(title: String, times: [Double], series: [(String, String, [Double])]) {
        self.title = title
        self.times = times
        self.series = series.map { (name: $0.0, color: $0.1, values: $0.2) }
    }

    func render() -> String {
        let finite = series.flatMap(\.values).filter(\.isFinite)
        var low = finite.min() ?? -1, high = finite.max() ?? 1
        if high - low < 1e-9 { low -= 1; high += 1 }
        let pad = (high - low) * 0.05
        low -= pad; high += pad
        let start = times.first ?? 0, end = max(times.last ?? 1, start + 1e-9)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ t: Double) -> Double { left + (t - start) / (end - start) * plotWidth }
        func y(_ v: Double) -> Double { top + (high - v) / (high - low) * plotHeight }

        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(width / 2)" y="22" text-anchor="middle" font-size="15">\(escape(title))</text>

            """
        for tick in Self.ticks(low, high) {
            svg += "<line x1=\"\(left)\" y1=\(q(y(tick))) x2=\"\(width - right)\" y2=\(q(y(tick))) stroke=\"#ddd\"/>"
            svg += "<text x=\"\(left - 6)\" y=\(q(y(tick) + 4)) text-anchor=\"end\">\(Self.label(tick))</text>\n"
        }
        for tick in Self.ticks(start, end) {
            svg += "<line x1=\(q(x(tick))) y1=\"\(top)\" x2=\(q(x(tick))) y2=\"\(height - bottom)\" stroke=\"#eee\"/>"
            svg += "<text x=\(q(x(tick))) y=\"\(height - bottom + 16)\" text-anchor=\"middle\">\(Self.label(tick))</text>\n"
        }
        svg += "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(plotWidth)\" height=\"\(plotHeight)\" fill=\"none\" stroke=\"#333\"/>\n"
        svg += "<text x=\"\(left + plotWidth / 2)\" y=\"\(height - 10)\" text-anchor=\"middle\">time (s)</text>\n"
        svg += "<text x=\"16\" y=\"\(top + plotHeight / 2)\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(top + plotHeight / 2))\">MW</text>\n"
        for (index, line) in series.enumerated() {
            let points = zip(times, line.values).filter { $0.1.isFinite }
                .map { String(format: "%.1f,%.1f", x($0.0), y($0.1)) }.joined(separator: " ")
            svg += "<polyline fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"1.5\" points=\"\(points)\"/>\n"
            let legendY = top + 16 + Double(index) * 16
            svg += "<line x1=\"\(left + 10)\" y1=\"\(legendY - 4)\" x2=\"\(left + 34)\" y2=\"\(legendY - 4)\" stroke=\"\(line.color)\" stroke-width=\"2\"/>"
            svg += "<text x=\"\(left + 40)\" y=\"\(legendY)\">\(escape(line.name))</text>\n"
        }
        return svg + "</svg>\n"
    }

    private func q(_ value: Double) -> String { String(format: "\"%.1f\"", value) }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// About six round ticks (1, 2 or 5 × 10ⁿ apart) between `low` and `high`.
    static func ticks(_ low: Double, _ high: Double) -> [Double] {
        let raw = (high - low) / 6
        guard raw > 0, raw.isFinite else { return [] }
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var ticks: [Double] = []
        var tick = (low / step).rounded(.up) * step
        while tick <= high + step * 1e-9 { ticks.append(tick); tick += step }
        return ticks
    }

    static func label(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%g", rounded)
    }
}
