import DSOCommandLine
import ArgumentParser
import DSORuntime
import DSOService
import Foundation

/// `dsod run`: the substation service — the kernel on the real clock with its configured devices, until
/// SIGTERM. Meant to run under systemd (systemd/opendso.service); works the same from a terminal.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the substation service: the control kernel on the real clock with the configured devices.",
        discussion: """
            The configuration format is documented in docs/configuration.md. SIGTERM (or SIGINT) stops \
            gracefully: set points to their safe values, devices closed, exit 0. SIGHUP reloads schedules and \
            the settings that can change without a restart. Under systemd (Type=notify) dsod reports READY=1, \
            a STATUS= line and watchdog pings itself.
            """
    )

    @Option(name: .long, help: "Service configuration file (TOML).")
    var config: String

    @Option(name: .long, help: "Stop gracefully after this long (e.g. 90s, 8h); default: run until SIGTERM.")
    var duration: RunDuration?

    func run() throws {
        let log = ServiceLog()
        let configuration: ServiceConfiguration
        do {
            configuration = try ServiceConfiguration.load(path: config)
        } catch {
            for issue in error.issues { log.error("\(error.path): \(issue)") }
            log.error("configuration has \(error.issues.count) issue\(error.issues.count == 1 ? "" : "s"); not starting")
            throw ExitCode(1)
        }
        let epoch = KernelEpoch()
        let devices = try ServiceAssembly.devices(for: configuration, epoch: epoch, log: log)
        let service: SubstationService
        do {
            service = try SubstationService(configuration: configuration, log: log, notifier: SystemdNotifier(),
                                            epoch: epoch, devices: devices, durationSeconds: duration?.seconds)
        } catch {
            log.error("cannot build the kernel: \(error)")
            throw ExitCode(1)
        }
        do {
            try ServiceAssembly.attachComponents(to: service, log: log)
        } catch {
            log.error("cannot set up the service's components: \(error)")
            throw ExitCode(1)
        }
        let status = service.run()
        if status != 0 { throw ExitCode(status) }
    }
}
