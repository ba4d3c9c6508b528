@testable import DSOScenario
import Testing

/// The one set of CSV rules every data file goes through: what is skipped, how lines are numbered, and
/// that each error names the file, the line and the value.
struct CSVFileTests {
    @Test func commentsBlankLinesAndCRLFAreSkippedAndLinesKeepTheirFileNumbers() {
        let text = "# comment\r\n\r\n time_s , value \r\n0,1\r\n# inside\r\n\r\n 5 ,\t2 \r\n"
        let file = CSVFile(text: text, path: "p.csv")
        #expect(file.header == ["time_s", "value"])
        #expect(file.headerLine == 3)
        #expect(file.rows.map(\.line) == [4, 7])
        #expect(file.rows.map(\.fields) == [["0", "1"], ["5", "2"]])
    }

    @Test func aHeaderOutsideTheFormsNamesTheFileLineAndTheForms() throws {
        let file = CSVFile(text: "\n\ntime,value\n0,1\n", path: "p.csv")
        let error = #expect(throws: DataFileError.self) { try file.requireHeader([["time_s", "value"], ["hour", "value"]]) }
        #expect(error?.file == "p.csv")
        #expect(error?.line == 3)
        #expect(error?.value == "time,value")
        #expect(error?.expected == "the header 'time_s,value' or 'hour,value'")
        #expect(try CSVFile(text: "HOUR,Value\n", path: "q").requireHeader([["time_s", "value"], ["hour", "value"]]) == 1)
    }

    @Test func numbersMustBeFiniteAndFieldCountsAreChecked() {
        let file = CSVFile(text: "a,b\n1,nan\n1,2,3\n", path: "r.csv")
        let nan = #expect(throws: DataFileError.self) { try file.rows[0].number(1, expected: "a finite number (b)") }
        #expect(nan == DataFileError(file: "r.csv", line: 2, value: "nan", expected: "a finite number (b)"))
        let count = #expect(throws: DataFileError.self) { try file.rows[1].requireFieldCount(2...2, expected: "two fields") }
        #expect(count?.line == 3)
        #expect(count?.value == "1,2,3")
    }

    @Test func anUnreadableFileIsNamed() {
        let error = #expect(throws: DataFileError.self) { try CSVFile.read(path: "/nonexistent/x.csv") }
        #expect(error?.file == "/nonexistent/x.csv")
        #expect(error?.expected == "a readable UTF-8 CSV file")
    }

    @Test func everyReaderFollowsTheSameRules() throws {
        // The same comment, CRLF and spacing in a profile, a schedule and a signal.
        let profile = try Profile(csv: "# p\r\nhour , value\r\n0, 1\r\n", name: "p")
        #expect(profile.value(atSeconds: 0) == 1)
        let signal = try RegulationSignal(csvText: "# s\r\ntime_s,signal\r\n0, 1\r\n 2,-1\r\n", path: "s")
        #expect(signal.values == [1, -1])
    }
}
