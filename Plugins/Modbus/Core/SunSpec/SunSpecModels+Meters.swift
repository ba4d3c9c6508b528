// SunSpec model definitions (sunspec/models, Apache-2.0), written as Swift data.
// Offsets are registers from the model's ID register; groups after the fixed block are `SunSpecGroup`s.

extension SunSpecModelDefinition {
    /// Model 201, "ac_meter_an_or_ab": Meter (Single Phase) single phase (AN or AB) meter.
    package static let model201 = SunSpecModelDefinition(
        id: 201, name: "ac_meter_an_or_ab", fixedLength: 105, hasRepeatingGroups: false,
        points: meterPoints(lineVoltage: "PPVph")
    )

    /// Model 202, "ac_meter_abn": split single phase (ABN) meter.
    package static let model202 = SunSpecModelDefinition(
        id: 202, name: "ac_meter_abn", fixedLength: 105, hasRepeatingGroups: false,
        points: meterPoints(lineVoltage: "PhVph")
    )

    /// Model 203, "ac_meter_abcn": wye-connect three phase (abcn) meter.
    package static let model203 = SunSpecModelDefinition(
        id: 203, name: "ac_meter_abcn", fixedLength: 105, hasRepeatingGroups: false,
        points: meterPoints(lineVoltage: "PhVph")
    )

    /// Model 204, "ac_meter_abc": delta-connect three phase (abc) meter.
    package static let model204 = SunSpecModelDefinition(
        id: 204, name: "ac_meter_abc", fixedLength: 105, hasRepeatingGroups: false,
        points: meterPoints(lineVoltage: "PhVph")
    )

