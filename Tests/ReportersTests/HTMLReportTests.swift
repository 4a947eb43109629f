import Foundation
import Reporters
import RunContracts
import RunnerCore
import Testing

/// The HTML report as markup (escaping, redaction, content) and in a real browser (Chromium, headless).
@Suite("HTML report")
struct HTMLReportTests {
    static let secret = "tok-globex.eu"

    static func page(_ runs: [EnvironmentRun] = MultiRunReportTests.runs) -> String {
        HTMLReport.render(runs: runs, options: HTMLReportOptions(
            generatedAt: RunFixture.startedAt,
            redactor: { $0.replacingOccurrences(of: HTMLReportTests.secret, with: "[secret]") },
            headerRedactor: { name, value in name == "Authorization" ? "[masked]" : value }))
    }

    @Test("every string is escaped: a name with markup cannot inject an element")
    func escaping() {
        var record = MultiRunReportTests.simpleRecord(environment: "x", passed: 1, failed: 1)
        record.executions[0].item.name = "<script>alert(1)</script>"
        let html = Self.page([EnvironmentRun(environmentName: "<b>evil & co</b>", record: record)])
        #expect(!html.contains("<script>alert(1)"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;b&gt;evil &amp; co&lt;/b&gt;"))
        #expect(html.components(separatedBy: "<script>").count == 2) // ours only
    }

    @Test("secrets pass the redactor, sensitive headers are masked, and failures show request and response")
    func redactionAndDetails() {
        let html = Self.page()
        #expect(!html.contains(Self.secret))
        #expect(html.contains("Authorization: [masked]"))
        #expect(html.contains("expected 500 to equal 200"))
        #expect(html.contains("{&quot;env&quot;:&quot;globex.eu&quot;}"))
        #expect(html.contains("<svg"))
        #expect(!html.contains("http://") || !html.contains("<link") )
        #expect(!html.contains("src=\"http"))
    }

    @Test("the same records render the same bytes")
    func deterministic() {
        #expect(Self.page() == Self.page())
    }

    /// `chromium` from Debian (installed by `make test`).
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private func runChromium(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let chromium = try #require(Self.chromium, "Chromium is needed for this test: apt-get install chromium (make test installs it)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        let home = NSTemporaryDirectory() + "carrier-chromium-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: home) }
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                             "--user-data-dir=\(home)"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        process.environment = environment
        let outPath = home + ".out", errPath = home + ".err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outPath); try? FileManager.default.removeItem(atPath: errPath) }
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus,
                (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    @Test("in Chromium: the script ran without errors and the summary numbers are in the DOM; a screenshot renders")
    func chromium() throws {
        let directory = NSTemporaryDirectory() + "carrier-html-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Test-only: a marker that records any uncaught error into the DOM, loaded before the report's own script.
        let marker = "<script>window.onerror = function (m) { document.documentElement.setAttribute('data-js-error', String(m)); };</script>"
        // Test-only, after the report's script: tick "Show only failures" and count what stays visible.
        let probe = """
        <script>
        function visible(selector) { return Array.prototype.filter.call(document.querySelectorAll(selector), function (e) { return e.getClientRects().length > 0; }).length; }
        document.documentElement.setAttribute('data-before', visible('tr.execution.passed') + '/' + visible('tr.execution.failed'));
        document.getElementById('only-failures').click();
        document.documentElement.setAttribute('data-after', visible('tr.execution.passed') + '/' + visible('tr.execution.failed'));
        </script>
        """
        let html = Self.page().replacingOccurrences(of: "<head>\n", with: "<head>\n" + marker + "\n")
            .replacingOccurrences(of: "</body>", with: probe + "</body>")
        let path = directory + "/report.html"
        try html.write(toFile: path, atomically: true, encoding: .utf8)

        let dom = try runChromium(["--enable-logging=stderr", "--v=0", "--virtual-time-budget=2000", "--dump-dom", "file://" + path])
        #expect(dom.status == 0, "\(dom.err)")
        #expect(!dom.out.contains("data-js-error=\""), "uncaught error: \(dom.out)")
        #expect(!dom.err.contains("Uncaught"), "\(dom.err)")
        let consoleErrors = dom.err.split(separator: "\n").filter { $0.contains("CONSOLE") && $0.contains("ERROR") }
        #expect(consoleErrors.isEmpty, "\(consoleErrors)")
        // Numbers written by Swift…
        #expect(dom.out.contains("<dd id=\"total-environments\">3</dd>"))
        #expect(dom.out.contains("<dd id=\"total-failed-environments\">2</dd>"))
        #expect(dom.out.contains("<dd id=\"total-requests\">8</dd>"))
        // …and the line the page's own script counted from the rows after it ran.
        #expect(dom.out.contains("Counted in this page: 3 environment(s), 8 request execution(s), 5 failed; 13 assertion(s), 3 failed."))

        // The filter: 3 passing and 5 failing executions; ticked, only the failing ones (in failed environments) show.
        #expect(dom.out.contains("data-before=\"3/5\""), "\(dom.out.prefix(300))")
        #expect(dom.out.contains("data-after=\"0/5\""))

        let png = directory + "/shot.png"
        let shot = try runChromium(["--window-size=1200,900", "--screenshot=\(png)", "file://" + path])
        #expect(shot.status == 0, "\(shot.err)")
        let bytes = try #require(FileManager.default.contents(atPath: png))
        #expect(bytes.count > 1000)
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }
}
