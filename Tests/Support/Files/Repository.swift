import Foundation

/// Paths in the repository, found from this file's location so tests run from any folder.
public enum Repository {
    /// This file is Tests/Support/Files/Repository.swift.
    public static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The absolute path of `relative` (a path from the repository root).
    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    public static let python = root.appendingPathComponent(".venv/bin/python").path

    /// The interpreter of the Python cross-checks (numpy, xgboost, pvlib, highspy): `OPENDSO_PYTHON` when set
    /// (scripts/test.sh sets it), else this worktree's .venv from scripts/setup-peers.sh.
    public static var peerPython: String { ProcessInfo.processInfo.environment["OPENDSO_PYTHON"] ?? python }

    /// Why the cross-checks' interpreter cannot run, or nil when it can.
    public static var peerPythonUnavailableReason: String? {
        FileManager.default.isExecutableFile(atPath: peerPython)
            ? nil
            : "no peer interpreter at \(peerPython): run scripts/setup-peers.sh (or set OPENDSO_PYTHON)"
    }
    public static let peerScript = root.appendingPathComponent("Tests/peers/can/bms_peer.py").path
    public static let pylontechDBC = root.appendingPathComponent("Plugins/CANBMS/protocols/pylontech.dbc").path
    public static let smaDBC = root.appendingPathComponent("Plugins/CANBMS/protocols/sma.dbc").path

    /// Why the python-can peer cannot run, or nil.
    public static var peerUnavailableReason: String? {
        if !FileManager.default.isExecutableFile(atPath: python) {
            return "no peer interpreter at \(python): run scripts/setup-peers.sh"
        }
        if !FileManager.default.isExecutableFile(atPath: "/usr/bin/socat") {
            return "socat is not installed: run scripts/setup-peers.sh"
        }
        return nil
    }
}
