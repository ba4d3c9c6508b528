/// The parts of dsod's API answers that `status` prints (docs/api.md); anything else passes through `--json` untouched.
enum StatusDocuments {
    struct Status: Decodable {
        var kernel: Kernel
    }

    struct Kernel: Decodable {
        var state: String
        var cycleIndex: Int64
        var timeSeconds: Double
        var cyclePeriodSeconds: Double
        var cycles: Int
        var overruns: Int
        var droppedRecords: Int?
        var infeasibleCycles: Int?
        var regulationEnabled: Bool?
        var signal: Double?
        var awardKW: Double?
        var regulationTargetKW: Double?
        var regulationResponseKW: Double?
        var aggregateSOC: Double?
        var controllableResources: Int?
    }

    struct InterfacePoint: Decodable {
        var id: String
        var netImportKW: Double?
        var scheduledKW: Double?
        var deviationKW: Double?
        var aceKW: Double?
        var deviationBandKW: Double?
        var flags: [String]
    }

    struct Resource: Decodable {
        var id: String
        var kind: String
        var health: String
        var telemetry: Telemetry
        var setpoint: Setpoint

        struct Telemetry: Decodable {
            var measuredKW: Double?
            var soc: Double?
            var faultCode: Int?
            var ageSeconds: Double?
        }

        struct Setpoint: Decodable {
            var kw: Double?
            var validForSeconds: Double?
            var isFallback: Bool?
        }
    }

    struct Scores: Decodable {
        var pjm: PJM?
        var pjmHourlyComposite: Double?
        var caisoMeanAccuracy: Double?
        var caisoCurrentIntervalAccuracy: Double?
        var caisoTotalMileageMW: Double?

        struct PJM: Decodable {
            var accuracy: Double
            var delay: Double
            var precision: Double
            var composite: Double
            var sampleCount: Int
        }
    }

    /// One driver instance as `/api/v1/drivers` reports it (fields optional: older dsods report fewer).
    struct Driver: Decodable {
        var name: String
        var driver: String?
        var state: String?
        var readsOk: Int?
        var readsFailed: Int?
        var lastGoodReadAgeSeconds: Double?
        var lastError: String?
    }
}
