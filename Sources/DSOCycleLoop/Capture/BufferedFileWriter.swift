
import Foundation

/// Appends to a file through a large buffer, so records and captures are written in bulk (the simulation
/// recorder and the input capture share it).
package final class BufferedFileWriter {
    package let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    package init(path: String) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CaptureError(path: path, reason: "cannot create the file (does its folder exist?)")
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CaptureError(path: path, reason: "cannot open the file for writing")
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    package func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flushBuffer() }
    }

    package func write(bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { flushBuffer() }
    }

    private func flushBuffer() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    package func close() throws {
        flushBuffer()
        try handle.close()
    }
}