    /// Models 201–204 share one layout; only the line-to-line voltage points are named differently: 201 calls
    /// them `PPVphAB`…, 202–204 `PhVphAB`… (as the standard's definitions do).
    private static func meterPoints(lineVoltage: String) -> [Point] {
        [
            .init("A", 2, .int16, size: 1, scaleFactor: "A_SF", unit: "A", writable: false),
            .init("AphA", 3, .int16, size: 1, scaleFactor: "A_SF", unit: "A", writable: false),
            .init("AphB", 4, .int16, size: 1, scaleFactor: "A_SF", unit: "A", writable: false),
            .init("AphC", 5, .int16, size: 1, scaleFactor: "A_SF", unit: "A", writable: false),
            .init("A_SF", 6, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("PhV", 7, .int16, size: 1, scaleFactor: "V_SF", unit: "V", writable: false),
            .init("PhVphA", 8, .int16, size: 1, scaleFactor: "V_SF", unit: "V", writable: false),
            .init("PhVphB", 9, .int16, size: 1, scaleFactor: "V_SF", unit: "V", writable: false),
            .init("PhVphC", 10, .int16, size: 1, scaleFactor: "V_SF", unit: "V", writable: false),
            .init("PPV", 11, .int16, size: 1, scaleFactor: "V_SF", unit: "V", writable: false),
            .init(lineVoltage + "AB", 12, .int16, size: 1, scaleFactor: "V_SF", unit: "V", writable: false),
            .init(lineVoltage + "BC", 13, .int16, size: 1, scaleFactor: "V_SF", unit: "V", writable: false),
            .init(lineVoltage + "CA", 14, .int16, size: 1, scaleFactor: "V_SF", unit: "V", writable: false),
            .init("V_SF", 15, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("Hz", 16, .int16, size: 1, scaleFactor: "Hz_SF", unit: "Hz", writable: false),
            .init("Hz_SF", 17, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("W", 18, .int16, size: 1, scaleFactor: "W_SF", unit: "W", writable: false),
            .init("WphA", 19, .int16, size: 1, scaleFactor: "W_SF", unit: "W", writable: false),
            .init("WphB", 20, .int16, size: 1, scaleFactor: "W_SF", unit: "W", writable: false),
            .init("WphC", 21, .int16, size: 1, scaleFactor: "W_SF", unit: "W", writable: false),
            .init("W_SF", 22, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("VA", 23, .int16, size: 1, scaleFactor: "VA_SF", unit: "VA", writable: false),
            .init("VAphA", 24, .int16, size: 1, scaleFactor: "VA_SF", unit: "VA", writable: false),
            .init("VAphB", 25, .int16, size: 1, scaleFactor: "VA_SF", unit: "VA", writable: false),
            .init("VAphC", 26, .int16, size: 1, scaleFactor: "VA_SF", unit: "VA", writable: false),
            .init("VA_SF", 27, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("VAR", 28, .int16, size: 1, scaleFactor: "VAR_SF", unit: "var", writable: false),
            .init("VARphA", 29, .int16, size: 1, scaleFactor: "VAR_SF", unit: "var", writable: false),
            .init("VARphB", 30, .int16, size: 1, scaleFactor: "VAR_SF", unit: "var", writable: false),
            .init("VARphC", 31, .int16, size: 1, scaleFactor: "VAR_SF", unit: "var", writable: false),
            .init("VAR_SF", 32, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("PF", 33, .int16, size: 1, scaleFactor: "PF_SF", unit: "Pct", writable: false),
            .init("PFphA", 34, .int16, size: 1, scaleFactor: "PF_SF", unit: "Pct", writable: false),
            .init("PFphB", 35, .int16, size: 1, scaleFactor: "PF_SF", unit: "Pct", writable: false),
            .init("PFphC", 36, .int16, size: 1, scaleFactor: "PF_SF", unit: "Pct", writable: false),
            .init("PF_SF", 37, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("TotWhExp", 38, .acc32, size: 2, scaleFactor: "TotWh_SF", unit: "Wh", writable: false),
            .init("TotWhExpPhA", 40, .acc32, size: 2, scaleFactor: "TotWh_SF", unit: "Wh", writable: false),
            .init("TotWhExpPhB", 42, .acc32, size: 2, scaleFactor: "TotWh_SF", unit: "Wh", writable: false),
            .init("TotWhExpPhC", 44, .acc32, size: 2, scaleFactor: "TotWh_SF", unit: "Wh", writable: false),
            .init("TotWhImp", 46, .acc32, size: 2, scaleFactor: "TotWh_SF", unit: "Wh", writable: false),
            .init("TotWhImpPhA", 48, .acc32, size: 2, scaleFactor: "TotWh_SF", unit: "Wh", writable: false),
            .init("TotWhImpPhB", 50, .acc32, size: 2, scaleFactor: "TotWh_SF", unit: "Wh", writable: false),
            .init("TotWhImpPhC", 52, .acc32, size: 2, scaleFactor: "TotWh_SF", unit: "Wh", writable: false),
            .init("TotWh_SF", 54, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("TotVAhExp", 55, .acc32, size: 2, scaleFactor: "TotVAh_SF", unit: "VAh", writable: false),
            .init("TotVAhExpPhA", 57, .acc32, size: 2, scaleFactor: "TotVAh_SF", unit: "VAh", writable: false),
            .init("TotVAhExpPhB", 59, .acc32, size: 2, scaleFactor: "TotVAh_SF", unit: "VAh", writable: false),
            .init("TotVAhExpPhC", 61, .acc32, size: 2, scaleFactor: "TotVAh_SF", unit: "VAh", writable: false),
            .init("TotVAhImp", 63, .acc32, size: 2, scaleFactor: "TotVAh_SF", unit: "VAh", writable: false),
            .init("TotVAhImpPhA", 65, .acc32, size: 2, scaleFactor: "TotVAh_SF", unit: "VAh", writable: false),
            .init("TotVAhImpPhB", 67, .acc32, size: 2, scaleFactor: "TotVAh_SF", unit: "VAh", writable: false),
            .init("TotVAhImpPhC", 69, .acc32, size: 2, scaleFactor: "TotVAh_SF", unit: "VAh", writable: false),
            .init("TotVAh_SF", 71, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("TotVArhImpQ1", 72, .acc32, size: 2, scaleFactor: "TotVArh_SF", unit: "varh", writable: false),
            .init("TotVArhImpQ1PhA", 74, .acc32, size: 2, scaleFactor: "TotVArh_SF", unit: "varh", writable: false),
            .init("TotVArhImpQ1PhB", 76, .acc32, size: 2, scaleFactor: "TotVArh_SF", unit: "varh", writable: false),
            .init("TotVArhImpQ1PhC", 78, .acc32, size: 2, scaleFactor: "TotVArh_SF", unit: "varh", writable: false),
            .init("TotVArhImpQ2", 80, .acc32, size: 2, scaleFactor: "TotVArh_SF", unit: "varh", writable: false),
            .init("TotVArhImpQ2PhA", 82, .acc32, size: 2, scaleFactor: "TotVArh_SF", unit: "varh", writable: false),
            .init("TotVArhImpQ2PhB", 84, .acc32, size: 2, scaleFactor: "TotVArh_SF", unit: "varh", writable: false),
            .init("TotVArhImpQ2PhC", 86, .acc32, size: 2, scaleFactor: "TotVArh_SF", unit: "varh", writable: false),
            .init("TotVArhExpQ3", 88, .acc32, size: 2, scaleFactor: "TotVArh_SF", unit: "varh", writable: false),
            .init("TotVArhExpQ3PhA", 90, .acc32, size: 2, scaleFactor: "TotVArh_SF", unit: "varh", writable: false),
            .init("TotVArhExpQ3PhB", 92, .acc32, size: 2, scaleFactor: "TotVArh_SF", unit: "varh", writable: false),
            .init("TotVArhExpQ3PhC", 94, .acc32, size: 2, scaleFactor: "TotVArh_SF", unit: "varh", writable: false),
            .init("TotVArhExpQ4", 96, .acc32, size: 2, scaleFactor: "TotVArh_SF", unit: "varh", writable: false),
            .init("TotVArhExpQ4PhA", 98, .acc32, size: 2, scaleFactor: "TotVArh_SF", unit: "varh", writable: false),
            .init("TotVArhExpQ4PhB", 100, .acc32, size: 2, scaleFactor: "TotVArh_SF", unit: "varh", writable: false),
            .init("TotVArhExpQ4PhC", 102, .acc32, size: 2, scaleFactor: "TotVArh_SF", unit: "varh", writable: false),
            .init("TotVArh_SF", 104, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("Evt", 105, .bitfield32, size: 2, scaleFactor: nil, unit: "", writable: false),
        ]
    }
}
