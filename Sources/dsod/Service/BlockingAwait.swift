import Dispatch
import Synchronization

/// Runs async work (the API server's start and stop) from the service's control queue and waits for it.
/// The control queue is a Dispatch queue, not the cooperative pool, so waiting here cannot starve the task.
func blockingAwait<Value: Sendable>(_ operation: @escaping @Sendable () async throws -> Value) throws -> Value {
    let outcome = Mutex<Result<Value, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
        do {
            let value = try await operation()
            outcome.withLock { $0 = .success(value) }
        } catch {
            outcome.withLock { $0 = .failure(error) }
        }
        done.signal()
    }
    done.wait()
    return try outcome.withLock { $0! }.get()
}
