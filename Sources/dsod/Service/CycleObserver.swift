import DSOAPI
import DSOHistorian
import DSOKernel
import DSORuntime
import DSOService

/// What the kernel thread leaves for the operator side after each cycle, without waiting or allocating:
/// the step's duration and the cycle's start lateness (histograms for `/metrics`), the per-resource image
/// and set points (the tap, for the historian and `/resources`) and the kernel's counters.
final class CycleObserver: ServiceComponent {
    let name = "cycle observer"
    let cycleDuration = LatencyHistogram.cycleDuration()
    let cycleLateness = LatencyHistogram.cycleLateness()
    let resources: ResourceSnapshotTap
    let counters = KernelCounterMirror()

    init(resourceCount: Int) {
        resources = ResourceSnapshotTap(resourceCount: resourceCount)
    }

    func start(kernel: ControlKernel) {}

    func afterCycle(kernel: ControlKernel, tick: CycleTick, stepNanoseconds: UInt64) {
        cycleDuration.observe(seconds: Double(stepNanoseconds) / 1e9)
        cycleLateness.observe(seconds: Double(max(tick.latenessNanoseconds, 0)) / 1e9)
        resources.capture(from: kernel)
        counters.store(kernel.counters)
    }

    func stop() {}
}
