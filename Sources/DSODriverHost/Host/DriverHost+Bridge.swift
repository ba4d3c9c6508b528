public import DSORuntime

extension DriverHost {
    /// Kernel thread, right before `kernel.step(atNanoseconds: now)`: copies every instance's latest
    /// snapshot onto the kernel's telemetry board. In synchronous mode it first reads the instances whose poll is due,
    /// inline, at virtual time `now`.
    ///
    /// Timestamps come from the snapshot, so old data ages in the kernel as it should; a resource fed by
    /// an instance that is stale (error, garbage, a call past its deadline, or no read for longer than
    /// its poll period plus timeout) gets timestamp `Int64.min`, and the kernel drops it this cycle.
    /// A resource fed by several points carries the oldest of their timestamps.
    /// No allocation, no lock, no driver call in threaded mode.
    public func beforeCycle(_ board: TelemetryFrame, atNanoseconds now: Int64) {
        precondition(board.resourceCount == model.resources.count, "the driver host was built for another model")
        if isSynchronous {
            clock.setVirtual(now)
            if running.load(ordering: .relaxed) {
                for instance in instances { instance.pollIfDue(now: now) }
            }
        }
        for position in 0..<fedResourceCount { board.timestampNanoseconds[fedResources[position]] = .max }
        for position in 0..<fedMeterCount { board.meterTimestampNanoseconds[fedMeters[position]] = .max }
        for instance in instances {
            let snapshot = instance.snapshot
            snapshot.refresh()
            let stale = isStale(instance, snapshot, now: now)
            instance.isStale.store(stale, ordering: .relaxed)
            for route in instance.telemetry {
                let value = route.factor * snapshot.value(route.point)
                let stamp = stale ? Int64.min : snapshot.timestamp(route.point)
                let index = route.index
                if route.column == .meterNetImportKW {
                    if !stale { board.meterNetImportKW[index] = value }
                    board.meterTimestampNanoseconds[index] = min(board.meterTimestampNanoseconds[index], stamp)
                    continue
                }
                board.timestampNanoseconds[index] = min(board.timestampNanoseconds[index], stamp)
                guard !stale else { continue }
                switch route.column {
                case .measuredKW: board.measuredKW[index] = value
                case .availableUpKW: board.availableUpKW[index] = value
                case .availableDownKW: board.availableDownKW[index] = value
                case .soc: board.soc[index] = value
                case .fault: board.faultCode[index] = Self.faultCode(value)
                case .meterNetImportKW: break
                }
            }
        }
    }

    /// Kernel thread, right after `kernel.step` at `now`: hands the published set points (kW per resource,
    /// each with its valid-until) to the instances' mailboxes, converted to each point's unit and sign. In
    /// synchronous mode it then writes them to the drivers inline. No allocation, no lock, no driver call in
    /// threaded mode. The host takes plain buffers, so it needs nothing of the kernel.
    public func afterCycle(setpointKW: UnsafeBufferPointer<Double>, validUntilNanoseconds: UnsafeBufferPointer<Int64>,
                           atNanoseconds now: Int64) {
        precondition(setpointKW.count == model.resources.count, "the driver host was built for another model")
        for instance in instances where instance.setpoints.count > 0 {
            let mailbox = instance.mailbox
            mailbox.beginPublish()
            for slot in 0..<instance.setpoints.count {
                let route = instance.setpoints[slot]
                mailbox.store(slot, value: setpointKW[route.resource] / route.factor,
                              validUntilNanoseconds: validUntilNanoseconds[route.resource])
            }
            mailbox.endPublish()
        }
        if isSynchronous && running.load(ordering: .relaxed) {
            for instance in instances { instance.deliverSetpoints(now: now) }
        }
    }

    @inline(__always)
    private func isStale(_ instance: HostedDriverInstance, _ snapshot: TelemetrySnapshot, now: Int64) -> Bool {
        guard snapshot.status == .ok else { return true }
        let callStarted = instance.callStartedNanoseconds.load(ordering: .relaxed)
        if callStarted != HostedDriverInstance.idle && now &- callStarted > instance.timeoutNanoseconds { return true }
        return now &- snapshot.finishedNanoseconds > instance.pollPeriodNanoseconds &+ instance.timeoutNanoseconds
    }

    /// A fault point's value as the board's code: 0 stays 0, anything else is at least 1.
    @inline(__always)
    static func faultCode(_ value: Double) -> UInt16 {
        let magnitude = abs(value)
        if magnitude == 0 { return 0 }
        if !(magnitude < 65535) { return 65535 }
        return max(1, UInt16(magnitude))
    }
}
