// SunSpec model definitions (sunspec/models, Apache-2.0), written as Swift data.
// Offsets are registers from the model's ID register; groups after the fixed block are `SunSpecGroup`s.

extension SunSpecModelDefinition {
    /// Model 1, "common": Common.
    package static let model1 = SunSpecModelDefinition(
        id: 1, name: "common", fixedLength: 66, hasRepeatingGroups: false,
        points: [
            .init("Mn", 2, .string, size: 16, scaleFactor: nil, unit: "", writable: false),
            .init("Md", 18, .string, size: 16, scaleFactor: nil, unit: "", writable: false),
            .init("Opt", 34, .string, size: 8, scaleFactor: nil, unit: "", writable: false),
            .init("Vr", 42, .string, size: 8, scaleFactor: nil, unit: "", writable: false),
            .init("SN", 50, .string, size: 16, scaleFactor: nil, unit: "", writable: false),
            .init("DA", 66, .uint16, size: 1, scaleFactor: nil, unit: "", writable: true),
        ]
    )

    /// Model 101, "inverter_single_phase": Inverter (Single Phase).
    package static let model101 = SunSpecModelDefinition(
        id: 101, name: "inverter_single_phase", fixedLength: 50, hasRepeatingGroups: false, points: integerInverterPoints
    )

    /// Model 102, "inverter_split_phase": Inverter (Split-Phase).
    package static let model102 = SunSpecModelDefinition(
        id: 102, name: "inverter_split_phase", fixedLength: 50, hasRepeatingGroups: false, points: integerInverterPoints
    )

    /// Model 103, "inverter_three_phase": Inverter (Three Phase).
    package static let model103 = SunSpecModelDefinition(
        id: 103, name: "inverter_three_phase", fixedLength: 50, hasRepeatingGroups: false, points: integerInverterPoints
    )

