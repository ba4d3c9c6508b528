public import DSOForecast
import DSOModel
import Foundation

/// A plan for people and scripts: a table per interface point, CSV per interval, and an SVG of prices,
/// schedules and SOC (`dsod plan --report`).
public enum PlanReport {
    /// Interval by interval in local time: price, each point's net import, each battery's output and SOC; then
    /// the expected money and what was relaxed.
    public static func table(_ plan: DayAheadPlan, prices: MarketPrices, zone: MarketTimeZone) -> String {
        let batteries = plan.resources.filter { $0.kind == "battery" }
        var lines = ["day-ahead plan for \(plan.day) (\(plan.zone)), \(plan.intervalStarts.count) intervals of \(plan.intervalMinutes) min; \(plan.variables) variables, \(plan.constraints) constraints, \(plan.solver) \(String(format: "%.2f", plan.solveSeconds)) s"]
        var header = "local time         $/MWh"
        for point in plan.interfacePoints { header += " " + pad("\(point.id) kW", 16) }
        for battery in batteries.prefix(4) { header += " " + pad("\(battery.id) kW/SOC", 18) }
        lines.append(header)
        for (t, start) in plan.intervalStarts.enumerated() {
            let local = zone.local(start)
            var line = "\(local.day) \(String(format: "%02d:%02d", local.hour, local.minute))  " + String(format: "%6.1f", prices.energyPerMWh[t])
            for point in plan.interfacePoints { line += " " + pad(String(format: "%.1f", point.netImportKW[t]), 16) }
            for battery in batteries.prefix(4) {
                line += " " + pad(String(format: "%.1f/%.0f%%", battery.basePointKW[t], 100 * (battery.soc?[t] ?? .nan)), 18)
            }
            lines.append(line)
        }
        if batteries.count > 4 { lines.append("(\(batteries.count - 4) more batteries in --json and --csv)") }
        let revenue = plan.revenue
        lines.append("expected: energy \(dollars(revenue.energyCents)), regulation \(dollars(revenue.regulationCents)), spinning \(dollars(revenue.spinningCents)), wear −\(dollars(revenue.degradationCents)), DR calls −\(dollars(revenue.demandResponseCents)); net \(dollars(revenue.netCents))")
        lines.append("bids: \(plan.energyBids.count) energy curves, \(plan.ancillaryOffers.count) ancillary offers, " + (plan.bidViolations.isEmpty ? "all valid" : "\(plan.bidViolations.count) invalid: \(plan.bidViolations.prefix(3).joined(separator: "; "))"))
        lines.append(plan.relaxed.isEmpty ? "relaxed: nothing" : "relaxed: " + plan.relaxed.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.1f", $0.value)) kWh" }.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    /// One row per interval: UTC start, price, each point's net import, each resource's output (and SOC).
    public static func csv(_ plan: DayAheadPlan, prices: MarketPrices) -> String {
        var header = ["start_utc", "energy_price_per_mwh"] + plan.interfacePoints.map { "\($0.id)_net_import_kw" }
        for resource in plan.resources {
            header.append("\(resource.id)_kw")
            if resource.soc != nil { header += ["\(resource.id)_soc", "\(resource.id)_reg_up_kw", "\(resource.id)_reg_down_kw"] }
        }
        var lines = [header.joined(separator: ",")]
        for (t, start) in plan.intervalStarts.enumerated() {
            var row = [UTCTimestamp.text(unixSeconds: Double(start)), number(prices.energyPerMWh[t])] + plan.interfacePoints.map { number($0.netImportKW[t]) }
            for resource in plan.resources {
                row.append(number(resource.basePointKW[t]))
                if let soc = resource.soc {
                    row += [String(format: "%.4f", soc[t]), number(resource.regulationUpKW?[t] ?? 0), number(resource.regulationDownKW?[t] ?? 0)]
                }
            }
            lines.append(row.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Three panels over the day: the energy price, each interface point's planned net import, each battery's SOC.
    public static func svg(_ plan: DayAheadPlan, prices: MarketPrices) -> String {
        let width = 1000.0, panel = 200.0, left = 70.0, right = 20.0, top = 30.0, gap = 40.0
        let count = plan.intervalStarts.count
        func x(_ t: Int) -> Double { left + (width - left - right) * Double(t) / Double(max(1, count)) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(top + 3 * (panel + gap)))\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        let colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"]
        let panels: [(String, [(String, [Double])])] = [
            ("energy price, $/MWh", [("price", prices.energyPerMWh)]),
            ("planned net import, kW", plan.interfacePoints.map { ($0.id, $0.netImportKW) }),
            ("battery SOC, %", plan.resources.compactMap { resource in resource.soc.map { (resource.id, $0.map { $0 * 100 }) } }.prefix(6).map { $0 }),
        ]
        for (index, (title, series)) in panels.enumerated() {
            let y0 = top + Double(index) * (panel + gap)
            let values = series.flatMap(\.1).filter(\.isFinite)
            let low = min(0, values.min() ?? 0), high = max(1, values.max() ?? 1)
            func y(_ value: Double) -> Double { y0 + panel * (1 - (value - low) / (high - low)) }
            svg += "<text x=\"\(left)\" y=\"\(y0 - 8)\" font-size=\"14\">\(title)</text>\n"
            svg += "<line x1=\"\(left)\" y1=\"\(y(low))\" x2=\"\(width - right)\" y2=\"\(y(low))\" stroke=\"black\"/>\n"
            if low < 0 { svg += "<line x1=\"\(left)\" y1=\"\(y(0))\" x2=\"\(width - right)\" y2=\"\(y(0))\" stroke=\"#999\"/>\n" }
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>\n", left - 6, y(high) + 4, high)
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>\n", left - 6, y(low) + 4, low)
            for (number, (name, values)) in series.enumerated() {
                var path = ""
                for (t, value) in values.enumerated() where value.isFinite {
                    path += String(format: "%@%.1f,%.1f L%.1f,%.1f ", path.isEmpty ? "M" : "L", x(t), y(value), x(t + 1), y(value))
                }
                let colour = colours[number % colours.count]
                svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\"/>\n"
                svg += "<text x=\"\(width - right - 150)\" y=\"\(y0 + 14 * Double(number + 1))\" fill=\"\(colour)\">— \(name)</text>\n"
            }
        }
        return svg + "</svg>\n"
    }

    private static func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
    private static func number(_ value: Double) -> String { String(format: "%.3f", value) }
    /// Cents as dollars, `$-12.34`.
    public static func dollars(_ cents: Int) -> String { String(format: "$%@%d.%02d", cents < 0 ? "-" : "", abs(cents) / 100, abs(cents) % 100) }
}
