import ArgumentParser
import DSOAPI
import DSOHistorian
import DSOCycleLoop
import DSOForecast
import DSORuntime
import DSOService
import DSOStatusSchema

/// Puts a service together from its configuration: which device side, which components (historian, API,
/// ISO link). The single place where `dsod` wires the modules of the other layers in.
enum ServiceAssembly {
    /// Devices for `[[drivers]]`: DSODriverHost's bridge, clocked by the run's epoch (nil: the service builds
    /// its simulated devices).
    static func devices(for configuration: ServiceConfiguration, epoch: KernelEpoch, log: ServiceLog) throws -> (any DeviceSide)? {
        switch configuration.devices {
        case .simulation:
            return nil
        case .drivers(let grid, _):
            do {
                return try DriverDeviceSide(model: grid.model, drivers: configuration.driverConfigurations,
                                            clocking: .threaded(epoch), log: log.driverLog)
            } catch {
                log.error("cannot open the drivers: \(error)")
                throw ExitCode(1)
            }
        }
    }

    /// Builds the components for `[historian]`, `[api]`, `[iso_link]`, `[forecast]` and `[planning]` around the service's kernel and
    /// attaches them (stopped in reverse order: the ISO link, the API, then the historian's final flush).
    ///
    /// Each producer gets its own ring of the kernel's inbound port: the API's through one actor that its
    /// request handlers share, the ISO link's pushed by the link thread, the service's schedule files by
    /// the control queue.
    static func attachComponents(to service: SubstationService, log: ServiceLog) throws {
        let configuration = service.configuration
        let model = configuration.model
        let verdicts = ScheduleVerdicts(ring: InboundRingWriter(port: service.loop.port, producer: .api))
        let observer = CycleObserver(resourceCount: model.resources.count)
        var components: [any ServiceComponent] = [observer]
        var historian: Historian?
        if let settings = configuration.historian {
            let component = try HistorianComponent(settings: settings, stateDirectory: configuration.service.stateDirectory,
                                                   cyclePeriodSeconds: configuration.kernel.periodSeconds,
                                                   observer: observer, log: log)
            historian = component.historian
            components.append(component)
        }
        if let settings = configuration.api {
            components.append(try APIComponent(settings: settings, model: model,
                                               cyclePeriodSeconds: configuration.kernel.periodSeconds, observer: observer,
                                               historian: historian,
                                               driverStatus: { service.driverStatus().map(DriverStatus.init) },
                                               submitSchedules: { [historian] entries in
                                                   let outcome = await verdicts.submit(entries)
                                                   // The kernel's verdicts are queued in the historian before they
                                                   // reach the request: commit them before the answer goes out.
                                                   if outcome.verdicts != nil { await historian?.committed() }
                                                   return outcome
                                               }, verdicts: verdicts, epoch: service.loop.epoch,
                                               log: log))
        }
        if let settings = configuration.isoLink {
            let initialAwardMW = switch configuration.devices {
            case .simulation(let simulation): simulation.awardMW
            case .drivers(let grid, _): grid.regulationAwardMW
            }
            components.append(try ISOLinkComponent(
                settings: settings, model: model, initialAwardMW: initialAwardMW,
                signalTTLSeconds: service.kernel.configuration.regulationSignalTTLSeconds, port: service.loop.port,
                epoch: service.loop.epoch, historian: historian, log: log))
        }
        // After the historian, so they stop before the historian's final flush.
        var board: ForecastBoard?
        if let refresher = ForecastAssembly.refresher(for: configuration), let historian {
            let forecast = ForecastComponent(refresher: refresher, historian: historian, log: log)
            board = forecast.board
            components.append(forecast)
        }
        if let planning = configuration.planning {
            components.append(PlanningComponent(configuration: configuration, planning: planning, forecasts: board, observer: observer,
                                                historian: historian, port: service.loop.port, epoch: service.loop.epoch, log: log))
        }
        service.attach(components)
    }
}
