import RunContracts
import RunnerCore

/// A transport double for unit tests of the runner's order of work: records every request and answers from a
/// closure (or 200 with an empty body).
package final class RecordingTransport: HTTPTransport {
    package private(set) var sent: [PreparedRequest] = []
    private let answer: (PreparedRequest) -> Result<HTTPResponse, TransportError>
    private var jar: [Cookie] = []

    package init(answer: @escaping (PreparedRequest) -> Result<HTTPResponse, TransportError> = { request in
        .success(HTTPResponse(code: 200, reason: "OK", finalURL: request.url, sentRequest: request))
    }) {
        self.answer = answer
    }

    package func send(_ request: PreparedRequest) -> Result<HTTPResponse, TransportError> {
        sent.append(request)
        return answer(request)
    }
    package func cookies(for url: String) -> [Cookie] { jar }
    package func allCookies() -> [Cookie] { jar }
    package func setCookie(_ cookie: Cookie) {
        jar.removeAll { $0.name == cookie.name && $0.domain == cookie.domain && $0.path == cookie.path }
        jar.append(cookie)
    }
    package func removeCookies(domain: String, name: String?) {
        jar.removeAll { $0.domain == domain && (name == nil || $0.name == name) }
    }
}

/// Collects every event of a run, in order.
package final class RecordingObserver: RunObserver {
    package private(set) var events: [RunEvent] = []
    package init() {}
    package func observe(_ event: RunEvent) { events.append(event) }
}

/// A clock that never waits and advances only when told to.
package final class FixedClock: RunClock, @unchecked Sendable {
    // Unchecked: tests drive it from one thread.
    package var current: Double
    package private(set) var slept: [Int] = []
    package init(_ start: Double = 1_700_000_000_000) { current = start }
    package func now() -> Double { current }
    package func sleep(milliseconds: Int) {
        slept.append(milliseconds)
        current += Double(milliseconds)
    }
}
