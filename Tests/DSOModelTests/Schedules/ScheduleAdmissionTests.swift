import DSOModel
import Testing

/// The shared admission check: each bound refuses with the field at fault; an interval inside every bound passes.
@Suite struct ScheduleAdmissionTests {
    static let admission = ScheduleAdmission(importLimitsKW: [5000, 4000], exportLimitsKW: [3000, 2000])
    static let now = 1000.0

    static func entry(point: Int = 0, start: Double = 900, end: Double = 1800, kw: Double = 750) -> ScheduleEntry {
        ScheduleEntry(interfacePoint: point, startSeconds: start, endSeconds: end, netImportKW: kw)
    }

    static let refused: [(ScheduleEntry, String)] = [
        (entry(point: 2), "interfacePoint"),
        (entry(point: -1), "interfacePoint"),
        (entry(start: .nan), "startSeconds"),
        (entry(end: .infinity), "endSeconds"),
        (entry(end: 900), "endSeconds"),
        (entry(start: 1000, end: 1000 + 7 * 86_400 + 1), "endSeconds"),
        (entry(start: 0, end: 1000), "endSeconds"),
        (entry(start: 1000 + 7 * 86_400 + 1, end: 1000 + 7 * 86_400 + 60), "startSeconds"),
        (entry(kw: 1e300), "netImportKW"),
        (entry(kw: .nan), "netImportKW"),
        (entry(kw: 5000.5), "netImportKW"),
        (entry(kw: -3000.5), "netImportKW"),
        (entry(point: 1, kw: 4500), "netImportKW"),
    ]

    @Test(arguments: refused.indices)
    func anIntervalOutsideABoundIsRefusedNamingTheField(_ index: Int) {
        let (entry, field) = Self.refused[index]
        let refusal = Self.admission.refusal(entry, nowSeconds: Self.now)
        #expect(refusal?.field == field, "\(entry) → \(String(describing: refusal))")
    }

    @Test func intervalsAtTheBoundsAreAdmitted() {
        for entry in [Self.entry(kw: 5000), Self.entry(kw: -3000), Self.entry(point: 1, kw: -2000),
                      Self.entry(start: 1000 + 7 * 86_400, end: 1000 + 14 * 86_400),
                      Self.entry(start: -5000, end: 1000.5)] {
            #expect(Self.admission.refusal(entry, nowSeconds: Self.now) == nil, "\(entry)")
        }
    }

    @Test func theModelsLimitsAreTheAdmissionsLimits() throws {
        let model = try SubstationModel(
            interfacePoints: [InterfacePointSpec(id: "North", importLimitKW: 1200, exportLimitKW: 300, deviationBandKW: 50)],
            resources: [ResourceSpec(id: "PV", kind: .pv, interfacePoint: 0, maximumKW: 100, minimumKW: 0)])
        let admission = ScheduleAdmission(model: model)
        #expect(admission.importLimitsKW == [1200] && admission.exportLimitsKW == [300])
    }
}
