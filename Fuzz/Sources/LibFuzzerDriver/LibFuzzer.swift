import CLibFuzzer
import Glibc

/// Runs libFuzzer with the process's arguments (`-max_total_time=60`, a corpus folder…) on one fuzz target.
public enum LibFuzzer {
    /// Hands `target` to libFuzzer and exits with its status; `target` gets each input (never a null buffer).
    public static func run(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, target))
    }

    /// The input as a buffer; libFuzzer may pass a null pointer for the empty input.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: size > 0 ? data : nil, count: size)
    }
}
