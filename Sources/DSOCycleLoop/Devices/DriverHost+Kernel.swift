public import DSODriverHost
public import DSOKernel

/// The driver host beside a kernel: its board before the step, its published set points after it.
/// (DSODriverHost itself takes a board and plain buffers, so `dsoctl` and the plugins never link the kernel.)
extension DriverHost {
    /// Kernel thread, right before `kernel.step(atNanoseconds: now)`.
    public func beforeCycle(_ kernel: ControlKernel, atNanoseconds now: Int64) {
        beforeCycle(kernel.board, atNanoseconds: now)
    }

    /// Kernel thread, right after `kernel.step`.
    public func afterCycle(_ kernel: ControlKernel) {
        let count = kernel.setpoints.resourceCount
        afterCycle(setpointKW: kernel.setpoints.setpointKW.slice(0..<count),
                   validUntilNanoseconds: kernel.setpoints.validUntilNanoseconds.slice(0..<count),
                   atNanoseconds: kernel.nowNanoseconds)
    }
}
