import DSOScenario
import Foundation

/// Appends text to a file through a large buffer: records are written off the control cycle, in bulk.
final class BufferedFileWriter {
    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(path: String) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw SimulationError.cannotWrite(path: path, reason: "cannot create the file (does its folder exist?)")
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw SimulationError.cannotWrite(path: path, reason: "cannot open the file for writing")
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flushBuffer() }
    }

    func write(bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { flushBuffer() }
    }

    private func flushBuffer() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        flushBuffer()
        try handle.close()
    }
}
