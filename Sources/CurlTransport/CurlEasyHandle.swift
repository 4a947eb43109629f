import CCurlShim

/// Owns one libcurl easy handle and its error buffer. One per transport: reusing the handle keeps its
/// connection cache, so kept-alive connections survive from one request to the next.
final class CurlEasyHandle {
    /// `curl_global_init` is not thread-safe and must run once before any handle exists; a static `let` is
    /// initialised exactly once, lazily and atomically.
    private static let globalInit: CURLcode = ccurl_global_init()

    /// The `CURL *`.
    let raw: UnsafeMutableRawPointer
    /// CURLOPT_ERRORBUFFER target: curl writes a more specific message here than `curl_easy_strerror`.
    private let errorBuffer: UnsafeMutablePointer<CChar>

    init() throws(CurlCallFailure) {
        try curlCheck(Self.globalInit, "curl_global_init")
        guard let handle = curl_easy_init() else {
            throw CurlCallFailure(code: CURLE_FAILED_INIT, call: "curl_easy_init")
        }
        raw = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        // libcurl quirk: cleanup closes the cached connections and, with VERBOSE still on, reports that
        // through the debug callback, whose userdata points at an exchange that has already ended. Resetting
        // first turns verbosity and every callback off.
        curl_easy_reset(raw)
        curl_easy_cleanup(raw)
        errorBuffer.deallocate()
    }

    /// Clears every option for the next request. libcurl quirk: `curl_easy_reset` keeps the connection cache,
    /// the DNS cache and the TLS session cache, which is exactly why one handle is reused for the whole run;
    /// but it also forgets the error buffer, so that is set again here.
    func reset() throws(CurlCallFailure) {
        curl_easy_reset(raw)
        errorBuffer[0] = 0
        try curlCheck(ccurl_setopt_pointer(raw, CURLOPT_ERRORBUFFER, errorBuffer), "curl_easy_setopt(CURLOPT_ERRORBUFFER)")
    }

    /// Forgets the last failure's message, for a transfer on a handle that was not reset.
    func clearErrorMessage() { errorBuffer[0] = 0 }

    /// The detailed message of the last failure, or curl's generic text for `code`.
    func errorMessage(for code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? curlDescription(code) : detail.trimmingTrailingNewlines()
    }

    func set(_ option: CURLoption, _ value: Int, _ name: String) throws(CurlCallFailure) {
        try curlCheck(ccurl_setopt_long(raw, option, value), "curl_easy_setopt(\(name))")
    }

    func set(_ option: CURLoption, _ value: Bool, _ name: String) throws(CurlCallFailure) {
        try set(option, value ? 1 : 0, name)
    }

    func set(_ option: CURLoption, _ value: String, _ name: String) throws(CurlCallFailure) {
        try curlCheck(ccurl_setopt_string(raw, option, value), "curl_easy_setopt(\(name))")
    }

    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?, _ name: String) throws(CurlCallFailure) {
        try curlCheck(ccurl_setopt_pointer(raw, option, pointer), "curl_easy_setopt(\(name))")
    }

    func info(long item: CURLINFO) -> Int {
        var value = 0
        // A missing statistic reads as zero; the transfer's outcome does not depend on it.
        do { try curlCheck(ccurl_getinfo_long(raw, item, &value), "curl_easy_getinfo") } catch { return 0 }
        return value
    }

    func info(offset item: CURLINFO) -> Int64 {
        var value: curl_off_t = 0
        do { try curlCheck(ccurl_getinfo_off_t(raw, item, &value), "curl_easy_getinfo") } catch { return 0 }
        return Int64(value)
    }

    func info(string item: CURLINFO) -> String? {
        var value: UnsafePointer<CChar>? = nil
        do { try curlCheck(ccurl_getinfo_string(raw, item, &value), "curl_easy_getinfo") } catch { return nil }
        return value.map { String(cString: $0) }
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var result = Substring(self)
        // "\r\n" is one Character in Swift, so compare by property, not by literal.
        while let last = result.last, last.isNewline { result = result.dropLast() }
        return String(result)
    }
}
