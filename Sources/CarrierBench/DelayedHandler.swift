import Foundation
import HTTPServer

/// Another handler's answers after a fixed pause: a local SCIM server that answers like a remote portal, so runs
/// against many portals are dominated by waiting, as they are in production, rather than by the loopback.
struct DelayedHandler: HTTPHandler {
    let inner: any HTTPHandler
    let delayMicroseconds: UInt32

    func reply(to request: HTTPRequest) -> HTTPReply {
        usleep(delayMicroseconds)
        return inner.reply(to: request)
    }
}
