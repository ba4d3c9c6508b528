import DSODriverHost
import DSOStatusSchema

extension DriverStatus {
    /// The API's view of one driver instance, from the host's counters (read off the cycle path).
    init(_ status: DriverInstanceStatus) {
        let failed = status.failedReads + status.garbageReads + status.lateReads
        self.init(name: status.name, library: status.libraryPath, driver: "\(status.driverName) \(status.driverVersion)",
                  state: status.state.rawValue, lastError: status.lastError,
                  readsOk: Int(status.reads - min(failed, status.reads)), readsFailed: Int(failed),
                  lastGoodReadAgeSeconds: status.lastGoodReadAgeNanoseconds.map { Double($0) / 1e9 },
                  points: status.mappedPoints)
    }
}
