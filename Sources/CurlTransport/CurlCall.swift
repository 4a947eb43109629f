import CCurlShim

/// A libcurl call that did not return `CURLE_OK`: which call, and curl's code.
struct CurlCallFailure: Error {
    /// The curl code returned.
    let code: CURLcode
    /// What we were doing, e.g. `curl_easy_setopt(CURLOPT_URL)`.
    let call: String
}

/// The one place every `CURLcode` is checked: anything but `CURLE_OK` becomes a `CurlCallFailure`.
@inline(__always)
func curlCheck(_ code: CURLcode, _ call: @autoclosure () -> String) throws(CurlCallFailure) {
    guard code == CURLE_OK else { throw CurlCallFailure(code: code, call: call()) }
}

/// curl's own text for a code (static storage inside libcurl).
func curlDescription(_ code: CURLcode) -> String {
    guard let text = curl_easy_strerror(code) else { return "curl error \(code.rawValue)" }
    return String(cString: text)
}
