#!/usr/bin/env python3
"""Independent cross-check of OpenDSO's economic dispatch against HiGHS.

Each instance is: minimise sum(a_i p_i + 0.5 b_i p_i^2) s.t. lo_i <= p_i <= hi_i, sum p_i = target.
HiGHS solves it as a QP (as an LP when every b_i is 0). The Swift solver is not consulted.

Usage:
  dispatch_highs_check.py FILE             compare objectives; exit 1 on any mismatch
  dispatch_highs_check.py --time FILE [--repeats K]
                                           time only Highs.run() per instance; print JSON to stdout

FILE is JSON: {"instances": [{"name", "lower", "upper", "linearCost", "quadraticCost",
"targetKW", "ourCost", optional "ourOutput"}]}.
"""
import json
import sys
import time

import highspy
import numpy as np

RELATIVE_TOLERANCE = 1e-6


def build_model(instance):
    lower = np.asarray(instance["lower"], dtype=np.float64)
    upper = np.asarray(instance["upper"], dtype=np.float64)
    linear = np.asarray(instance["linearCost"], dtype=np.float64)
    quadratic = np.asarray(instance["quadraticCost"], dtype=np.float64)
    n = lower.size
    lp = highspy.HighsLp()
    lp.num_col_ = n
    lp.num_row_ = 1
    lp.col_cost_ = linear
    lp.col_lower_ = lower
    lp.col_upper_ = upper
    lp.row_lower_ = np.array([instance["targetKW"]], dtype=np.float64)
    lp.row_upper_ = np.array([instance["targetKW"]], dtype=np.float64)
    matrix = highspy.HighsSparseMatrix()
    matrix.format_ = highspy.MatrixFormat.kColwise
    matrix.num_col_ = n
    matrix.num_row_ = 1
    matrix.start_ = np.arange(n + 1, dtype=np.int32)
    matrix.index_ = np.zeros(n, dtype=np.int32)
    matrix.value_ = np.ones(n, dtype=np.float64)
    lp.a_matrix_ = matrix
    model = highspy.HighsModel()
    model.lp_ = lp
    columns = np.nonzero(quadratic > 0)[0]
    if columns.size > 0:
        # Diagonal Hessian in HiGHS's lower-triangular column-wise format; objective is c'x + 1/2 x'Qx.
        counts = np.zeros(n, dtype=np.int32)
        counts[columns] = 1
        hessian = highspy.HighsHessian()
        hessian.dim_ = n
        hessian.format_ = highspy.HessianFormat.kTriangular
        hessian.start_ = np.concatenate(([0], np.cumsum(counts))).astype(np.int32)
        hessian.index_ = columns.astype(np.int32)
        hessian.value_ = quadratic[columns]
        model.hessian_ = hessian
    return model, lower, upper, linear, quadratic


def new_solver():
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    return highs


def solve(highs, model):
    highs.passModel(model)
    start = time.perf_counter()
    highs.run()
    seconds = time.perf_counter() - start
    status = highs.getModelStatus()
    objective = highs.getInfo().objective_function_value
    return status, objective, seconds


def cost_scale(linear, quadratic, solution):
    """Magnitude of the objective's terms: a relative measure that survives cancellation."""
    return max(1.0, float(np.sum(np.abs(linear * solution) + 0.5 * quadratic * solution * solution)))


def check(path):
    with open(path) as handle:
        instances = json.load(handle)["instances"]
    failures = 0
    highs = new_solver()
    for instance in instances:
        model, lower, upper, linear, quadratic = build_model(instance)
        status, objective, seconds = solve(highs, model)
        name = instance["name"]
        if status != highspy.HighsModelStatus.kOptimal:
            print(f"FAIL {name}: HiGHS status {highs.modelStatusToString(status)}")
            failures += 1
            continue
        solution = np.asarray(highs.getSolution().col_value, dtype=np.float64)
        scale = cost_scale(linear, quadratic, solution)
        ours = float(instance["ourCost"])
        difference = abs(ours - objective) / scale
        problems = []
        if difference > RELATIVE_TOLERANCE:
            problems.append(f"objective differs by {difference:.3e} relative")
        if "ourOutput" in instance:
            output = np.asarray(instance["ourOutput"], dtype=np.float64)
            width = max(1.0, float(np.max(np.abs(np.concatenate((lower, upper))))))
            if np.any(output < lower - 1e-9 * width) or np.any(output > upper + 1e-9 * width):
                problems.append("our output violates bounds")
            total_scale = max(1.0, float(np.sum(np.abs(output))))
            if abs(float(np.sum(output)) - instance["targetKW"]) > 1e-9 * total_scale:
                problems.append(f"our output sums to {np.sum(output)!r}, target {instance['targetKW']!r}")
            recomputed = float(np.sum(linear * output + 0.5 * quadratic * output * output))
            if abs(recomputed - ours) > 1e-9 * scale:
                problems.append("our reported cost does not match our output")
        verdict = "FAIL" if problems else "ok"
        print(f"{verdict} {name}: n={lower.size} ours={ours:.12g} highs={objective:.12g} "
              f"rel={difference:.2e} highs_run={seconds * 1e3:.2f}ms {'; '.join(problems)}".rstrip())
        failures += bool(problems)
    print(f"{len(instances) - failures}/{len(instances)} instances agree with HiGHS")
    return 1 if failures else 0


def time_runs(path, repeats):
    with open(path) as handle:
        instances = json.load(handle)["instances"]
    results = []
    highs = new_solver()
    for instance in instances:
        model = build_model(instance)[0]
        seconds = []
        objective = None
        for _ in range(repeats):
            status, objective, elapsed = solve(highs, model)
            if status != highspy.HighsModelStatus.kOptimal:
                print(f"HiGHS failed on {instance['name']}", file=sys.stderr)
                return 1
            seconds.append(elapsed)
            highs.clearSolver()
        results.append({"name": instance["name"], "seconds": seconds, "objective": objective})
    json.dump({"highspy": highspy.__version__ if hasattr(highspy, "__version__") else "unknown",
               "results": results}, sys.stdout)
    print()
    return 0


def main(arguments):
    if len(arguments) >= 2 and arguments[0] == "--time":
        repeats = 5
        if "--repeats" in arguments:
            repeats = int(arguments[arguments.index("--repeats") + 1])
        return time_runs(arguments[1], repeats)
    if len(arguments) == 1:
        return check(arguments[0])
    print(__doc__, file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
