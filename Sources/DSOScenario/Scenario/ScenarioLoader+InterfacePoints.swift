import DSOModel

/// `[[interface_points]]`: the grid's keys and schedule through `GridReader`, then each point's simulated meter.
extension ScenarioLoader {
    func readInterfacePoints() {
        for section in grid.interfacePointTables() {
            let point = grid.readInterfacePoint(section, constantScheduleSeconds: run.durationSeconds)
            meters.append(InterfaceMeter(
                ratingKW: section.double("rating_kw", default: max(point.importLimitKW, point.exportLimitKW), .positive),
                lossCoefficient: section.double("loss_coefficient", default: 0, .within(0...0.5)),
                noiseKW: section.double("meter_noise_kw", default: 0, .nonNegative),
                seed: derivedSeed("meter", meters.count)))
            section.finish()
        }
    }
}
