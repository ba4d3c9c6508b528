import DSODriverABI
import DSOModbus
import Foundation
import OpenDSOTestSupport
import Testing

/// Register maps loaded by the core alone: what a valid file gives, and for each kind of mistake an error that names
/// the file, the point and the key (the plugin's own path to these errors is in ModbusDriverTests/RegisterMapTests).
struct RegisterMapLoadingTests {
    static let goodPoint = #"{"name": "soc_pct", "address": 843, "type": "uint16", "unit": "%"}"#

    /// Writes `text` as a map file and loads it.
    static func load(_ text: String) async throws -> (path: String, result: Result<RegisterMap, RegisterMapError>) {
        try await TemporaryFolder.with { folder in
            let path = try folder.write("device.json", text)
            return (path, Result { () throws(RegisterMapError) in try RegisterMap.load(path: path) })
        }
    }

    @Test func aValidMapGivesItsPointsWithDefaultsAndOverrides() async throws {
        let (_, result) = try await Self.load("""
        {"device": "bench battery", "word_order": "little", "points": [
          {"name": "v", "address": 840, "type": "uint16", "scale": 0.1, "unit": "V"},
          {"name": "p_total_w", "address": 52, "function": 4, "type": "float32", "word_order": "big", "unit": "W", "kind": "status"},
          {"name": "p_set_w", "address": 2700, "type": "int32", "writable": true, "minimum": -5000, "maximum": 5000, "safe_value": 0}
        ]}
        """)
        let map = try result.get()
        #expect(map.device == "bench battery")
        #expect(map.points.map(\.name) == ["v", "p_total_w", "p_set_w"])
        let (volts, power, setPoint) = (map.points[0], map.points[1], map.points[2])
        #expect(volts.function == 3 && volts.address == 840 && volts.scale == 0.1 && volts.unit == "V")
        #expect(volts.encoding == RegisterEncoding(type: .uint16, wordOrder: .lowFirst))  // the file's word order
        #expect(volts.kind == Int32(DSO_POINT_MEASUREMENT) && !volts.writable && volts.safeValue == nil)
        #expect(volts.minimum == -.infinity && volts.maximum == .infinity && volts.scaleFactorAddress == nil)
        #expect(power.function == 4 && power.encoding == RegisterEncoding(type: .float32, wordOrder: .highFirst))
        #expect(power.kind == Int32(DSO_POINT_STATUS))
        #expect(setPoint.writable && setPoint.kind == Int32(DSO_POINT_SETPOINT) && setPoint.scale == 1 && setPoint.unit == "")
        #expect(setPoint.minimum == -5000 && setPoint.maximum == 5000 && setPoint.safeValue == 0)
        #expect(setPoint.span == RegisterSpan(function: 3, address: 2700, count: 2))
    }

    @Test(arguments: ["victron-gx-ess.json", "eastron-sdm630.json"])
    func theShippedMapsLoad(name: String) throws {
        let path = Repository.root.appendingPathComponent("Plugins/Modbus/maps/\(name)").path
        let map = try RegisterMap.load(path: path)
        #expect(!map.points.isEmpty && !map.device.isEmpty)
    }

