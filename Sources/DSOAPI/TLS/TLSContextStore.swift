import NIOSSL
import Synchronization

/// The API's TLS context, built from the configured PEM files; `reload()` re-reads them (SIGHUP) so a renewed
/// certificate serves new connections without a restart. A file that cannot be read keeps the context in force.
final class TLSContextStore: Sendable {
    let files: APITLSFiles
    private let context: Mutex<NIOSSLContext>

    init(files: APITLSFiles) throws(APIConfigurationError) {
        self.files = files
        context = Mutex(try Self.load(files))
    }

    var current: NIOSSLContext { context.withLock { $0 } }

    /// Re-reads the certificate and key; on failure the old ones stay in force and the error says why.
    func reload() throws(APIConfigurationError) {
        let fresh = try Self.load(files)
        context.withLock { $0 = fresh }
    }

    private static func load(_ files: APITLSFiles) throws(APIConfigurationError) -> NIOSSLContext {
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(files.certificatePath).map { NIOSSLCertificateSource.certificate($0) }
            let key = try NIOSSLPrivateKey(file: files.privateKeyPath, format: .pem)
            var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
            configuration.minimumTLSVersion = .tlsv12
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw .invalid(key: "tls_certificate, tls_private_key", value: "\"\(files.certificatePath)\", \"\(files.privateKeyPath)\"",
                           expected: "a readable PEM certificate chain and its private key (\(error))")
        }
    }
}
