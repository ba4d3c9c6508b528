import Foundation
import OpenDSOTestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A plain HTTP client (Foundation's URLSession, libcurl on Linux) for a running `dsod run`'s API on 127.0.0.1.
struct ServiceAPIClient {
    let port: Int

    struct Reply: Sendable {
        var status: Int
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        /// The body as a JSON object or array.
        var json: Any? { try? JSONSerialization.jsonObject(with: body) }
    }

    func send(_ method: String, _ path: String, token: String? = nil, body: String? = nil) async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.timeoutInterval = 5
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return Reply(status: (response as! HTTPURLResponse).statusCode, body: data)
    }

    func get(_ path: String, token: String? = nil) async throws -> Reply { try await send("GET", path, token: token) }

    /// A TCP port nobody listens on right now (bound to 0 and released; the kernel does not reuse it at once).
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EMFILE) }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Reads a historian database with the `sqlite3` command-line shell (Debian's, an independent reader).
enum SQLiteShell {
    /// Runs one statement; returns the rows, columns separated by `|`.
    static func query(_ database: String, _ sql: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database, sql]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SQLiteShellError(message: "sqlite3 \(database) \"\(sql)\": \(errorText)")
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// The single integer a `SELECT count(*) …` returns.
    static func count(_ database: String, _ sql: String) throws -> Int {
        Int(try query(database, sql).first ?? "") ?? -1
    }
}

struct SQLiteShellError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// A `dsod run` configuration over the two-point test scenario with the historian and the API.
enum OperatorSideFixture {
    static let viewerToken = "viewer-token-for-tests-0001"
    static let operatorToken = "operator-token-for-tests-0001"

    /// Writes the scenario and the service file (historian every cycle, API on `port`); returns the service file.
    static func write(in folder: TemporaryFolder, port: Int, extra: String = "") throws -> String {
        try ServiceFixtures.writeSimulationService(in: folder, statusIntervalSeconds: 5, extra: """

            [historian]
            database = "historian.sqlite"
            sample_period_s = 0.1

            [api]
            listen = "127.0.0.1:\(port)"

            [[api.tokens]]
            name = "vera"
            token = "\(viewerToken)"
            role = "viewer"

            [[api.tokens]]
            name = "otto"
            token = "\(operatorToken)"
            role = "operator"
            \(extra)
            """)
    }
}

extension ServiceAPIClient {
    /// A listening TCP socket on 127.0.0.1 that keeps its port busy until released.
    final class PortHolder {
        let socket: Int32
        let port: Int

        init() throws {
            socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let socket = socket
            let listening = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                    bind(socket, pointer, length) == 0 && listen(socket, 4) == 0 && getsockname(socket, pointer, &length) == 0
                }
            }
            guard socket >= 0, listening else { throw POSIXError(.EADDRINUSE) }
            port = Int(UInt16(bigEndian: address.sin_port))
        }

        deinit { close(socket) }
    }
}