    /// A second point with one mistake, and the words the error must contain after the file's path.
    static let pointMistakes: [(point: String, error: String)] = [
        (#"{"name": "soc_pct", "address": 844, "type": "uint16"}"#, "points[1] ('soc_pct').name: duplicate point name"),
        (#"{"name": "bad", "address": 1, "type": "uint16", "word_order": "middle"}"#, "points[1] ('bad').word_order: 'middle' is not 'big'"),
        (#"{"name": "bad", "address": 1, "type": "uint16", "function": 16}"#, "points[1] ('bad').function: 16 is not 3"),
        (#"{"name": "bad", "address": 65536, "type": "uint16"}"#, "points[1] ('bad').address: 65536 is not a register address"),
        (#"{"name": "bad", "address": 65535, "type": "uint32"}"#, "points[1] ('bad').address: 65535 is not a register address"),
        (#"{"name": "bad", "address": -1, "type": "uint16"}"#, "points[1] ('bad').address: -1 is not a register address"),
        (#"{"name": "bad", "address": 1, "type": "uint16", "function": 4, "writable": true}"#, "points[1] ('bad').writable: input registers"),
        (#"{"name": "bad", "address": 1, "type": "uint16", "scale": 0}"#, "points[1] ('bad').scale: 0.0 must be finite and non-zero"),
        (#"{"name": "bad", "address": 1, "type": "uint16", "kind": "alarm"}"#, "points[1] ('bad').kind: 'alarm' is not measurement"),
        (#"{"name": "bad", "address": 1, "type": "uint16", "minimum": 10, "maximum": 5}"#, "points[1] ('bad').minimum: 10.0 is above maximum 5.0"),
        (#"{"name": "bad", "address": 1, "type": "int16", "safe_value": 0}"#, "points[1] ('bad').safe_value: the point is not writable"),
        (#"{"name": "bad", "address": 1, "type": "int16", "writable": true, "maximum": 100, "safe_value": 200}"#,
         "points[1] ('bad').safe_value: 200.0 is outside minimum…maximum"),
        (#"{"name": "bad", "address": 1, "type": "int16", "writable": true, "safe_value": 40000}"#,
         "points[1] ('bad').safe_value: 40000.0 (÷ scale 1.0) does not fit int16"),
        (#"{"name": "bad", "type": "uint16"}"#, "points[1] ('bad').address: missing"),
        (#"{"address": 1, "type": "uint16"}"#, "points[1].name: missing"),
        (#"{"name": "bad", "address": "842", "type": "uint16"}"#, "points[1] ('bad').address: expected a whole number"),
        (#"{"name": "bad", "address": 1, "type": "uint16", "writable": "yes"}"#, "points[1] ('bad').writable: expected true or false"),
        (#"{"name": null, "address": 1, "type": "uint16"}"#, "points[1].name: expected a string"),
        (#"{"name": "bad", "address": 1, "type": "uint16", "scal": 0.1}"#, "points[1] ('bad').scal: unknown key; known keys: name, address"),
    ]

    @Test(arguments: pointMistakes)
    func aMistakeInAPointNamesFilePointAndKey(point: String, error: String) async throws {
        let (path, result) = try await Self.load(#"{"device": "test", "points": [\#(Self.goodPoint), \#(point)]}"#)
        guard case .failure(let failure) = result else {
            Issue.record("accepted \(point)")
            return
        }
        #expect(failure.description.hasPrefix("register map \(path): \(error)"), "\(failure.description)")
    }

    /// A whole file with one mistake outside the points, and the words its error must contain after the path.
    static let fileMistakes: [(file: String, error: String)] = [
        (#"{"device": "test", "points": ["#, "not valid JSON"),
        (#"{"device": "test", "word_order": "middle", "points": [\#(goodPoint)]}"#, "word_order: 'middle' is not 'big'"),
        (#"{"device": "test", "pionts": [\#(goodPoint)]}"#, "pionts: unknown key; known keys: device, word_order, points"),
        (#"{"device": "test", "points": []}"#, "points: empty"),
        (#"{"points": [\#(goodPoint)]}"#, "device: missing"),
        (#"{"device": "test", "points": {"name": "x"}}"#, "points: expected a list"),
        (#"[\#(goodPoint)]"#, "top level: expected an object"),
    ]

    @Test(arguments: fileMistakes)
    func aMistakeInTheFileNamesFileAndKey(file: String, error: String) async throws {
        let (path, result) = try await Self.load(file)
        guard case .failure(let failure) = result else {
            Issue.record("accepted \(file)")
            return
        }
        #expect(failure.description.hasPrefix("register map \(path): \(error)"), "\(failure.description)")
    }

    @Test func aMissingFileIsNamed() {
        let path = "/nonexistent/opendso/\(UUID().uuidString).json"
        #expect(throws: RegisterMapError.self) { try RegisterMap.load(path: path) }
        do {
            _ = try RegisterMap.load(path: path)
        } catch {
            #expect(error.description == "register map \(path): no such file (or not readable)")
        }
    }
}
