/// Scratch memory for one solver, allocated once so that a solve never touches the heap.
///
/// Contents are scratch only: nothing survives from one solve to the next, so a copy-on-write
/// clone needs fresh buffers of the same capacity, not a copy of the data.
final class DispatchWorkspace {
    /// Largest resource count the buffers hold.
    let capacity: Int
    /// Incremental cost at the lower limit, a + b·lo ($/kWh); for a linear resource its price a.
    let costAtLower: UnsafeMutableBufferPointer<Double>
    /// Incremental cost at the upper limit, a + b·hi ($/kWh); for a linear resource its price a.
    let costAtUpper: UnsafeMutableBufferPointer<Double>
    /// 1/b (kW per $/kWh); 0 marks a resource treated as linear (b = 0, or b too small to matter).
    let inverseQuadraticCost: UnsafeMutableBufferPointer<Double>
    /// Indices of resources whose set-point still depends on λ, compacted in ascending order.
    let undecided: UnsafeMutableBufferPointer<Int32>
    /// Breakpoints inside the current bracket, for the median pivot (two per resource at most).
    let breakpoints: UnsafeMutableBufferPointer<Double>

    init(capacity: Int) {
        let capacity = max(0, capacity)
        self.capacity = capacity
        costAtLower = .allocate(capacity: capacity)
        costAtUpper = .allocate(capacity: capacity)
        inverseQuadraticCost = .allocate(capacity: capacity)
        undecided = .allocate(capacity: capacity)
        breakpoints = .allocate(capacity: 2 * capacity)
        costAtLower.initialize(repeating: 0)
        costAtUpper.initialize(repeating: 0)
        inverseQuadraticCost.initialize(repeating: 0)
        undecided.initialize(repeating: 0)
        breakpoints.initialize(repeating: 0)
    }

    deinit {
        costAtLower.deallocate()
        costAtUpper.deallocate()
        inverseQuadraticCost.deallocate()
        undecided.deallocate()
        breakpoints.deallocate()
    }
}
