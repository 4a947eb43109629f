#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a response into the exact bytes sent: one buffer, so status, headers and body leave in one write
/// (a split write meets the client's delayed ACK and costs ~40 ms per request; see NOTES-http.md).
enum HTTPResponseSerializer {
    static func serialize(_ response: HTTPResponse, forHEAD isHEAD: Bool, closing: Bool) -> [UInt8] {
        var head = "HTTP/1.1 \(response.status) \(response.reason)\r\n"
        var headers = response.headers
        let bodyAllowed = !HTTPStatus.forbidsBody(response.status)
        if bodyAllowed, !headers.contains(name: "Content-Length"), !headers.contains(name: "Transfer-Encoding") {
            headers.append(HTTPField(name: "Content-Length", value: String(response.body.count)))
        }
        if !headers.contains(name: "Date") {
            headers.append(HTTPField(name: "Date", value: httpDate()))
        }
        if closing, !headers.contains(name: "Connection") {
            headers.append(HTTPField(name: "Connection", value: "close"))
        }
        for field in headers {
            head += "\(field.name): \(field.value)\r\n"
        }
        head += "\r\n"
        var bytes = Array(head.utf8)
        if bodyAllowed && !isHEAD {
            bytes += response.body
        }
        return bytes
    }

    /// The current time as an IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func httpDate(_ seconds: time_t = time(nil)) -> String {
        var seconds = seconds
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func twoDigits(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let weekday = weekdays[Int(parts.tm_wday) % 7]
        let month = months[Int(parts.tm_mon) % 12]
        return "\(weekday), \(twoDigits(parts.tm_mday)) \(month) \(parts.tm_year + 1900) "
            + "\(twoDigits(parts.tm_hour)):\(twoDigits(parts.tm_min)):\(twoDigits(parts.tm_sec)) GMT"
    }
}
