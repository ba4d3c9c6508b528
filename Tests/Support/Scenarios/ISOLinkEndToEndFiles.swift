import Foundation

/// Files for the end-to-end runs: the shared two-point scenario, a slow sine signal and a dispatch-target schedule.
public enum ISOLinkEndToEndFiles {
    /// A 60-s sine of amplitude 0.8, sampled every 2 s for 400 s.
    public static var sineSignal: String {
        var text = "time_s,signal\n"
        for index in 0..<200 {
            let time = Double(2 * index)
            text += "\(Int(time)),\(0.8 * sin(2 * Double.pi * time / 60))\n"
        }
        return text
    }

    public static let dispatchTargets = "time_s,interface_point,net_import_mw\n0,0,0.35\n5,1,0.25\n"

    /// A fresh folder with the scenario (two points, a 600-kW battery at each, 1 MW award), its profile, the
    /// signal and the schedule written into it.
    public static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("caisoSimTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let folder = TemporaryFolder(url: url)
        _ = try ScenarioFiles.writeTwoPointScenario(in: folder, ScenarioFiles.twoPointScenario(name: "iso-link-e2e"))
        try folder.write("sine.csv", sineSignal)
        try folder.write("dot.csv", dispatchTargets)
        return url
    }
}