    /// Models 101–103 share one layout (the phase count only changes which points a device implements).
    private static let integerInverterPoints: [Point] = [
        .init("A", 2, .uint16, size: 1, scaleFactor: "A_SF", unit: "A", writable: false),
        .init("AphA", 3, .uint16, size: 1, scaleFactor: "A_SF", unit: "A", writable: false),
        .init("AphB", 4, .uint16, size: 1, scaleFactor: "A_SF", unit: "A", writable: false),
        .init("AphC", 5, .uint16, size: 1, scaleFactor: "A_SF", unit: "A", writable: false),
        .init("A_SF", 6, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
        .init("PPVphAB", 7, .uint16, size: 1, scaleFactor: "V_SF", unit: "V", writable: false),
        .init("PPVphBC", 8, .uint16, size: 1, scaleFactor: "V_SF", unit: "V", writable: false),
        .init("PPVphCA", 9, .uint16, size: 1, scaleFactor: "V_SF", unit: "V", writable: false),
        .init("PhVphA", 10, .uint16, size: 1, scaleFactor: "V_SF", unit: "V", writable: false),
        .init("PhVphB", 11, .uint16, size: 1, scaleFactor: "V_SF", unit: "V", writable: false),
        .init("PhVphC", 12, .uint16, size: 1, scaleFactor: "V_SF", unit: "V", writable: false),
        .init("V_SF", 13, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
        .init("W", 14, .int16, size: 1, scaleFactor: "W_SF", unit: "W", writable: false),
        .init("W_SF", 15, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
        .init("Hz", 16, .uint16, size: 1, scaleFactor: "Hz_SF", unit: "Hz", writable: false),
        .init("Hz_SF", 17, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
        .init("VA", 18, .int16, size: 1, scaleFactor: "VA_SF", unit: "VA", writable: false),
        .init("VA_SF", 19, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
        .init("VAr", 20, .int16, size: 1, scaleFactor: "VAr_SF", unit: "var", writable: false),
        .init("VAr_SF", 21, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
        .init("PF", 22, .int16, size: 1, scaleFactor: "PF_SF", unit: "Pct", writable: false),
        .init("PF_SF", 23, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
        .init("WH", 24, .acc32, size: 2, scaleFactor: "WH_SF", unit: "Wh", writable: false),
        .init("WH_SF", 26, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
        .init("DCA", 27, .uint16, size: 1, scaleFactor: "DCA_SF", unit: "A", writable: false),
        .init("DCA_SF", 28, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
        .init("DCV", 29, .uint16, size: 1, scaleFactor: "DCV_SF", unit: "V", writable: false),
        .init("DCV_SF", 30, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
        .init("DCW", 31, .int16, size: 1, scaleFactor: "DCW_SF", unit: "W", writable: false),
        .init("DCW_SF", 32, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
        .init("TmpCab", 33, .int16, size: 1, scaleFactor: "Tmp_SF", unit: "C", writable: false),
        .init("TmpSnk", 34, .int16, size: 1, scaleFactor: "Tmp_SF", unit: "C", writable: false),
        .init("TmpTrns", 35, .int16, size: 1, scaleFactor: "Tmp_SF", unit: "C", writable: false),
        .init("TmpOt", 36, .int16, size: 1, scaleFactor: "Tmp_SF", unit: "C", writable: false),
        .init("Tmp_SF", 37, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
        .init("St", 38, .enum16, size: 1, scaleFactor: nil, unit: "", writable: false),
        .init("StVnd", 39, .enum16, size: 1, scaleFactor: nil, unit: "", writable: false),
        .init("Evt1", 40, .bitfield32, size: 2, scaleFactor: nil, unit: "", writable: false),
        .init("Evt2", 42, .bitfield32, size: 2, scaleFactor: nil, unit: "", writable: false),
        .init("EvtVnd1", 44, .bitfield32, size: 2, scaleFactor: nil, unit: "", writable: false),
        .init("EvtVnd2", 46, .bitfield32, size: 2, scaleFactor: nil, unit: "", writable: false),
        .init("EvtVnd3", 48, .bitfield32, size: 2, scaleFactor: nil, unit: "", writable: false),
        .init("EvtVnd4", 50, .bitfield32, size: 2, scaleFactor: nil, unit: "", writable: false),
    ]

    /// Model 111, "inverter_single_phase_float": Inverter (Single Phase) FLOAT.
    package static let model111 = SunSpecModelDefinition(
        id: 111, name: "inverter_single_phase_float", fixedLength: 60, hasRepeatingGroups: false, points: floatInverterPoints
    )

    /// Model 112, "inverter_split_phase_float": Inverter (Split Phase) FLOAT.
    package static let model112 = SunSpecModelDefinition(
        id: 112, name: "inverter_split_phase_float", fixedLength: 60, hasRepeatingGroups: false, points: floatInverterPoints
    )

    /// Model 113, "inverter_three_phase_float": Inverter (Three Phase) FLOAT.
    package static let model113 = SunSpecModelDefinition(
        id: 113, name: "inverter_three_phase_float", fixedLength: 60, hasRepeatingGroups: false, points: floatInverterPoints
    )

    /// Models 111–113 share one layout (the float32 twins of 101–103).
    private static let floatInverterPoints: [Point] = [
        .init("A", 2, .float32, size: 2, scaleFactor: nil, unit: "A", writable: false),
        .init("AphA", 4, .float32, size: 2, scaleFactor: nil, unit: "A", writable: false),
        .init("AphB", 6, .float32, size: 2, scaleFactor: nil, unit: "A", writable: false),
        .init("AphC", 8, .float32, size: 2, scaleFactor: nil, unit: "A", writable: false),
        .init("PPVphAB", 10, .float32, size: 2, scaleFactor: nil, unit: "V", writable: false),
        .init("PPVphBC", 12, .float32, size: 2, scaleFactor: nil, unit: "V", writable: false),
        .init("PPVphCA", 14, .float32, size: 2, scaleFactor: nil, unit: "V", writable: false),
        .init("PhVphA", 16, .float32, size: 2, scaleFactor: nil, unit: "V", writable: false),
        .init("PhVphB", 18, .float32, size: 2, scaleFactor: nil, unit: "V", writable: false),
        .init("PhVphC", 20, .float32, size: 2, scaleFactor: nil, unit: "V", writable: false),
        .init("W", 22, .float32, size: 2, scaleFactor: nil, unit: "W", writable: false),
        .init("Hz", 24, .float32, size: 2, scaleFactor: nil, unit: "Hz", writable: false),
        .init("VA", 26, .float32, size: 2, scaleFactor: nil, unit: "VA", writable: false),
        .init("VAr", 28, .float32, size: 2, scaleFactor: nil, unit: "var", writable: false),
        .init("PF", 30, .float32, size: 2, scaleFactor: nil, unit: "Pct", writable: false),
        .init("WH", 32, .float32, size: 2, scaleFactor: nil, unit: "Wh", writable: false),
        .init("DCA", 34, .float32, size: 2, scaleFactor: nil, unit: "A", writable: false),
        .init("DCV", 36, .float32, size: 2, scaleFactor: nil, unit: "V", writable: false),
        .init("DCW", 38, .float32, size: 2, scaleFactor: nil, unit: "W", writable: false),
        .init("TmpCab", 40, .float32, size: 2, scaleFactor: nil, unit: "C", writable: false),
        .init("TmpSnk", 42, .float32, size: 2, scaleFactor: nil, unit: "C", writable: false),
        .init("TmpTrns", 44, .float32, size: 2, scaleFactor: nil, unit: "C", writable: false),
        .init("TmpOt", 46, .float32, size: 2, scaleFactor: nil, unit: "C", writable: false),
        .init("St", 48, .enum16, size: 1, scaleFactor: nil, unit: "", writable: false),
        .init("StVnd", 49, .enum16, size: 1, scaleFactor: nil, unit: "", writable: false),
        .init("Evt1", 50, .bitfield32, size: 2, scaleFactor: nil, unit: "", writable: false),
        .init("Evt2", 52, .bitfield32, size: 2, scaleFactor: nil, unit: "", writable: false),
        .init("EvtVnd1", 54, .bitfield32, size: 2, scaleFactor: nil, unit: "", writable: false),
        .init("EvtVnd2", 56, .bitfield32, size: 2, scaleFactor: nil, unit: "", writable: false),
        .init("EvtVnd3", 58, .bitfield32, size: 2, scaleFactor: nil, unit: "", writable: false),
        .init("EvtVnd4", 60, .bitfield32, size: 2, scaleFactor: nil, unit: "", writable: false),
    ]

    /// Model 120, "nameplate": Nameplate.
    package static let model120 = SunSpecModelDefinition(
        id: 120, name: "nameplate", fixedLength: 26, hasRepeatingGroups: false,
        points: [
            .init("DERTyp", 2, .enum16, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("WRtg", 3, .uint16, size: 1, scaleFactor: "WRtg_SF", unit: "W", writable: false),
            .init("WRtg_SF", 4, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("VARtg", 5, .uint16, size: 1, scaleFactor: "VARtg_SF", unit: "VA", writable: false),
            .init("VARtg_SF", 6, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("VArRtgQ1", 7, .int16, size: 1, scaleFactor: "VArRtg_SF", unit: "var", writable: false),
            .init("VArRtgQ2", 8, .int16, size: 1, scaleFactor: "VArRtg_SF", unit: "var", writable: false),
            .init("VArRtgQ3", 9, .int16, size: 1, scaleFactor: "VArRtg_SF", unit: "var", writable: false),
            .init("VArRtgQ4", 10, .int16, size: 1, scaleFactor: "VArRtg_SF", unit: "var", writable: false),
            .init("VArRtg_SF", 11, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("ARtg", 12, .uint16, size: 1, scaleFactor: "ARtg_SF", unit: "A", writable: false),
            .init("ARtg_SF", 13, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("PFRtgQ1", 14, .int16, size: 1, scaleFactor: "PFRtg_SF", unit: "cos()", writable: false),
            .init("PFRtgQ2", 15, .int16, size: 1, scaleFactor: "PFRtg_SF", unit: "cos()", writable: false),
            .init("PFRtgQ3", 16, .int16, size: 1, scaleFactor: "PFRtg_SF", unit: "cos()", writable: false),
            .init("PFRtgQ4", 17, .int16, size: 1, scaleFactor: "PFRtg_SF", unit: "cos()", writable: false),
            .init("PFRtg_SF", 18, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("WHRtg", 19, .uint16, size: 1, scaleFactor: "WHRtg_SF", unit: "Wh", writable: false),
            .init("WHRtg_SF", 20, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("AhrRtg", 21, .uint16, size: 1, scaleFactor: "AhrRtg_SF", unit: "AH", writable: false),
            .init("AhrRtg_SF", 22, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("MaxChaRte", 23, .uint16, size: 1, scaleFactor: "MaxChaRte_SF", unit: "W", writable: false),
            .init("MaxChaRte_SF", 24, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("MaxDisChaRte", 25, .uint16, size: 1, scaleFactor: "MaxDisChaRte_SF", unit: "W", writable: false),
            .init("MaxDisChaRte_SF", 26, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
        ]
    )

    /// Model 121, "settings": Basic Settings.
    package static let model121 = SunSpecModelDefinition(
        id: 121, name: "settings", fixedLength: 30, hasRepeatingGroups: false,
        points: [
            .init("WMax", 2, .uint16, size: 1, scaleFactor: "WMax_SF", unit: "W", writable: true),
            .init("VRef", 3, .uint16, size: 1, scaleFactor: "VRef_SF", unit: "V", writable: true),
            .init("VRefOfs", 4, .int16, size: 1, scaleFactor: "VRefOfs_SF", unit: "V", writable: true),
            .init("VMax", 5, .uint16, size: 1, scaleFactor: "VMinMax_SF", unit: "V", writable: true),
            .init("VMin", 6, .uint16, size: 1, scaleFactor: "VMinMax_SF", unit: "V", writable: true),
            .init("VAMax", 7, .uint16, size: 1, scaleFactor: "VAMax_SF", unit: "VA", writable: true),
            .init("VArMaxQ1", 8, .int16, size: 1, scaleFactor: "VArMax_SF", unit: "var", writable: true),
            .init("VArMaxQ2", 9, .int16, size: 1, scaleFactor: "VArMax_SF", unit: "var", writable: true),
            .init("VArMaxQ3", 10, .int16, size: 1, scaleFactor: "VArMax_SF", unit: "var", writable: true),
            .init("VArMaxQ4", 11, .int16, size: 1, scaleFactor: "VArMax_SF", unit: "var", writable: true),
            .init("WGra", 12, .uint16, size: 1, scaleFactor: "WGra_SF", unit: "% WMax/sec", writable: true),
            .init("PFMinQ1", 13, .int16, size: 1, scaleFactor: "PFMin_SF", unit: "cos()", writable: true),
            .init("PFMinQ2", 14, .int16, size: 1, scaleFactor: "PFMin_SF", unit: "cos()", writable: true),
            .init("PFMinQ3", 15, .int16, size: 1, scaleFactor: "PFMin_SF", unit: "cos()", writable: true),
            .init("PFMinQ4", 16, .int16, size: 1, scaleFactor: "PFMin_SF", unit: "cos()", writable: true),
            .init("VArAct", 17, .enum16, size: 1, scaleFactor: nil, unit: "", writable: true),
            .init("ClcTotVA", 18, .enum16, size: 1, scaleFactor: nil, unit: "", writable: true),
            .init("MaxRmpRte", 19, .uint16, size: 1, scaleFactor: "MaxRmpRte_SF", unit: "% WGra", writable: true),
            .init("ECPNomHz", 20, .uint16, size: 1, scaleFactor: "ECPNomHz_SF", unit: "Hz", writable: true),
            .init("ConnPh", 21, .enum16, size: 1, scaleFactor: nil, unit: "", writable: true),
            .init("WMax_SF", 22, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("VRef_SF", 23, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("VRefOfs_SF", 24, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("VMinMax_SF", 25, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("VAMax_SF", 26, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("VArMax_SF", 27, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("WGra_SF", 28, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("PFMin_SF", 29, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("MaxRmpRte_SF", 30, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("ECPNomHz_SF", 31, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
        ]
    )

    /// Model 122, "status": Measurements_Status.
    package static let model122 = SunSpecModelDefinition(
        id: 122, name: "status", fixedLength: 44, hasRepeatingGroups: false,
        points: [
            .init("PVConn", 2, .bitfield16, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("StorConn", 3, .bitfield16, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("ECPConn", 4, .bitfield16, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("ActWh", 5, .acc64, size: 4, scaleFactor: nil, unit: "Wh", writable: false),
            .init("ActVAh", 9, .acc64, size: 4, scaleFactor: nil, unit: "VAh", writable: false),
            .init("ActVArhQ1", 13, .acc64, size: 4, scaleFactor: nil, unit: "varh", writable: false),
            .init("ActVArhQ2", 17, .acc64, size: 4, scaleFactor: nil, unit: "varh", writable: false),
            .init("ActVArhQ3", 21, .acc64, size: 4, scaleFactor: nil, unit: "varh", writable: false),
            .init("ActVArhQ4", 25, .acc64, size: 4, scaleFactor: nil, unit: "varh", writable: false),
            .init("VArAval", 29, .int16, size: 1, scaleFactor: "VArAval_SF", unit: "var", writable: false),
            .init("VArAval_SF", 30, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("WAval", 31, .uint16, size: 1, scaleFactor: "WAval_SF", unit: "var", writable: false),
            .init("WAval_SF", 32, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("StSetLimMsk", 33, .bitfield32, size: 2, scaleFactor: nil, unit: "", writable: false),
            .init("StActCtl", 35, .bitfield32, size: 2, scaleFactor: nil, unit: "", writable: false),
            .init("TmSrc", 37, .string, size: 4, scaleFactor: nil, unit: "", writable: false),
            .init("Tms", 41, .uint32, size: 2, scaleFactor: nil, unit: "Secs", writable: false),
            .init("RtSt", 43, .bitfield16, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("Ris", 44, .uint16, size: 1, scaleFactor: "Ris_SF", unit: "ohms", writable: false),
            .init("Ris_SF", 45, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
        ]
    )

    /// Model 123, "controls": Immediate Controls.
    package static let model123 = SunSpecModelDefinition(
        id: 123, name: "controls", fixedLength: 24, hasRepeatingGroups: false,
        points: [
            .init("Conn_WinTms", 2, .uint16, size: 1, scaleFactor: nil, unit: "Secs", writable: true),
            .init("Conn_RvrtTms", 3, .uint16, size: 1, scaleFactor: nil, unit: "Secs", writable: true),
            .init("Conn", 4, .enum16, size: 1, scaleFactor: nil, unit: "", writable: true),
            .init("WMaxLimPct", 5, .uint16, size: 1, scaleFactor: "WMaxLimPct_SF", unit: "% WMax", writable: true),
            .init("WMaxLimPct_WinTms", 6, .uint16, size: 1, scaleFactor: nil, unit: "Secs", writable: true),
            .init("WMaxLimPct_RvrtTms", 7, .uint16, size: 1, scaleFactor: nil, unit: "Secs", writable: true),
            .init("WMaxLimPct_RmpTms", 8, .uint16, size: 1, scaleFactor: nil, unit: "Secs", writable: true),
            .init("WMaxLim_Ena", 9, .enum16, size: 1, scaleFactor: nil, unit: "", writable: true),
            .init("OutPFSet", 10, .int16, size: 1, scaleFactor: "OutPFSet_SF", unit: "cos()", writable: true),
            .init("OutPFSet_WinTms", 11, .uint16, size: 1, scaleFactor: nil, unit: "Secs", writable: true),
            .init("OutPFSet_RvrtTms", 12, .uint16, size: 1, scaleFactor: nil, unit: "Secs", writable: true),
            .init("OutPFSet_RmpTms", 13, .uint16, size: 1, scaleFactor: nil, unit: "Secs", writable: true),
            .init("OutPFSet_Ena", 14, .enum16, size: 1, scaleFactor: nil, unit: "", writable: true),
            .init("VArWMaxPct", 15, .int16, size: 1, scaleFactor: "VArPct_SF", unit: "% WMax", writable: true),
            .init("VArMaxPct", 16, .int16, size: 1, scaleFactor: "VArPct_SF", unit: "% VArMax", writable: true),
            .init("VArAvalPct", 17, .int16, size: 1, scaleFactor: "VArPct_SF", unit: "% VArAval", writable: true),
            .init("VArPct_WinTms", 18, .uint16, size: 1, scaleFactor: nil, unit: "Secs", writable: true),
            .init("VArPct_RvrtTms", 19, .uint16, size: 1, scaleFactor: nil, unit: "Secs", writable: true),
            .init("VArPct_RmpTms", 20, .uint16, size: 1, scaleFactor: nil, unit: "Secs", writable: true),
            .init("VArPct_Mod", 21, .enum16, size: 1, scaleFactor: nil, unit: "", writable: true),
            .init("VArPct_Ena", 22, .enum16, size: 1, scaleFactor: nil, unit: "", writable: true),
            .init("WMaxLimPct_SF", 23, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("OutPFSet_SF", 24, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("VArPct_SF", 25, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
        ]
    )

    /// Model 124, "storage_basic": Storage.
    package static let model124 = SunSpecModelDefinition(
        id: 124, name: "storage_basic", fixedLength: 24, hasRepeatingGroups: false,
        points: [
            .init("WChaMax", 2, .uint16, size: 1, scaleFactor: "WChaMax_SF", unit: "W", writable: true),
            .init("WChaGra", 3, .uint16, size: 1, scaleFactor: "WChaDisChaGra_SF", unit: "% WChaMax/sec", writable: true),
            .init("WDisChaGra", 4, .uint16, size: 1, scaleFactor: "WChaDisChaGra_SF", unit: "% WChaMax/sec", writable: true),
            .init("StorCtl_Mod", 5, .bitfield16, size: 1, scaleFactor: nil, unit: "", writable: true),
            .init("VAChaMax", 6, .uint16, size: 1, scaleFactor: "VAChaMax_SF", unit: "VA", writable: true),
            .init("MinRsvPct", 7, .uint16, size: 1, scaleFactor: "MinRsvPct_SF", unit: "% WChaMax", writable: true),
            .init("ChaState", 8, .uint16, size: 1, scaleFactor: "ChaState_SF", unit: "% AhrRtg", writable: false),
            .init("StorAval", 9, .uint16, size: 1, scaleFactor: "StorAval_SF", unit: "AH", writable: false),
            .init("InBatV", 10, .uint16, size: 1, scaleFactor: "InBatV_SF", unit: "V", writable: false),
            .init("ChaSt", 11, .enum16, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("OutWRte", 12, .int16, size: 1, scaleFactor: "InOutWRte_SF", unit: "% WDisChaMax", writable: true),
            .init("InWRte", 13, .int16, size: 1, scaleFactor: "InOutWRte_SF", unit: " % WChaMax", writable: true),
            .init("InOutWRte_WinTms", 14, .uint16, size: 1, scaleFactor: nil, unit: "Secs", writable: true),
            .init("InOutWRte_RvrtTms", 15, .uint16, size: 1, scaleFactor: nil, unit: "Secs", writable: true),
            .init("InOutWRte_RmpTms", 16, .uint16, size: 1, scaleFactor: nil, unit: "Secs", writable: true),
            .init("ChaGriSet", 17, .enum16, size: 1, scaleFactor: nil, unit: "", writable: true),
            .init("WChaMax_SF", 18, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("WChaDisChaGra_SF", 19, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("VAChaMax_SF", 20, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("MinRsvPct_SF", 21, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("ChaState_SF", 22, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("StorAval_SF", 23, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("InBatV_SF", 24, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("InOutWRte_SF", 25, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
        ]
    )

    /// Model 160, "mppt": Multiple MPPT Inverter Extension Model.
    package static let model160 = SunSpecModelDefinition(
        id: 160, name: "mppt", fixedLength: 8, hasRepeatingGroups: true,
        points: [
            .init("DCA_SF", 2, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("DCV_SF", 3, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("DCW_SF", 4, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("DCWH_SF", 5, .sunssf, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("Evt", 6, .bitfield32, size: 2, scaleFactor: nil, unit: "", writable: false),
            .init("N", 8, .uint16, size: 1, scaleFactor: nil, unit: "", writable: false),
            .init("TmsPer", 9, .uint16, size: 1, scaleFactor: nil, unit: "", writable: false),
        ],
        groups: [
            // `module`, count 0: as many 20-register modules as L holds (N repeats that number).
            SunSpecGroup(name: "module", count: .fillingLength, points: [
                .init("ID", 0, .uint16, size: 1, scaleFactor: nil, unit: "", writable: false),
                .init("IDStr", 1, .string, size: 8, scaleFactor: nil, unit: "", writable: false),
                .init("DCA", 9, .uint16, size: 1, scaleFactor: "DCA_SF", unit: "A", writable: false),
                .init("DCV", 10, .uint16, size: 1, scaleFactor: "DCV_SF", unit: "V", writable: false),
                .init("DCW", 11, .uint16, size: 1, scaleFactor: "DCW_SF", unit: "W", writable: false),
                .init("DCWH", 12, .acc32, size: 2, scaleFactor: "DCWH_SF", unit: "Wh", writable: false),
                .init("Tms", 14, .uint32, size: 2, scaleFactor: nil, unit: "Secs", writable: false),
                .init("Tmp", 16, .int16, size: 1, scaleFactor: nil, unit: "C", writable: false),
                .init("DCSt", 17, .enum16, size: 1, scaleFactor: nil, unit: "", writable: false),
                .init("DCEvt", 18, .bitfield32, size: 2, scaleFactor: nil, unit: "", writable: false),
            ]),
        ]
    )
}
