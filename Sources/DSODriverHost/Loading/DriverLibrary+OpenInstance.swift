import DSODriverABI

/// An instance the driver opened, its points read and checked: where the threaded host and the bench probe start.
struct OpenedDriverInstance {
    let handle: UnsafeMutableRawPointer
    /// The `dso_host` the instance was given; it must live until the instance is closed.
    let hostBlock: UnsafeMutablePointer<dso_host>
    let points: [DriverPoint]
}

extension DriverLibrary {
    /// Opens one instance with `configuration` and reads its points (1…4096 of them, each named, no name twice);
    /// on any failure nothing stays open and the error says which check failed.
    func openInstance(configuration: String, instanceName: String, context: HostContext) throws(ProbeOpenError) -> OpenedDriverInstance {
        func failure(_ reason: ProbeOpenError.Reason) -> ProbeOpenError {
            ProbeOpenError(driverName: driverName, path: path, instanceName: instanceName, reason: reason)
        }
        let block = context.makeHostBlock()
        let capacity = 512
        let error = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        error.initialize(repeating: 0, count: capacity)
        defer { error.deallocate() }
        let opened = withExtendedLifetime(context) {
            configuration.withCString { open(block, $0, error, capacity) }
        }
        guard let handle = opened else {
            block.deallocate()
            error[capacity - 1] = 0
            throw failure(.refused(String(cString: error)))
        }
        let instance = OpenedDriverInstance(handle: handle, hostBlock: block, points: [])
        let count = pointCount(handle)
        guard (1...4096).contains(count) else {
            abandon(instance)
            throw failure(.pointCount(count))
        }
        var points: [DriverPoint] = []
        var names = Set<String>()
        for index in 0..<count {
            var info = dso_point_info()
            guard pointInfo(handle, index, &info) == DSO_OK, let point = DriverPoint(info) else {
                abandon(instance)
                throw failure(.pointInfo(index: index))
            }
            guard names.insert(point.name).inserted else {
                abandon(instance)
                throw failure(.duplicatePoint(point.name))
            }
            points.append(point)
        }
        return OpenedDriverInstance(handle: handle, hostBlock: block, points: points)
    }

    /// Closes an instance a later check refused and frees its host block.
    func abandon(_ instance: OpenedDriverInstance) {
        close(instance.handle)
        instance.hostBlock.deallocate()
    }
}
