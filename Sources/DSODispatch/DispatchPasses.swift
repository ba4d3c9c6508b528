/// One solve's inputs and scratch, bundled by value so each pass over the resources is a plain loop
/// over raw buffers: no allocation, no reference counting inside the loops.
struct DispatchPasses {
    let lower: UnsafeBufferPointer<Double>
    let upper: UnsafeBufferPointer<Double>
    let linearCost: UnsafeBufferPointer<Double>
    let quadraticCost: UnsafeBufferPointer<Double>
    let output: UnsafeMutableBufferPointer<Double>
    let costAtLower: UnsafeMutableBufferPointer<Double>
    let costAtUpper: UnsafeMutableBufferPointer<Double>
    let inverseQuadraticCost: UnsafeMutableBufferPointer<Double>
    let undecided: UnsafeMutableBufferPointer<Int32>
    let breakpoints: UnsafeMutableBufferPointer<Double>

    init(
        lower: UnsafeBufferPointer<Double>,
        upper: UnsafeBufferPointer<Double>,
        linearCost: UnsafeBufferPointer<Double>,
        quadraticCost: UnsafeBufferPointer<Double>,
        output: UnsafeMutableBufferPointer<Double>,
        workspace: DispatchWorkspace
    ) {
        self.lower = lower
        self.upper = upper
        self.linearCost = linearCost
        self.quadraticCost = quadraticCost
        self.output = output
        costAtLower = workspace.costAtLower
        costAtUpper = workspace.costAtUpper
        inverseQuadraticCost = workspace.inverseQuadraticCost
        undecided = workspace.undecided
        breakpoints = workspace.breakpoints
    }

    var count: Int { lower.count }
}
