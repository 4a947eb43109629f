import CCurlShim
import Foundation
import RunContracts

extension CurlTransport {
    /// One `curl_easy_perform`: exactly one request and its response, no redirect following.
    func perform(_ request: PreparedRequest) -> Result<HopResponse, TransportError> {
        let recorder = ExchangeRecorder(maxBodyBytes: request.options.maxResponseBytes)
        var headerList: UnsafeMutablePointer<curl_slist>? = nil
        defer { curl_slist_free_all(headerList) }
        let caBundle: [UInt8]?
        switch extraCABundle(for: request.options) {
        case .success(let bundle): caBundle = bundle
        case .failure(let error): return .failure(error)
        }
        return withExtendedLifetime(recorder) { () -> Result<HopResponse, TransportError> in
            do throws(CurlCallFailure) {
                try configure(request, recorder: recorder, caBundle: caBundle, headerList: &headerList)
            } catch {
                return .failure(setupError(error, request: request))
            }
            do throws(CurlCallFailure) {
                try curlCheck(curl_easy_perform(handle.raw), "curl_easy_perform")
            } catch {
                configuredSetup = nil
                return .failure(TransportError(curl: failureContext(error.code, request: request, recorder: recorder)))
            }
            // libcurl quirk: a connection closed in the middle of the response head ends the transfer with
            // CURLE_OK, the unfinished header line dropped. Node calls that a hang-up; so do we.
            guard recorder.headEnded else {
                configuredSetup = nil
                return .failure(TransportError(kind: .connectionClosed, code: "ECONNRESET", message: "socket hang up"))
            }
            return .success(HopResponse(
                code: recorder.code, reason: recorder.reason, httpVersion: recorder.httpVersion,
                headers: recorder.headers, body: recorder.body, timings: readTimings(),
                sentHead: recorder.parsedSentHead()))
        }
    }

