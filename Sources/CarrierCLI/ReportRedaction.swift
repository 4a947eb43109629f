import Foundation
import RunContracts
import RunnerCore

/// What the reporters see of a run: the same events and record with credentials taken out of the places a
/// plain text redactor cannot judge. Header values of Authorization, Proxy-Authorization, Cookie, Set-Cookie and
/// apikey headers are masked whatever they hold (a server's session cookie is not a known secret, yet it is one),
/// and bodies are masked as text, because the JSON report writes them as byte arrays that no string pass reaches.
/// Every other string still goes through the reporters' own redactor.
///
/// Credentials seen in those headers (a literal `Authorization: Bearer …`, a session cookie the server set) are
/// learned into a second redactor used only for reports, so they are masked where they are echoed back too
/// (an echoing server's body, a later URL); exports keep using the run's redactor, so the cookie jar still
/// carries the session.
struct ReportRedaction: Sendable {
    let redactor: SecretRedactor
    private let seen = SecretRedactor()

    init(redactor: SecretRedactor) { self.redactor = redactor }

    /// Text with the run's secrets and the credentials seen in headers masked.
    func text(_ text: String) -> String { seen.redact(redactor.redact(text)) }

    func record(_ record: RunRecord) -> RunRecord {
        let names = redactor.sensitiveHeaderNames()
        for execution in record.executions { learnCredentials(of: execution, names: names) }
        var copy = record
        copy.executions = record.executions.map(masking(names).execution)
        return copy
    }

    func event(_ event: RunEvent) -> RunEvent {
        switch event {
        case .requestCompleted(let cursor, let item, let request, let result):
            let names = redactor.sensitiveHeaderNames()
            learn(request.headers, names: names)
            if case .success(let response) = result { learn(response.headers, names: names) }
            let pass = masking(names)
            return .requestCompleted(cursor, item, pass.request(request), result.map(pass.response))
        case .itemFinished(let cursor, let execution):
            return .itemFinished(cursor, masking(redactor.sensitiveHeaderNames()).execution(execution))
        case .runFinished(let record):
            return .runFinished(self.record(record))
        default:
            return event
        }
    }

    /// One execution as a streamed report writes it: its header credentials learned first, then masked.
    func streamedExecution(_ execution: ItemExecution) -> ItemExecution {
        let names = redactor.sensitiveHeaderNames()
        learnCredentials(of: execution, names: names)
        return masking(names).execution(execution)
    }

    /// Learns the credentials in an execution's header lists. Only the sent request carries the jar's cookies,
    /// so this is done for every finished execution, with or without a streamed report to write it to.
    func learnCredentials(of execution: ItemExecution) {
        learnCredentials(of: execution, names: redactor.sensitiveHeaderNames())
    }

    private func learnCredentials(of execution: ItemExecution, names: SensitiveHeaderNames) {
        learn(execution.request?.headers ?? [], names: names)
        learn(execution.response?.sentRequest?.headers ?? [], names: names)
        learn(execution.response?.headers ?? [], names: names)
    }

    /// The masking of one event or record, after its credentials were learned: the sensitive names and whether
    /// any secret is known are read once, not for every header and body.
    private func masking(_ names: SensitiveHeaderNames) -> Masking {
        Masking(redaction: self, names: names, knowsSecrets: !redactor.isEmpty || !seen.isEmpty)
    }
}

private struct Masking {
    let redaction: ReportRedaction
    let names: SensitiveHeaderNames
    /// Whether a text could come out masked: some secret is known to either redactor.
    let knowsSecrets: Bool

    func execution(_ execution: ItemExecution) -> ItemExecution {
        guard execution.request.map(changes) == true || execution.response.map(changes) == true else { return execution }
        var copy = execution
        copy.request = execution.request.map(request)
        copy.response = execution.response.map(response)
        return copy
    }

    /// Whether masking could change anything in the request. Most runs know no secret and send no credential;
    /// then the request is passed on as it is, not rebuilt field by field.
    private func changes(_ request: PreparedRequest) -> Bool {
        knowsSecrets || request.options.clientKeyPassphrase?.isEmpty == false
            || request.headers.contains { names.contains($0.name) }
    }

    private func changes(_ response: HTTPResponse) -> Bool {
        knowsSecrets || response.headers.contains { names.contains($0.name) } || response.sentRequest.map(changes) == true
    }

    func request(_ request: PreparedRequest) -> PreparedRequest {
        guard changes(request) else { return request }
        var copy = request
        copy.url = text(request.url)
        copy.headers = headers(request.headers)
        copy.body = request.body.map(body)
        if let passphrase = request.options.clientKeyPassphrase, !passphrase.isEmpty {
            copy.options.clientKeyPassphrase = SecretRedactor.mask
        }
        return copy
    }

    func response(_ response: HTTPResponse) -> HTTPResponse {
        guard changes(response) else { return response }
        var copy = response
        copy.headers = headers(response.headers)
        copy.body = body(response.body)
        copy.finalURL = text(response.finalURL)
        copy.sentRequest = response.sentRequest.map(request)
        return copy
    }

    private func text(_ text: String) -> String { knowsSecrets ? redaction.text(text) : text }

    private func headers(_ headers: [HTTPHeader]) -> [HTTPHeader] {
        // The usual run knows no secret and sends no credential header: the list is kept instead of rebuilt.
        if !knowsSecrets && !headers.contains(where: { names.contains($0.name) }) { return headers }
        return headers.map { HTTPHeader($0.name, names.contains($0.name) ? SecretRedactor.mask : text($0.value)) }
    }

    /// Text bodies with secrets masked; bytes that are not UTF-8 are kept, since a secret is text.
    private func body(_ bytes: [UInt8]) -> [UInt8] {
        guard !bytes.isEmpty, knowsSecrets, let text = String(validating: bytes, as: UTF8.self) else { return bytes }
        let masked = self.text(text)
        return masked == text ? bytes : Array(masked.utf8)
    }
}

extension ReportRedaction {
    /// Learns the credentials carried by sensitive headers: the part after the scheme of Authorization (and the
    /// password inside Basic), every cookie value, an apikey header's value.
    private func learn(_ headers: [HTTPHeader], names: SensitiveHeaderNames) {
        for header in headers where names.contains(header.name) {
            switch header.name.lowercased() {
            case "cookie":
                for pair in header.value.split(separator: ";") { learnCookie(pair) }
            case "set-cookie":
                if let pair = header.value.split(separator: ";").first { learnCookie(pair) }
            case "authorization", "proxy-authorization":
                let parts = header.value.split(separator: " ", maxSplits: 1)
                guard let credentials = parts.last.map(String.init) else { continue }
                seen.add(credentials)
                if parts.count == 2, parts[0].lowercased() == "basic",
                   let decoded = Data(base64Encoded: credentials).flatMap({ String(data: $0, encoding: .utf8) }),
                   let colon = decoded.firstIndex(of: ":") {
                    seen.add(String(decoded[decoded.index(after: colon)...]))
                }
            default:
                seen.add(header.value)
            }
        }
    }

    private func learnCookie(_ pair: Substring) {
        guard let equals = pair.firstIndex(of: "=") else { return }
        seen.add(pair[pair.index(after: equals)...].trimmingCharacters(in: .whitespaces))
    }
}

/// Hands each event to a reporter after `ReportRedaction` has masked it.
final class RedactingObserver: RunObserver {
    private let inner: RunObserver
    private let redaction: ReportRedaction

    init(_ inner: RunObserver, redaction: ReportRedaction) {
        self.inner = inner
        self.redaction = redaction
    }

    func observe(_ event: RunEvent) { inner.observe(redaction.event(event)) }
}
