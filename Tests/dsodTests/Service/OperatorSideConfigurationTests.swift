import Foundation
import OpenDSOTestSupport
import Testing

/// `[[api.tokens]]` and a port already taken: bad operator-side settings are named before the plant starts.
@Suite struct OperatorSideConfigurationTests {
    @Test func badTokensAreListedWithTheirKeys() async throws {
        try await TemporaryFolder.with { folder in
            let config = try ServiceFiles.writeSimulationService(in: folder, extra: """

                [api]
                listen = "127.0.0.1:8080"

                [[api.tokens]]
                name = "short"
                token = "too-short"
                role = "viewer"

                [[api.tokens]]
                name = "boss"
                token = "a-long-enough-secret-0001"
                role = "admin"

                [[api.tokens]]
                name = "twin"
                token = "a-long-enough-secret-0001"
                role = "operator"
                colour = "red"
                """)
            let result = try await BuiltExecutable.dsod.run(["check-config", config], in: folder, timeoutSeconds: 60)
            #expect(result.status == 1 && result.exited, "\(result)")
            for text in ["api.tokens[0].token", "at least 16 characters", "api.tokens[1].role", "\"admin\"",
                         "api.tokens[2].colour: unknown key"] {
                #expect(result.stdout.contains(text), "missing \(text) in\n\(result.stdout)")
            }
            #expect(!result.looksLikeACrash)
        }
    }

    @Test func anAPIPortInUseStopsTheStartWithAClearMessage() async throws {
        try await TemporaryFolder.with { folder in
            // A listener of our own holds the port.
            let holder = try PortHolder()
            let config = try OperatorSideFixture.write(in: folder, port: holder.port)
            let service = try BackgroundProcess.dsod(["run", "--config", config], in: folder,
                                             environment: ["STATE_DIRECTORY": folder.file("state")])
            let exit = try #require(service.waitForExit(timeoutSeconds: 20), "\(service.stderr)")
            #expect(exit.exited && exit.status == 1, "\(exit)\n\(service.stderr)")
            #expect(service.stderr.contains("api: cannot listen on 127.0.0.1:\(holder.port)"), "\(service.stderr)")
            withExtendedLifetime(holder) {}
        }
    }

    /// Finding 11 of issue 14: the tokens shipped in examples/ never serve an address other machines reach;
    /// check-config says so (as run would), so the unit's ExecStartPre stops the start.
    @Test func exampleTokensOnAReachableAddressFailCheckConfigAndRun() async throws {
        try await TemporaryFolder.with { folder in
            let port = try freeTCPPort()
            let config = try ServiceFiles.writeSimulationService(in: folder, extra: """

                [api]
                listen = "0.0.0.0:\(port)"

                [[api.tokens]]
                name = "viewer"
                token = "example-viewer-token-change-me"
                role = "viewer"
                """)
            let check = try await BuiltExecutable.dsod.run(["check-config", config], in: folder, timeoutSeconds: 60)
            #expect(check.status == 1 && check.exited, "\(check)")
            #expect(check.stdout.contains("tokens[0].token") && check.stdout.contains("example token"), "\(check.stdout)")
            let service = try BackgroundProcess.dsod(["run", "--config", config], in: folder,
                                             environment: ["STATE_DIRECTORY": folder.file("state")])
            let exit = try #require(service.waitForExit(timeoutSeconds: 20), "\(service.stderr)")
            #expect(exit.exited && exit.status != 0, "\(exit)\n\(service.stderr)")
            #expect(service.stderr.contains("example token"), "\(service.stderr)")
        }
    }
}
