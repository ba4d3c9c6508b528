/// Timing of one Modbus link: answer timeout, pacing on a shared bus and reconnect back-off.
package struct LinkSettings: Equatable {
    package var unitID: Int = 1
    package var responseTimeoutNanoseconds: Int64 = 500_000_000
    /// Quiet time between the end of one request and the start of the next (RS-485 gateways and slow devices need it).
    package var minimumRequestGapNanoseconds: Int64 = 0
    package var reconnectInitialNanoseconds: Int64 = 100_000_000
    package var reconnectMaximumNanoseconds: Int64 = 5_000_000_000

    package init() {}
}
