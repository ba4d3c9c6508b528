import Foundation
import OpenDSOTestSupport
import Testing

/// The shipped unit passes systemd's own checks (`systemd-analyze verify` and the offline security audit).
@Suite struct UnitFileTests {
    static let analyzer = "/usr/bin/systemd-analyze"
    static let unit = Repository.path("systemd/opendso.service")

    /// The unit with ExecStart pointing at an executable that exists here (verify checks that it does).
    func installedCopy(in folder: URL) throws -> String {
        let text = try String(contentsOfFile: Self.unit, encoding: .utf8)
        #expect(text.contains("ExecStart=/usr/local/bin/dsod run --config %E/opendso/substation.toml"))
        let path = folder.appendingPathComponent("opendso.service").path
        try text.replacingOccurrences(of: "/usr/local/bin/dsod", with: "/bin/true").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: analyzer), "systemd-analyze is not installed (Debian package systemd)"))
    func verifies() throws {
        try TemporaryFolder.with { folder in
            let result = try Command.run(Self.analyzer, ["verify", try installedCopy(in: folder.url)])
            #expect(result.status == 0 && result.output.isEmpty, "\(result.output)")
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: analyzer), "systemd-analyze is not installed (Debian package systemd)"))
    func securityExposureIsLow() throws {
        try TemporaryFolder.with { folder in
            let result = try Command.run(Self.analyzer, ["security", "--offline=yes", "--no-pager", try installedCopy(in: folder.url)])
            let summary = try #require(result.output.split(separator: "\n").last { $0.contains("Overall exposure level") },
                                       "\(result.output)")
            // "→ Overall exposure level for opendso.service: 2.4 OK 🙂"
            let level = try #require(summary.split(separator: ":").last?.split(separator: " ").first.flatMap { Double($0) }, "\(summary)")
            #expect(level <= 3.0, "\(summary)")
            for setting in ["NoNewPrivileges=", "ProtectHome=", "PrivateTmp=", "ProtectKernelModules="] {
                #expect(result.output.contains("✓ \(setting)"), "\(setting) not in force:\n\(result.output)")
            }
        }
    }

    @Test func declaresTheServiceContract() throws {
        let text = try String(contentsOfFile: Self.unit, encoding: .utf8)
        for line in ["Type=notify", "WatchdogSec=", "Restart=on-failure", "DynamicUser=yes", "StateDirectory=opendso",
                     "ConfigurationDirectory=opendso", "ProtectSystem=strict", "NoNewPrivileges=yes", "PrivateTmp=yes",
                     "ProtectHome=yes", "CapabilityBoundingSet=CAP_SYS_NICE\n", "AmbientCapabilities=CAP_SYS_NICE\n",
                     "LimitRTPRIO=", "LimitNOFILE=8192", "UMask=0077", "StateDirectoryMode=0700",
                     "ExecReload=/bin/kill -HUP $MAINPID"] {
            #expect(text.contains(line), "unit lacks \(line)")
        }
    }
}
