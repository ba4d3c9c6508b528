/// Which constraint groups make a model infeasible, found by elastic re-solves.
///
/// The elastic copy keeps every column, its bounds and integrality, drops the objective, and gives each finite
/// side of every row a nonnegative slack of cost 1 (s⁺ relaxes the lower side, s⁻ the upper: lower ≤ a·x + s⁺ − s⁻
/// ≤ upper). Its optimum is the least total violation; the groups whose rows needed slack are reported, each with
/// the sum of its rows' slack.
///
/// One elastic optimum is a vertex, and at a vertex a conflict between two groups is usually charged to one of
/// them (x ≥ 10 against x ≤ 5 costs 5 on either side). So each group found is then held hard in turn (its rows
/// lose their slacks) and the copy re-solved: the groups that must give instead are the other side of the
/// conflict, and join the report with their violation from that re-solve. At most `maximumResolves` such
/// re-solves run; an unrelated group never needs slack and is never named.
struct InfeasibilityDiagnosis {
    /// Slack below this (absolute) is solver noise, not violation.
    static let tolerance = 1e-6
    static let maximumResolves = 12

    /// The violated groups with their violation, and the point of least violation (values, row activities);
    /// nil when even the elastic copy did not solve to optimality.
    struct Finding {
        var groups: [String: Double]
        var values: [Double]
        var rowActivities: [Double]
    }

    let model: LinearModel
    let problem: ColumnMajorProblem
    let options: SolveOptions

    func run() -> Finding? {
        guard let first = solveElastic(holding: []) else { return nil }
        var groups = first.groups
        var queue = groups.keys.sorted()
        var resolves = 0
        while !queue.isEmpty, resolves < Self.maximumResolves {
            let held = queue.removeFirst()
            resolves += 1
            // nil: the held group cannot hold even alone with the bounds — it is the conflict by itself.
            guard let other = solveElastic(holding: [held]) else { continue }
            for (group, violation) in other.groups.sorted(by: { $0.key < $1.key }) where groups[group] == nil {
                groups[group] = violation
                queue.append(group)
            }
        }
        return Finding(groups: groups, values: first.values, rowActivities: first.rowActivities)
    }

    /// The elastic copy with the rows of `held` groups kept hard, solved; nil when it is not solved to optimality.
    private func solveElastic(holding held: Set<String>) -> Finding? {
        var elastic = problem
        let originalColumns = elastic.columnCount
        elastic.objective = Array(repeating: 0, count: originalColumns)
        elastic.maximise = false
        var slackRows: [Int] = []
        for (row, constraint) in model.rows.enumerated() where !held.contains(constraint.group) {
            if constraint.lower > -.infinity {
                elastic.appendColumn(lower: 0, upper: .infinity, cost: 1, entries: [(row, 1)])
                slackRows.append(row)
            }
            if constraint.upper < .infinity {
                elastic.appendColumn(lower: 0, upper: .infinity, cost: 1, entries: [(row, -1)])
                slackRows.append(row)
            }
        }
        let run = problem.integerColumns.isEmpty
            ? LinearSolver.runCLP(elastic, options: options)
            : LinearSolver.runCBC(elastic, options: options)
        guard run.outcome == .optimal else { return nil }
        var groups: [String: Double] = [:]
        for (offset, row) in slackRows.enumerated() {
            let slack = run.values[originalColumns + offset]
            if slack > Self.tolerance { groups[model.rows[row].group, default: 0] += slack }
        }
        // Every row activity without the slacks: what the original rows see at this point.
        let values = Array(run.values.prefix(originalColumns))
        return Finding(groups: groups, values: values, rowActivities: problem.rowActivities(values))
    }
}
