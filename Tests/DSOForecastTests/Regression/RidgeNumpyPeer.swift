/// Ridge and least squares in numpy, solved differently from ours (SVD least squares on the augmented
/// design [Z; √λ I], not Cholesky on the normal equations) so that agreement checks the mathematics.
enum RidgeNumpyPeer {
    struct Case: Encodable {
        let x: [[Double]]
        let y: [Double]
        let xTest: [[Double]]
        let penalty: Double

        init(_ data: RandomRegressionData, penalty: Double) {
            x = data.x
            y = data.y
            xTest = data.xTest
            self.penalty = penalty
        }
    }

    struct Answer: Decodable {
        let coefficients: [Double]
        let intercept: Double
        let predictions: [Double]
        let leastSquaresCoefficients: [Double]
        let leastSquaresIntercept: Double
        let leastSquaresPredictions: [Double]
    }

    static func solve(_ cases: [Case]) throws -> [Answer] {
        try PythonPeer.run(script, input: cases, as: [Answer].self)
    }

    static let script = #"""
import json, sys
import numpy as np

answers = []
for case in json.load(open(sys.argv[1])):
    X = np.array(case["x"], dtype=float)
    y = np.array(case["y"], dtype=float)
    Xt = np.array(case["xTest"], dtype=float)
    lam = case["penalty"]
    p = X.shape[1]
    mean = X.mean(axis=0)
    scale = X.std(axis=0)  # population (ddof 0)
    Z = (X - mean) / scale
    A = np.vstack([Z, np.sqrt(lam) * np.eye(p)])
    b = np.concatenate([y - y.mean(), np.zeros(p)])
    beta = np.linalg.lstsq(A, b, rcond=None)[0]
    coef = beta / scale
    intercept = y.mean() - coef @ mean
    design = np.column_stack([np.ones(len(y)), X])
    ls = np.linalg.lstsq(design, y, rcond=None)[0]
    answers.append({
        "coefficients": coef.tolist(),
        "intercept": float(intercept),
        "predictions": (Xt @ coef + intercept).tolist(),
        "leastSquaresCoefficients": ls[1:].tolist(),
        "leastSquaresIntercept": float(ls[0]),
        "leastSquaresPredictions": (np.column_stack([np.ones(len(Xt)), Xt]) @ ls).tolist(),
    })
json.dump(answers, open(sys.argv[2], "w"))
"""#
}
