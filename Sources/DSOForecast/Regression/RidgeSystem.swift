internal import CLAPACKE

/// How a ridge fit's coefficients were solved for, for reports and tests.
public enum RidgeSolveMethod: Sendable, Hashable {
    /// Cholesky on the normal equations (XᵀX + λI) β = Xᵀy: the usual case.
    case cholesky
    /// Minimum-norm least squares by SVD on [X; √λ I] β ≈ [y; 0], when the normal equations are singular or
    /// too ill-conditioned to trust (collinear or constant columns at λ = 0); `rank` is the rank used.
    case minimumNormLeastSquares(rank: Int)
    /// Every column was constant over the training rows: the fit is the mean target.
    case interceptOnly
}

/// The penalised least-squares problem on standardised columns, solved with LAPACKE and CBLAS.
enum RidgeSystem {
    /// Below this reciprocal condition number of XᵀX + λI the Cholesky solution loses more than about half of
    /// its digits (κ(XᵀX) = κ(X)²), so the SVD solve on X itself takes over.
    static let smallestReciprocalCondition = 1e-10
    /// Singular values of X below this fraction of the largest count as zero in the SVD solve: columns that
    /// are linear combinations of others up to rounding share their weight instead of getting huge opposite ones.
    static let singularValueCutoff = 1e-10

    /// β minimising ‖y − Zβ‖² + λ‖β‖² for `z` (`rows` × `columns`, row-major, standardised) and centred `y`.
    static func solve(
        z: [Double], rows: Int, columns: Int, centredTargets y: [Double], penalty: Double
    ) throws(ForecastError) -> (coefficients: [Double], method: RidgeSolveMethod) {
        let n = Int32(rows)
        let p = Int32(columns)
        var gram = [Double](repeating: 0, count: columns * columns)
        cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, p, n, 1, z, p, 0, &gram, p)
        var beta = [Double](repeating: 0, count: columns)
        cblas_dgemv(CblasRowMajor, CblasTrans, n, p, 1, z, p, y, 1, 0, &beta, 1)
        for index in 0..<columns { gram[index * columns + index] += penalty }

        let upper = CChar(UInt8(ascii: "U"))
        let norm = LAPACKE_dlansy(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "1")), upper, p, gram, p)
        let info = LAPACKE_dposv(LAPACK_ROW_MAJOR, upper, p, 1, &gram, p, &beta, 1)
        if info < 0 { throw lapackFailure("LAPACKE_dposv", info) }
        if info == 0 {
            var reciprocalCondition = 0.0
            let conditionInfo = LAPACKE_dpocon(LAPACK_ROW_MAJOR, upper, p, gram, p, norm, &reciprocalCondition)
            if conditionInfo != 0 { throw lapackFailure("LAPACKE_dpocon", conditionInfo) }
            if reciprocalCondition >= smallestReciprocalCondition { return (beta, .cholesky) }
        }
        // info > 0: XᵀX + λI is not positive definite (a constant or collinear column at λ = 0).
        return try minimumNorm(z: z, rows: rows, columns: columns, centredTargets: y, penalty: penalty)
    }

    /// The SVD solve (LAPACKE_dgelsd) of [Z; √λ I] β ≈ [y; 0], whose solution is the ridge one for λ > 0
    /// and the minimum-norm least-squares one for λ = 0.
    private static func minimumNorm(
        z: [Double], rows: Int, columns: Int, centredTargets y: [Double], penalty: Double
    ) throws(ForecastError) -> (coefficients: [Double], method: RidgeSolveMethod) {
        var design = z
        var right = y
        if penalty > 0 {
            let root = penalty.squareRoot()
            for index in 0..<columns {
                var row = [Double](repeating: 0, count: columns)
                row[index] = root
                design.append(contentsOf: row)
            }
            right.append(contentsOf: repeatElement(0, count: columns))
        }
        let m = design.count / columns
        if right.count < columns { right.append(contentsOf: repeatElement(0, count: columns - right.count)) }
        var singularValues = [Double](repeating: 0, count: min(m, columns))
        var rank: Int32 = 0
        let info = LAPACKE_dgelsd(
            LAPACK_ROW_MAJOR, Int32(m), Int32(columns), 1, &design, Int32(columns), &right, 1,
            &singularValues, singularValueCutoff, &rank)
        if info < 0 { throw lapackFailure("LAPACKE_dgelsd", info) }
        if info > 0 {
            throw ForecastError(
                "ridge: the SVD of the \(rows) × \(columns) design did not converge (LAPACKE_dgelsd info \(info))")
        }
        return (Array(right[..<columns]), .minimumNormLeastSquares(rank: Int(rank)))
    }

    /// The error for a negative LAPACKE info: a workspace that could not be allocated, or an argument the
    /// routine rejected (a bug here, named so it can be found).
    private static func lapackFailure(_ routine: String, _ info: Int32) -> ForecastError {
        info == LAPACK_WORK_MEMORY_ERROR || info == LAPACK_TRANSPOSE_MEMORY_ERROR
            ? ForecastError("ridge: \(routine) could not allocate its workspace (info \(info))")
            : ForecastError("ridge: \(routine) rejected its argument \(-info) (info \(info))")
    }
}
