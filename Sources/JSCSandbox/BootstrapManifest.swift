/// The sandbox's bootstrap scripts (Bootstrap/*.js), in load order, with what each defines: the globals a script sees
/// and the names `require` answers. `JSCSandbox` loads exactly this list; `PreflightCheck` (`carrier check`) reads
/// `providedModules` from it; a test (BootstrapManifestTests) checks it against the folder and against what each
/// file really defines once loaded. Names a file keeps on the hidden `__carrier` object are not listed.
package enum BootstrapManifest {
    package struct File: Sendable {
        package let name: String
        /// Globals the file defines (some lazily: the library loads when a script first reads the name).
        package let globals: [String]
        /// Modules `require` answers because of the file.
        package let modules: [String]
    }

    /// Library modules that modules.js maps to Debian's files (the Debian package is named when one is missing).
    package static let libraryModules = [
        "lodash", "chai", "moment", "uuid", "backbone", "underscore", "ajv", "xml2js", "cheerio", "punycode", "events",
        "tv4", "crypto-js",
    ]

    package static let files: [File] = [
        File(name: "core.js", globals: ["__carrier", "global"], modules: []),
        File(name: "inspect.js", globals: ["console"], modules: []),
        File(name: "timers.js", globals: ["setTimeout", "setInterval", "setImmediate", "clearTimeout", "clearInterval",
                                          "clearImmediate"], modules: []),
        File(name: "modules.js", globals: [], modules: libraryModules),
        File(name: "node-text.js", globals: ["TextEncoder", "TextDecoder", "atob", "btoa"], modules: ["atob", "btoa"]),
        File(name: "node-buffer.js", globals: ["Buffer"], modules: ["buffer"]),
        File(name: "node-timers.js", globals: [], modules: ["timers"]),
        File(name: "node-stream.js", globals: [], modules: ["stream"]),
        File(name: "node-string-decoder.js", globals: [], modules: ["string_decoder"]),
        File(name: "node-util.js", globals: [], modules: ["util"]),
        File(name: "node-path.js", globals: [], modules: ["path"]),
        File(name: "node-querystring.js", globals: [], modules: ["querystring"]),
        File(name: "node-url.js", globals: ["URL", "URLSearchParams"], modules: ["url"]),
        File(name: "node-assert.js", globals: [], modules: ["assert"]),
        File(name: "collection.js", globals: [], modules: []),
        File(name: "response.js", globals: [], modules: []),
        File(name: "postman-collection.js", globals: [], modules: ["postman-collection"]),
        File(name: "variables.js", globals: [], modules: []),
        File(name: "chai-postman.js", globals: [], modules: []),
        File(name: "pm.js", globals: [], modules: []),
        File(name: "legacy.js", globals: ["_", "CryptoJS", "tv4", "cheerio", "Backbone", "xml2Json"], modules: []),
        File(name: "csv-parse.js", globals: [], modules: ["csv-parse/lib/sync", "csv-parse/sync"]),
    ]

    /// Every module `require` finds in the sandbox (Postman's list as far as Carrier provides it).
    package static var providedModules: Set<String> { Set(files.flatMap(\.modules)) }
}
