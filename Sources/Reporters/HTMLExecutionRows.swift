import RunContracts

/// One request execution as table rows: the summary row, then (for failures) a details row with the failed
/// assertions, script errors, and the request and response as they went over the wire.
enum HTMLExecutionRows {
    static func append(_ execution: ItemExecution, record: RunRecord, into page: inout HTMLPage) {
        let failures = record.failures.filter { execution.owns($0) }
        let failed = !failures.isEmpty || execution.requestError != nil || !execution.scriptFailures.isEmpty
            || execution.assertions.contains { $0.status == .failed }
        let state = failed ? "failed" : "passed"
        let request = execution.response?.sentRequest ?? execution.request
        let passed = execution.assertions.filter { $0.status == .passed }.count
        let failedCount = execution.assertions.filter { $0.status == .failed }.count
        let status: String
        if let response = execution.response {
            status = "\(response.code) \(response.reason)"
        } else if let error = execution.requestError {
            status = error.code
        } else {
            status = execution.skipped ? "skipped" : "—"
        }
        let cursor = execution.cursor
        page.raw("<tr class=\"execution \(state)\" data-state=\"\(state)\" data-assertions=\"\(execution.assertions.count)\""
                 + " data-failed-assertions=\"\(failedCount)\">"
                 + "<td>\(page.text(execution.item.qualifiedName))</td>"
                 + "<td>\(cursor.iteration + 1)/\(cursor.iterationCount)</td>"
                 + "<td class=\"sent\">\(request.map { page.text("\($0.method) \($0.url)") } ?? "(not sent)")</td>"
                 + "<td>\(page.text(status))</td>"
                 + "<td>\(execution.response.map { page.text(ReportText.duration($0.responseTime)) } ?? "")</td>"
                 + "<td>\(passed) passed" + (failedCount > 0 ? ", <strong>\(failedCount) failed</strong>" : "") + "</td></tr>\n")
        guard failed else { return }
        page.raw("<tr class=\"details failed\"><td colspan=\"6\">\n<ul class=\"failures\">\n")
        for assertion in execution.assertions where assertion.status == .failed {
            page.raw("<li><span class=\"name\">\(page.text(assertion.name))</span>: "
                     + "\(page.text("\(assertion.errorName ?? "AssertionError"): \(assertion.message ?? "")"))</li>\n")
        }
        for failure in execution.scriptFailures {
            page.raw("<li><span class=\"name\">\(page.text("\(failure.phase == .test ? "Tests" : "Pre-request script") of \(failure.owner)"))</span>: "
                     + "\(page.text(failure.error.description))</li>\n")
        }
        for failure in failures where failure.kind == .requestError {
            page.raw("<li><span class=\"name\">\(page.text(failure.source))</span>: \(page.text("\(failure.name): \(failure.message)"))</li>\n")
        }
        page.raw("</ul>\n")
        if let request {
            page.raw("<details open><summary>Request</summary><pre>")
            var lines = page.text("\(request.method) \(request.url)") + "\n"
            for header in request.headers { lines += page.text(header.name) + ": " + page.header(header.name, header.value) + "\n" }
            if let body = request.body, !body.isEmpty { lines += "\n" + page.body(body) }
            page.raw(lines + "</pre></details>\n")
        }
        if let response = execution.response {
            page.raw("<details open><summary>Response</summary><pre>")
            var lines = page.text("\(response.httpVersion) \(response.code) \(response.reason)") + "\n"
            for header in response.headers { lines += page.text(header.name) + ": " + page.header(header.name, header.value) + "\n" }
            if !response.body.isEmpty { lines += "\n" + page.body(response.body) }
            page.raw(lines + "</pre></details>\n")
        }
        page.raw("</td></tr>\n")
    }
}
