#if canImport(CJavaScriptCore)
import CJavaScriptCore
#else
import JavaScriptCore
#endif

/// A JavaScript exception caught at the Swift boundary, as the value JavaScript threw.
// Unchecked: a JSValueRef is only touched on the thread that runs the context.
struct JavaScriptException: Error, @unchecked Sendable {
    /// The thrown value (protected until the holder lets go of it via `JavaScriptContext.release`).
    let value: JSValueRef
}

/// Owns one JavaScriptCore context and its group; every call into JavaScript goes through here so that every
/// exception is caught in one place and every `JSStringRef` is released.
final class JavaScriptContext {
    let group: JSContextGroupRef
    let context: JSGlobalContextRef
    /// Script runs since the last full collection (see `collectGarbageNowAndThen`).
    var runsSinceCollection = 0

    init() {
        _ = EngineOptions.configured
        group = JSContextGroupCreate()
        context = JSGlobalContextCreateInGroup(group, nil)
    }

    deinit {
        JSGlobalContextRelease(context)
        JSContextGroupRelease(group)
    }

    var globalObject: JSObjectRef { JSContextGetGlobalObject(context) }

    // MARK: Strings

    /// A new `JSStringRef` from Swift text, through UTF-16 so non-ASCII text survives; the caller releases it.
    static func makeJSString(_ text: String) -> JSStringRef {
        let units = Array(text.utf16)
        return units.withUnsafeBufferPointer { buffer in
            JSStringCreateWithCharacters(buffer.baseAddress, buffer.count)
        }
    }

    static func swiftString(_ string: JSStringRef) -> String {
        let length = JSStringGetLength(string)
        guard length > 0, let characters = JSStringGetCharactersPtr(string) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: characters, count: length), as: UTF16.self)
    }

    func makeString(_ text: String) -> JSValueRef {
        let string = JavaScriptContext.makeJSString(text)
        defer { JSStringRelease(string) }
        return JSValueMakeString(context, string)
    }

    /// `String(value)` as JavaScript would print it; a throwing `toString` gives an empty string.
    func string(_ value: JSValueRef?) -> String {
        guard let value else { return "" }
        guard let string = JSValueToStringCopy(context, value, nil) else { return "" }
        defer { JSStringRelease(string) }
        return JavaScriptContext.swiftString(string)
    }

    func isUndefinedOrNull(_ value: JSValueRef?) -> Bool {
        guard let value else { return true }
        return JSValueIsUndefined(context, value) || JSValueIsNull(context, value)
    }

    var undefined: JSValueRef { JSValueMakeUndefined(context) }

    // MARK: Properties

    func property(_ object: JSObjectRef, _ name: String) -> JSValueRef? {
        let key = JavaScriptContext.makeJSString(name)
        defer { JSStringRelease(key) }
        return JSObjectGetProperty(context, object, key, nil)
    }

    func setProperty(_ object: JSObjectRef, _ name: String, _ value: JSValueRef) {
        let key = JavaScriptContext.makeJSString(name)
        defer { JSStringRelease(key) }
        JSObjectSetProperty(context, object, key, value, JSPropertyAttributes(kJSPropertyAttributeNone), nil)
    }

    func object(_ value: JSValueRef?) -> JSObjectRef? {
        guard let value, JSValueIsObject(context, value) else { return nil }
        return JSValueToObject(context, value, nil)
    }

    // MARK: Evaluation

    /// Evaluates source text; `sourceURL` names it in stack traces.
    func evaluate(_ source: String, sourceURL: String, line: Int32 = 1) throws(JavaScriptException) -> JSValueRef {
        let script = JavaScriptContext.makeJSString(source)
        let url = JavaScriptContext.makeJSString(sourceURL)
        defer { JSStringRelease(script); JSStringRelease(url) }
        var exception: JSValueRef?
        let result = JSEvaluateScript(context, script, nil, url, line, &exception)
        if let exception { throw JavaScriptException(value: exception) }
        return result ?? undefined
    }

    /// Calls `function` with `this` undefined.
    func call(_ function: JSObjectRef, _ arguments: [JSValueRef]) throws(JavaScriptException) -> JSValueRef {
        var exception: JSValueRef?
        let optionals: [JSValueRef?] = arguments
        let result = optionals.withUnsafeBufferPointer { buffer -> JSValueRef? in
            JSObjectCallAsFunction(context, function, nil, buffer.count, buffer.baseAddress, &exception)
        }
        if let exception { throw JavaScriptException(value: exception) }
        return result ?? undefined
    }

    /// Parses JSON text into a JavaScript value (undefined when the text is not JSON).
    func parseJSON(_ text: String) -> JSValueRef {
        let string = JavaScriptContext.makeJSString(text)
        defer { JSStringRelease(string) }
        return JSValueMakeFromJSONString(context, string) ?? undefined
    }
}
