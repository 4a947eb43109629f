// swift-tools-version:6.0
import PackageDescription

// No package dependencies by design: Foundation, the toolchain and Debian's C libraries only.
let package = Package(
    name: "Carrier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "carrier", targets: ["carrier"]),
        .executable(name: "carrier-bench", targets: ["CarrierBench"]),
    ],
    targets: [
        // JSON with source locations and ordered keys; shared by the model, the sandbox and the SCIM server.
        .target(name: "JSONValue"),
        // Temp file, fsync, rename, fsync of the directory: every file Carrier writes (exports, reports, SCIM store).
        .target(name: "AtomicFile"),
        .target(name: "CollectionModel", dependencies: ["JSONValue"]),
        // What the engine and its adapters agree on: the HTTP exchange, run events and records, the transport and
        // sandbox protocols, variable scopes, URL encoding, the secret redactor. Adapters import this, never RunnerCore.
        .target(name: "RunContracts", dependencies: ["CollectionModel", "JSONValue", "CIDNShim"]),
        // One signer per auth type and their registry (`AuthSigners.all`); each declares its secret parameters.
        .target(name: "AuthSigning", dependencies: ["RunContracts", "CollectionModel", "JSONValue", "CarrierCrypto"]),
        .target(name: "RunnerCore", dependencies: ["RunContracts", "AuthSigning", "CollectionModel", "JSONValue", "CarrierCrypto"]),
        // UTS #46 host names (idn2_to_ascii_8z) through the system libidn2, opened on first use (CLazyLoad).
        .target(name: "CIDNShim", dependencies: ["CLazyLoad"]),
        // The public suffix list (psl_latest / psl_builtin) through the system libpsl for the cookie jar, opened on
        // first use (CLazyLoad).
        .target(name: "CPSLShim", dependencies: ["CLazyLoad"]),
        // Digests, HMAC and RSA/ECDSA signing through the system libcrypto (auth signers, input hashing, the SCIM server).
        .target(name: "CarrierCrypto", dependencies: ["CCryptoShim"]),
        // One-shot digests and HMAC (EVP_Digest, HMAC) and RSA/ECDSA signatures (OAuth 1.0a RSA-SHA*, JWT RS/PS/ES)
        // through the system libcrypto: three plain C calls.
        // libcrypto is opened on first use (CLazyLoad), not linked.
        .target(name: "CCryptoShim", dependencies: ["CLazyLoad"]),
        // Shared libraries opened on first use, so a process that never needs one never maps it (docs/performance.md).
        .target(name: "CLazyLoad", linkerSettings: [.linkedLibrary("pthread"), .linkedLibrary("dl")]),
        // curl_easy_setopt/getinfo are variadic: Swift reaches them only through typed C wrappers.
        // libcurl is opened by the first transfer (CLazyLoad), not linked.
        .target(name: "CCurlShim", dependencies: ["CLazyLoad"]),
        .target(name: "CurlTransport", dependencies: ["CCurlShim", "CPSLShim", "RunContracts", "CollectionModel"]),
        // JavaScriptCore's C API (libjavascriptcoregtk-4.1-dev's headers), opened with dlopen by the first script so
        // that runs without scripts never map it (Sources/CJavaScriptCore/loader.c).
        .target(name: "CJavaScriptCore", dependencies: ["CLazyLoad"]),
        // Where an installed carrier finds its data (`<prefix>/share/carrier`); the sandbox and `carrier demo` read it.
        .target(name: "InstallLayout"),
        // The git commit baked in by `make` (a weak "unknown" default otherwise); see Makefile, BUILD_INFO.
        .target(name: "CBuildInfo"),
        .target(name: "JSCSandbox", dependencies: [
            "RunContracts", "CollectionModel", "JSONValue", "InstallLayout",
            .target(name: "CJavaScriptCore", condition: .when(platforms: [.linux])),
        ], resources: [.copy("Bootstrap")]),
        .target(name: "Reporters", dependencies: ["RunContracts", "CollectionModel", "JSONValue", "AtomicFile"]),
        // Server-side TLS for HTTPServer (tests' HTTPS stand-ins): a few OpenSSL calls, writes without SIGPIPE.
        // libssl is opened on first use (CLazyLoad), its libcrypto calls go through CCryptoShim's loader.
        .target(name: "CTLSShim", dependencies: ["CLazyLoad", "CCryptoShim"]),
        .target(name: "HTTPServer", dependencies: ["CTLSShim"]),
        .target(name: "SCIMServer", dependencies: ["HTTPServer", "JSONValue", "CarrierCrypto", "AtomicFile"]),
        .target(name: "CarrierCLI", dependencies: [
            "InstallLayout", "CBuildInfo", "AtomicFile", "CollectionModel", "RunContracts", "AuthSigning", "RunnerCore", "CarrierCrypto", "CurlTransport", "JSCSandbox", "Reporters", "SCIMServer", "HTTPServer", "JSONValue",
        ]),
        .executableTarget(name: "carrier", dependencies: ["CarrierCLI"]),
        // The benchmark suite (`make bench`): runs the built `carrier` as separate processes against its own servers.
        .executableTarget(name: "CarrierBench", dependencies: ["HTTPServer", "SCIMServer", "JSONValue", "CarrierCrypto", "CarrierTestSupport"]),
        .target(name: "CarrierTestSupport", dependencies: ["RunContracts", "RunnerCore", "HTTPServer", "JSONValue"]),

        .testTarget(name: "JSONValueTests", dependencies: ["JSONValue"]),
        .testTarget(name: "AtomicFileTests", dependencies: ["AtomicFile"]),
        .testTarget(name: "CollectionModelTests", dependencies: ["CollectionModel"]),
        .testTarget(name: "CarrierCryptoTests", dependencies: ["CarrierCrypto"]),
        .testTarget(name: "RunnerCoreTests", dependencies: ["RunnerCore", "RunContracts", "AuthSigning", "CarrierCrypto", "CarrierTestSupport"]),
        .testTarget(name: "CurlTransportTests", dependencies: ["CurlTransport", "RunContracts", "CarrierTestSupport"]),
        .testTarget(name: "JSCSandboxTests", dependencies: ["JSCSandbox", "RunContracts", "RunnerCore", "CarrierTestSupport"]),
        .testTarget(name: "ReportersTests", dependencies: ["Reporters", "RunContracts", "RunnerCore", "CarrierTestSupport"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "CarrierTestSupport"]),
        .testTarget(name: "SCIMServerTests", dependencies: ["SCIMServer", "HTTPServer", "CarrierTestSupport"]),
        .testTarget(name: "CarrierCLITests", dependencies: ["CarrierCLI", "RunContracts", "RunnerCore"]),
        .testTarget(name: "EndToEndTests", dependencies: ["CarrierCLI", "RunContracts", "RunnerCore", "CarrierTestSupport", "HTTPServer", "JSONValue"],
                    exclude: ["Peers", "Fixtures"]),
        // Secrets, malformed inputs, network and script faults, against the built binary; the corpus is data.
        .testTarget(name: "RobustnessTests", dependencies: ["CarrierCLI", "RunContracts", "RunnerCore", "CarrierTestSupport", "HTTPServer", "JSONValue"],
                    exclude: ["MalformedInputs"]),
    ]
)
