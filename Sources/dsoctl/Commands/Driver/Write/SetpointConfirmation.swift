import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The question before a set point reaches a device: asked on stderr, answered on stdin (the terminal, or a
/// script's pipe when stdin is not one); only `y` or `yes` goes ahead.
enum SetpointConfirmation {
    static func ask(_ question: String) throws {
        StandardError.write("\(question) [y/N] ")
        guard let answer = readLine(strippingNewline: true) else {
            StandardError.write("\n")
            throw CtlFailure(.declined, "not confirmed (no answer on stdin); nothing was written",
                             hint: "answer y on the terminal, or pass --yes in scripts")
        }
        if isatty(0) == 0 { StandardError.write("\(answer)\n") }
        let normalized = answer.trimmingCharacters(in: .whitespaces).lowercased()
        guard normalized == "y" || normalized == "yes" else {
            throw CtlFailure(.declined, "not confirmed (answer '\(answer)'); nothing was written")
        }
    }
}
