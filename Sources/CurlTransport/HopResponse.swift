import RunContracts

/// One response on the way to the final one (each redirect hop produces one).
struct HopResponse {
    var code: Int
    /// As sent by the server; may be empty.
    var reason: String
    var httpVersion: String
    var headers: [HTTPHeader]
    var body: [UInt8]
    var timings: ResponseTimings
    /// Method and headers as curl wrote them on the wire, when curl reported them.
    var sentHead: (method: String, headers: [HTTPHeader])?
}
