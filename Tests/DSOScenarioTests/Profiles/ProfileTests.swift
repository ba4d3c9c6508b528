import OpenDSOTestSupport
import Testing
@testable import DSOScenario

@Suite("Profile")
struct ProfileTests {
    @Test("hour and time_s headers give the same interpolated values")
    func headersAgree() throws {
        let byHour = try Profile(csv: "hour,value\n0,0\n6,3\n12,1\n", name: "h")
        let bySecond = try Profile(csv: "# comment\ntime_s,value\n0,0\n21600,3\n43200,1\n", name: "s")
        for seconds in stride(from: 0.0, to: 86_400, by: 1_234.5) {
            #expect(abs(byHour.value(atSeconds: seconds) - bySecond.value(atSeconds: seconds)) < 1e-12)
        }
        #expect(abs(byHour.value(atSeconds: 3 * 3_600) - 1.5) < 1e-12)
        #expect(abs(byHour.value(atSeconds: 9 * 3_600) - 2.0) < 1e-12)
    }

    @Test("interpolation wraps across midnight")
    func wrapsMidnight() throws {
        let profile = try Profile(csv: "hour,value\n1,0.6\n23,0.2\n", name: "wrap")
        #expect(abs(profile.value(atSeconds: 0) - 0.4) < 1e-12)
        #expect(abs(profile.value(atSeconds: 86_400) - 0.4) < 1e-12)
        #expect(abs(profile.value(atSeconds: 86_400 + 3_600) - 0.6) < 1e-12)
        #expect(abs(profile.value(atSeconds: -3_600) - 0.2) < 1e-12)
    }

    @Test("cursor lookups match binary-search lookups over two days")
    func cursorMatchesSearch() throws {
        let profile = try Profile(csv: "hour,value\n0,0.1\n5.5,0.9\n6,0.3\n13,0.8\n20,0.05\n", name: "c")
        var cursor = ProfileCursor()
        var seconds = 0.0
        while seconds < 2 * 86_400 {
            #expect(cursor.value(of: profile, atSeconds: seconds) == profile.value(atSeconds: seconds))
            seconds += 97.3
        }
        #expect(cursor.value(of: profile, atSeconds: 100) == profile.value(atSeconds: 100))
    }

    @Test("errors name the file, the line, the value and what was expected")
    func errorsLocateTheProblem() {
        #expect {
            _ = try Profile(csv: "time,value\n0,1\n", name: "bad-header.csv")
        } throws: { error in
            let error = error as? DataFileError
            return error?.file == "bad-header.csv" && error?.line == 1 && error?.expected.contains("time_s") == true
        }
        #expect {
            _ = try Profile(csv: "# c\nhour,value\n0,0.5\n1,abc\n", name: "bad-value.csv")
        } throws: { error in
            let error = error as? DataFileError
            return error?.line == 4 && error?.value == "abc" && (error?.description.contains("bad-value.csv:4") ?? false)
        }
        #expect {
            _ = try Profile(csv: "hour,value\n2,0.5\n1,0.4\n", name: "order.csv")
        } throws: { error in
            (error as? DataFileError)?.line == 3
        }
        #expect {
            _ = try Profile(csv: "hour,value\n25,0.5\n", name: "range.csv")
        } throws: { error in
            (error as? DataFileError)?.value == "25"
        }
        #expect(throws: DataFileError.self) { _ = try Profile.load(path: "/nonexistent/profile.csv") }
    }

    @Test("the example profiles load and stay within 0…1")
    func exampleProfilesLoad() throws {
        let folder = ScenarioFixtures.examplesFolder.appendingPathComponent("profiles")
        for name in ["pv-clear-sky.csv", "feeder-load.csv", "dr-commercial-hvac.csv"] {
            let profile = try Profile.load(path: folder.appendingPathComponent(name).path)
            #expect(profile.values.count >= 24)
            #expect(profile.values.allSatisfy { (0...1).contains($0) })
            #expect(profile.values.max() == 1)
        }
        let pv = try Profile.load(path: folder.appendingPathComponent("pv-clear-sky.csv").path)
        #expect(pv.value(atSeconds: 2 * 3_600) == 0)
        #expect(pv.value(atSeconds: 12.5 * 3_600) > 0.95)
    }
}
