public import DSORuntime

/// A producer that lives on the cycle thread: it pushes into its own ring right before each step, so its
/// messages arrive on the kernel's clock exactly (a scenario's schedules, a simulated ISO, a replay).
///
/// It is that ring's one producer for the run; a full ring is its to handle (keep and retry next cycle).
public protocol CycleProducer: AnyObject {
    func produce(cycle: Int64, atNanoseconds nanoseconds: Int64, into port: InboundPort)
}
