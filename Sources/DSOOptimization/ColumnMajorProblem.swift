/// A model as `Clp_loadProblem` and `Cbc_loadProblem` take it: the matrix in compressed sparse columns (built from
/// the row list), column and row bounds with ±∞ as COIN-OR's ±DBL_MAX, the objective, the integer columns.
/// The elastic copy of the infeasibility diagnosis is this with the objective zeroed and slack columns appended.
struct ColumnMajorProblem {
    /// COIN-OR's infinity (COIN_DBL_MAX): CLP and CBC read anything at or beyond 1e30 as infinite, and keep
    /// arithmetic on bounds finite this way.
    static let infinity = Double.greatestFiniteMagnitude

    var rowCount: Int
    /// starts[j] ..< starts[j + 1] are column j's entries; starts.count is the column count + 1.
    var starts: [Int32]
    var rowIndices: [Int32] = []
    var elements: [Double] = []
    var columnLower: [Double] = []
    var columnUpper: [Double] = []
    var objective: [Double] = []
    var isInteger: [Bool] = []
    var rowLower: [Double]
    var rowUpper: [Double]
    var maximise: Bool

    var columnCount: Int { starts.count - 1 }
    var integerColumns: [Int32] { isInteger.indices.filter { isInteger[$0] }.map { Int32($0) } }

    init(_ model: LinearModel) {
        let columns = model.columns
        let rows = model.rows
        var counts = [Int](repeating: 0, count: columns.count)
        for row in rows {
            for variable in row.variables { counts[variable] += 1 }
        }
        var starts = [Int32](repeating: 0, count: columns.count + 1)
        for j in columns.indices { starts[j + 1] = starts[j] + Int32(counts[j]) }
        var next = starts.dropLast().map { Int($0) }
        var rowIndices = [Int32](repeating: 0, count: Int(starts[columns.count]))
        var elements = [Double](repeating: 0, count: rowIndices.count)
        for (i, row) in rows.enumerated() {
            for (variable, coefficient) in zip(row.variables, row.coefficients) {
                rowIndices[next[variable]] = Int32(i)
                elements[next[variable]] = coefficient
                next[variable] += 1
            }
        }
        self.rowCount = rows.count
        self.starts = starts
        self.rowIndices = rowIndices
        self.elements = elements
        columnLower = columns.map { Self.coin($0.lower) }
        columnUpper = columns.map { Self.coin($0.upper) }
        objective = columns.map(\.cost)
        isInteger = columns.map(\.isInteger)
        rowLower = rows.map { Self.coin($0.lower) }
        rowUpper = rows.map { Self.coin($0.upper) }
        maximise = model.sense == .maximise
    }

    /// The signature `Clp_loadProblem` and `Cbc_loadProblem` share after their model argument.
    typealias Loader<Model> = (
        Model, Int32, Int32, UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafePointer<Double>?,
        UnsafePointer<Double>?, UnsafePointer<Double>?, UnsafePointer<Double>?, UnsafePointer<Double>?,
        UnsafePointer<Double>?
    ) -> Void

    /// Hands this problem's arrays to a solver's load call (which copies them).
    func load<Model>(into model: Model, with loader: Loader<Model>) {
        loader(
            model, Int32(columnCount), Int32(rowCount), starts, rowIndices, elements, columnLower, columnUpper,
            objective, rowLower, rowUpper)
    }

    /// Appends a column with its (row, coefficient) entries.
    mutating func appendColumn(lower: Double, upper: Double, cost: Double, entries: [(row: Int, coefficient: Double)]) {
        for entry in entries {
            rowIndices.append(Int32(entry.row))
            elements.append(entry.coefficient)
        }
        starts.append(Int32(rowIndices.count))
        columnLower.append(Self.coin(lower))
        columnUpper.append(Self.coin(upper))
        objective.append(cost)
        isInteger.append(false)
    }

    private static func coin(_ bound: Double) -> Double {
        min(max(bound, -infinity), infinity)
    }
}
