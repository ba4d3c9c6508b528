import Foundation
import Testing
import DSOScenario

@Suite struct RegulationSignalCSVTests {
    private func error(parsing text: String, path: String = "signal.csv") -> RegulationSignalCSVError? {
        do {
            _ = try RegulationSignal(csvText: text, path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsCRLFAndTrailingBlankLines() throws {
        let signal = try RegulationSignal(csvText: "time_s,signal\r\n0,-1\r\n2,0.5\r\n4, 0.25 \r\n\r\n\n", path: "a.csv")
        #expect(signal.timesSeconds == [0, 2, 4])
        #expect(signal.values == [-1, 0.5, 0.25])
        #expect(signal.samplePeriodSeconds == 2)
    }

    @Test func roundTripsThroughAFile() throws {
        let original = RegulationSignal.regA(durationSeconds: 900, samplePeriodSeconds: 4, seed: 42)
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("opendso-signal-\(UInt64.random(in: 0...UInt64.max)).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try original.write(csvToPath: path)
        let loaded = try RegulationSignal.load(csvAtPath: path)
        #expect(loaded == original)
        #expect(loaded.isUniformlySampled)
    }

    @Test func nonUniformTimesAreAcceptedAndReported() throws {
        let signal = try RegulationSignal(csvText: "time_s,signal\n0,0\n2,0\n4,0\n10,0\n", path: "gap.csv")
        #expect(signal.samplePeriodSeconds == 2)
        #expect(!signal.isUniformlySampled)
    }

    @Test func wrongHeaderNamesFileAndLine() throws {
        let failure = try #require(error(parsing: "time,value\n0,0\n", path: "data/reg.csv"))
        #expect(failure.line == 1)
        #expect(failure.description == "data/reg.csv:1: header must be 'time_s,signal', found 'time,value'")
    }

    @Test func nonNumericValueNamesLineColumnAndValue() throws {
        let failure = try #require(error(parsing: "time_s,signal\n0,0.1\n2,abc\n"))
        #expect(failure.line == 3)
        #expect(failure.problem == .notANumber(column: "signal", value: "abc"))
        #expect(failure.description == "signal.csv:3: signal 'abc' is not a number")
        let badTime = try #require(error(parsing: "time_s,signal\nzero,0.1\n"))
        #expect(badTime.description == "signal.csv:2: time_s 'zero' is not a number")
        let nan = try #require(error(parsing: "time_s,signal\n0,nan\n"))
        #expect(nan.problem == .notANumber(column: "signal", value: "nan"))
    }

    @Test func outOfRangeValueIsRejected() throws {
        let failure = try #require(error(parsing: "time_s,signal\n0,0\n2,1.2\n"))
        #expect(failure.description == "signal.csv:3: signal '1.2' is out of range: values must lie in -1...1")
    }

    @Test func timesMustIncrease() throws {
        let failure = try #require(error(parsing: "time_s,signal\n0,0\n2,0\n6,0\n4,0\n"))
        #expect(failure.line == 5)
        #expect(failure.description == "signal.csv:5: time_s must increase (4 after 6 on line 4)")
    }

    @Test func wrongFieldCountAndTooFewSamples() throws {
        let fields = try #require(error(parsing: "time_s,signal\n0,0,1\n"))
        #expect(fields.line == 2)
        #expect(fields.problem == .wrongFieldCount(found: 3))
        let few = try #require(error(parsing: "time_s,signal\n0,0\n"))
        #expect(few.line == nil)
        #expect(few.description == "signal.csv: a regulation signal needs at least 2 samples, found 1")
    }

    @Test func missingFileNamesThePath() throws {
        do {
            _ = try RegulationSignal.load(csvAtPath: "/nonexistent/opendso/reg.csv")
            Issue.record("loading a missing file must fail")
        } catch {
            #expect(error.path == "/nonexistent/opendso/reg.csv")
            #expect(error.description.hasPrefix("/nonexistent/opendso/reg.csv: cannot read"))
        }
    }
}
