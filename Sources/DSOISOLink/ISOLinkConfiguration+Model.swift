public import DSOModel

extension ISOLinkConfiguration {
    /// A configuration whose write limits come from the substation model: the award may not exceed the
    /// regulating resources' combined rating, and each dispatch target must respect its interface limits.
    public init(endpoint: ISOEndpoint, writers: [IPv4Address], model: SubstationModel, initialAwardMW: Double,
                signalTTLSeconds: Double, connections: ISOConnectionLimits = ISOConnectionLimits()) {
        let regulatingKW = model.resources.filter(\.providesRegulation)
            .reduce(0) { $0 + max($1.maximumKW, -$1.minimumKW) }
        let limits = ISOWriteLimits(
            maximumAwardMW: max(regulatingKW / 1000, initialAwardMW),
            importLimitsKW: model.interfacePoints.map(\.importLimitKW),
            exportLimitsKW: model.interfacePoints.map(\.exportLimitKW),
            signalTTLSeconds: signalTTLSeconds)
        self.init(endpoint: endpoint, writers: writers, limits: limits, initialAwardMW: initialAwardMW,
                  connections: connections)
    }
}
