import Foundation

/// The numbers of the report `dsod simulate` prints, read back from its text. Fields stay nil when the
/// report lacks the line, so a test can `#require` exactly what it needs.
public struct SummaryReport {
    public struct InterfacePointRow {
        public var id: String
        public var bandKW: Double
        public var meanACEKW: Double
        public var rmsACEKW: Double
        public var maxAbsACEKW: Double
        public var infeasibleCycles: Int
    }

    public struct ResourceRow {
        public var id: String
        public var kind: String
        public var interfacePoint: String
        public var outKWh: Double
        public var inKWh: Double
    }

    public struct KindTotal {
        public var count: Int
        public var deliveredKWh: Double
        public var absorbedKWh: Double
    }

    public struct Timer {
        public var cycles: Int
        public var p50Microseconds: Double
        public var p99Microseconds: Double
        public var maxMicroseconds: Double
        public var deadlineMisses: Int
    }

    public var scenarioName: String?
    public var cycles: Int?
    public var periodMilliseconds: Double?
    public var simulatedText: String?
    public var wallSeconds: Double?
    public var overruns: Int?
    public var timer: Timer?
    public var digest: String?
    public var interfacePoints: [String: InterfacePointRow] = [:]
    public var awardMW: Double?
    public var samples: Int?
    public var pjmComposite: Double?
    public var pjmAccuracy: Double?
    public var pjmDelay: Double?
    public var pjmPrecision: Double?
    public var caisoMeanAccuracy: Double?
    public var caisoIntervals: Int?
    public var caisoMileageMW: Double?
    public var kinds: [String: KindTotal] = [:]
    public var resources: [String: ResourceRow] = [:]
    public var hasEnergySection = false

    public init(_ text: String) {
        enum Section { case header, interfacePoints, regulation, energy, other }
        var section = Section.header
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine)
            if let match = line.wholeMatch(of: #/OpenDSO simulation: (.+)/#) {
                scenarioName = String(match.1)
                continue
            }
            if line.hasPrefix("Interface points") { section = .interfacePoints; continue }
            if line.hasPrefix("Regulation") {
                section = .regulation
                if let match = line.firstMatch(of: #/award ([-\d.]+) MW, (\d+) samples/#) {
                    awardMW = Double(match.1)
                    samples = Int(match.2)
                }
                continue
            }
            if line.hasPrefix("Energy per resource") { section = .energy; hasEnergySection = true; continue }
            if line.hasPrefix("Events:") || line.hasPrefix("Record written") || line.hasPrefix("Inputs captured") {
                section = .other
                continue
            }
            let fields = line.split(separator: " ").map(String.init)
            switch section {
            case .header:
                if let match = line.firstMatch(of: #/cycles\s+(\d+) × (\d+) ms = (\S+) simulated in ([\d.]+) s wall/#) {
                    cycles = Int(match.1)
                    periodMilliseconds = Double(match.2)
                    simulatedText = String(match.3)
                    wallSeconds = Double(match.4)
                }
                if let match = line.firstMatch(of: #/^\s*overruns\s+(\d+)/#) { overruns = Int(match.1) }
                if let match = line.firstMatch(
                    of: #/timer: (\d+) cycles, lateness p50 (\d+) µs, p99 (\d+) µs, max (\d+) µs, deadline misses (\d+)/#) {
                    timer = Timer(cycles: Int(match.1)!, p50Microseconds: Double(match.2)!, p99Microseconds: Double(match.3)!,
                                  maxMicroseconds: Double(match.4)!, deadlineMisses: Int(match.5)!)
                }
                if let match = line.firstMatch(of: #/set-point digest\s+([0-9a-f]+)/#) { digest = String(match.1) }
            case .interfacePoints:
                // id, band, mean, RMS, max, out of band, outside limits, infeasible
                guard fields.count == 8, fields[0] != "interface", let band = Double(fields[1]) else { continue }
                interfacePoints[fields[0]] = InterfacePointRow(
                    id: fields[0], bandKW: band, meanACEKW: Double(fields[2]) ?? .nan, rmsACEKW: Double(fields[3]) ?? .nan,
                    maxAbsACEKW: Double(fields[4]) ?? .nan, infeasibleCycles: Int(fields[7]) ?? -1)
            case .regulation:
                if let match = line.firstMatch(
                    of: #/PJM\s+composite ([\d.]+)\s+accuracy ([\d.]+)\s+delay ([\d.]+) \(\d+ s\)\s+precision ([\d.]+)/#) {
                    pjmComposite = Double(match.1)
                    pjmAccuracy = Double(match.2)
                    pjmDelay = Double(match.3)
                    pjmPrecision = Double(match.4)
                }
                if let match = line.firstMatch(of: #/CAISO mean accuracy ([\d.]+) over (\d+) 15-min intervals, mileage ([\d.]+) MW/#) {
                    caisoMeanAccuracy = Double(match.1)
                    caisoIntervals = Int(match.2)
                    caisoMileageMW = Double(match.3)
                }
            case .energy:
                if let match = line.wholeMatch(of: #/\s+(\w+)\s+(\d+) resources: ([-\d.]+) / ([-\d.]+)/#) {
                    kinds[String(match.1)] = KindTotal(count: Int(match.2)!, deliveredKWh: Double(match.3)!,
                                                      absorbedKWh: Double(match.4)!)
                } else if fields.count == 6, fields[0] != "resource", let out = Double(fields[3]), let into = Double(fields[4]) {
                    resources[fields[0]] = ResourceRow(id: fields[0], kind: fields[1], interfacePoint: fields[2],
                                                       outKWh: out, inKWh: into)
                }
            case .other:
                continue
            }
        }
    }
}