    private func configure(_ request: PreparedRequest, recorder: ExchangeRecorder, caBundle: [UInt8]?,
                           headerList: inout UnsafeMutablePointer<curl_slist>?) throws(CurlCallFailure) {
        let options = request.options
        let proxy = proxies.proxy(forScheme: URLParts(request.url)?.scheme ?? "http") ?? ""
        let setup = HandleSetup(request, proxy: proxy, noProxy: proxies.noProxy)
        // Until this configuration succeeds and its transfer ends well, the next one starts from a reset.
        let previous = configuredSetup
        configuredSetup = nil
        if let previous, previous.sendsLike(setup) {
            // libcurl quirk: options stay set from one transfer to the next on a reused handle; only those that
            // differ per request are set again. The rest (reset, defaults, callbacks, TLS, proxy) was a tenth of
            // the transport's instructions per request.
            handle.clearErrorMessage()
            try configurePerRequest(request, recorder: recorder, headerList: &headerList)
            configuredSetup = setup
            return
        }
        try handle.reset()
        // Signals are useless to us and unsafe in a threaded program; timeouts still work without them.
        try handle.set(CURLOPT_NOSIGNAL, true, "CURLOPT_NOSIGNAL")
        // The URL is already encoded the way Postman encodes it; without PATH_AS_IS curl would squash `/../`
        // and `/./` segments.
        try handle.set(CURLOPT_PATH_AS_IS, true, "CURLOPT_PATH_AS_IS")
        // Redirects are followed by RedirectPolicy, one perform per hop.
        try handle.set(CURLOPT_FOLLOWLOCATION, false, "CURLOPT_FOLLOWLOCATION")
        try handle.set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS), "CURLOPT_HTTP_VERSION")
        // "" = decode every encoding curl supports (gzip, deflate, br, zstd). libcurl quirk: this also makes curl
        // add its own Accept-Encoding header unless the request has one, which CurlHeaderLines suppresses, so
        // the request's own Accept-Encoding (or none) is what goes out while the body is still decoded.
        try handle.set(CURLOPT_ACCEPT_ENCODING, "", "CURLOPT_ACCEPT_ENCODING")

        try configurePerRequest(request, recorder: recorder, headerList: &headerList)
        let raw = handle.raw
        try curlCheck(ccurl_setopt_data_callback(raw, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            guard let context else { return 0 }
            let recorder = Unmanaged<ExchangeRecorder>.fromOpaque(context).takeUnretainedValue()
            return recorder.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
        }, "curl_easy_setopt(CURLOPT_WRITEFUNCTION)")
        try curlCheck(ccurl_setopt_data_callback(raw, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            guard let context else { return 0 }
            let recorder = Unmanaged<ExchangeRecorder>.fromOpaque(context).takeUnretainedValue()
            recorder.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        }, "curl_easy_setopt(CURLOPT_HEADERFUNCTION)")
        // libcurl quirk: the debug callback, the only place the request head is shown as sent, runs only
        // with VERBOSE on; with a callback installed nothing is printed.
        try curlCheck(ccurl_setopt_debug_callback(raw) { _, type, data, size, context in
            guard type == CURLINFO_HEADER_OUT, let context else { return 0 }
            let recorder = Unmanaged<ExchangeRecorder>.fromOpaque(context).takeUnretainedValue()
            recorder.receiveSentHead(UnsafeRawBufferPointer(start: data, count: size))
            return 0
        }, "curl_easy_setopt(CURLOPT_DEBUGFUNCTION)")
        try handle.set(CURLOPT_VERBOSE, true, "CURLOPT_VERBOSE")

        if options.timeoutMilliseconds > 0 {
            try handle.set(CURLOPT_TIMEOUT_MS, options.timeoutMilliseconds, "CURLOPT_TIMEOUT_MS")
        }
        if options.insecureHTTPParser {
            try handle.set(CURLOPT_HTTP09_ALLOWED, true, "CURLOPT_HTTP09_ALLOWED")
        }
        if let ntlm = options.ntlmCredentials {
            // NTLM is a handshake on one connection (negotiate, challenge, authenticate) that libcurl performs
            // itself; 8 is CURLAUTH_NTLM, whose macro Swift cannot import.
            try handle.set(CURLOPT_HTTPAUTH, 8, "CURLOPT_HTTPAUTH")
            try handle.set(CURLOPT_USERNAME, ntlm.domain.isEmpty ? ntlm.username : ntlm.domain + "\\" + ntlm.username,
                           "CURLOPT_USERNAME")
            try handle.set(CURLOPT_PASSWORD, ntlm.password, "CURLOPT_PASSWORD")
        }
        try configureTLS(options, caBundle: caBundle)
        // Always set, even to "" (= no proxy): otherwise curl would consult the environment on its own terms.
        try handle.set(CURLOPT_PROXY, proxy, "CURLOPT_PROXY")
        if let noProxy = proxies.noProxy {
            try handle.set(CURLOPT_NOPROXY, noProxy, "CURLOPT_NOPROXY")
        }
        configuredSetup = setup
    }

    /// What changes from one request to the next: URL, method and body, header lines, and the recorder the
    /// callbacks write to.
    private func configurePerRequest(_ request: PreparedRequest, recorder: ExchangeRecorder,
                                     headerList: inout UnsafeMutablePointer<curl_slist>?) throws(CurlCallFailure) {
        try handle.set(CURLOPT_URL, request.url, "CURLOPT_URL")
        try setMethodAndBody(request)
        for line in CurlHeaderLines.lines(for: request) {
            // curl copies the line; a native String's own NUL-terminated storage is handed over without a copy.
            guard let extended = line.withCString({ curl_slist_append(headerList, $0) }) else {
                throw CurlCallFailure(code: CURLE_OUT_OF_MEMORY, call: "curl_slist_append")
            }
            headerList = extended
        }
        try handle.set(CURLOPT_HTTPHEADER, pointer: UnsafeMutableRawPointer(headerList), "CURLOPT_HTTPHEADER")
        let context = Unmanaged.passUnretained(recorder).toOpaque()
        try handle.set(CURLOPT_WRITEDATA, pointer: context, "CURLOPT_WRITEDATA")
        try handle.set(CURLOPT_HEADERDATA, pointer: context, "CURLOPT_HEADERDATA")
        try handle.set(CURLOPT_DEBUGDATA, pointer: context, "CURLOPT_DEBUGDATA")
    }

    /// libcurl picks the method from how the body is given; CUSTOMREQUEST only renames it on the wire.
    private func setMethodAndBody(_ request: PreparedRequest) throws(CurlCallFailure) {
        let raw = handle.raw
        if request.method == "HEAD" {
            // NOBODY is what makes curl expect no body after a HEAD response's Content-Length.
            try handle.set(CURLOPT_NOBODY, true, "CURLOPT_NOBODY")
        } else if let body = request.body {
            // Any method may carry a body (GET with a body is sent when the collection asks for it):
            // POSTFIELDS gives curl the body and Content-Length, CUSTOMREQUEST sets the method name.
            let code = body.withUnsafeBytes { ccurl_set_body(raw, $0.baseAddress, $0.count) }
            try curlCheck(code, "curl_easy_setopt(CURLOPT_COPYPOSTFIELDS)")
            if request.method != "POST" {
                try handle.set(CURLOPT_CUSTOMREQUEST, request.method, "CURLOPT_CUSTOMREQUEST")
            }
        } else if request.method == "GET" {
            try handle.set(CURLOPT_HTTPGET, true, "CURLOPT_HTTPGET")
        } else {
            // A body-less request with any other method: a GET renamed, so no Content-Length is invented.
            try handle.set(CURLOPT_CUSTOMREQUEST, request.method, "CURLOPT_CUSTOMREQUEST")
        }
    }

    private func configureTLS(_ options: RequestOptions, caBundle: [UInt8]?) throws(CurlCallFailure) {
        if !options.verifyTLS {
            try handle.set(CURLOPT_SSL_VERIFYPEER, false, "CURLOPT_SSL_VERIFYPEER")
            try handle.set(CURLOPT_SSL_VERIFYHOST, 0, "CURLOPT_SSL_VERIFYHOST")
        }
        if let caBundle {
            let code = caBundle.withUnsafeBytes { ccurl_setopt_blob(handle.raw, CURLOPT_CAINFO_BLOB, $0.baseAddress, $0.count) }
            try curlCheck(code, "curl_easy_setopt(CURLOPT_CAINFO_BLOB)")
        }
        if let certificate = options.clientCertificatePath {
            try handle.set(CURLOPT_SSLCERT, certificate, "CURLOPT_SSLCERT")
        }
        if let key = options.clientKeyPath {
            try handle.set(CURLOPT_SSLKEY, key, "CURLOPT_SSLKEY")
        }
        if let passphrase = options.clientKeyPassphrase {
            try handle.set(CURLOPT_KEYPASSWD, passphrase, "CURLOPT_KEYPASSWD")
        }
    }

    /// The system bundle followed by the extra CA file, or `nil` when no extra file is configured.
    /// CAINFO would replace the system bundle, whereas Newman's `--ssl-extra-ca-certs` adds to it, so the two
    /// are joined in memory and handed to curl as a blob (read once per run and path).
    private func extraCABundle(for options: RequestOptions) -> Result<[UInt8]?, TransportError> {
        guard let extraPath = options.extraCACertificatesPath else { return .success(nil) }
        if let cached = caBundles[extraPath] { return .success(cached) }
        guard let extra = FileManager.default.contents(atPath: extraPath) else {
            return .failure(TransportError(kind: .tls, code: "ENOENT", message: "ENOENT: no such file or directory, open '\(extraPath)'"))
        }
        let systemPath = handle.info(string: CURLINFO_CAINFO) ?? "/etc/ssl/certs/ca-certificates.crt"
        var bundle = [UInt8](FileManager.default.contents(atPath: systemPath) ?? Data())
        bundle.append(UInt8(ascii: "\n"))
        bundle.append(contentsOf: extra)
        caBundles[extraPath] = bundle
        return .success(bundle)
    }

    /// curl's *_TIME_T values are microseconds from the start of the perform, each phase ending later.
    private func readTimings() -> ResponseTimings {
        func ms(_ item: CURLINFO) -> Double { Double(handle.info(offset: item)) / 1000 }
        let lookup = ms(CURLINFO_NAMELOOKUP_TIME_T)
        let connect = ms(CURLINFO_CONNECT_TIME_T)
        let tls = ms(CURLINFO_APPCONNECT_TIME_T)
        let pretransfer = ms(CURLINFO_PRETRANSFER_TIME_T)
        let firstByte = ms(CURLINFO_STARTTRANSFER_TIME_T)
        let total = ms(CURLINFO_TOTAL_TIME_T)
        var timings = ResponseTimings()
        timings.dns = lookup
        timings.tcp = max(0, connect - lookup)
        // APPCONNECT stays 0 for plain HTTP and for a reused TLS connection.
        timings.secureHandshake = tls > 0 ? max(0, tls - connect) : 0
        timings.firstByte = max(0, firstByte - pretransfer)
        timings.download = max(0, total - firstByte)
        timings.total = total
        return timings
    }

    private func failureContext(_ code: CURLcode, request: PreparedRequest, recorder: ExchangeRecorder) -> CurlFailureContext {
        CurlFailureContext(
            code: code, detail: handle.errorMessage(for: code), url: request.url,
            primaryIP: handle.info(string: CURLINFO_PRIMARY_IP) ?? "",
            primaryPort: handle.info(long: CURLINFO_PRIMARY_PORT),
            osErrno: Int32(truncatingIfNeeded: handle.info(long: CURLINFO_OS_ERRNO)),
            connected: handle.info(offset: CURLINFO_PRETRANSFER_TIME_T) > 0 || handle.info(offset: CURLINFO_CONNECT_TIME_T) > 0,
            exceededBodyLimit: recorder.exceededBodyLimit)
    }

    /// A failure before the request could be sent: an option curl refused (a malformed URL, an unknown scheme, …).
    private func setupError(_ failure: CurlCallFailure, request: PreparedRequest) -> TransportError {
        if failure.code == CURLE_URL_MALFORMAT || failure.code == CURLE_UNSUPPORTED_PROTOCOL {
            return TransportError(curl: CurlFailureContext(
                code: failure.code, detail: curlDescription(failure.code), url: request.url, primaryIP: "",
                primaryPort: 0, osErrno: 0, connected: false, exceededBodyLimit: false))
        }
        return TransportError(kind: .other, code: "ECURL\(failure.code.rawValue)",
                              message: "\(failure.call) failed: \(curlDescription(failure.code))")
    }
}

/// Everything `configure` sets on the handle that is the same for many requests. Two requests with the same setup
/// differ on the handle only in URL, method and body, header lines and the recorder.
struct HandleSetup {
    private let texts: [String?]
    private let numbers: [Int]

    init(_ request: PreparedRequest, proxy: String, noProxy: String?) {
        let options = request.options
        texts = [request.method, options.extraCACertificatesPath, options.clientCertificatePath, options.clientKeyPath,
                 options.clientKeyPassphrase, proxy, noProxy]
        numbers = [request.body == nil ? 0 : 1, options.timeoutMilliseconds, options.insecureHTTPParser ? 1 : 0,
                   options.verifyTLS ? 1 : 0, options.ntlmCredentials == nil ? 0 : 1]
    }

    /// Same setup, texts compared as bytes (String's == holds canonically equivalent paths equal). NTLM is never
    /// carried over: its handshake state belongs to the connection and to a fresh handle setup.
    func sendsLike(_ other: HandleSetup) -> Bool {
        numbers == other.numbers && numbers[4] == 0 && texts.count == other.texts.count
            && zip(texts, other.texts).allSatisfy { a, b in
                switch (a, b) {
                case (nil, nil): true
                case let (a?, b?): a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
                default: false
                }
            }
    }
}
