#if canImport(Glibc)
import Glibc
#endif

/// Asks before a write reaches a device: the question on stderr, the answer from stdin (a terminal, or a
/// script's pipe); only "yes" or "y" writes.
enum WriteConfirmation {
    static func ask(_ question: String) throws {
        StandardError.write("\(question) Type yes to write: ")
        guard let answer = readLine(strippingNewline: true) else {
            StandardError.write("\n")
            throw CtlFailure(.declined, "nothing written: no answer on stdin", hint: "pass --yes to write without asking")
        }
        // A piped answer is not echoed: end the question's line so what follows starts on its own.
        if !StandardInput.isTerminal { StandardError.write("\n") }
        let normalized = answer.trimmingSpaces().lowercased()
        guard normalized == "yes" || normalized == "y" else {
            throw CtlFailure(.declined, "nothing written: the answer was '\(answer)', not yes")
        }
    }
}

/// Whether stdin is a person at a terminal or a script's pipe.
private enum StandardInput {
    static var isTerminal: Bool { isatty(0) == 1 }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
