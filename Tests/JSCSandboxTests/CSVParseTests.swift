import RunContracts
import RunnerCore
import Testing
@testable import JSCSandbox

@Suite("csv-parse")
struct CSVParseTests {
    @Test("csv-parse/lib/sync parses quoted fields, headers and options")
    func csvParse() {
        let lines = Harness().log(#"""
            const parse = require('csv-parse/lib/sync');
            const text = 'name,city\n"Kane, Abhijit","Pune ""East"""\n\nBo , Oslo\n';
            console.log(JSON.stringify(parse(text, { columns: true, skip_empty_lines: true, trim: true })));
            console.log(JSON.stringify(parse('a;1\nb;2', { delimiter: ';', cast: true })));
            """#)
        #expect(lines == [
            #"[{"name":"Kane, Abhijit","city":"Pune \"East\""},{"name":"Bo","city":"Oslo"}]"#,
            #"[["a",1],["b",2]]"#,
        ])
    }
}
