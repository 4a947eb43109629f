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

    /// A new `JSStringRef` from Swift text; the caller releases it.
    static func makeJSString(_ text: String) -> JSStringRef {
        var text = text
        return text.withUTF8 { makeJSString(utf8: $0) } ?? {
            // Non-ASCII text with a NUL inside: a C string would end at the NUL.
            var units: [UInt16] = []
            units.reserveCapacity(text.utf8.count)
            units.append(contentsOf: text.utf16)
            return units.withUnsafeBufferPointer { JSStringCreateWithCharacters($0.baseAddress, $0.count) }
        }()
    }

    /// ASCII text (most bodies and every JSON document we serialize) is widened byte for byte, which the compiler
    /// vectorizes; other text goes through JavaScriptCore's UTF-8 decoder. Both replace `Array(text.utf16)`, which
    /// cost about 70 instructions per character, and JavaScriptCore's decoder alone about 35 per byte, together a
    /// tenth of a script run's instructions with a 2 KB body. Nil for non-ASCII text with a NUL inside.
    static func makeJSString(utf8: UnsafeBufferPointer<UInt8>) -> JSStringRef? {
        if let ascii = makeJSString(ascii: utf8) { return ascii }
        let count = utf8.count
        guard !utf8.contains(0) else { return nil }
        var terminated = [CChar](repeating: 0, count: count + 1)
        terminated.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(utf8)) }
        return JSStringCreateWithUTF8CString(terminated)
    }

    /// Nil unless every byte is ASCII, so bytes not known to be valid UTF-8 (a response body) can be tried too.
    static func makeJSString(ascii bytes: UnsafeBufferPointer<UInt8>) -> JSStringRef? {
        let count = bytes.count
        guard bytes.reduce(0, |) < 0x80 else { return nil }
        // On the heap, not in a temporary allocation: Swift puts those on the stack when it has room, and stack
        // pages a large body touched would stay resident for the rest of the run.
        let units = [UInt16](unsafeUninitializedCapacity: count) { units, initialized in
            for index in 0..<count { units[index] = UInt16(bytes[index]) }
            initialized = count
        }
        return units.withUnsafeBufferPointer { JSStringCreateWithCharacters($0.baseAddress, count) }
    }

    /// A JavaScript string from bytes that are ASCII, else from their UTF-8 decoding (invalid bytes become U+FFFD).
    func makeString(bytesOrDecoded bytes: [UInt8]) -> JSValueRef {
        guard let string = bytes.withUnsafeBufferPointer({ JavaScriptContext.makeJSString(ascii: $0) }) else {
            return makeString(String(decoding: bytes, as: UTF8.self))
        }
        defer { JSStringRelease(string) }
        return JSValueMakeString(context, string)
    }

    static func swiftString(_ string: JSStringRef) -> String {
        let length = JSStringGetLength(string)
        guard length > 0, let characters = JSStringGetCharactersPtr(string) else { return "" }
        let units = UnsafeBufferPointer(start: characters, count: length)
        // ASCII narrows unit for unit; transcoding cost about 200 instructions per character of a script's outcome.
        if units.reduce(0, |) < 0x80 {
            return String(unsafeUninitializedCapacity: length) { bytes in
                for index in 0..<length { bytes[index] = UInt8(truncatingIfNeeded: units[index]) }
                return length
            }
        }
        return String(decoding: units, as: UTF16.self)
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

    /// Evaluates a JavaScript string value as source, without turning it into Swift text and back: modules such as
    /// chai (about 400 KB) reach `evaluate` this way, and the two conversions cost more than compiling them.
    func evaluate(sourceValue: JSValueRef, sourceURL: String) throws(JavaScriptException) -> JSValueRef {
        var exception: JSValueRef?
        guard let script = JSValueToStringCopy(context, sourceValue, &exception) else {
            throw JavaScriptException(value: exception ?? undefined)
        }
        let url = JavaScriptContext.makeJSString(sourceURL)
        defer { JSStringRelease(script); JSStringRelease(url) }
        let result = JSEvaluateScript(context, script, nil, url, 1, &exception)
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
