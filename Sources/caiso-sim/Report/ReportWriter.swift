import Foundation

/// The report folder: per DSO `<label>-signal-response.csv` and `.svg`, and `scores.txt` for all.
struct ReportWriter {
    let folder: String

    func write(_ sessions: [DSOSession], _ summaries: [SessionSummary]) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for session in sessions {
                try csv(session).write(toFile: path("\(session.label)-signal-response.csv"), atomically: true, encoding: .utf8)
                let plot = SVGPlot(title: "\(session.label) (\(session.endpoint)): regulation set point and response",
                                   times: session.samples.map(\.timeSeconds),
                                   series: [("set point (ISO)", "#1f77b4", session.samples.map(\.setpointMW)),
                                            ("response (DSO)", "#ff7f0e", session.samples.map(\.responseMW))])
                try plot.render().write(toFile: path("\(session.label)-signal-response.svg"), atomically: true, encoding: .utf8)
            }
            try summaries.map(\.text).joined().write(toFile: path("scores.txt"), atomically: true, encoding: .utf8)
        } catch {
            throw PlaybackError("report folder \(folder): \(error.localizedDescription)")
        }
    }

    private func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    /// time_s, the normalised signal sent, the set point in MW, the DSO's own target and its response in MW.
    private func csv(_ session: DSOSession) -> String {
        var text = "# \(session.label) \(session.endpoint)\ntime_s,signal,setpoint_mw,dso_target_mw,response_mw\n"
        for sample in session.samples {
            text += "\(sample.timeSeconds),\(sample.signal),\(sample.setpointMW),"
            text += "\(sample.targetMW.isFinite ? "\(sample.targetMW)" : ""),\(sample.responseMW)\n"
        }
        return text
    }
}
