import DSOAPI
import DSOService

extension APIConfiguration {
    /// The API's configuration from the service file's `[api]`; `dsod run` serves it and `dsod check-config`
    /// validates it, so a file check-config passes never stops run (e.g. example tokens on 0.0.0.0).
    init(_ settings: ServiceConfiguration.APISettings) {
        let colon = settings.listen.lastIndex(of: ":")!  // validated by the configuration loader
        var tls: APITLSFiles?
        if let certificate = settings.tlsCertificatePath, let key = settings.tlsPrivateKeyPath {
            tls = APITLSFiles(certificatePath: certificate, privateKeyPath: key)
        }
        self.init(
            host: String(settings.listen[..<colon]), port: Int(settings.listen[settings.listen.index(after: colon)...]) ?? 0,
            tokens: settings.tokens.map { APIToken(name: $0.name, token: $0.token, role: APIRole(rawValue: $0.role) ?? .viewer) },
            metricsRequireToken: settings.metricsRequireToken,
            connections: APIConnectionLimits(
                maximumConnections: settings.maximumConnections,
                maximumConnectionsPerAddress: settings.maximumConnectionsPerAddress,
                requestTimeoutSeconds: settings.requestTimeoutSeconds, idleTimeoutSeconds: settings.idleTimeoutSeconds),
            tls: tls)
    }
}
