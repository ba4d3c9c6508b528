import DSOOptimization
import Testing

/// The same models solved by CLP/CBC here and by HiGHS from our MPS text agree on the optimal objective within
/// 1e-6 relative (1e-6 absolute near 0): the solvers, the modelling layer's matrices and the MPS writer
/// checked at once.
@Suite struct HiGHSCrossCheckTests {
    static func agree(_ ours: Double, _ theirs: Double) -> Bool {
        abs(ours - theirs) <= 1e-6 * max(1, abs(theirs))
    }

    private func crossCheck(_ models: [LinearModel], solver: String) throws {
        if let reason = HiGHSPeer.unavailableReason {
            Issue.record(Comment(rawValue: reason))
            return
        }
        var options = SolveOptions()
        options.relativeGap = 1e-9
        let ours = try models.map { try LinearSolver.solve($0, options: options) }
        let theirs = try HiGHSPeer.solve(models.map { $0.mps() })
        for (model, (solution, answer)) in zip(models, zip(ours, theirs)) {
            #expect(solution.status == .optimal, "\(model.name): \(solution.status)")
            #expect(solution.solver == solver)
            #expect(answer.status == "Optimal", "\(model.name): HiGHS \(answer.status)")
            #expect(Self.agree(solution.objective, answer.objective),
                    "\(model.name): \(solver) \(solution.objective), HiGHS \(answer.objective)")
        }
        let worst = zip(ours, theirs).map { abs($0.objective - $1.objective) / max(1, abs($1.objective)) }.max() ?? 0
        print("\(solver) vs HiGHS over \(models.count) models: worst relative objective difference \(worst)")
    }

    /// 20 LPs of 30 variables × 20 rows (equal, ≤, ≥, ranged and free rows; boxed, free, one-sided and fixed
    /// variables), every fourth a maximisation.
    @Test func randomLPsAgreeWithHiGHS() throws {
        let models = (0..<20).map {
            RandomModels.model(seed: 100 + UInt64($0), variables: 30, rows: 20, integerShare: 0,
                               sense: $0 % 4 == 3 ? .maximise : .minimise)
        }
        try crossCheck(models, solver: "clp")
    }

    /// 10 MILPs of 12 variables × 8 rows, about half of the variables integer (binary and general, some with
    /// negative bounds), every third a maximisation. Most have an optimum away from their LP relaxation's, so
    /// agreement means the integer markers and bounds were read as written.
    @Test func randomMILPsAgreeWithHiGHS() throws {
        func models(relaxed: Bool) -> [LinearModel] {
            (0..<10).map {
                RandomModels.model(seed: 500 + UInt64($0), variables: 12, rows: 8, integerShare: 0.5,
                                   sense: $0 % 3 == 2 ? .maximise : .minimise, relaxed: relaxed)
            }
        }
        let milps = models(relaxed: false)
        let allMixedInteger = milps.allSatisfy { $0.isMixedInteger }
        #expect(allMixedInteger)
        try crossCheck(milps, solver: "cbc")

        let milpObjectives = try milps.map { try LinearSolver.solve($0).objective }
        let relaxedObjectives = try models(relaxed: true).map { try LinearSolver.solve($0).objective }
        let changedByIntegrality = zip(milpObjectives, relaxedObjectives).filter { !Self.agree($0, $1) }.count
        #expect(changedByIntegrality >= 5, "integrality changed \(changedByIntegrality) of 10 optima")
    }

    /// The hand-solved maximisation through HiGHS: OBJSENSE MAX is read, and the objective is the profit.
    @Test func maximisationSenseSurvivesTheMPSText() throws {
        if let reason = HiGHSPeer.unavailableReason {
            Issue.record(Comment(rawValue: reason))
            return
        }
        let answer = try #require(try HiGHSPeer.solve([HandSolvedLPTests.wyndor().0.mps()]).first)
        #expect(abs(answer.objective - 36) < 1e-9)
    }
}
