import Foundation
import OpenDSOTestSupport

/// HiGHS (highspy, in `Repository.peerPython`: `OPENDSO_PYTHON` when set, else the worktree's .venv from
/// scripts/setup-peers.sh) reading MPS files and solving them: the independent solver of the cross-check.
enum HiGHSPeer {
    /// Why the peer cannot run (no interpreter), or nil when it can.
    static var unavailableReason: String? { Repository.peerPythonUnavailableReason }

    struct Answer: Decodable {
        let status: String
        let objective: Double
    }

    /// HiGHS's model status and objective for each MPS text, solved from files in a temporary folder by one
    /// interpreter (MILPs to a 1e-9 relative gap, so the optimum is comparable at 1e-6).
    static func solve(_ models: [String]) throws -> [Answer] {
        try TemporaryFolder.with { folder in
            let paths = try models.enumerated().map { try folder.write("model-\($0.offset).mps", $0.element) }
            let output = folder.file("answers.json")
            let run = try Command.run(Repository.peerPython, ["-c", script, output] + paths)
            guard run.status == 0 else { throw PeerFailure(description: "highspy exited \(run.status): \(run.output)") }
            return try JSONDecoder().decode([Answer].self, from: Data(contentsOf: URL(fileURLWithPath: output)))
        }
    }

    struct PeerFailure: Error, CustomStringConvertible {
        let description: String
    }

    static let script = #"""
import json, sys
import highspy

answers = []
for path in sys.argv[2:]:
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 1e-9)
    status = h.readModel(path)
    if status == highspy.HighsStatus.kError:
        raise SystemExit(f"readModel({path}) returned {status}")
    h.run()
    answers.append({
        "status": h.modelStatusToString(h.getModelStatus()),
        "objective": h.getInfo().objective_function_value,
    })
json.dump(answers, open(sys.argv[1], "w"))
"""#
}
