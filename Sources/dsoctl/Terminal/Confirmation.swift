import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The question before anything reaches a device: asked on stderr, answered on stdin (the terminal, or a
/// script's pipe when stdin is not one); only `y` or `yes` goes ahead, anything else writes nothing (exit 4).
enum Confirmation {
    static func ask(_ question: String) throws {
        StandardError.write("\(question) [y/N] ")
        guard let answer = readLine(strippingNewline: true) else {
            StandardError.write("\n")
            throw CtlFailure(.declined, "not confirmed (no answer on stdin); nothing was written",
                             hint: "answer y on the terminal, or pass --yes in scripts")
        }
        // A piped answer is not echoed: show it, so the question's line ends and a log reads as a dialogue.
        if isatty(0) == 0 { StandardError.write("\(answer)\n") }
        let normalized = answer.trimmingCharacters(in: .whitespaces).lowercased()
        guard normalized == "y" || normalized == "yes" else {
            throw CtlFailure(.declined, "not confirmed (answer '\(answer)'); nothing was written")
        }
    }
}
