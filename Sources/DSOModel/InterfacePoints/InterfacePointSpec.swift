/// A CAISO supply substation where this DSO's area meets the transmission grid (an MSS-style interface).
///
/// Net import is load-positive: power flowing from CAISO into the distribution area.
public struct InterfacePointSpec: Sendable, Hashable, Codable {
    /// Unique name, e.g. the substation's CAISO node name.
    public var id: String
    /// Largest net import the transformer and the tariff allow, kW (positive).
    public var importLimitKW: Double
    /// Largest net export back into CAISO, kW (positive magnitude).
    public var exportLimitKW: Double
    /// Half-width of the band around the schedule inside which deviations are not penalised, kW.
    public var deviationBandKW: Double
    /// Whether a revenue meter measures the net interchange (else the kernel sums the members).
    public var hasMeter: Bool

    public init(id: String, importLimitKW: Double, exportLimitKW: Double, deviationBandKW: Double, hasMeter: Bool = true) {
        self.id = id
        self.importLimitKW = importLimitKW
        self.exportLimitKW = exportLimitKW
        self.deviationBandKW = deviationBandKW
        self.hasMeter = hasMeter
    }
}
