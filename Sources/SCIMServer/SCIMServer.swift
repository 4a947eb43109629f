#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import HTTPServer

/// Everything a SCIM server needs to start, as `carrier scim-server` options map onto it.
package struct SCIMServerConfig: Sendable {
    /// Address to bind, `127.0.0.1` by default.
    package var host: String
    /// Port to bind; 0 picks a free one.
    package var port: UInt16
    /// HTTP Basic user name.
    package var username: String
    /// HTTP Basic password.
    package var password: String
    /// JSON file the users and groups persist to; nil keeps them in memory only.
    package var dataFile: String?
    /// Path prefix of every endpoint.
    package var basePath: String
    /// Deliberate defects for negative tests; empty for a correct server.
    package var faults: SCIMFaults
    /// Largest page (ServiceProviderConfig `filter.maxResults`).
    package var maxResults: Int
    /// Limits of the underlying HTTP server.
    package var limits: HTTPServerLimits

    /// A configuration; only the credentials are required.
    package init(
        host: String = "127.0.0.1", port: UInt16 = 0, username: String, password: String, dataFile: String? = nil,
        basePath: String = "/scim/v2", faults: SCIMFaults = [], maxResults: Int = 200, limits: HTTPServerLimits = .init()
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.dataFile = dataFile
        self.basePath = basePath
        self.faults = faults
        self.maxResults = maxResults
        self.limits = limits
    }
}

/// A SCIM 2.0 service provider on its own HTTP server.
///
/// ```swift
/// let server = try SCIMServer(config: SCIMServerConfig(username: "scim", password: "secret"))
/// try server.start()
/// print(server.baseURL)  // http://127.0.0.1:PORT/scim/v2
/// server.stop()
/// ```
package final class SCIMServer: Sendable {
    /// The configuration it was created with.
    package let config: SCIMServerConfig
    /// The users and groups (for tests that want to look behind the HTTP interface).
    package let store: SCIMUserStore
    /// The HTTP handler.
    package let service: SCIMService
    private let http: HTTPServer

    /// Loads the data file (if any); throws `SCIMDataFileError` when it exists but cannot be read.
    package init(config: SCIMServerConfig) throws(SCIMDataFileError) {
        self.config = config
        store = try SCIMUserStore(dataFile: config.dataFile, caseExactUserNames: config.faults.contains(.duplicateUserNameOtherCase))
        service = SCIMService(
            store: store, username: config.username, password: config.password, basePath: config.basePath,
            faults: config.faults, maxResults: config.maxResults)
        http = HTTPServer(host: config.host, port: config.port, limits: config.limits, handler: service)
    }

    /// Binds and starts serving; throws `HTTPServerError` when the address is unusable.
    package func start() throws(HTTPServerError) { try http.start() }

    /// Stops serving and waits for open connections to close. Idempotent.
    package func stop() { http.stop() }

    /// The bound port (after `start()`).
    package var port: UInt16 { http.port }

    /// `http://host:port/scim/v2`.
    package var baseURL: String { http.baseURL + service.basePath }

    /// Starts a server and serves until the process ends; prints
    /// `SCIM server listening on http://127.0.0.1:PORT/scim/v2` once listening. Every acknowledged write is
    /// already on disk, so ending the process with a signal loses nothing.
    package static func runForever(config: SCIMServerConfig, announce: (String) -> Void = { print($0) }) throws -> Never {
        unblockStopSignals()
        let server = try SCIMServer(config: config)
        try server.start()
        announce("SCIM server listening on \(server.baseURL)")
        fflush(nil)  // all streams: the announcement must reach a pipe before we sleep
        while true { sleep(3600) }
    }

    /// A process inherits its parent's blocked signals: started from a thread that blocks SIGTERM (as
    /// dispatch's worker threads do, so any Swift program using Foundation's Process from a task), the
    /// server could not be stopped by SIGTERM or Ctrl-C. Default handling is what a foreground server wants.
    private static func unblockStopSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGQUIT] { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }
}
