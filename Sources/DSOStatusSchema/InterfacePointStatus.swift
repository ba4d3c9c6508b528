/// One interface point's netting this cycle and its limits.
public struct InterfacePointStatus: Sendable, Hashable, Codable {
    public var index: Int
    public var id: String
    /// Load-positive net import, kW.
    public var netImportKW: Double?
    public var scheduledKW: Double?
    /// Net import minus schedule, kW.
    public var deviationKW: Double?
    public var aceKW: Double?
    public var regulationRequestKW: Double?
    public var deviationBandKW: Double
    public var importLimitKW: Double
    public var exportLimitKW: Double
    /// Names of the raised `InterfacePointFlags` (outOfBand, meterUnavailable…).
    public var flags: [String]

    public init(index: Int, id: String, netImportKW: Double?, scheduledKW: Double?, deviationKW: Double?,
                aceKW: Double?, regulationRequestKW: Double?, deviationBandKW: Double, importLimitKW: Double,
                exportLimitKW: Double, flags: [String]) {
        self.index = index
        self.id = id
        self.netImportKW = netImportKW
        self.scheduledKW = scheduledKW
        self.deviationKW = deviationKW
        self.aceKW = aceKW
        self.regulationRequestKW = regulationRequestKW
        self.deviationBandKW = deviationBandKW
        self.importLimitKW = importLimitKW
        self.exportLimitKW = exportLimitKW
        self.flags = flags
    }
}
