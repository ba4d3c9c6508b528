public import DSOCycleLoop
public import DSOScenario

extension ServiceConfiguration {
    /// How the process behaves as a service (`[service]`).
    public struct ServiceSettings: Sendable, Hashable {
        /// Name in logs and in the systemd status line.
        public var name: String
        /// SIGTERM must finish (safe set points, drivers closed, historian flushed) within this, seconds.
        public var stopTimeoutSeconds: Double
        /// How often the one-line STATUS= summary is sent and logged, seconds. Reloadable.
        public var statusIntervalSeconds: Double
        /// SCHED_FIFO priority of the control thread (1…99), 0 for normal scheduling.
        public var controlPriority: Int
        /// Log every kernel event (true) or only the operator-relevant ones (false). Reloadable.
        public var logAllEvents: Bool
        /// Where state lives (historian database, captures); default `$STATE_DIRECTORY` or the config's folder.
        public var stateDirectory: String
        /// The UTC instant the configured schedule files' `start_s` count from (`schedule_anchor_utc`); nil: the
        /// first start of these schedules, kept across restarts in the historian (docs/configuration.md).
        public var scheduleAnchorUnixSeconds: Double?

        public init(name: String = "dsod", stopTimeoutSeconds: Double = 10, statusIntervalSeconds: Double = 10,
                    controlPriority: Int = 0, logAllEvents: Bool = true, stateDirectory: String = ".") {
            self.name = name
            self.stopTimeoutSeconds = stopTimeoutSeconds
            self.statusIntervalSeconds = statusIntervalSeconds
            self.controlPriority = controlPriority
            self.logAllEvents = logAllEvents
            self.stateDirectory = stateDirectory
        }
    }

    /// Simulated devices from a scenario file (`[simulation]`), so the service runs without hardware.
    public struct SimulationSettings: Sendable {
        /// The loaded scenario (its `sourcePath` is absolute).
        public var scenario: Scenario
        /// Regulation award in MW, replacing the scenario's `regulation.award_mw`. Reloadable.
        public var awardMW: Double
        /// Length of the built-in regulation signal before it repeats, seconds.
        public var signalLoopSeconds: Double
        /// How the devices are reached: the simulated-device driver plugin (as hardware is) or in-process.
        public var devicePath: SimulatedDevicePath

        public init(scenario: Scenario, awardMW: Double, signalLoopSeconds: Double = 86_400,
                    devicePath: SimulatedDevicePath = .inProcess) {
            self.scenario = scenario
            self.awardMW = awardMW
            self.signalLoopSeconds = signalLoopSeconds
            self.devicePath = devicePath
        }
    }

    /// The Modbus TCP link to the ISO (`[iso_link]`), same meaning as `--iso-listen` / `--iso-writers`.
    public struct ISOLinkSettings: Sendable, Hashable {
        /// Address and port to listen on, `host:port`.
        public var listen: String
        /// IPv4 addresses allowed to write (the ISO's EMS); empty: nobody may write.
        public var writers: [String]
        /// Most connections at once (`max_clients`), of which `writer_slots` only writers may take.
        public var maximumClients: Int
        public var writerSlots: Int
        /// A connection without a complete request for this long is closed (`idle_timeout_s`).
        public var idleTimeoutSeconds: Double
        /// A request must arrive whole within this long of its first byte (`request_deadline_s`).
        public var requestDeadlineSeconds: Double

        public init(listen: String, writers: [String], maximumClients: Int = 16, writerSlots: Int = 4,
                    idleTimeoutSeconds: Double = 30, requestDeadlineSeconds: Double = 2) {
            self.listen = listen
            self.writers = writers
            self.maximumClients = maximumClients
            self.writerSlots = writerSlots
            self.idleTimeoutSeconds = idleTimeoutSeconds
            self.requestDeadlineSeconds = requestDeadlineSeconds
        }
    }

    /// Where the historian stores cycle records and events (`[historian]`).
    public struct HistorianSettings: Sendable, Hashable {
        /// SQLite database file (relative paths resolve against the state directory).
        public var databasePath: String
        /// How long samples are kept, days.
        public var retentionDays: Double
        /// How long the audit trail (operator actions, refused authentication) is kept, days (≥ 90, NERC CIP).
        public var auditRetentionDays: Double
        /// How long the hourly telemetry means (the forecasts' history) are kept, days (≥ `retentionDays`).
        public var hourlyRetentionDays: Double
        /// Period of stored samples, seconds.
        public var samplePeriodSeconds: Double

        public init(databasePath: String, retentionDays: Double = 30, auditRetentionDays: Double = 365,
                    hourlyRetentionDays: Double = 400, samplePeriodSeconds: Double = 2) {
            self.databasePath = databasePath
            self.retentionDays = retentionDays
            self.auditRetentionDays = auditRetentionDays
            self.hourlyRetentionDays = hourlyRetentionDays
            self.samplePeriodSeconds = samplePeriodSeconds
        }
    }

    /// The operator HTTP API and Prometheus metrics (`[api]`).
    public struct APISettings: Sendable, Hashable {
        /// Address and port to listen on, `host:port`.
        public var listen: String
        /// Bearer tokens the API accepts (`[[api.tokens]]`); none: only `/health` and `/metrics` answer.
        public var tokens: [APITokenSettings]
        /// `/metrics` needs a viewer token (`metrics_require_token`).
        public var metricsRequireToken: Bool
        /// PEM certificate chain and private key (`tls_certificate`, `tls_private_key`, absolute); nil: plain HTTP.
        public var tlsCertificatePath: String?
        public var tlsPrivateKeyPath: String?
        /// Connection limits (`max_connections`, `max_connections_per_address`, `request_timeout_s`, `idle_timeout_s`).
        public var maximumConnections: Int
        public var maximumConnectionsPerAddress: Int
        public var requestTimeoutSeconds: Double
        public var idleTimeoutSeconds: Double

        public init(listen: String, tokens: [APITokenSettings] = [], metricsRequireToken: Bool = false,
                    tlsCertificatePath: String? = nil, tlsPrivateKeyPath: String? = nil, maximumConnections: Int = 64,
                    maximumConnectionsPerAddress: Int = 16, requestTimeoutSeconds: Double = 10,
                    idleTimeoutSeconds: Double = 30) {
            self.listen = listen
            self.tokens = tokens
            self.metricsRequireToken = metricsRequireToken
            self.tlsCertificatePath = tlsCertificatePath
            self.tlsPrivateKeyPath = tlsPrivateKeyPath
            self.maximumConnections = maximumConnections
            self.maximumConnectionsPerAddress = maximumConnectionsPerAddress
            self.requestTimeoutSeconds = requestTimeoutSeconds
            self.idleTimeoutSeconds = idleTimeoutSeconds
        }
    }

    /// One API bearer token (`[[api.tokens]]`): its name in the audit trail, the secret and the role.
    public struct APITokenSettings: Sendable, Hashable {
        public var name: String
        /// The secret, at least 16 characters.
        public var token: String
        /// `viewer` (reads) or `operator` (reads and writes).
        public var role: String

        public init(name: String, token: String, role: String) {
            self.name = name
            self.token = token
            self.role = role
        }
    }
}
