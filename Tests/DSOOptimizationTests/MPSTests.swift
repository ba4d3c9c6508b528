import DSOOptimization
import Testing

/// The MPS text itself: sections, row kinds, ranges, integer markers, every bound kind, and names made safe and
/// unique. (That HiGHS reads it to the same optimum is HiGHSCrossCheckTests.)
@Suite struct MPSTests {
    private static func sample() -> LinearModel {
        var model = LinearModel(name: "sample plan", sense: .maximise)
        let free = model.addVariable("grid import", lower: -.infinity, cost: -30)
        let minusInfinity = model.addVariable("grid_import", lower: -.infinity, upper: 4)
        let boxed = model.addVariable("charge", lower: 1, upper: 2, cost: 5)
        let fixed = model.addVariable("fixed", lower: 3, upper: 3)
        let binary = model.addVariable("on", upper: 1, cost: 7, isInteger: true)
        let general = model.addVariable("blocks", lower: -2, upper: 6, isInteger: true)
        let unboundedInteger = model.addVariable("RHS", cost: -1, isInteger: true)
        model.addVariable("idle")
        model.equal("balance", group: "energy-balance", terms: [(free, 1), (minusInfinity, 1), (boxed, -1)], rhs: 2)
        model.lessOrEqual("limit", group: "limits", terms: [(free, 1), (binary, -5)], rhs: 8)
        model.greaterOrEqual("floor", group: "limits", terms: [(general, 2), (unboundedInteger, 1)], rhs: -1)
        model.addConstraint("band $1", group: "band", terms: [(boxed, 1), (fixed, 1)], lower: 1.5, upper: 4.25)
        model.addConstraint("obj", group: "free", terms: [(general, 1)], lower: -.infinity, upper: .infinity)
        return model
    }

    @Test func sectionsRowKindsRangesAndObjectiveSenseAreWritten() {
        let lines = Self.sample().mps().split(separator: "\n").map(String.init)
        #expect(lines.first == "NAME sample_plan")
        #expect(Array(lines[1...2]) == ["OBJSENSE", "    MAX"])
        let sections = lines.filter { !$0.hasPrefix(" ") }.map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(sections == ["NAME", "OBJSENSE", "ROWS", "COLUMNS", "RHS", "RANGES", "BOUNDS", "ENDATA"])
        for row in [" N  obj", " E  balance", " L  limit", " G  floor", " G  band__1", " N  obj_2"] {
            #expect(lines.contains(row), "\(row)")
        }
        #expect(lines.contains("    RHS  balance  2"))
        #expect(lines.contains("    RHS  floor  -1"))
        #expect(lines.contains("    RHS  band__1  1.5"))
        #expect(lines.contains("    RNG  band__1  2.75"))
    }

    @Test func integerMarkersAndEveryBoundKindAreWritten() {
        let text = Self.sample().mps()
        let lines = text.split(separator: "\n").map(String.init)
        let intorg = lines.firstIndex { $0.contains("'INTORG'") }
        let intend = lines.firstIndex { $0.contains("'INTEND'") }
        let onLine = lines.firstIndex { $0.hasPrefix("    on ") }
        let idleLine = lines.firstIndex { $0.hasPrefix("    idle ") }
        #expect(intorg != nil && intend != nil && onLine != nil && idleLine != nil)
        if let intorg, let intend, let onLine, let idleLine {
            #expect(intorg < onLine && onLine < intend && intend < idleLine)
        }
        #expect(lines.contains("    idle  obj  0"), "a column in no row still appears")
        for bound in [
            " FR BND  grid_import", " MI BND  grid_import_2", " UP BND  grid_import_2  4", " LO BND  charge  1",
            " UP BND  charge  2", " FX BND  fixed  3", " BV BND  on", " LI BND  blocks  -2", " UI BND  blocks  6",
            " LI BND  RHS_2  0", " PL BND  RHS_2",
        ] {
            #expect(lines.contains(bound), "\(bound)")
        }
        #expect(!text.contains("$"))
    }
}
