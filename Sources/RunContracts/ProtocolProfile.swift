import JSONValue

/// `protocolProfileBehavior`: how its keys turn into transport options and build choices.
package enum ProtocolProfile {
    /// Transport options: the run's base options, overridden by every key the behaviour sets (as postman-runtime
    /// prefers a present key over the requester default, even to turn `-k` back off with `strictSSL: true`).
    package static func options(_ behavior: JSONObject, base: RequestOptions) -> RequestOptions {
        var options = base
        if let value = behavior["strictSSL"] { options.verifyTLS = isTruthy(value) }
        if let value = behavior["followRedirects"] { options.followRedirects = isTruthy(value) }
        if let value = behavior["maxRedirects"], let count = value.intValue, count >= 0 { options.maxRedirects = count }
        if let value = behavior["followOriginalHttpMethod"] { options.followOriginalHttpMethod = isTruthy(value) }
        if let value = behavior["followAuthorizationHeader"] { options.followAuthorizationHeader = isTruthy(value) }
        if let value = behavior["removeRefererHeaderOnRedirect"] { options.removeRefererHeaderOnRedirect = isTruthy(value) }
        if let value = behavior["insecureHTTPParser"] { options.insecureHTTPParser = isTruthy(value) }
        if isTruthy(behavior["disableCookies"]) { options.disableCookies = true }
        return options
    }

    /// `disabledSystemHeaders`: the lower-case names whose value is truthy (keys are matched exactly, as the
    /// runtime looks them up by lower-case name).
    package static func disabledSystemHeaders(_ behavior: JSONObject) -> Set<String> {
        guard let object = behavior["disabledSystemHeaders"]?.objectValue else { return [] }
        return Set(object.members.filter { isTruthy($0.value) }.map(\.key))
    }

    /// JavaScript truthiness of a JSON value (`nil`: absent, false).
    package static func isTruthy(_ value: JSONValue?) -> Bool {
        switch value {
        case .none, .null: false
        case .bool(let flag): flag
        case .number(let number): number != 0 && !number.isNaN
        case .string(let text): !text.isEmpty
        case .array, .object: true
        }
    }
}
