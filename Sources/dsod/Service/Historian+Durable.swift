import Dispatch
import DSOHistorian

extension Historian {
    /// Commits what is queued, on a Dispatch thread (a commit is disk I/O and must not hold a cooperative
    /// thread), and returns when it is on disk: an API write is answered only once the kernel's verdict on it
    /// is committed, so a `kill -9` after the answer cannot lose an acknowledged write.
    func committed() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global(qos: .userInitiated).async {
                // A failed commit keeps the batch and is counted in `statistics`; the answer still goes out.
                try? self.flush()
                continuation.resume()
            }
        }
    }
}
